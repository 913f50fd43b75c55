#!/usr/bin/env bash
# Imports the SARIF 2.1.0 JSON schema used by the CLI tests to validate `textrepair check --sarif` output.
#
#   tools/import-sarif-schema.sh
#
# Source: npm package @microsoft/jest-sarif 1.0.0-beta.0 (licence MIT, per its package.json), which ships the
# SARIF 2.1.0 schema (rtm.5, the OASIS standard's schema as published in SchemaStore) as lib/schemas/sarif-2.1.0-rtm.5.json.
# Writes tests/TextRepair.Cli.Tests/Data/Sarif/sarif-2.1.0-rtm.5.json and SOURCE.md (package, version, sha256).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/TextRepair.Cli.Tests/Data/Sarif
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
package=@microsoft/jest-sarif
version=1.0.0-beta.0
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tgz=$(ls "$work"/*.tgz)
tar xzf "$tgz" -C "$work"
cp "$work/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$out/"
cat > "$out/SOURCE.md" <<MD
# SARIF 2.1.0 schema

\`sarif-2.1.0-rtm.5.json\` comes from the npm package \`$package@$version\` (\`lib/schemas/\`), licence MIT
(package.json), imported by \`tools/import-sarif-schema.sh\` on $(date -u +%Y-%m-%d).
sha256 of the package: $(sha256sum "$tgz" | cut -d' ' -f1).
sha256 of the schema: $(sha256sum "$out/sarif-2.1.0-rtm.5.json" | cut -d' ' -f1).
The schema is JSON Schema draft-04; the tests evaluate it with draft-07 semantics (JsonSchema.Net has no draft-04),
which reads the same keywords this schema uses (type, properties, required, enum, minimum, items, \$ref, ...).
MD
echo "schema in $out"
