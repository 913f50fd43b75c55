#!/usr/bin/env bash
# CI step for converter performance: runs the cold-start harness in quick mode (7 fresh processes per figure) beside
# Debian's native OpenCC and prints its table (also written to artifacts/coldstart.md). It reports, it does not judge:
# the CI machine is shared, so it fails only when the harness cannot build or run. Call after tools/package-proof.sh,
# which leaves the installed tool in artifacts/package-proof/tool.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v opencc > /dev/null || ! grep -qF 'libopencc.so.1.1' <<< "$(ldconfig -p)"; then
    (apt-get install -y -qq opencc libopencc1.1 > /dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq opencc libopencc1.1 > /dev/null)) \
        || echo "convperf: apt-get failed; the OpenCC rows will be skipped"
fi
mkdir -p "$root/artifacts"
bash "$root/tools/coldstart.sh" --quick --out "$root/artifacts/coldstart.md"
