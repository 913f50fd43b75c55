#!/usr/bin/env bash
# encoding-eval.sh: the encoding-detection comparison of docs/encoding-detection.md, in one command.
#
#   Builds the held-out half of the evaluation set (tests/TextRepair.Tests/DetectionEvaluationSet.cs: LibreOffice help
#   text, none of it used to train the language model), writes it to a temporary folder, runs Debian's chardet,
#   charset-normalizer and uchardet on it (tools/encoding-eval-others.py), then TextRepair's EncodingDetector and
#   UTF.Unknown 2.8.0 (tools/EncodingEval), and rewrites the tables between the markers in docs/encoding-detection.md.
#   DetectionEvaluationTests fails when the TextRepair row there no longer matches the library.
#
# Usage: tools/encoding-eval.sh   (root for apt-get; needs the .NET SDK)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! dpkg-query -W python3-chardet python3-charset-normalizer uchardet >/dev/null 2>&1; then
    apt-get install -y -qq python3-chardet python3-charset-normalizer uchardet >/dev/null
fi
dotnet build "$root/tools/EncodingEval" -c Release -v quiet -nologo >/dev/null
eval_tool="$root/tools/EncodingEval/bin/Release/net10.0/EncodingEval.dll"
dotnet "$eval_tool" generate "$work/samples"
/usr/bin/python3 "$here/encoding-eval-others.py" "$work/samples" > "$work/others.tsv"
dotnet "$eval_tool" report "$work/samples" "$work/others.tsv" "$root/docs/encoding-detection.md"
