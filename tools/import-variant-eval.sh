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
#   - Debian packages that ship both a zh_TW and a zh_HK gettext catalogue written by people (iso-codes, Pidgin, Xfce,
#     MATE, Cinnamon; lists below; licences GPL-2+ / LGPL-2.1+, each package's copyright file copied next to the
#     corpus). None of them is among the packages tools/train-charlm.sh trains the encoding language model on. As for
#     CLDR, only the messages whose zh_HK translation differs from the zh_TW one are kept (many Hong Kong catalogues
#     start as a copy of the Taiwan one, and an untouched copy is not Hong Kong writing): po-hk.txt holds the zh_HK
#     translations, po-tw.txt the zh_TW translations of the same messages.
#   - Training only (not evaluated): the same pairs from GNOME and other GTK-based packages (list at the
#     end), the text the per-term
#     regional weights of src/TextRepair/Analysis/Variant/RegionalWeights.g.cs are counted on. Disjoint from the
#     evaluation packages and from tools/train-charlm.sh's.
# Output (UTF-8, one text per line):
#   zh-cn.txt zh-tw.txt        LibreOffice help lines
#   cldr-hans.txt cldr-tw.txt cldr-hk.txt
#   po-tw.txt po-hk.txt        gettext translations of iso-codes, Pidgin, Xfce (catalogues in package order)
#   mate-tw.txt mate-hk.txt    the same for MATE
#   cinnamon-tw.txt cinnamon-hk.txt  the same for Cinnamon (cinnamon-l10n, cinnamon-desktop-data)
#   train-tw.txt train-hk.txt  the same from the training packages' catalogues: the training pairs of the per-term
#                              regional weights (tools/VariantEval --train), never part of the evaluation
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
PYTHONPATH=tools python3 - "$work" "$out" <<'PY'
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
from variant_eval_write import write

keys = sorted(k for k in hk if k in tw and hk[k] != tw[k])
print('cldr-hans', write(out, 'cldr-hans.txt', [hans[k] for k in sorted(hans)]))
print('cldr-tw', write(out, 'cldr-tw.txt', [tw[k] for k in keys]))
print('cldr-hk', write(out, 'cldr-hk.txt', [hk[k] for k in keys]))
PY

# Gettext catalogues with both a Taiwan and a Hong Kong translation (checked: every package below ships both).
# pairs NAME TITLE PACKAGES...: the messages whose two translations differ, into NAME-tw.txt and NAME-hk.txt.
pairs() {
    local name=$1 title=$2
    shift 2
    {
        echo
        echo "## $title: gettext catalogues zh_TW / zh_HK (Debian; licence in each <package>.copyright)"
        echo
        echo "| package | version | sha256 of the .deb |"
        echo "|---|---|---|"
    } > "$work/$name.md"
    mkdir -p "$work/$name"
    # One apt-get call for the whole list (one call per package took minutes for the training list).
    (cd "$work" && apt-get download -qq "$@" >/dev/null 2>&1) || { echo "apt-get download failed for one of: $*" >&2; exit 1; }
    for package in "$@"; do
        deb=$(ls "$work"/"$package"_*.deb)
        dpkg-deb -x "$deb" "$work/$name/$package"
        cp "$work/$name/$package/usr/share/doc/$package/copyright" "$out/$package.copyright"
        echo "| $package | $(dpkg-deb -f "$deb" Version) | $(sha256sum "$deb" | cut -d' ' -f1) |" >> "$work/$name.md"
    done
    PYTHONPATH=tools python3 - "$work/$name" "$out" "$name" "$@" <<'PY'
import gettext, glob, os, re, sys
root, out, name, packages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
han = re.compile('[\u3400-\u9fff]')
tw_lines, hk_lines = [], []
for package in packages:
    for hk_path in sorted(glob.glob(f'{root}/{package}/usr/share/locale/zh_HK/LC_MESSAGES/*.mo')):
        tw_path = hk_path.replace('/zh_HK/', '/zh_TW/')
        if not os.path.exists(tw_path):
            continue
        hk = gettext.GNUTranslations(open(hk_path, 'rb'))._catalog
        tw = gettext.GNUTranslations(open(tw_path, 'rb'))._catalog
        for key, value in hk.items():
            if key and key in tw and tw[key] != value and han.search(value) and han.search(tw[key]):
                hk_lines.append(value)
                tw_lines.append(tw[key])
from variant_eval_write import write
print(name + '-tw', write(out, name + '-tw.txt', tw_lines))
print(name + '-hk', write(out, name + '-hk.txt', hk_lines))
PY
}
# Evaluation pairs: iso-codes, Pidgin and Xfce; MATE apart (MATE's catalogues descend from GNOME 2's, so they may share
# translations with the GNOME training pairs below: its own rows show whether that flatters it).
pairs po "Evaluation" iso-codes pidgin-data thunar-data xfce4-panel xfce4-session xfce4-settings libxfce4ui-common \
    xfdesktop4-data xfce4-appfinder xfwm4 xfce4-power-manager-data libgarcon-common
