#!/bin/bash
# Hostile inputs against the built tool (session 12; results in docs/cli-hostile.md). Generates every input in a
# scratch directory (nothing large is kept in git), runs each case with a 120 s timeout and prints one Markdown table
# row per case (the runner is hostile-case.sh): exit code, seconds, peak RSS, whether a stack trace appeared, the first
# stderr line. Each case names the exit code docs/cli.md or docs/check.md promises; a case that ends otherwise shows
# both in bold, and the script exits 1 after the table.
#
#   tests/TextRepair.Cli.Tests/Hostile/hostile.sh [TOOL] [--big | --check | --check-big]
#
# TOOL defaults to the Release build (pass "" for the default). --big adds the 1.1-1.2 GB inputs (2 GB of memory and a
# minute or two each). --check runs only the cases of `check` (session 13), --check-big adds its 1.1 GB inputs.
# Cases needing root (a tmpfs for a full disk, a run as nobody) are skipped when not root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOOL=${1:-$(cd "$(dirname "$0")/../../.." && pwd)/src/TextRepair.Cli/bin/Release/net10.0/TextRepair.Cli}
BIG=${2:-}
WORK=$(mktemp -d /tmp/textrepair-hostile-XXXXXX)
chmod 755 "$WORK"
cd "$WORK" || exit 1
cleanup() { mountpoint -q "$WORK/small" && umount "$WORK/small"; rm -rf "$WORK"; }
trap cleanup EXIT

# case_ NAME EXPECTED COMMAND: runs COMMAND (a shell string, $T is the tool) and prints a table row (hostile-case.sh);
# EXPECTED is the exit code docs/cli.md promises for it.
T=$TOOL; export T
. "$HERE/hostile-case.sh"
case_() {
    run_case "$2" "$3"
    case_row "$1" "$3"
}

case "$BIG" in
--check | --check-big)
    . "$HERE/hostile-check.sh"
    case_summary
    exit
    ;;
esac

