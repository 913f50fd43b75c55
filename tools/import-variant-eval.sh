#!/usr/bin/env bash
# Builds the evaluation corpus of variant identification (docs/variant-evaluation.md). Not checked in (several MB).
#
#   tools/import-variant-eval.sh [OUTPUT_DIR]     (default: artifacts/variant-eval)
#
# Sources (none of them is used to train or tune any other model of the library: the encoding language model is
# trained on Debian man pages and gettext catalogues; LibreOffice help and CLDR are neither):
#   - Debian packages libreoffice-help-zh-cn (Simplified, mainland) and libreoffice-help-zh-tw (Traditional, Taiwan),
#     MPL-2.0, through tools/fetch-conversion-corpus.sh (text lines of the HTML help pages).
#   - npm packages cldr-localenames-full, cldr-dates-full, cldr-units-full, cldr-numbers-full, cldr-misc-full and
#     cldr-annotations-full 48.2.0 (Unicode licence; LICENSE copied next to the corpus): every string value of the
#     locales zh (Simplified), zh-Hant (Taiwan) and zh-Hant-HK (Hong Kong). CLDR's zh-Hant-HK inherits from zh-Hant,
#     so only the values where the two locales differ are Hong Kong's own writing: those make the Hong Kong file, and
#     the zh-Hant values of the same keys make cldr-tw.txt (so the Taiwan/Hong Kong comparison is on the same items).
# Output (UTF-8, one text per line):
#   zh-cn.txt zh-tw.txt        LibreOffice help lines
#   cldr-hans.txt cldr-tw.txt cldr-hk.txt
#   SOURCE.md                  packages, versions, sha256, licences
# Needs: apt-get, dpkg-deb, npm, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/variant-eval}
mkdir -p "$out"
tools/fetch-conversion-corpus.sh "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
packages="cldr-localenames-full cldr-dates-full cldr-units-full cldr-numbers-full cldr-misc-full cldr-annotations-full"
version=48.2.0
{
    echo
    echo "## CLDR (npm, Unicode licence: cldr-LICENSE)"
    echo
    echo "| package | version | sha256 of the .tgz |"
    echo "|---|---|---|"
} > "$work/cldr.md"
for package in $packages; do
    (cd "$work" && npm pack --silent "$package@$version" >/dev/null)
    tgz="$work/$package-$version.tgz"
    mkdir -p "$work/$package"
    tar xzf "$tgz" -C "$work/$package"
    echo "| $package | $version | $(sha256sum "$tgz" | cut -d' ' -f1) |" >> "$work/cldr.md"
done
cp "$work/cldr-localenames-full/package/LICENSE" "$out/cldr-LICENSE"
python3 - "$work" "$out" <<'PY'
import glob, json, os, re, sys
work, out = sys.argv[1], sys.argv[2]
han = re.compile('[\u3400-\u9fff]')

def strings(node, path, into):
    if isinstance(node, dict):
        for key, value in node.items():
            strings(value, path + '/' + key, into)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            strings(value, path + '/' + str(index), into)
    elif isinstance(node, str) and han.search(node):
        into[path] = node

def load(locale):
    values = {}
    for path in sorted(glob.glob(f'{work}/*/package/*/{locale}/*.json')):
        data = json.load(open(path, encoding='utf-8'))
        strings(data, os.path.relpath(path, work).split('/')[0] + '/' + os.path.basename(path), values)
    # The locale name is part of every path below the file: normalise it so that keys of two locales compare.
    return {re.sub(r'/(zh-Hant-HK|zh-Hant|zh)/', '/LOCALE/', k): v for k, v in values.items()}

hans, tw, hk = load('zh'), load('zh-Hant'), load('zh-Hant-HK')
def write(name, lines):
    seen, unique = set(), []
    for line in lines:
        line = ' '.join(line.split())
        if line not in seen:
            seen.add(line)
            unique.append(line)
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(unique) + '\n')
    return len(unique)

keys = sorted(k for k in hk if k in tw and hk[k] != tw[k])
print('cldr-hans', write('cldr-hans.txt', [hans[k] for k in sorted(hans)]))
print('cldr-tw', write('cldr-tw.txt', [tw[k] for k in keys]))
print('cldr-hk', write('cldr-hk.txt', [hk[k] for k in keys]))
PY
cat "$out/SOURCE.md" "$work/cldr.md" > "$work/all.md"
mv "$work/all.md" "$out/SOURCE.md"
echo "corpus in $out"
