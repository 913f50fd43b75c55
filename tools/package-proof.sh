#!/usr/bin/env bash
# package-proof.sh: proves the NuGet packages work for someone who only has the .nupkg files.
#   1. packs TextRepair and TextRepair.Cli into a temporary local feed;
#   2. builds tools/package-proof (a fresh console app, outside the repo's build settings) against the TextRepair package
#      from that feed only, runs a conversion and the seed repair, and checks the output;
#      checks that the library's ReadyToRun image for linux-x64 is the one loaded and that it saves JIT work (methods
#      the first conversion JIT-compiles, against a run with DOTNET_ReadyToRun=0);
#   3. publishes the same app with NativeAOT and runs it (skipped with a message if the AOT compiler cannot be restored);
#   4. packs the tool as a platform-specific tool (pointer package TextRepair.Cli, Native AOT TextRepair.Cli.linux-x64,
#      framework-dependent fallback TextRepair.Cli.any), installs it from the feed, checks that the installed command is
#      the Native AOT binary, and converts, detects and repairs the seed with it; runs the same checks with the fallback
#      package's TextRepair.Cli.dll under `dotnet`. The installed tool stays in artifacts/package-proof/tool for
#      tools/coldstart.sh.
# Usage: tools/package-proof.sh        (run from anywhere; exits non-zero on the first failure)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p;T;q' "$root/Directory.Build.props")
seed="$root/seeds/000_fd27bc0d7b45cc12.txt"
expected="$root/seeds/000_fd27bc0d7b45cc12.expected.txt"

# A package of the same version restored earlier would be taken from the global cache instead of the new one.
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
rm -rf "$cache/textrepair" "$cache/textrepair.cli" "$cache/textrepair.cli.linux-x64" "$cache/textrepair.cli.any"

echo "package-proof: pack $version"
dotnet pack "$root/src/TextRepair/TextRepair.csproj" -c Release -o "$feed" --nologo -v q
dotnet pack "$root/src/TextRepair.Cli/TextRepair.Cli.csproj" -c Release -o "$feed" --nologo -v q
# The Native AOT implementation: a trim or AOT warning means code that may fail only in the installed tool.
dotnet pack "$root/src/TextRepair.Cli/TextRepair.Cli.csproj" -c Release -r linux-x64 -o "$feed" --nologo -v q > "$work/tool-aot.log" 2>&1 \
    || { cat "$work/tool-aot.log"; echo "package-proof: Native AOT tool pack failed"; exit 1; }
if grep -E 'warning (IL|CS)' "$work/tool-aot.log"; then echo "package-proof: trim/AOT warnings in the tool"; exit 1; fi
dotnet pack "$root/src/TextRepair.Cli/TextRepair.Cli.csproj" -c Release -r any -o "$feed" --nologo -v q
ls "$feed"
for f in TextRepair.$version.nupkg TextRepair.$version.snupkg TextRepair.Cli.$version.nupkg \
         TextRepair.Cli.linux-x64.$version.nupkg TextRepair.Cli.any.$version.nupkg; do
    [ -f "$feed/$f" ] || { echo "package-proof: $f missing"; exit 1; }
done
# The package carries its readme, licence and third-party notices.
contents=$(unzip -l "$feed/TextRepair.$version.nupkg")
for f in README.md LICENSE THIRD-PARTY-NOTICES.md licenses/OpenCC/LICENSE licenses/Unihan/LICENSE lib/net10.0/TextRepair.xml; do
    grep -qF " $f" <<< "$contents" || { echo "package-proof: $f missing from the package"; exit 1; }
done

# A consumer outside the repo: no Directory.Build.props above it; TextRepair* only from the local feed (the most specific
# pattern wins), everything else (the AOT compiler) from the usual registry.
app="$work/app"
mkdir -p "$app"
cp "$root/tools/package-proof/Program.cs" "$root/tools/package-proof/PackageProof.csproj" "$app/"
cat > "$app/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="TextRepair*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
echo "package-proof: build and run the consumer"
(cd "$app" && dotnet run -c Release -p:TextRepairVersion="$version" -- "$seed" "$expected") | tee "$work/consumer.txt"
# The package carries a ReadyToRun image for linux-x64 in runtimes/linux-x64/lib (see src/TextRepair/TextRepair.csproj):
# the consumer must load it, and its first conversion must JIT fewer methods than with precompiled code switched off.
# (Grep the listing taken above, not a pipe: under pipefail, `unzip -l | grep -q` fails when grep exits at its first
# match and unzip is killed by SIGPIPE while still writing; that made CI red once with the image present.)
grep -qF " runtimes/linux-x64/lib/net10.0/TextRepair.dll" <<< "$contents" \
    || { echo "package-proof: no ReadyToRun image in runtimes/linux-x64/lib"; exit 1; }
