#!/usr/bin/env bash
# CI for corpora (issue 15): the Dask integration on a real LocalCluster, and every fuzz harness for 60 seconds.
# Called by .ci/run after the Release build (it needs src/TextRepair.Cli/bin/Release). Installs its Debian packages
# (python3-distributed, python3-pytest, afl++). Prints "corpora: N passed, N failed" and exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0
failed=0

if ! /usr/bin/python3 -c "import distributed, pytest" 2> /dev/null || ! command -v afl-fuzz > /dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 \
        python3-distributed python3-pytest afl++ > /dev/null) || echo "corpora: apt-get failed"
fi

echo "corpora: Dask integration (LocalCluster, 2 worker processes)"
if /usr/bin/python3 -m pytest integrations/dask -q -p no:cacheprovider; then
    passed=$((passed + 1))
else
    echo "corpora: Dask integration tests failed"
    failed=$((failed + 1))
fi

harnesses=(convert convert-utf8 repair analyze jsonl parquet)
echo "corpora: fuzzing, 60 s per harness, 2 at a time: ${harnesses[*]}"
if FUZZ_PARALLEL=2 FUZZ_WORK=$(mktemp -d) bash tools/fuzz.sh 60 "${harnesses[@]}"; then
    passed=$((passed + 1))
else
    echo "corpora: fuzzing found a crash or could not run"
    failed=$((failed + 1))
fi

echo "corpora: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
