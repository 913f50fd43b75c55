#!/usr/bin/env bash
# Imports the real documents that tests/TextRepair.Tests/Documents/RealDocumentTests.cs checks, into
# tests/TextRepair.Tests/Data/Documents/<format>/, and writes PROVENANCE.md there. Sources, all from package registries:
#   Debian (apt-get download):  maint-guide-zh-cn (GPL-2+ / MIT), debian-reference-zh-cn (GPL-2+), debian-faq-zh-cn
#                               (SPI permission notice), live-manual-epub (GPL-3+), git (GPL-2; README.md),
#                               libgtk-3-common (LGPL-2.1+; README.md)
#   npm (npm pack):             opencc-js 1.4.2 (MIT; README-zh-CN.md, README-zh-TW.md), i18n-iso-countries 7.14.0
#                               (MIT; langs/zh.json, langs/en.json), @ckeditor/ckeditor5-{link,basic-styles,ui,table}
#                               35.0.1 (GPL-2.0-or-later; lang/translations/zh*.po)
# No registry ships licensed Chinese subtitles or Office files, so those are GENERATED from the GPL-2+ text of
# maint-guide-zh-cn: SRT/WebVTT/ASS by the Python below, docx/odt/xlsx/ods/pptx/odp by LibreOffice headless
# (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui) from HTML, CSV and a
# flat ODF presentation written here. Keep the total under 2 MB (the script prints it).
# Usage: bash tools/import-document-samples.sh   (needs network access to the registries; root for apt-get)
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/TextRepair.Tests/Data/Documents
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"/{html,markdown,po,json,epub,srt,vtt,ass,docx,xlsx,pptx,odt,ods,odp}

(cd "$work" && apt-get download -q maint-guide-zh-cn debian-reference-zh-cn debian-faq-zh-cn live-manual-epub git libgtk-3-common >/dev/null)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
(cd "$work" && npm pack -q opencc-js@1.4.2 i18n-iso-countries@7.14.0 @ckeditor/ckeditor5-link@35.0.1 \
    @ckeditor/ckeditor5-basic-styles@35.0.1 @ckeditor/ckeditor5-ui@35.0.1 @ckeditor/ckeditor5-table@35.0.1 >/dev/null)
