# The case runner shared by hostile.sh and hostile-check.sh (sourced, in the scratch directory, with $T the tool).
#
# run_case EXPECTED COMMAND: runs COMMAND (a shell string) under a 120 s timeout and /usr/bin/time, and sets
#   CASE_EXIT, CASE_SECONDS, CASE_MB (peak RSS), CASE_OUT_LINES, CASE_ERR_LINES, CASE_STACK (STACK or no) and
#   CASE_FIRST (the first stderr line, cut to 160 characters, Markdown-escaped). EXPECTED is the exit code the
#   documented contract gives (docs/cli.md, docs/check.md "Exit codes"); a run that ends otherwise is counted in
#   CASE_MISMATCHES and shown in its row, so the generated table cannot hide a broken contract.
# case_row NAME COMMAND [COLUMN...]: prints the last run as a Markdown row:
#   | NAME | `COMMAND` | exit | time | peak RSS | COLUMN... | stack trace | first stderr line |
# case_summary: prints the mismatch count under the table (to stderr) and returns 1 when there was any.

CASE_MISMATCHES=0

run_case() {
    local expected=$1 command=$2
    /usr/bin/time -f '%e %M' -o time.txt timeout 120 bash -c "$command" > out.bin 2> err.txt
    CASE_EXIT=$?
    local kilobytes
    read -r CASE_SECONDS kilobytes < <(tail -1 time.txt)
    CASE_MB=$((kilobytes / 1024))
    # GNU time writes "Command exited with non-zero status N" to its -o file; keep any such line out of the counts.
    grep -v '^Command exited' err.txt > err2.txt
    CASE_OUT_LINES=$(wc -l < out.bin)
    CASE_ERR_LINES=$(wc -l < err2.txt)
    CASE_FIRST=$(head -1 err2.txt | cut -c1-160 | sed 's/|/\\|/g')
    CASE_STACK=no
    grep -q '^ *at ' err2.txt && CASE_STACK=STACK
    if [ "$CASE_EXIT" != "$expected" ]; then
        CASE_MISMATCHES=$((CASE_MISMATCHES + 1))
        CASE_EXIT="**$CASE_EXIT, expected $expected**"
    fi
}

case_row() {
    local name=$1 command=$2
    shift 2
    local extra=""
    for column in "$@"; do
        extra+=" $column |"
    done
    printf '| %s | `%s` | %s | %s s | %s MB |%s %s | %s |\n' "$name" "${command//|/\\|}" "$CASE_EXIT" "$CASE_SECONDS" \
        "$CASE_MB" "$extra" "$CASE_STACK" "${CASE_FIRST:-(none)}"
}

case_summary() {
    echo "exit codes not as documented: $CASE_MISMATCHES" >&2
    [ "$CASE_MISMATCHES" = 0 ]
}
