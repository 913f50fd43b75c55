#!/usr/bin/env bash
# coldstart.sh: what a user waits for, measured in fresh processes, TextRepair beside Debian's native OpenCC in one run.
#   - first use: ChineseConverter.Get(config) + the first conversion of a 13-character text, timed inside a fresh
#     process (benchmarks/ColdStart), built three ways: JIT (IL only), ReadyToRun (what the package's R2R library gives
#     a JIT app) and Native AOT; beside libopencc (opencc_open + convert + close) called from the AOT build;
#   - whole process: the JIT and AOT harness apps, the installed `textrepair convert -c s2t` on a 13-character file
#     (the tool installed by tools/package-proof.sh, if it ran) and Debian's `opencc -c s2t.json` on the same file;
#   - memory: resident-set growth from loading all 16 configs (JIT and AOT builds);
#   - a baseline: /bin/true started the same way, so a loaded machine shows in the numbers.
# Each figure is the median of N fresh processes (min and max beside it).
# Usage: tools/coldstart.sh [--quick] [--out FILE]   (--quick: 7 runs instead of 31; needs apt packages opencc and
#        libopencc1.1 for the OpenCC rows, which are skipped with a note when missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=31
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) runs=7 ;;
        --out) out="$2"; shift ;;
        *) echo "usage: tools/coldstart.sh [--quick] [--out FILE]" >&2; exit 2 ;;
    esac
    shift
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project="$root/benchmarks/ColdStart/ColdStart.csproj"
configs="t2s tw2sp s2t s2twp"
simplified="我们的头发里面有一些汉字。"
traditional="我們的頭髮裡面有一些漢字。"
printf '%s' "$simplified" > "$work/tiny.txt"

echo "coldstart: publish the harness (JIT, ReadyToRun, Native AOT)" >&2
dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=false -o "$work/jit" --nologo -v q >&2
dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" --nologo -v q >&2
aot=yes
dotnet publish "$project" -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" --nologo -v q > "$work/aot.log" 2>&1 || { aot=no; tail -5 "$work/aot.log" >&2; }
native=no
[ -f /usr/share/opencc/s2t.json ] && grep -qF 'libopencc.so.1.1' <<< "$(ldconfig -p)" && native=yes
runner="$work/jit/ColdStart"; [ "$aot" = yes ] && runner="$work/aot/ColdStart"

# median of N in-process first-use times
first() {
    local app=$1 mode=$2 config=$3 text=$4 i
    for i in $(seq "$runs"); do "$app" "$mode" "$config" "$text"; done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'
}
# median whole-process wall time of N runs
whole() { "$runner" run "$runs" "$@" | awk '{printf "%.1f (%.1f-%.1f)", $1, $2, $3}'; }
text_for() { case "$1" in t2s|tw2sp) printf '%s' "$traditional" ;; *) printf '%s' "$simplified" ;; esac; }

load=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(sed -n 's/^model name\s*: //p;T;q' /proc/cpuinfo)
{
echo "Cold start, $(date -u +%Y-%m-%d), $cpu, $(nproc) cores, load average $load at start, median of $runs fresh processes (ms)."
echo
echo "| config | JIT | ReadyToRun | Native AOT | libopencc 1.1.6 |"
echo "|---|---:|---:|---:|---:|"
for config in $configs; do
    t=$(text_for "$config")
    jit=$(first "$work/jit/ColdStart" first "$config" "$t")
    r2r=$(first "$work/r2r/ColdStart" first "$config" "$t")
    a="n/a"; [ "$aot" = yes ] && a=$(first "$work/aot/ColdStart" first "$config" "$t")
    n="n/a"; [ "$native" = yes ] && n=$(first "$runner" native "$config" "$t")
    echo "| $config | $jit | $r2r | $a | $n |"
done
echo
echo "Whole process (start to exit, ms, median (min-max)):"
echo
echo "| command | time |"
echo "|---|---:|"
echo "| /bin/true (baseline) | $(whole /bin/true) |"
echo "| harness, JIT, first use of s2t | $(whole "$work/jit/ColdStart" first s2t "$simplified") |"
echo "| harness, ReadyToRun, first use of s2t | $(whole "$work/r2r/ColdStart" first s2t "$simplified") |"
[ "$aot" = yes ] && echo "| harness, Native AOT, first use of s2t | $(whole "$work/aot/ColdStart" first s2t "$simplified") |"
tool="$root/artifacts/package-proof/tool/textrepair"
if [ -x "$tool" ]; then
    echo "| installed \`textrepair convert -c s2t\`, 13 characters | $(whole "$tool" convert -c s2t "$work/tiny.txt") |"
else
    echo "| installed \`textrepair\` | not measured: run tools/package-proof.sh first |"
fi
if command -v opencc > /dev/null; then
    echo "| Debian \`opencc -c s2t.json\`, 13 characters | $(whole "$(command -v opencc)" -c s2t.json -i "$work/tiny.txt") |"
else
    echo "| Debian \`opencc\` | not installed (apt-get install opencc) |"
fi
echo
mem_jit=$("$work/jit/ColdStart" memory)
mem_r2r=$("$work/r2r/ColdStart" memory)
mem_aot="n/a"; [ "$aot" = yes ] && mem_aot=$("$work/aot/ColdStart" memory)
echo "All 16 configs loaded (and the code that runs them, compiled on the way in the JIT builds): resident set grows by $mem_jit MB (JIT app), $mem_r2r MB (ReadyToRun app), $mem_aot MB (Native AOT app)."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$work/result.md"
[ -n "$out" ] && cp "$work/result.md" "$out"
exit 0