pairs mate "Evaluation (MATE)" mate-desktop-common mate-panel-common caja-common pluma-common mate-control-center-common \
    engrampa-common atril-common eom-common marco-common mate-settings-daemon-common mate-power-manager-common \
    mate-terminal-common
# Evaluation (Cinnamon): Linux Mint's translators (Launchpad), a community other than GNOME's, Xfce's and MATE's.
pairs cinnamon "Evaluation (Cinnamon)" cinnamon-l10n cinnamon-desktop-data
# Training pairs (the per-term regional weights, tools/VariantEval --train; never evaluated on): GNOME applications and
# libraries, then (session 7) the other GTK-based packages found to ship both catalogues with differing messages: GNOME
# games and tools, GTK 2/4, IBus, LXPanel, LightDM's greeter. Checked by downloading each candidate and counting the
# zh_HK messages that differ from zh_TW; candidates with none (GNOME 2048, Atomix, Glade, Nemo, Transmission, Hexchat,
# Meld, LXTerminal, ...) are not listed. None of them is an evaluation package above or a package of
# tools/train-charlm.sh (whose libgtk-3-common, evolution-common and gnome-control-center-data are therefore left out).
pairs train "Training (regional weights)" nautilus-data gedit-common gnome-shell-common libglib2.0-data totem-common \
    gnome-software-common file-roller baobab eog gnome-disk-utility evince-common rhythmbox-data gnome-terminal-data \
    seahorse gnome-system-monitor gnome-calculator brasero-common cheese-common gnome-maps gnome-weather gnome-clocks \
    gnome-calendar yelp gnome-font-viewer aisleriot dconf-editor evolution-data-server-common gdm3 gnome-boxes gnome-chess \
    gnome-color-manager gnome-contacts gnome-desktop3-data gnome-dictionary gnome-initial-setup gnome-keyring gnome-logs \
    gnome-mahjongg gnome-menus gnome-mines gnome-music gnome-nettool gnome-photos gnome-screenshot gnome-session-common \
    gnome-settings-daemon-common gnome-sound-recorder gnome-sudoku gnome-tweaks gnome-user-share gnumeric-common \
    gvfs-common iagno libgtksourceview-4-common libgweather-4-common mutter-common network-manager-gnome orca \
    quadrapassel simple-scan sound-juicer tracker \
    libgtk2.0-common libgtk-4-common gsettings-desktop-schemas gcr libsecret-common zenity-common epiphany-browser-data \
    gucharmap gtranslator gitg polari five-or-more four-in-a-row gnome-klotski gnome-nibbles gnome-robots gnome-taquin \
    gnome-tetravex hitori lightsoff swell-foop tali anjuta-common gnote gthumb-data grilo-plugins-0.3 libgdata-common \
    libgda-5.0-common planner-data dia-common gbrainy metacity-common gnome-flashback-common blueman gtk2-engines \
    xdg-user-dirs xdg-user-dirs-gtk lightdm-gtk-greeter libgnomekbd-common ibus-data lxpanel-data
cat "$out/SOURCE.md" "$work/cldr.md" "$work/po.md" "$work/mate.md" "$work/cinnamon.md" "$work/train.md" > "$work/all.md"
mv "$work/all.md" "$out/SOURCE.md"
echo "corpus in $out"