# Inputs.
printf '\xef\xbb\xbf' > bom-only.txt
: > empty.txt
printf '汉字\r\n简体\r\n' > crlf.txt
printf '汉字\r简体\r' > cr.txt
printf '汉字简体' > no-newline.txt
printf 'ab\x00cd 汉字\n' > nul.txt
printf 'abc\xff\xfe汉\n' > bad-utf8.txt
printf '\xff\xfea\x00\x00\xd8\x49\x6c\x0a\x00' > lone-surrogate-16.txt
printf '\xfe\xff\x00a' > utf16be-bom.txt
head -c 100000 /dev/urandom > garbage.bin
python3 -c "open('med.txt','w').write('汉字简体中文测试，这是一个句子。Hello world 123\n'*200000)"
python3 -c "open('one-line-100mb.txt','w').write('汉字简体中文测试，这是一个句子。Hello world 123 '*(100*1024*1024//62))"
mkdir many && for i in $(seq 1 3000); do printf '汉字 %d\n' "$i" > "many/f$i.txt"; done
mkdir names && printf '简体\n' > "names/a b.txt" && printf '简体\n' > "names/new
line.txt"
mkdir badname && printf '简体\n' > "badname/bad$(printf '\377').txt"
printf '{"text": "简体\\ud800x", "id": 1}\n{"text": "\\udc00简体"}\n{"te\\ud800xt": "简体"}\n{"text": "a\\u0000b简体"}\n' > lone.jsonl
python3 -c "
s='简体中文'*(500*1024*1024//12)
open('record-500mb.jsonl','w').write('{\"id\":1,\"text\":\"'+s+'\"}\n{\"text\":\"简体\"}\n')"
printf '<html><body><p>汉字<!-- unclosed comment 简体\n<p>后面' > unclosed-comment.html
printf '<html><![CDATA[ 简体 <p>汉字' > cdata.html
printf '# 标题\n```\n代码 简体\n\n正文 简体' > open-fence.md
printf '1\n00:00:01,000 --> 00:0x:02,000\n简体字幕\n\n2\n99:99:99,999 -> \n第二\n' > broken.srt
printf '[Events]\nDialogue: 0,bad,0:00:02.00,简体{\\b1 未闭合\n' > broken.ass
printf '{"a": "简体", "b": "\\ud800", "d": [1,2' > truncated.json
python3 - <<'EOF'
import zipfile
H=b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
def docx(name, body):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with z.open('word/document.xml', 'w', force_zip64=True) as w:
            body(w)
docx('ok.docx', lambda w: w.write(H + '汉字'.encode() + b'</w:t></w:r></w:p></w:body></w:document>'))
def bomb(w):
    w.write(H)
    for _ in range(1500):
        w.write(b' ' * (1 << 20))
    w.write(b'</w:t></w:r></w:p></w:body></w:document>')
docx('bomb.docx', bomb)
docx('unclosed.docx', lambda w: w.write(H + '汉字'.encode()))
data = open('ok.docx', 'rb').read()
open('truncated.docx', 'wb').write(data[:len(data) // 2])
EOF

echo '| case | command | exit | time | peak RSS | stack trace | first stderr line |'
echo '|---|---|---|---|---|---|---|'
for f in bom-only empty crlf cr no-newline nul; do
    case_ "$f" 0 "\$T convert -c s2t $f.txt"
done
for f in bad-utf8 lone-surrogate-16 utf16be-bom; do
    case_ "$f" 2 "\$T convert -c s2t $f.txt"
done
case_ "lone surrogate, --encoding utf-16" 2 '$T repair --encoding utf-16 lone-surrogate-16.txt'
case_ "lone surrogate, --replace-invalid" 0 '$T repair --encoding utf-16 --replace-invalid lone-surrogate-16.txt'
case_ "binary garbage" 2 '$T repair garbage.bin'
case_ "binary garbage on stdin" 2 '$T repair < garbage.bin'
case_ "directory as input" 2 '$T convert -c s2t many'
case_ "closed stdout" 1 '$T convert -c s2t med.txt >&-'
case_ "closed stdin" 2 '$T repair <&-'
case_ "stdin is a directory" 2 '$T repair < .'
case_ "closed pipe, head -c1 (convert)" 141 '$T convert -c s2t med.txt | head -c1 > /dev/null; exit ${PIPESTATUS[0]}'
case_ "closed pipe, head -c1 (encoding, 3000 files)" 141 '$T encoding -r many | head -c1 > /dev/null; exit ${PIPESTATUS[0]}'
case_ "> /dev/full" 1 '$T repair med.txt > /dev/full'
case_ "-o /dev/full" 1 '$T convert -c s2t med.txt -o /dev/full'
case_ "-o same path as input" 0 'cp crlf.txt same.txt && $T convert -c s2t same.txt -o same.txt && cat same.txt'
case_ "-i through a symlink" 0 'cp crlf.txt target.txt && ln -sf target.txt link.txt && $T convert -c s2t -i link.txt && test -L link.txt'
case_ "symlink loop" 2 'ln -sf loop1 loop2; ln -sf loop2 loop1; $T convert -c s2t loop1'
case_ "names with spaces/newlines, -r" 0 '$T convert -c s2t -r names'
case_ "non-UTF-8 file name, -r" 2 '$T convert -c s2t -r badname'
case_ "3000 tiny files, -r" 0 '$T convert -c s2t -r many -o out-many'
case_ "one 100 MB line" 0 '$T convert -c s2t one-line-100mb.txt -o /dev/null'
case_ "JSONL lone surrogates" 0 '$T repair --jsonl --report lone.jsonl'
case_ "JSONL 500 MB record" 0 '$T convert -c s2t --jsonl record-500mb.jsonl -o /dev/null'
for f in unclosed-comment.html cdata.html open-fence.md broken.srt broken.ass; do
    case_ "$f" 0 "\$T convert -c s2t $f"
done
case_ truncated.json 2 '$T convert -c s2t truncated.json'
case_ "docx ok" 0 '$T convert -c s2t ok.docx -o o.docx'
case_ "docx unclosed XML" 0 '$T convert -c s2t unclosed.docx -o o2.docx'
case_ "docx truncated, in place" 2 'cp truncated.docx t.docx && $T repair -i t.docx; c=$?; cmp -s t.docx truncated.docx || echo CHANGED >&2; exit $c'
case_ "docx zip bomb (1.5 GB part)" 2 '$T convert -c s2t bomb.docx -o o3.docx'
if [ "$(id -u)" = 0 ]; then
    mkdir small && mount -t tmpfs -o size=64k tmpfs small
    head -c 30000 med.txt > small/in.txt
    case_ "-o on a full disk" 1 '$T convert -c s2t med.txt -o small/out.txt; c=$?; ls small/.textrepair-* 2>/dev/null >&2; exit $c'
    head -c 34000 med.txt > small/fill.txt 2> /dev/null # fills the 64 KB tmpfs: "No space left" is the point
    case_ "-i on a full disk" 1 'cp small/in.txt keep.txt; $T convert -c s2t -i small/in.txt; c=$?; cmp -s keep.txt small/in.txt || echo CHANGED >&2; exit $c'
    mkdir -p tree/sub/closed && printf '简体\n' > tree/sub/a.txt && chmod -R a+rX tree && chmod 700 tree/sub/closed
    case_ "unreadable directory in -r (as nobody)" 2 'su nobody -s /bin/sh -c "$T repair -r tree"'
    printf '简体\n' > secret.txt && chmod 600 secret.txt
    case_ "unreadable file (as nobody)" 2 'su nobody -s /bin/sh -c "$T repair secret.txt"'
fi
if [ "$BIG" = --big ]; then
    truncate -s 1100M sparse.txt
    case_ "1.1 GB without a line feed (sparse)" 2 '$T convert -c s2t sparse.txt -o /dev/null'
    rm sparse.txt
    yes 'hello world this is ascii text 0123456789' | head -c 1200000000 > ascii.txt
    case_ "1.2 GB ASCII, repair (read whole)" 2 '$T repair ascii.txt -o /dev/null'
    case_ "1.2 GB ASCII, convert (streamed)" 0 '$T convert -c s2t ascii.txt -o /dev/null'
    rm ascii.txt
fi
case_summary