grep -qx 'readytorun: yes' "$work/consumer.txt" || { echo "package-proof: the consumer did not load the ReadyToRun image"; exit 1; }
(cd "$app" && DOTNET_ReadyToRun=0 dotnet run -c Release --no-build -p:TextRepairVersion="$version" -- "$seed" "$expected") > "$work/consumer-jit.txt"
with_r2r=$(sed -n 's/^jit-methods-first-conversion: //p' "$work/consumer.txt")
without_r2r=$(sed -n 's/^jit-methods-first-conversion: //p' "$work/consumer-jit.txt")
echo "package-proof: methods JIT-compiled for the first conversion: $with_r2r with the ReadyToRun image, $without_r2r with it switched off"
[ "$with_r2r" -lt "$without_r2r" ] || { echo "package-proof: the ReadyToRun image saved no JIT work"; exit 1; }

echo "package-proof: NativeAOT publish of the consumer"
if (cd "$app" && dotnet publish -c Release -r linux-x64 -p:PublishAot=true -p:TextRepairVersion="$version" -o "$work/aot" --nologo -v q > "$work/aot.log" 2>&1); then
    if grep -E 'warning (IL|CS)' "$work/aot.log"; then echo "package-proof: trim/AOT warnings"; exit 1; fi
    "$work/aot/PackageProof" "$seed" "$expected"
else
    if grep -qE 'NU1101|NU1102|Unable to find package' "$work/aot.log"; then
        echo "package-proof: NativeAOT compiler packages could not be restored here; AOT step skipped"
    else
        cat "$work/aot.log"; exit 1
    fi
fi

echo "package-proof: install the tool from the feed"
tool="$root/artifacts/package-proof/tool"
rm -rf "$tool"
dotnet tool install TextRepair.Cli --version "$version" --tool-path "$tool" --add-source "$feed" > /dev/null
"$tool/textrepair" --version
# On linux-x64 the command must be the Native AOT binary from TextRepair.Cli.linux-x64, not a managed app host.
target=$(readlink -f "$tool/textrepair")
case "$target" in
    */textrepair.cli.linux-x64/*) ;;
    *) echo "package-proof: installed command is $target, not the linux-x64 Native AOT package"; exit 1 ;;
esac
[ ! -e "$(dirname "$target")/TextRepair.Cli.dll" ] || { echo "package-proof: the AOT package carries managed assemblies"; exit 1; }
echo "package-proof: installed tool is Native AOT ($(du -k "$target" | cut -f1) KB)"
printf '汉字转换' > "$work/tiny.txt"
check_tool() {
    local name=$1; shift
    [ "$("$@" convert -c s2t "$work/tiny.txt")" = "漢字轉換" ] || { echo "package-proof: $name conversion differs"; exit 1; }
    local report; report=$("$@" detect "$seed") || { echo "package-proof: $name detect failed"; exit 1; }
    grep -qF '"script"' <<< "$report" || { echo "package-proof: $name detect gave no JSON report"; exit 1; }
    "$@" repair "$seed" > "$work/repaired.txt"
    cmp "$work/repaired.txt" "$expected" || { echo "package-proof: $name repair differs from the reference"; exit 1; }
}
check_tool "installed tool" "$tool/textrepair"
# sample.parquet: written with ParquetSharp 25.0.1.2, one row group, columns id (int32) and text (string): rows
# (1, 汉字转换), (2, null), (3, 头发和发展). It proves ParquetSharp's native library ships with and loads in the AOT tool.
"$tool/textrepair" convert -c s2t --field text "$root/tools/package-proof/sample.parquet" -o "$work/out.parquet"
"$tool/textrepair" detect --field text "$work/out.parquet" > "$work/parquet.jsonl"
[ "$(grep -c '"script":"traditional"' "$work/parquet.jsonl")" = 2 ] \
    || { cat "$work/parquet.jsonl"; echo "package-proof: installed tool's Parquet conversion differs"; exit 1; }

echo "package-proof: the framework-dependent fallback package (what other platforms install)"
mkdir "$work/any"
unzip -q "$feed/TextRepair.Cli.any.$version.nupkg" -d "$work/any"
check_tool "fallback tool" dotnet "$work/any/tools/net10.0/any/TextRepair.Cli.dll"
echo "package-proof: ok"
