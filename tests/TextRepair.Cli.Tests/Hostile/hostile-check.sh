# The cases of `textrepair check` (session 13), sourced by hostile.sh --check (or --check-big) in its scratch
# directory, with $T the tool and hostile-case.sh loaded. Prints one Markdown table row per case: exit code, seconds,
# peak RSS, stdout and stderr lines, whether a stack trace appeared, the first stderr line.

# check_case NAME EXPECTED COMMAND: as case_ in hostile.sh (hostile-case.sh), with the lines written to stdout and
# stderr; EXPECTED is the exit code docs/check.md promises for it (0 clean, 1 findings, 2 usage or input error, 141
# closed pipe).
check_case() {
    run_case "$2" "$3"
    case_row "$1" "$3" "$CASE_OUT_LINES" "$CASE_ERR_LINES"
}

# Inputs.
printf '软件信息\n' > a.txt
printf '软件信息\n' > ./--jsn
printf '\xef\xbb\xbf' > bom-only.txt
: > empty.txt
printf '软件\r\n信息\r\n' > crlf.txt
printf '软件\r信息\r' > cr.txt
printf '\xef\xbb\xbf软件\n' > bom8.txt
printf '\xff\xfe\x6f\x8f\xf6\x4e\x0a\x00' > utf16le.txt
printf '\xff\xfe\x00\x00\x6f\x8f\x00\x00' > utf32le.txt
printf 'abc\xff\xfe汉\n' > bad-utf8.txt
printf '软件\xed\xa0\x80\n' > surrogate.txt
head -c 100000 /dev/urandom > garbage.bin
printf '{"findings": 3}' > shape.json
mkdir -p bin-dir && cp garbage.bin bin-dir/logo.png && cp a.txt bin-dir/
python3 -c "open('med.txt','w').write('汉字简体中文测试，这是一个句子。软件信息 Hello world 123\n'*200000)"
mkdir many && for i in $(seq 1 10000); do printf '软件 %d\n' "$i" > "many/f$i.txt"; done
mkdir badname && printf '软件\n' > "badname/bad$(printf '\377').txt" && cp a.txt badname/ok.txt
mkdir loopdir && ln -s ../loopdir loopdir/self && ln -s loopx loopdir/loopy && ln -s loopy loopdir/loopx && cp a.txt loopdir/
ln -sf loop1 loop2; ln -sf loop2 loop1
mkfifo fifo
python3 - <<'EOF'
import os
os.makedirs('deep'); os.chdir('deep')
open('top.txt', 'w').write('软件\n')
for _ in range(25):
    os.mkdir('d' * 200); os.chdir('d' * 200)
open('a.txt', 'w').write('软件\n')
EOF

echo '| case | command | exit | time | peak RSS | stdout lines | stderr lines | stack trace | first stderr line |'
echo '|---|---|---|---|---|---|---|---|---|'
check_case "unknown option" 2 '$T check --expect zh-Hans --jsn a.txt'
check_case "a file named --jsn, after --" 1 '$T check --expect zh-Hant -- --jsn'
check_case "bad --expect" 2 '$T check --expect zh-XX a.txt'
for f in empty bom-only; do
    check_case "$f" 0 "\$T check --expect zh-Hant $f.txt"
done
for f in crlf cr bom8; do
    check_case "$f" 1 "\$T check --expect zh-Hant $f.txt"
