#!/usr/bin/env bash
# Whole-process throughput of `textrepair check` (issue 18: >= 100 MB/s on plain text): starts the tool as a CI job
# would and times it on ~100 MB of Taiwan text and ~100 MB of mainland text, with baselines measured in the same run:
# `cat` (reading the file), `iconv -f UTF-8 -t UTF-8` (a validating pass over it), the tool's start-up (`--version`) and
# a check of a 10-byte file (start-up plus loading the checker's tables).
#
#   benchmarks/cli/check-throughput.sh                        # build, generate the input, measure (best of 3)
#   BASE="dotnet /path/to/main/TextRepair.Cli.dll" benchmarks/cli/check-throughput.sh   # also time another build, interleaved
#   TOOL=/path/to/aot/TextRepair.Cli benchmarks/cli/check-throughput.sh                  # time a Native AOT binary instead
#   SIZE_MB=1000 RUNS=1 benchmarks/cli/check-throughput.sh   # the 1 GB memory check (max resident set size is printed)
#   CLEAN_ONLY=1 ...                                          # only the baselines and the clean rows (no zh-Hant-TW)
#
# With BASE, the two builds run in turn, one run each, RUNS times, and each row keeps its fastest run: both see the
# same load, which on a shared machine matters more than anything else.
#
# Input: LibreOffice's zh-TW and zh-CN help text (tools/fetch-conversion-corpus.sh, MPL-2.0; fetched into
# benchmarks/TextRepair.Benchmarks/corpus when missing), each repeated to SIZE_MB. The clean plain-text rows are
# `--expect zh-Hant` on the Taiwan text (3,306 findings) and `--expect zh-Hans` on the mainland text (259 findings);
# under `--expect zh-Hant-TW` the Taiwan text is full of findings (344,752). Prints a Markdown table with the load
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

corpus="$root/benchmarks/TextRepair.Benchmarks/corpus"
[[ -f "$corpus/zh-tw.txt" && -f "$corpus/zh-cn.txt" ]] || "$root/tools/fetch-conversion-corpus.sh" >/dev/null
for lang in tw cn; do
    file="$work/zh-${lang}-${size_mb}mb.txt"
    if [[ ! -f "$file" ]]; then
        target=$((size_mb * 1000000))
        : > "$file"
        while (( $(stat -c %s "$file") < target )); do cat "$corpus/zh-$lang.txt" >> "$file"; done
    fi
done
input="$work/zh-tw-${size_mb}mb.txt"
mainland="$work/zh-cn-${size_mb}mb.txt"
small="$work/small.txt"
printf '\xe4\xb8\xad\xe6\x96\x87\n' > "$small"

# check exits 1 when it finds something, which is expected here.
expect_status="0 1"
# shellcheck source=benchmarks/cli/measure.sh
source "$root/benchmarks/cli/measure.sh"

both() { # name, bytes, arguments...: this build, and the base build when given, run by run in turn (same load)
    local name="$1" bytes="$2"; shift 2
    if (( ${#base[@]} == 0 )); then row "$name" "$bytes" "${tool[@]}" "$@"; return; fi
    local total="$runs" mine=() theirs=() _
    runs=1
    for _ in $(seq "$total"); do
        mine+=("$(measure "${tool[@]}" "$@")")
        theirs+=("$(measure "${base[@]}" "$@")")
    done
    runs="$total"
    print_best "$name" "$bytes" "${mine[@]}"
    print_best "$name (base)" "$bytes" "${theirs[@]}"
}

print_best() { # name, bytes, "seconds cpu rss"...: the row of the fastest run by wall clock
    local name="$1" bytes="$2" seconds cpu rss; shift 2
    read -r seconds cpu rss < <(printf '%s\n' "$@" | sort -g | head -1)
    awk -v n="$name" -v b="$bytes" -v s="$seconds" -v c="$cpu" -v r="$rss" \
        'BEGIN { printf "| %s | %.1f | %.2f | %s | %.2f | %.0f |\n", n, b/1e6, s, (s > 0 && b > 0 ? sprintf("%.0f", b/1e6/s) : "-"), c, r/1024 }'
}

bytes=$(stat -c %s "$input")
mainland_bytes=$(stat -c %s "$mainland")
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1); tool: ${tool[*]}; best of $runs runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Command | Input MB | Seconds | MB/s | CPU seconds | Max RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
row "baseline: \`cat\` (read the file, from the page cache)" "$bytes" cat "$input"
row "baseline: \`iconv -f UTF-8 -t UTF-8\` (validate the UTF-8)" "$bytes" iconv -f UTF-8 -t UTF-8 "$input"
both "baseline: start-up only (\`--version\`)" 0 --version
both "baseline: \`check --expect zh-Hant-TW\` of a 10-byte file (start-up and tables)" 0 check --expect zh-Hant-TW "$small"
both "\`check --expect zh-Hans\`, mainland text (clean)" "$mainland_bytes" check --expect zh-Hans "$mainland"
both "\`check --expect zh-Hant\` (clean)" "$bytes" check --expect zh-Hant "$input"
if [[ -z "${CLEAN_ONLY:-}" ]]; then
    both "\`check --expect zh-Hant-TW\` (text)" "$bytes" check --expect zh-Hant-TW "$input"
    both "\`check --expect zh-Hant-TW --json\`" "$bytes" check --expect zh-Hant-TW --json "$input"
    both "\`check --expect zh-Hant-TW --sarif\`" "$bytes" check --expect zh-Hant-TW --sarif "$input"
fi
echo
if [[ -z "${CLEAN_ONLY:-}" ]]; then
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); findings under zh-Hant-TW: $("${tool[@]}" check --expect zh-Hant-TW "$input" | wc -l)"
else
    echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