for tgz in "$work"/*.tgz; do name=$(basename "$tgz" .tgz); mkdir -p "$work/npm/$name"; tar xzf "$tgz" -C "$work/npm/$name"; done

r=$work/root/usr/share
cp "$r"/doc/maint-guide-zh-cn/html/{upload,checkit,modify,index}.zh-cn.html "$out/html/"
cp "$r"/debian-reference/{apa,pr01}.zh-cn.html "$out/html/"
cp "$r"/doc/debian/FAQ/zh-cn/{kernel,faqinfo,basic-defs}.zh-cn.html "$out/html/"
cp "$r"/doc/live-manual/epub/live-manual.{ja,en}.epub "$out/epub/"
cp "$r"/doc/git/README.md "$out/markdown/git-README.md"
cp "$r"/doc/libgtk-3-common/README.md "$out/markdown/gtk3-README.md"
n=$work/npm
cp "$n"/opencc-js-1.4.2/package/README-zh-CN.md "$out/markdown/opencc-js-README-zh-CN.md"
cp "$n"/opencc-js-1.4.2/package/README-zh-TW.md "$out/markdown/opencc-js-README-zh-TW.md"
cp "$n"/i18n-iso-countries-7.14.0/package/langs/zh.json "$out/json/i18n-iso-countries-zh.json"
cp "$n"/i18n-iso-countries-7.14.0/package/langs/en.json "$out/json/i18n-iso-countries-en.json"
for p in link basic-styles ui table; do
    for l in zh-cn zh; do
        cp "$n/ckeditor-ckeditor5-$p-35.0.1/package/lang/translations/$l.po" "$out/po/ckeditor5-$p-$l.po"
    done
done

# Generated documents: sentences of the maint-guide (GPL-2+) as subtitles, a spreadsheet, a presentation.
python3 - "$r/doc/maint-guide-zh-cn/html/first.zh-cn.html" "$out" "$work" <<'PY'
import html, re, sys
source, out, work = sys.argv[1:4]
text = re.sub(r'<[^>]+>', '', open(source, encoding='utf-8').read())
sentences = [html.unescape(s).strip() for s in re.split(r'(?<=[。！？])', text)]
sentences = [re.sub(r'\s+', ' ', s) for s in sentences if re.search(r'[\u4e00-\u9fff]', s) and 6 <= len(s) <= 60][:40]
def ts(i, sep):
    s = i * 3
    return f"00:{s // 60:02d}:{s % 60:02d}{sep}000"
with open(f"{out}/srt/maint-guide-first.srt", "w", encoding="utf-8", newline="\r\n") as f:
    for i, s in enumerate(sentences):
        style = f"<i>{s[:4]}</i>{s[4:]}" if i % 5 == 0 else ("{\\an8}" + s if i % 7 == 0 else s)
        f.write(f"{i + 1}\n{ts(i, ',')} --> {ts(i + 1, ',')}\n{style}\n\n")
with open(f"{out}/vtt/maint-guide-first.vtt", "w", encoding="utf-8") as f:
    f.write("WEBVTT - 新维护人员指南\n\nNOTE 生成自 maint-guide-zh-cn（GPL-2+）\n\n")
    for i, s in enumerate(sentences):
        body = f"<v 维护者>{s}</v>" if i % 4 == 0 else s.replace("&", "&amp;").replace("<", "&lt;")
        f.write(f"cue-{i + 1}\n{ts(i, '.')} --> {ts(i + 1, '.')} line:90% align:center\n{body}\n\n")
with open(f"{out}/ass/maint-guide-first.ass", "w", encoding="utf-8-sig", newline="\r\n") as f:
    f.write("[Script Info]\nTitle: 新维护人员指南\nScriptType: v4.00+\nPlayResX: 1280\nPlayResY: 720\n\n")
    f.write("[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment\n")
    f.write("Style: 默认,文泉驿微米黑,48,&H00FFFFFF,0,0,2\n\n[Events]\n")
    f.write("Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
    for i, s in enumerate(sentences):
        t = s if i % 3 else "{\\b1}" + s[:3] + "{\\b0}" + s[3:]
        if i % 4 == 1 and len(t) > 10:
            t = t[:10] + "\\N" + t[10:]
        kind = "Comment" if i % 9 == 8 else "Dialogue"
        f.write(f"{kind}: 0,0:{ts(i, '.')[3:-1]},0:{ts(i + 1, '.')[3:-1]},默认,维护者,0,0,0,,{t}\n")
with open(f"{work}/sheet.csv", "w", encoding="utf-8") as f:
    f.write("编号,句子,长度\n")
    for i, s in enumerate(sentences):
        f.write(f'{i + 1},"{s.replace(chr(34), chr(39))}",{len(s)}\n')
slides = "".join(
    f'<draw:page draw:name="第{i + 1}页"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="10cm">'
    f'<draw:text-box><text:p>{html.escape(sentences[2 * i])}</text:p><text:p>{html.escape(sentences[2 * i + 1])}</text:p>'
    f'</draw:text-box></draw:frame></draw:page>' for i in range(8))
with open(f"{work}/slides.fodp", "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.presentation"><office:body><office:presentation>{slides}'
            '</office:presentation></office:body></office:document>\n')
PY
cp "$r/doc/maint-guide-zh-cn/html/first.zh-cn.html" "$work/maint-guide-first.html"
lo() { soffice --headless --norestore -env:UserInstallation=file://"$work"/lo "$@" >/dev/null 2>&1; }
html_in=(--infilter="HTML (StarWriter)")
lo "${html_in[@]}" --convert-to docx:"MS Word 2007 XML" --outdir "$out/docx" "$work/maint-guide-first.html"
lo "${html_in[@]}" --convert-to odt:writer8 --outdir "$out/odt" "$work/maint-guide-first.html"
lo "${html_in[@]}" --convert-to epub --outdir "$out/epub" "$work/maint-guide-first.html"
lo --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$out/xlsx" "$work/sheet.csv"
lo --infilter="CSV:44,34,76,1" --convert-to ods --outdir "$out/ods" "$work/sheet.csv"
lo --convert-to pptx --outdir "$out/pptx" "$work/slides.fodp"
lo --convert-to odp --outdir "$out/odp" "$work/slides.fodp"

cat > "$out/PROVENANCE.md" <<'MD'
# Real documents for the format layer's tests

Imported by `tools/import-document-samples.sh` (run it to refresh; it lists every source and licence in its header).

| folder | files | source (registry, package) | licence |
|---|---|---|---|
| html | maint-guide `*.zh-cn.html` | Debian `maint-guide-zh-cn` 1.2.53 | GPL-2+ / MIT |
| html | `apa`, `pr01` `.zh-cn.html` | Debian `debian-reference-zh-cn` 2.100 | GPL-2+ |
| html | `kernel`, `faqinfo`, `basic-defs` `.zh-cn.html` | Debian `debian-faq-zh-cn` 11.1 | SPI permission notice (verbatim and modified copies) |
| epub | `live-manual.{ja,en}.epub` (real files whose `mimetype` entry is not first: kept as found) | Debian `live-manual-epub` 20151217.2 | GPL-3+ |
| markdown | `git-README.md` | Debian `git` | GPL-2 |
| markdown | `gtk3-README.md` | Debian `libgtk-3-common` | LGPL-2.1+ |
| markdown | `opencc-js-README-zh-{CN,TW}.md` | npm `opencc-js` 1.4.2 | MIT |
| json | `i18n-iso-countries-{zh,en}.json` | npm `i18n-iso-countries` 7.14.0 | MIT |
| po | `ckeditor5-*-{zh-cn,zh}.po` | npm `@ckeditor/ckeditor5-{link,basic-styles,ui,table}` 35.0.1 | GPL-2.0-or-later |
| srt, vtt, ass | `maint-guide-first.*` | **generated** from sentences of maint-guide-zh-cn `first.zh-cn.html` | GPL-2+ |
| docx, odt, epub | `maint-guide-first.*` | **generated** by LibreOffice 7.4 headless from maint-guide-zh-cn `first.zh-cn.html` | GPL-2+ |
| xlsx, ods, pptx, odp | `sheet.*`, `slides.*` | **generated** by LibreOffice 7.4 headless from a CSV / flat ODP of the same sentences | GPL-2+ |

No package registry reachable here ships licensed Chinese subtitles or Office files; those are generated and say so.
MD
du -sh "$out"
find "$out" -type f | sort
