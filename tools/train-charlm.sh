#!/usr/bin/env bash
# train-charlm.sh: trains the character bigram language models (zh-Hans, zh-Hant, ja, ko, Latin, Cyrillic) that the
# encoding analysis scores text with, and writes them to src/TextRepair/Data/Language/charlm.bin, then compiles that into
# the embedded src/TextRepair/Data/Language/charlm.image, tracked as charlm.image.zip (CharNgramImage.cs).
#
#   Sources: the Debian packages pinned below (apt-get download; nothing is installed): software documentation and
#   translations, and rime-essay's general-subject word frequencies. Their texts are openly
#   licensed (GPL-2+/GPL-3+/LGPL/GFDL, see src/TextRepair/Data/PROVENANCE.md); the model holds only character and
#   character-pair statistics. None of these packages is used by the evaluation (which uses LibreOffice help,
#   Debian `libreoffice-help-*`, and sentences written in the tests), so training and evaluation text are disjoint.
#   The training itself (text extraction, Witten-Bell smoothing, pruning, binary layout) is in train-charlm.py.
#
# Usage: tools/train-charlm.sh            (needs apt-get, dpkg-deb, python3; run `apt-get update` once first)
#        then paste the printed table into src/TextRepair/Data/PROVENANCE.md ("Language model") and run the tests
#        (`LanguageModelTests` checks the entry counts recorded there).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
packages=(
    'debian-reference-zh-cn=2.100'
    'debian-reference-zh-tw=2.100'
    'debian-faq-ko=11.1'
    'evolution-common=3.46.4-2+deb12u1'
    'debian-reference-ja=2.100'
    'fortunes-zh=2.98'
    'gimp-help-ko=2.10.34-2'
    'gnome-control-center-data=1:43.6-2~deb12u1'
    'ipadic-common=2.7.0+main-3.1'
    'libgtk-3-common=3.24.38-2~deb12u3'
    'manpages-de=4.18.1-1'
    'manpages-es=4.18.1-1'
    'manpages-fr=4.18.1-1'
    'manpages-ja=0.5.0.0.20221215+dfsg-1'
    'manpages-zh=1.6.4.0-1'
    'rime-essay=0.0~git20230204.e0519d0-1'
    'util-linux-locales=2.38.1-5+deb12u3'
    'vlc-l10n=3.0.24-0+deb12u1'
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/x"
(cd "$work" && apt-get download -qq "${packages[@]}" 2>/dev/null)
for deb in "$work"/*.deb; do
    echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version) $(sha256sum "$deb" | cut -d' ' -f1)"
    dpkg-deb -x "$deb" "$work/x/$(dpkg-deb -f "$deb" Package)"
done
# rime-essay is a general-subject word list with frequencies (see train-charlm.py), in OpenCC's standard Traditional
# forms. Its words are converted one per line by this repository's own OpenCC-identical converter: to Simplified for the
# zh-Hans model, and to Taiwan forms (為, 裡, 著) for half of the zh-Hant model's share.
essay="$work/x/rime-essay/usr/share/rime-data/essay.txt"
cut -f1 "$essay" > "$work/essay-words.txt"
tool=(dotnet run --project "$root/src/TextRepair.Cli" -c Release --)
"${tool[@]}" convert -c t2s "$work/essay-words.txt" > "$work/essay-words.hans.txt"
"${tool[@]}" convert -c t2tw "$work/essay-words.txt" > "$work/essay-words.tw.txt"
python3 "$here/train-charlm.py" "$work/x" "$root/src/TextRepair/Data/Language/charlm.bin" \
    --essay "$essay" "$work/essay-words.hans.txt" "$work/essay-words.tw.txt" \
    --ipadic "$work/x/ipadic-common/usr/share/chasen/ipadic"
# The library reads the models from charlm.image, compiled from charlm.bin (CharNgramImage.Compile: the lookup tables,
# pair hash included, laid out to be read in place). LanguageModelImageTests writes it, as charlm.image.zip (the form git
# tracks; the library's build extracts and embeds it), and then checks it.
dotnet build "$root/tests/TextRepair.Tests" -c Release
TEXTREPAIR_WRITE_LANGUAGE_IMAGE=1 "$root/tests/TextRepair.Tests/bin/Release/net10.0/TextRepair.Tests" -method '*CheckedInImage_EqualsAFreshCompileOfCharlmBin'
dotnet build "$root/tests/TextRepair.Tests" -c Release
