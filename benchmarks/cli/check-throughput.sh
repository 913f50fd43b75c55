#!/usr/bin/env bash
# Whole-process throughput of `textrepair check` (issue 18: >= 100 MB/s on plain text): starts the tool as a CI job
# would and times it on ~100 MB of Taiwan text, with baselines measured in the same run: `cat` (reading the file), the
# tool's start-up (`--version`) and a check of a 10-byte file (start-up plus loading the checker's tables).
#
#   benchmarks/cli/check-throughput.sh                        # build, generate the input, measure (best of 3)
#   BASE="dotnet /path/to/main/TextRepair.Cli.dll" benchmarks/cli/check-throughput.sh   # also time another build, interleaved
#   TOOL=/path/to/aot/TextRepair.Cli benchmarks/cli/check-throughput.sh                  # time a Native AOT binary instead
#   SIZE_MB=1000 RUNS=1 benchmarks/cli/check-throughput.sh   # the 1 GB memory check (max resident set size is printed)
#
# Input: LibreOffice's zh-TW help text (tools/fetch-conversion-corpus.sh, MPL-2.0; fetched into
# benchmarks/TextRepair.Benchmarks/corpus when missing) repeated to SIZE_MB. Prints a Markdown table with the load
# average before and after: on a shared machine compare rows of the same run, and the CPU seconds. Needs bash, GNU time.
# Writes only under ${WORK:-/tmp/textrepair-check-bench}.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${WORK:-/tmp/textrepair-check-bench}"
size_mb="${SIZE_MB:-100}"
runs="${RUNS:-3}"
mkdir -p "$work"

if [[ -z "${TOOL:-}" ]]; then
    dotnet build "$root/src/TextRepair.Cli" -c Release -v quiet -nologo >/dev/null
    read -r -a tool <<< "dotnet $root/src/TextRepair.Cli/bin/Release/net10.0/TextRepair.Cli.dll"
else
    read -r -a tool <<< "$TOOL"
fi
base=()
[[ -n "${BASE:-}" ]] && read -r -a base <<< "$BASE"

corpus="$root/benchmarks/TextRepair.Benchmarks/corpus/zh-tw.txt"
[[ -f "$corpus" ]] || "$root/tools/fetch-conversion-corpus.sh" >/dev/null
input="$work/zh-tw-${size_mb}mb.txt"
if [[ ! -f "$input" ]]; then
    target=$((size_mb * 1000000))
    : > "$input"
    while (( $(stat -c %s "$input") < target )); do cat "$corpus" >> "$input"; done
fi
small="$work/small.txt"
printf '\xe4\xb8\xad\xe6\x96\x87\n' > "$small"

# Runs a command RUNS times; prints "seconds cpu_seconds max_rss_kb" of the fastest run (wall clock). check exits 1
# when it finds something, which is expected here.
measure() {
    local best="" cpu="" rss=""
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null || true
        read -r t u s m < <(tail -1 "$work/time.txt")
        if [[ -z "$best" ]] || awk "BEGIN{exit !($t < $best)}"; then best="$t"; cpu=$(awk "BEGIN{print $u + $s}"); rss="$m"; fi
    done
    echo "$best $cpu $rss"
}

row() { # name, bytes, command...
    local name="$1" bytes="$2"; shift 2
    read -r seconds cpu rss < <(measure "$@")
    awk -v n="$name" -v b="$bytes" -v s="$seconds" -v c="$cpu" -v r="$rss" \
        'BEGIN { printf "| %s | %.1f | %.2f | %s | %.2f | %.0f |\n", n, b/1e6, s, (s > 0 && b > 0 ? sprintf("%.0f", b/1e6/s) : "-"), c, r/1024 }'
}

both() { # name, bytes, arguments...: this build, then the base build when given
    local name="$1" bytes="$2"; shift 2
    row "$name" "$bytes" "${tool[@]}" "$@"
    if (( ${#base[@]} > 0 )); then row "$name (base)" "$bytes" "${base[@]}" "$@"; fi
}

bytes=$(stat -c %s "$input")
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1); tool: ${tool[*]}; best of $runs runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Command | Input MB | Seconds | MB/s | CPU seconds | Max RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
row "baseline: \`cat\` (read the file, from the page cache)" "$bytes" cat "$input"
both "baseline: start-up only (\`--version\`)" 0 --version
both "baseline: \`check --expect zh-Hant-TW\` of a 10-byte file (start-up and tables)" 0 check --expect zh-Hant-TW "$small"
both "\`check --expect zh-Hant\`" "$bytes" check --expect zh-Hant "$input"
both "\`check --expect zh-Hant-TW\` (text)" "$bytes" check --expect zh-Hant-TW "$input"
both "\`check --expect zh-Hant-TW --json\`" "$bytes" check --expect zh-Hant-TW --json "$input"
both "\`check --expect zh-Hant-TW --sarif\`" "$bytes" check --expect zh-Hant-TW --sarif "$input"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); findings under zh-Hant-TW: $("${tool[@]}" check --expect zh-Hant-TW "$input" | wc -l)"
