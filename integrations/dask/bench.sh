#!/usr/bin/env bash
# Throughput of the Dask integration against one tool process, on the same shards (issue 15's 1.7x target).
#
#   [IN=DIR] [RUNS=3] [RUNS_OF="A C D B"] integrations/dask/bench.sh
#
# IN: a directory of JSONL shards (default: 8 shards of about 5 MB cut from benchmarks/cli/throughput.sh's web-like
# 10 MB mix, repeated 4 times; 40 MB, the data of session 5's measurement). Runs, each RUNS times, `repair --jsonl`
# with the Release build run by `dotnet`:
#   A  one process pinned to one core (taskset -c 0, DOTNET_PROCESSOR_COUNT=1): textrepair -r IN -o OUT/
#   C  one process on both cores
#   D  textrepair_dask.py --workers 1, tool DOTNET_PROCESSOR_COUNT=1
#   B  textrepair_dask.py --workers 2, tool DOTNET_PROCESSOR_COUNT=1
# and prints per run: the load average before it, wall, user and system seconds (/usr/bin/time), and for Dask the
# time once the cluster was up. Every output directory must equal A's byte for byte (the script exits 1 otherwise).
# Writes only under ${WORK:-/tmp/textrepair-dask-bench}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${WORK:-/tmp/textrepair-dask-bench}"
runs="${RUNS:-3}"
mkdir -p "$work"
dll="$root/src/TextRepair.Cli/bin/Release/net10.0/TextRepair.Cli.dll"
[ -f "$dll" ] || dotnet build "$root/src/TextRepair.Cli" -c Release -v quiet -nologo > /dev/null

in="${IN:-}"
if [ -z "$in" ]; then
    in="$work/in"
    if [ ! -d "$in" ]; then
        WORK="$work/gen" SIZE_MB=10 RUNS=1 bash "$root/benchmarks/cli/throughput.sh" > /dev/null
        mkdir -p "$in"
        for _ in 1 2 3 4; do cat "$work/gen/corpus-10mb.jsonl"; done > "$work/all.jsonl"
        split -n l/8 -d -a 1 --additional-suffix=.jsonl "$work/all.jsonl" "$in/shard-"
        rm "$work/all.jsonl"
    fi
fi
echo "input: $(ls "$in" | wc -l) shards, $(du -sm "$in" | cut -f1) MB; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"

measure() { # name command... (@OUT@ stands for the output directory)
    local name=$1 out="$work/out-$1"
    shift
    [[ " ${RUNS_OF:-A C D B} " == *" $name "* ]] || return 0
    local args=("${@//@OUT@/$out}")
    rm -rf "$out"
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$work/time" "${args[@]}" 2> "$work/stderr" > /dev/null || { cat "$work/stderr"; exit 1; }
    local up
    up=$(sed -n 's/.*the shards took \([0-9.]*\) s once the cluster was up/\1/p' "$work/stderr")
    read -r wall user sys < "$work/time"
    echo "$name load=$load wall=$wall user=$user sys=$sys${up:+ after-cluster-up=$up}"
    if [ "$name" != A ] && ! diff -r -q "$work/out-A" "$out" > /dev/null; then
        echo "$name: output differs from A"
        exit 1
    fi
}

tool="dotnet $dll"
for run in $(seq "$runs"); do
    echo "run $run"
    measure A env DOTNET_PROCESSOR_COUNT=1 taskset -c 0 dotnet "$dll" repair --jsonl -r "$in" -o @OUT@/
    measure C dotnet "$dll" repair --jsonl -r "$in" -o @OUT@/
    for workers in 1 2; do
        name=$([ "$workers" = 1 ] && echo D || echo B)
        measure "$name" env DOTNET_PROCESSOR_COUNT=1 /usr/bin/python3 "$root/integrations/dask/textrepair_dask.py" \
            --workers "$workers" --textrepair "$tool" "$in" @OUT@ -- repair --jsonl
    done
done
