# Timing helpers shared by benchmarks/cli/throughput.sh and benchmarks/cli/check-throughput.sh (sourced, not run).
#
#   work=/tmp/dir runs=3 expect_status="0 1"; source benchmarks/cli/measure.sh
#   row "name" BYTES command args...     # prints one Markdown row: | name | MB | s | MB/s | CPU s | max RSS MB |
#
# Variables read: work (scratch directory, for GNU time's report), runs (runs per command; the fastest by wall clock is
# kept), expect_status (the exit statuses a measured command may end with, space-separated; default "0": `check`
# exits 1 when it finds something). Any other status stops the measurement with a message on stderr, and the calling
# script with it (row's read fails under set -e). Needs GNU time (/usr/bin/time).

# Runs a command $runs times; prints "seconds cpu_seconds max_rss_kb" of the fastest run (wall clock). CPU seconds
# (user + system) are printed too because the machine may be shared: wall time then overstates the tool's cost.
measure() {
    local best="" cpu="" rss="" status t u s m
    for _ in $(seq "$runs"); do
        status=0
        /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null || status=$?
        if [[ " ${expect_status:-0} " != *" $status "* ]]; then
            echo "measure: '$*' exited with status $status (expected: ${expect_status:-0})" >&2
            return 1
        fi
        # GNU time writes "Command exited with non-zero status N" first when the status is not 0.
        read -r t u s m < <(tail -1 "$work/time.txt")
        if [[ -z "$best" ]] || awk "BEGIN{exit !($t < $best)}"; then best="$t"; cpu=$(awk "BEGIN{print $u + $s}"); rss="$m"; fi
    done
    echo "$best $cpu $rss"
}

row() { # name, bytes, command...
    local name="$1" bytes="$2" seconds cpu rss; shift 2
    read -r seconds cpu rss < <(measure "$@")
    awk -v n="$name" -v b="$bytes" -v s="$seconds" -v c="$cpu" -v r="$rss" \
        'BEGIN { printf "| %s | %.1f | %.2f | %s | %.2f | %.0f |\n", n, b/1e6, s, (s > 0 && b > 0 ? sprintf("%.0f", b/1e6/s) : "-"), c, r/1024 }'
}
