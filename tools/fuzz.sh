#!/usr/bin/env bash
# Fuzz TextRepair with AFL++ through SharpFuzz.
#
#   [FUZZ_PARALLEL=N] bash tools/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]   (default: 60 s, every harness, 1 at a time)
#
# Harnesses (fuzz/TextRepair.Fuzz/Program.cs): convert, convert-utf8, repair, analyze, jsonl, parquet.
# Steps: install Debian afl++ if missing; install the SharpFuzz.CommandLine dotnet tool (2.3.0) into the work folder;
# publish fuzz/TextRepair.Fuzz; instrument TextRepair.dll and TextRepair.Cli.dll in place; run afl-fuzz on each harness
# for the given time, starting from fuzz/corpus/HARNESS (or resuming the harness's earlier findings in the work folder).
# FUZZ_TIMEOUT_MS: the timeout per input (default 10,000 ms: a slow input on a loaded machine is not a hang).
# FUZZ_REUSE_BIN=1 skips the publish and instrumentation when $FUZZ_WORK/bin holds an instrumented build already (a
# long session in several runs, without rebuilding the worktree under its other users).
# Work folder: $FUZZ_WORK (default artifacts/fuzz). Each run appends "harness seconds execs crashes" to
# $FUZZ_WORK/fuzz-time.log, so that the total fuzzing time per harness can be stated (the time and executions are
# cumulative over the sessions of a resumed harness: afl-fuzz carries them over, so the last line of a harness is its total).
# Exit status: 0 when no harness found a crash in this run; 1 otherwise (the crashing inputs are listed: replay one with
#   dotnet fuzz/TextRepair.Fuzz/bin/Release/net10.0/TextRepair.Fuzz.dll HARNESS FILE (the build before instrumentation:
#   the instrumented copy in $FUZZ_WORK/bin fails with AccessViolationException on every input outside afl-fuzz, since
#   its coverage map exists only under afl-fuzz), then turn it into a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(convert convert-utf8 repair analyze jsonl parquet)
work=${FUZZ_WORK:-artifacts/fuzz}
mkdir -p "$work"
work=$(cd "$work" && pwd)

if ! command -v afl-fuzz > /dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 afl++ > /dev/null)
fi

if [ ! -x "$work/tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" > /dev/null
fi

# A fresh build, instrumented once (SharpFuzz refuses to instrument an assembly twice). PublishAot=false: the tool project
# publishes Native AOT (self-contained), which a framework-dependent harness cannot reference (NETSDK1151).
if [ "${FUZZ_REUSE_BIN:-0}" = 1 ] && [ -f "$work/bin/instrumented" ]; then
    echo "fuzz: reusing the instrumented build in $work/bin"
else
    rm -rf "$work/bin"
    dotnet publish fuzz/TextRepair.Fuzz -c Release -p:PublishAot=false -o "$work/bin" --nologo -v q > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
    for assembly in TextRepair.dll TextRepair.Cli.dll; do
        "$work/tools/sharpfuzz" "$work/bin/$assembly" > /dev/null
    done
    git rev-parse HEAD > "$work/bin/instrumented"
fi

mkdir -p "$work/seeds/parquet"
dotnet "$work/bin/TextRepair.Fuzz.dll" parquet --write-seed "$work/seeds/parquet/small.parquet"

# Under CFS autogroup (Linux with /proc/sys/kernel/sched_autogroup_enabled = 1, as on the session machine) the CPU is
# shared between sessions first, and a nice value counts only inside its session: `nice -n 19 bash tools/fuzz.sh` run
# in its own session took a full share from the other sessions' builds and tests (session 7). So when this script runs
# niced, each afl-fuzz gets a session of its own whose autogroup has the same niceness.
niceness=$(nice)
afl() {
    if [ "$niceness" -gt 0 ] && [ -w /proc/self/autogroup ]; then
        setsid -w bash -c 'echo "$0" > /proc/self/autogroup; exec afl-fuzz "$@"' "$niceness" "$@"
    else
        afl-fuzz "$@"
    fi
}

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
# Runs one harness; appends to the time log; returns 1 when it found a new crash or afl-fuzz failed.
fuzz_one() {
    local harness=$1 seeds output input before stats run_time execs crashes
    seeds=fuzz/corpus/$harness
    [ -d "$seeds" ] || seeds=$work/seeds/$harness
    output=$work/findings/$harness
    input=$seeds
    if [ -d "$output/default/queue" ]; then
        input=-   # resume: the queue found so far is the starting point
    fi

    mkdir -p "$output"
    before=$(ls "$output/default/crashes" 2> /dev/null | grep -vc README || true)
    echo "fuzz: $harness for $seconds s"
    # A fixed timeout per input. Not "10000+": in AFL++ 4 a '+' makes the value a maximum and afl-fuzz picks its own
    # timeout from the calibration (measured: 100-700 ms for these harnesses), which a .NET harness at nice 19 on a
    # loaded machine often exceeds; every timeout then restarts the harness process (about 1 s) and reads as a
    # "hang", or as a crash (SharpFuzz reports a child that died as a crash, sig:02). Session 7: the jsonl harness
    # resumed with 120 ms ran 11 inputs per second instead of 2,000.
    if ! afl -V "$seconds" -i "$input" -o "$output" -t "${FUZZ_TIMEOUT_MS:-10000}" -m none -- dotnet "$work/bin/TextRepair.Fuzz.dll" "$harness" > "$output/afl.log" 2>&1; then
        tail -30 "$output/afl.log"
        echo "fuzz: afl-fuzz failed on $harness"
        return 1
    fi

    stats=$output/default/fuzzer_stats
    # Since the first session of this harness in $work: on resume afl-fuzz moves start_time back by the earlier run time
    # (measured: a 900 s run resumed after 240 s reported 1,140 s), and execs_done carries over the same way.
    run_time=$(awk -F' *: ' '/^start_time/ {s=$2} /^last_update/ {l=$2} END {print l - s}' "$stats")
    execs=$(awk -F' *: ' '/^execs_done/ {print $2}' "$stats")
    crashes=$(ls "$output/default/crashes" 2> /dev/null | grep -vc README || true)
    echo "$harness $run_time $execs $crashes $(date -u +%FT%TZ)" >> "$work/fuzz-time.log"
    echo "fuzz: $harness: ${run_time}s, $execs executions, $crashes crashing inputs in total"
    if [ "$crashes" -gt "$before" ]; then
        ls "$output/default/crashes" | grep -v README | sed "s|^|fuzz: crash: $output/default/crashes/|"
        return 1
    fi
}

# FUZZ_PARALLEL harnesses at a time (default 1; CI uses 2, one per core).
found=0
running=0
for harness in "${harnesses[@]}"; do
    if [ "$running" -ge "${FUZZ_PARALLEL:-1}" ]; then
        wait -n || found=1
        running=$((running - 1))
    fi
    fuzz_one "$harness" &
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
    wait -n || found=1
    running=$((running - 1))
done

awk '{t[$1] = $2} END {for (h in t) printf "fuzz: total time for %s: %d s\n", h, t[h]}' "$work/fuzz-time.log"
exit $found
