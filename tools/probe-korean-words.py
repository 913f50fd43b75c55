#!/usr/bin/env python3
"""probe-korean-words.py: everyday Korean words, clean and garbled, repaired by the tool (session 39).

Clean: words of tests/TextRepair.Tests/Data/KoreanWords/words.tsv (tools/import-korean-words.sh: @nlpjs/lang-ko 4.26.1,
MIT; nouns, adverbs and names of 2-8 Hangul syllables, which no language model trains on), each alone, two with a space,
as a CSV row ("3,word,word") and as a file name ("word_word.mp3"): they must come through unchanged and unflagged.
Garbled: the same words written in EUC-KR and read as GBK, Big5, windows-1252 and Shift-JIS, and written in UTF-8 and
read as EUC-KR and GBK (only words whose bytes the reader decodes without a replacement): the repair should give the
word back. And short Simplified Chinese fields (runs of 2-6 ideographs of Data/Mojibake/zh-cn.txt, an even sample of
1,000) written in GBK and read as EUC-KR, which must still be repaired. One `repair --jsonl` document per case.
Deterministic.

Usage: tools/probe-korean-words.py PATH/TO/TextRepair.Cli [--half dev|test] [--show N] [--dump FILE]
"""
import argparse, json, os, re, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, 'tests/TextRepair.Tests/Data')


def read_as(data, reader):
    """Bytes decoded strictly by a reader (WHATWG windows-1252 maps the 5 bytes Python leaves undefined to C1)."""
    try:
        if reader == 'windows-1252':
            return ''.join(bytes([b]).decode('cp1252', 'strict') if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                           for b in data)
        return data.decode(reader, 'strict')
    except UnicodeDecodeError:
        return None


def chinese_fields(n=1000):
    runs = set()
    for line in open(os.path.join(DATA, 'Mojibake/zh-cn.txt'), encoding='utf-8'):
        runs.update(r for r in re.findall('[\u4e00-\u9fff]+', line) if 2 <= len(r) <= 6)
    ok = []
    for r in sorted(runs):
        g = read_as(r.encode('gbk'), 'euc-kr')
        if g is not None and g != r:
            ok.append((r, g))
    return ok[::max(1, len(ok) // n)][:n]


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--half', default='dev', choices=('dev', 'test'))
    p.add_argument('--show', type=int, default=8, help='examples to print per group')
    p.add_argument('--dump', help='write every case as JSON lines (group, text, expected, got, lossy)')
    args = p.parse_args()
    rows = [line.rstrip('\n').split('\t') for line in open(os.path.join(DATA, 'KoreanWords/words.tsv'), encoding='utf-8')]
    words = [t for h, k, t in rows if h == args.half and k == 'word']
    pairs = [t for h, k, t in rows if h == args.half and k == 'pair']
    cases = []  # (group, input, expected)
    cases += [('clean word', w, w) for w in words]
    cases += [('clean pair', w, w) for w in pairs]
    cases += [('clean csv row', f'{i},{a},{b}', f'{i},{a},{b}') for i, (a, b) in enumerate(zip(words[0::2], words[1::2]))][:300]
    cases += [('clean file name', f'{a}_{b}.mp3', f'{a}_{b}.mp3') for a, b in zip(words[1::2], words[2::2])][:300]
    for writer, reader in (('euc-kr', 'gbk'), ('euc-kr', 'big5'), ('euc-kr', 'windows-1252'), ('euc-kr', 'shift_jis'),
                           ('utf-8', 'euc-kr'), ('utf-8', 'gbk')):
        for w in words:
            g = read_as(w.encode(writer), reader)
            if g is not None and g != w:
                cases.append((f'{writer} read as {reader}', g, w))
    cases += [('gbk zh fields read as euc-kr', g, r) for r, g in chinese_fields()]
    payload = ''.join(json.dumps({'text': c[1]}, ensure_ascii=False) + '\n' for c in cases)
    r = subprocess.run([args.cli, 'repair', '--to', 'keep', '--jsonl', '--report', '-'], input=payload.encode(),
                       capture_output=True)
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(out) == len(cases), r.stderr.decode()[-2000:]
    tally, shown = {}, {}
    dump = open(args.dump, 'w', encoding='utf-8') if args.dump else None
    for (group, text, expected), o in zip(cases, out):
        lossy = bool(o['textrepair']['lossy'])
        t = tally.setdefault(group, [0, 0, 0, 0])  # cases, changed, flagged, exact
        t[0] += 1
        t[1] += o['text'] != text
        t[2] += lossy
        t[3] += o['text'] == expected and not (group.startswith('clean') and lossy)
        if dump:
            dump.write(json.dumps({'group': group, 'text': text, 'expected': expected, 'got': o['text'], 'lossy': lossy},
                                  ensure_ascii=False) + '\n')
        bad = o['text'] != expected or (group.startswith('clean') and lossy)
        if bad and shown.get(group, 0) < args.show:
            shown[group] = shown.get(group, 0) + 1
            print(f'{group}: {text} -> {o["text"]}{" (flagged)" if lossy else ""}')
    print(f'| cases ({args.half}) | count | changed | flagged | kept (clean) or repaired exactly |')
    print('|---|---:|---:|---:|---:|')
    for group, (n, changed, flagged, exact) in tally.items():
        print(f'| {group} | {n} | {changed} | {flagged} | {exact} |')


if __name__ == '__main__':
    main()
