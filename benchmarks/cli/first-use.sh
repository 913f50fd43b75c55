#!/usr/bin/env bash
# First use on a tiny input (issue 14: whole-process textrepair on a tiny input <= 20 ms): times whole processes of one
# or more built tools, interleaved run by run so that the machine's load falls on all of them alike, on the inputs of a
# pre-commit hook: `check --expect zh-Hans` of a 10-byte file ('中文字' and a newline), `repair` and `detect` of
# '中文字' (9 bytes), `convert` of it, and `--version` (start-up alone). Prints one Markdown row per tool and command:
# the median and the fastest wall-clock time of RUNS runs, the median CPU time (user + system) and the median maximum
# resident set size (from wait4), with `uptime` before and after.
#
#   benchmarks/cli/first-use.sh TOOL [TOOL...]        # e.g. two Native AOT builds:
#     dotnet publish src/TextRepair.Cli -c Release -r linux-x64 -o /tmp/aot-new   (and the same of the baseline commit)
#     RUNS=11 benchmarks/cli/first-use.sh /tmp/aot-old/TextRepair.Cli /tmp/aot-new/TextRepair.Cli
#
# Needs bash and python3. Writes only under ${WORK:-/tmp/textrepair-first-use}.
set -euo pipefail

work="${WORK:-/tmp/textrepair-first-use}"
runs="${RUNS:-9}"
mkdir -p "$work"
if [[ $# -lt 1 ]]; then
    echo "usage: $0 TOOL [TOOL...]" >&2
    exit 2
fi

printf '\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\n' > "$work/check.txt"   # 中文字 + newline: 10 bytes
printf '\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97' > "$work/text.txt"       # 中文字: 9 bytes

echo "uptime before: $(uptime)"
echo
python3 - "$work" "$runs" "$@" <<'PY'
import os, statistics, subprocess, sys, time
work, runs, tools = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
commands = [
    ("version", ["--version"]),
    ("check --expect zh-Hans (10 B)", ["check", "--expect", "zh-Hans", f"{work}/check.txt"]),
    ("repair (9 B)", ["repair", f"{work}/text.txt"]),
    ("detect (9 B)", ["detect", f"{work}/text.txt"]),
    ("convert -c s2t (9 B)", ["convert", "-c", "s2t", f"{work}/text.txt"]),
]
print("| tool | command | median ms | fastest ms | median CPU ms | median max RSS MB |")
print("|---|---|---:|---:|---:|---:|")
for name, args in commands:
    results = {tool: [] for tool in tools}
    for _ in range(runs):
        for tool in tools:  # interleaved: the load of the moment falls on every tool alike
            start = time.perf_counter()
            # check exits 1 when it finds something; the status and the output are not the point here.
            proc = subprocess.Popen([tool, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, _, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            results[tool].append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss))
    for tool in tools:
        r = results[tool]
        print(f"| {tool} | {name} | {statistics.median(x[0] for x in r) * 1000:.1f} | {min(x[0] for x in r) * 1000:.1f} | "
              f"{statistics.median(x[1] for x in r) * 1000:.0f} | {statistics.median(x[2] for x in r) / 1024:.1f} |")
PY
echo
echo "uptime after: $(uptime)"
