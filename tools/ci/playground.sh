#!/usr/bin/env bash
# playground.sh: CI for the browser playground (samples/TextRepair.Playground, issue 19).
#   1. installs Debian's chromium (and a CJK font, so screenshots show the text) if missing; no browser is downloaded
#      any other way: Playwright only drives /usr/bin/chromium through the node driver shipped in its NuGet package;
#   2. publishes the playground as a static site (dotnet publish -c Release) and checks the static wwwroot;
#   3. runs the end-to-end tests (tests/TextRepair.Playground.Tests) in headless chromium against that site, served
#      from 127.0.0.1; screenshots and the measured size/time go to a temporary folder (PLAYGROUND_OUT to keep them).
# Usage: tools/ci/playground.sh    (from anywhere; exits non-zero when a step or a test fails)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -x /usr/bin/chromium ]; then
    echo "playground: installing chromium (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
fi
dpkg-query -W chromium 2>/dev/null || echo "playground: chromium at /usr/bin/chromium (not from dpkg)"

out=${PLAYGROUND_OUT:-$(mktemp -d)}
mkdir -p "$out"
site="$out/site"
rm -rf "$site"
echo "playground: publish ($(date -u +%H:%M:%S))"
dotnet publish samples/TextRepair.Playground -c Release -o "$site" --nologo -v q
for f in index.html css/app.css js/playground.js _framework/blazor.webassembly.js; do
    [ -f "$site/wwwroot/$f" ] || { echo "playground: wwwroot/$f missing from the published site"; exit 1; }
done
echo "playground: wwwroot $(du -sh "$site/wwwroot" | cut -f1); brotli files $(cat "$site"/wwwroot/_framework/*.br | wc -c) bytes"

echo "playground: browser tests ($(date -u +%H:%M:%S))"
export PLAYGROUND_SITE="$site/wwwroot" PLAYGROUND_SCREENSHOTS="$out/screenshots" PLAYGROUND_METRICS="$out/metrics.json"
dotnet build tests/TextRepair.Playground.Tests -c Release --nologo -v q -warnaserror
dotnet test --project tests/TextRepair.Playground.Tests -c Release --no-build
echo "playground: measured cold load ($PLAYGROUND_METRICS):"
cat "$PLAYGROUND_METRICS"
echo "playground: screenshots in $PLAYGROUND_SCREENSHOTS"
