#!/usr/bin/env bash
# Throughput of the Dask integration against one tool process, on the same shards (issue 15's 1.7x target).
#
#   [IN=DIR | SET=mixed|repeated] [RUNS=3] [RUNS_OF="A P C D B"] integrations/dask/bench.sh
#
# IN: a directory of JSONL shards. Default SET=mixed: 16 shards of 5 MB whose records are 5-40 sentences drawn at
# random (seed 15) from the Simplified US constitution, its s2tw Traditional version and, for 5% of the records, the
# seed page (damaged text), so that records do not repeat (session 7's data). SET=repeated: 8 shards of about 5 MB cut
# from benchmarks/cli/throughput.sh's web-like 10 MB mix repeated 4 times (sessions 5 and 6); there the records repeat,
# the tool's caches answer most of them, and one pinned process did 5 MB in 1.6 s of CPU and all 40 MB in 2.0 s: the
# start dominates and no second process can help. Runs, each RUNS times, `repair --jsonl` with the Release build run
# by `dotnet`:
#   A  one process pinned to one core (taskset -c 0, DOTNET_PROCESSOR_COUNT=1): textrepair -r IN -o OUT/
#   P  the ceiling of any 2-worker engine: two such processes at once, pinned to core 0 and core 1, each on half of
#      the shards (alternate shards, hard-linked into two directories); no scheduler, no protocol
#   C  one process on both cores
#   D  textrepair_dask.py --workers 1, tool DOTNET_PROCESSOR_COUNT=1
#   B  textrepair_dask.py --workers 2, tool DOTNET_PROCESSOR_COUNT=1
# and prints per run: the load average before it, wall, user and system seconds (/usr/bin/time), for P the two
# processes' own times, and for Dask the time once the cluster was up and the CPU of the `textrepair serve` processes
# alone (the rest is Python: client, scheduler, nannies, workers). Every output directory must equal A's byte for byte
# (the script exits 1 otherwise). Writes only under ${WORK:-/tmp/textrepair-dask-bench}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${WORK:-/tmp/textrepair-dask-bench}"
runs="${RUNS:-3}"
mkdir -p "$work"
dll="$root/src/TextRepair.Cli/bin/Release/net10.0/TextRepair.Cli.dll"
[ -f "$dll" ] || dotnet build "$root/src/TextRepair.Cli" -c Release -v quiet -nologo > /dev/null

in="${IN:-}"
if [ -z "$in" ] && [ "${SET:-mixed}" = mixed ]; then
    in="$work/in-mixed"
    [ -d "$in" ] || /usr/bin/python3 - "$root" "$in" <<'PY'
import json, os, random, re, sys
root, out_dir = sys.argv[1], sys.argv[2]
data = os.path.join(root, "tests/TextRepair.Tests/Data/OpenCC/golden")
def sentences(path):
    return [s for s in re.split(r"(?<=[。!?;\n])", open(path, encoding="utf-8").read()) if s.strip()]
clean = sentences(os.path.join(data, "input/us_constitution_zhs.txt")) + sentences(os.path.join(data, "output/us_constitution_zhs.s2tw.txt"))
seed = sentences(os.path.join(root, "seeds/000_fd27bc0d7b45cc12.txt"))
rng = random.Random(15)
os.makedirs(out_dir)
n = 0
for shard in range(16):
    with open(os.path.join(out_dir, f"shard-{shard}.jsonl"), "w", encoding="utf-8") as f:
        size = 0
        while size < 5e6:
            pool = seed if rng.random() < 0.05 else clean
            text = "".join(rng.choice(pool) for _ in range(rng.randint(5, 40)))
            line = json.dumps({"id": n, "url": f"https://example.org/{n}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            n += 1
PY
elif [ -z "$in" ]; then
    in="$work/in"
    if [ ! -d "$in" ]; then
        WORK="$work/gen" SIZE_MB=10 RUNS=1 bash "$root/benchmarks/cli/throughput.sh" > /dev/null
        mkdir -p "$in"
        for _ in 1 2 3 4; do cat "$work/gen/corpus-10mb.jsonl"; done > "$work/all.jsonl"
        split -n l/8 -d -a 1 --additional-suffix=.jsonl "$work/all.jsonl" "$in/shard-"
        rm "$work/all.jsonl"
    fi
fi
in=$(cd "$in" && pwd)
echo "input: $(ls "$in" | wc -l) shards, $(du -sm "$in" | cut -f1) MB; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"

# P's halves: alternate shards (in name order) hard-linked into two directories, so each half has the same size.
rm -rf "$work/half0" "$work/half1"
mkdir -p "$work/half0" "$work/half1"
i=0
for shard in $(cd "$in" && find . -name '*.jsonl' | sort); do
    mkdir -p "$work/half$((i % 2))/$(dirname "$shard")"
    ln "$in/$shard" "$work/half$((i % 2))/$shard" 2> /dev/null || cp "$in/$shard" "$work/half$((i % 2))/$shard"
    i=$((i + 1))
done

measure() { # name command... (@OUT@ stands for the output directory)
    local name=$1 out="$work/out-$1"
    shift
    [[ " ${RUNS_OF:-A P C D B} " == *" $name "* ]] || return 0
    local args=("${@//@OUT@/$out}")
    rm -rf "$out" "$work/tool-time"
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$work/time" "${args[@]}" 2> "$work/stderr" > /dev/null || { cat "$work/stderr"; exit 1; }
    local up tools=""
    up=$(sed -n 's/.*the shards took \([0-9.]*\) s once the cluster was up/\1/p' "$work/stderr")
    [ -f "$work/tool-time" ] && tools=" tool-processes(wall user sys)=[$(paste -sd, "$work/tool-time")]"
    read -r wall user sys < "$work/time"
    echo "$name load=$load wall=$wall user=$user sys=$sys${up:+ after-cluster-up=$up}$tools"
    if [ "$name" != A ] && ! diff -r -q "$work/out-A" "$out" > /dev/null; then
        echo "$name: output differs from A"
        exit 1
    fi
}

# P: both halves at once, each pinned to its own core, each timed by itself.
both_halves() {
    local out=$1
    for half in 0 1; do
        env DOTNET_PROCESSOR_COUNT=1 /usr/bin/time -a -o "$work/tool-time" -f "%e %U %S" \
            taskset -c "$half" dotnet "$dll" repair --jsonl -r "$work/half$half" -o "$out/" &
    done
    wait
}
export -f both_halves
export work dll

# The serve processes' own CPU, written by /usr/bin/time when each ends (at the worker's teardown).
tool="/usr/bin/time -a -o $work/tool-time -f '%e %U %S' dotnet $dll"
for run in $(seq "$runs"); do
    echo "run $run"
    measure A env DOTNET_PROCESSOR_COUNT=1 taskset -c 0 dotnet "$dll" repair --jsonl -r "$in" -o @OUT@/
    measure P bash -c 'both_halves "$0"' @OUT@
    measure C dotnet "$dll" repair --jsonl -r "$in" -o @OUT@/
    for workers in 1 2; do
        name=$([ "$workers" = 1 ] && echo D || echo B)
        measure "$name" env DOTNET_PROCESSOR_COUNT=1 /usr/bin/python3 "$root/integrations/dask/textrepair_dask.py" \
            --workers "$workers" --textrepair "$tool" "$in" @OUT@ -- repair --jsonl
    done
done
