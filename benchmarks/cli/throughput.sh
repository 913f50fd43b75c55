#!/usr/bin/env bash
# Whole-process throughput of the textrepair tool (issue 5): starts the built tool as a user would and times it on
# ~100 MB inputs, with baselines measured in the same run: `cat` (reading the file, the I/O ceiling), the tool's
# start-up alone (`--version`), and the JSONL machinery alone (every line read, parsed and written, no text processed).
#
#   benchmarks/cli/throughput.sh            # build, generate inputs, measure (best of 3), print a Markdown table
#   SIZE_MB=1000 RUNS=1 benchmarks/cli/throughput.sh   # the 1 GB memory check (max resident set size is printed)
#
# Inputs are generated from text in the repository: Traditional Chinese = OpenCC's golden s2t output of the US
# constitution (tests/TextRepair.Tests/Data/OpenCC, Apache-2.0), repeated; JSONL = {"id","url","text"} objects, a
# web-like mix of clean paragraphs (the Simplified constitution and OpenCC's s2tw output of it) with about 5% of the
# bytes in pages damaged like the seed (seeds/), repeated; plus a smaller worst case where every document is the seed. Needs bash, python3 and
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
damaged="$work/damaged-$(( (size_mb + 4) / 5 ))mb.jsonl"
python3 - "$root" "$size_mb" "$trad" "$jsonl" "$damaged" <<'PY'
import json, os, sys
root, size_mb, trad, jsonl, damaged = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
data = os.path.join(root, "tests/TextRepair.Tests/Data/OpenCC/golden")
def fill(path, chunk, target):
    if os.path.exists(path) and os.path.getsize(path) >= target:
        return
    with open(path, "wb") as f:
        written = 0
        while written < target:
            f.write(chunk)
            written += len(chunk)
def read(path):
    return open(path, encoding="utf-8").read()
def paragraphs(text):
    return [p for p in text.split("\n") if p.strip()]
def jsonl_of(docs):
    return "".join(json.dumps({"id": i, "url": f"https://example.org/{i}", "text": t}, ensure_ascii=False) + "\n"
                   for i, t in enumerate(docs)).encode("utf-8")
fill(trad, read(os.path.join(data, "output/us_constitution_zhs.s2t.txt")).encode("utf-8"), size_mb * 1_000_000)
# Web-like mix: clean Simplified and Traditional paragraphs, and about 5% of the bytes in pages damaged like the seed.
clean = paragraphs(read(os.path.join(data, "input/us_constitution_zhs.txt"))) + paragraphs(read(os.path.join(data, "output/us_constitution_zhs.s2tw.txt")))
seed = read(os.path.join(root, "seeds/000_fd27bc0d7b45cc12.txt"))
clean_bytes = sum(len(p.encode("utf-8")) for p in clean)
docs = list(clean)
for k in range(max(1, round(clean_bytes * 0.05 / 0.95 / len(seed.encode("utf-8"))))):
    docs.insert((k * 97) % len(docs), seed)
fill(jsonl, jsonl_of(docs), size_mb * 1_000_000)
# Worst case: every document is a damaged page.
fill(damaged, jsonl_of([seed] * 100), (size_mb + 4) // 5 * 1_000_000)
PY

expect_status="0"
# shellcheck source=benchmarks/cli/measure.sh
source "$root/benchmarks/cli/measure.sh"

trad_bytes=$(stat -c %s "$trad")
jsonl_bytes=$(stat -c %s "$jsonl")
damaged_bytes=$(stat -c %s "$damaged")
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(dotnet --version) SDK; best of $runs runs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| Command | Input MB | Seconds | MB/s | CPU seconds | Max RSS MB |"
echo "|---|---:|---:|---:|---:|---:|"
row "baseline: \`cat\` (read the file, from the page cache)" "$trad_bytes" cat "$trad"
row "baseline: start-up only (\`--version\`)" 0 "${tool[@]}" --version
row "baseline: JSONL machinery only (\`repair --jsonl --field absent\`: every line parsed, none processed)" "$jsonl_bytes" "${tool[@]}" repair --jsonl --field absent "$jsonl"
row "\`convert --config t2s\` (text)" "$trad_bytes" "${tool[@]}" convert --config t2s "$trad"
row "\`convert --config s2t --jsonl\`" "$jsonl_bytes" "${tool[@]}" convert --config s2t --jsonl "$jsonl"
row "\`repair --jsonl\`" "$jsonl_bytes" "${tool[@]}" repair --jsonl "$jsonl"
row "\`repair --jsonl --report\`" "$jsonl_bytes" "${tool[@]}" repair --jsonl --report "$jsonl"
row "\`repair --jsonl\`, every document damaged (worst case)" "$damaged_bytes" "${tool[@]}" repair --jsonl "$damaged"