done
check_case "UTF-16 BOM" 2 '$T check --expect zh-Hant utf16le.txt'
check_case "UTF-32 BOM" 2 '$T check --expect zh-Hant utf32le.txt'
check_case "invalid UTF-8" 2 '$T check --expect zh-Hant bad-utf8.txt'
check_case "UTF-8-encoded surrogate" 2 '$T check --expect zh-Hant surrogate.txt'
check_case "binary file named" 2 '$T check --expect zh-Hant garbage.bin'
check_case "binary file in a directory" 1 '$T check --expect zh-Hant bin-dir'
check_case "/dev/zero" 2 '$T check --expect zh-Hant /dev/zero'
check_case "stdin from /dev/zero" 2 '$T check --expect zh-Hant < /dev/zero'
check_case "FIFO with a writer" 1 '(printf "软件\n" > fifo &); $T check --expect zh-Hant fifo'
check_case "closed stdin" 2 '$T check --expect zh-Hant <&-'
check_case "stdin is a directory" 2 '$T check --expect zh-Hant < .'
check_case "symlink loop, named" 2 '$T check --expect zh-Hant loop1 a.txt'
check_case "symlink loops in a directory" 1 '$T check --expect zh-Hant loopdir'
check_case "non-UTF-8 file name in a directory" 2 '$T check --expect zh-Hant badname'
check_case "path past PATH_MAX in a directory" 2 '$T check --expect zh-Hant deep'
check_case "10,000 small files" 1 '$T check --expect zh-Hant many'
check_case "10,000 small files, SARIF" 0 '$T check --expect zh-Hant --sarif many | python3 -c "import json,sys; print(len(json.load(sys.stdin)[\"runs\"][0][\"results\"]))"'
for format in "" --json --sarif; do
    check_case "closed pipe, head -c1 ${format:-(text)}" 141 "\$T check --expect zh-Hant $format med.txt | head -c1 > /dev/null; exit \${PIPESTATUS[0]}"
done
check_case "closed pipe, SARIF of 10,000 files" 141 '$T check --expect zh-Hant --sarif many | head -c1 > /dev/null; exit ${PIPESTATUS[0]}'
check_case "closed stdout" 2 '$T check --expect zh-Hant --sarif a.txt >&-'
check_case "> /dev/full" 2 '$T check --expect zh-Hant med.txt > /dev/full'
check_case "--write-baseline /dev/full" 2 '$T check --expect zh-Hant --write-baseline /dev/full a.txt'
check_case "--write-baseline a directory" 2 '$T check --expect zh-Hant --write-baseline many a.txt'
check_case "--baseline a directory" 2 '$T check --expect zh-Hant --baseline many a.txt'
check_case "--baseline missing" 2 '$T check --expect zh-Hant --baseline missing.json a.txt'
check_case "--baseline not JSON" 2 '$T check --expect zh-Hant --baseline a.txt a.txt'
check_case "--baseline not a baseline" 2 '$T check --expect zh-Hant --json --baseline shape.json a.txt'
check_case "--baseline /dev/zero" 2 '$T check --expect zh-Hant --baseline /dev/zero a.txt'
check_case "--fix with stdin" 2 'cp a.txt f.txt; $T check --expect zh-Hant --fix f.txt -; c=$?; cmp -s a.txt f.txt || echo CHANGED >&2; exit $c'
check_case "--fix on a FIFO" 2 '$T check --expect zh-Hant --fix fifo'
if [ "$(id -u)" = 0 ]; then
    mkdir -p tree/sub/closed && cp a.txt tree/sub/a.txt && cp a.txt tree/sub/closed/b.txt && chmod -R a+rX tree && chmod 700 tree/sub/closed
    check_case "unreadable directory (as nobody)" 2 "su nobody -s /bin/sh -c '\$T check --expect zh-Hant tree'"
    check_case "unreadable directory, SARIF (as nobody)" 2 "su nobody -s /bin/sh -c '\$T check --expect zh-Hant --sarif tree' | python3 -m json.tool > /dev/null; exit \${PIPESTATUS[0]}"
    cp a.txt secret.txt && chmod 600 secret.txt
    check_case "unreadable file (as nobody)" 2 "su nobody -s /bin/sh -c '\$T check --expect zh-Hant secret.txt a.txt'"
    mkdir -p open && chmod 777 open
    check_case "--write-baseline with an unreadable directory (as nobody)" 2 "su nobody -s /bin/sh -c '\$T check --expect zh-Hant --write-baseline open/b.json tree'; c=\$?; ls open/b.json >&2; exit \$c"
fi
if [ "$BIG" = --check-big ]; then
    truncate -s 1100M sparse.txt
    check_case "1.1 GB without a line feed (sparse)" 2 '$T check --expect zh-Hant sparse.txt'
    rm sparse.txt
    head -c 1100000000 /dev/zero | tr '\0' 'a' > line.txt
    check_case "1.1 GB ASCII line" 2 '$T check --expect zh-Hant a.txt line.txt'
    rm line.txt
fi
rm -rf deep
