#!/usr/bin/env bash
# Whole-process throughput of the textrepair tool (issue 5): starts the built tool as a user would and times it on
# ~100 MB inputs, with two baselines measured in the same run: `cat` (reading the file, the I/O ceiling) and the
# tool's start-up alone (`--version`).
#
#   benchmarks/cli/throughput.sh            # build, generate inputs, measure (best of 3), print a Markdown table
#   SIZE_MB=1000 RUNS=1 benchmarks/cli/throughput.sh   # the 1 GB memory check (max resident set size is printed)
#
# Inputs are generated from text in the repository: Traditional Chinese = OpenCC's golden s2t output of the US
# constitution (tests/TextRepair.Tests/Data/OpenCC, Apache-2.0), repeated; JSONL = one object per paragraph of the
# Simplified constitution and of the damaged seed page, with an id and a url field, repeated. Needs bash, python3 and
# GNU time (/usr/bin/time). Writes only under ${WORK:-/tmp/textrepair-bench}.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${WORK:-/tmp/textrepair-bench}"
size_mb="${SIZE_MB:-100}"
runs="${RUNS:-3}"
mkdir -p "$work"

dotnet build "$root/src/TextRepair.Cli" -c Release -v quiet -nologo >/dev/null
tool=(dotnet "$root/src/TextRepair.Cli/bin/Release/net10.0/TextRepair.Cli.dll")

trad="$work/traditional-${size_mb}mb.txt"
jsonl="$work/corpus-${size_mb}mb.jsonl"
python3 - "$root" "$size_mb" "$trad" "$jsonl" <<'PY'
import json, os, sys
root, size_mb, trad, jsonl = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
target = size_mb * 1_000_000
data = os.path.join(root, "tests/TextRepair.Tests/Data/OpenCC/golden")
def fill(path, chunk):
    if os.path.exists(path) and os.path.getsize(path) >= target:
        return
    with open(path, "wb") as f:
        written = 0
        while written < target:
            f.write(chunk)
            written += len(chunk)
fill(trad, open(os.path.join(data, "output/us_constitution_zhs.s2t.txt"), "rb").read())
paragraphs = [p for p in open(os.path.join(data, "input/us_constitution_zhs.txt"), encoding="utf-8").read().split("\n") if p.strip()]
seed = open(os.path.join(root, "seeds/000_fd27bc0d7b45cc12.txt"), encoding="utf-8").read()
docs = paragraphs + [seed] * max(1, len(paragraphs) // 20)
lines = "".join(json.dumps({"id": i, "url": f"https://example.org/{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(docs))
fill(jsonl, lines.encode("utf-8"))
PY

# Runs a command RUNS times; prints "best_seconds max_rss_kb" (the best run and its peak memory).
measure() {
    local best="" rss=""
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null
        read -r t m < "$work/time.txt"
        if [[ -z "$best" ]] || awk "BEGIN{exit !($t < $best)}"; then best="$t"; rss="$m"; fi
    done
    echo "$best $rss"
}

row() { # name, bytes, command...
    local name="$1" bytes="$2"; shift 2
    read -r seconds rss < <(measure "$@")
    awk -v n="$name" -v b="$bytes" -v s="$seconds" -v r="$rss" \
        'BEGIN { printf "| %s | %.1f | %.2f | %s | %.0f |\n", n, b/1e6, s, (s > 0 && b > 0 ? sprintf("%.0f", b/1e6/s) : "-"), r/1024 }'
}

trad_bytes=$(stat -c %s "$trad")
jsonl_bytes=$(stat -c %s "$jsonl")
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(dotnet --version) SDK; best of $runs runs"
echo
echo "| Command | Input MB | Seconds | MB/s | Max RSS MB |"
echo "|---|---:|---:|---:|---:|"
row "baseline: \`cat\` (read the file)" "$trad_bytes" cat "$trad"
row "baseline: start-up only (\`--version\`)" 0 "${tool[@]}" --version
row "\`convert --config t2s\` (text)" "$trad_bytes" "${tool[@]}" convert --config t2s "$trad"
row "\`convert --config s2t --jsonl\`" "$jsonl_bytes" "${tool[@]}" convert --config s2t --jsonl "$jsonl"
row "\`repair --jsonl\`" "$jsonl_bytes" "${tool[@]}" repair --jsonl "$jsonl"
row "\`repair --jsonl --report\`" "$jsonl_bytes" "${tool[@]}" repair --jsonl --report "$jsonl"
