#!/usr/bin/env python3
"""probe-ignored-errors.py: text read by a double-byte decoder that ignores what it cannot read, repaired and scored.

Python's errors="ignore", PHP's iconv //IGNORE and many converters drop the bytes they cannot read and write nothing in
their place, so the text holds no U+FFFD to show the loss (session 43). Two sets, both from the repository's test data
(tests/TextRepair.Tests/Data: LibreOffice help lines in several languages, none of them training text of the models):

1. "ignored": Chinese lines (zh-CN and zh-TW help) written in UTF-8 and read by GBK, Big5, EUC-KR or Shift-JIS ignoring
   errors, only where the reader could not read everything. Scored: flagged lossy, and the best text (the output is
   the original with each lost stretch as U+FFFD: `fits`).
2. "dropped": lines, paragraphs and 2-8 character fields of seven languages written in UTF-8, GBK, Big5, Shift-JIS,
   EUC-JP or EUC-KR and read by another of GBK, Big5, Shift-JIS or EUC-KR, strictly (kept when it decodes: recoverable)
   or ignoring errors (kept when something was dropped). Scored: lossy flagged, and strict restorations flagged lossy
   (those must not be).

Cases are split by the md5 of the original: dev (first hex digit even) and test. Tune on dev only.
Every text is repaired on its own (`repair --jsonl --report --to keep`).

Usage: tools/probe-ignored-errors.py PATH/TO/TextRepair.Cli [--show N] [--set ignored|dropped|both]
"""
import argparse, collections, hashlib, json, os, random, re, subprocess

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'TextRepair.Tests', 'Data')


def lines(name, shortest=3, longest=160):
    with open(os.path.join(DATA, name), encoding='utf-8') as f:
        return [l.strip() for l in f if shortest <= len(l.strip()) <= longest]


def half(original):
    return 'dev' if int(hashlib.md5(original.encode()).hexdigest()[0], 16) % 2 == 0 else 'test'


def repair(cli, texts):
    payload = ''.join(json.dumps({'text': t}, ensure_ascii=False) + '\n' for t in texts)
    r = subprocess.run([cli, 'repair', '--to', 'keep', '--jsonl', '--report', '-'], input=payload.encode(), capture_output=True)
    out = [json.loads(l) for l in r.stdout.decode().split('\n') if l]
    assert len(out) == len(texts), r.stderr.decode()[-2000:]
    return [(o['text'], o['textrepair']['lossy']) for o in out]


def fits(original, output):
    """True when output is original with some stretches of 1-3 characters each written as one U+FFFD run."""
    pattern = ''.join('.{1,3}?' if ch == '\ufffd' else re.escape(ch) for ch in re.sub('\ufffd+', '\ufffd', output))
    return re.fullmatch(pattern, original, re.S) is not None


def ignored_set():
    rnd = random.Random(7)
    src = lines('Mojibake/zh-cn.txt', 4, 80) + lines('Mojibake/zh-tw.txt', 4, 80)
    rnd.shuffle(src)
    cases = []
    for reader in ['gbk', 'big5', 'euc_kr', 'shift_jis']:
        for original in src[:1500]:
            b = original.encode('utf-8')
            try:
                b.decode(reader)
                continue
            except UnicodeDecodeError:
                pass
            cases.append((reader, original, b.decode(reader, 'ignore')))
    return cases


def dropped_set():
    rnd = random.Random(43)
    src = {'zh-cn': lines('Mojibake/zh-cn.txt'), 'zh-tw': lines('Mojibake/zh-tw.txt'), 'ja': lines('Mojibake/ja.txt'),
           'ko': lines('Mojibake/ko.txt'), 'de': lines('Mojibake/de.txt'), 'ru': lines('Detection/ru.txt'),
           'fr': lines('Detection/fr.txt')}
    native = {'zh-cn': ['gbk', 'utf-8'], 'zh-tw': ['big5', 'utf-8'], 'ja': ['shift_jis', 'euc_jp', 'utf-8'],
              'ko': ['euc_kr', 'utf-8'], 'de': ['utf-8'], 'ru': ['utf-8'], 'fr': ['utf-8']}
    readers = ['gbk', 'big5', 'shift_jis', 'euc_kr']
    cases = []
    for _ in range(12000):
        lang = rnd.choice(list(src))
        kind = rnd.choice(['short', 'line', 'line', 'para'])
        line = rnd.choice(src[lang])
        if kind == 'short':
            word = line.split()[0] if line.split() else line
            original = word[:rnd.randint(2, 8)]
        elif kind == 'para':
            original = '\n'.join(rnd.choice(src[lang]) for _ in range(3))
        else:
            original = line
        truth = rnd.choice(native[lang])
        reader = rnd.choice([r for r in readers if r != truth])
        mode = rnd.choice(['strict', 'ignore'])
        try:
            b = original.encode(truth)
            text = b.decode(reader, mode)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if text == original:
            continue
        if mode == 'ignore':
            try:
                b.decode(reader)
                continue  # nothing dropped
            except UnicodeDecodeError:
                pass
        cases.append((f'{truth}>{reader}', original, text, mode == 'ignore'))
    return cases


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--show', type=int, default=0, help='dev cases shown that were not flagged or not the best text')
    p.add_argument('--set', default='both', choices=['ignored', 'dropped', 'both'])
    args = p.parse_args()
    if args.set in ('ignored', 'both'):
        cases = ignored_set()
        results = repair(args.cli, [t for _, _, t in cases])
        table = collections.defaultdict(lambda: [0, 0, 0])
        shown = 0
        for (reader, original, text), (got, lossy) in zip(cases, results):
            good = fits(original, got)
            row = table[(reader, half(original))]
            row[0] += 1
            row[1] += lossy
            row[2] += good
            if half(original) == 'dev' and not (lossy and good) and shown < args.show:
                shown += 1
                print(f'  {reader}: {original[:40]!r} | {text[:40]!r} -> {got[:50]!r}{" (flagged)" if lossy else ""}')
        print('| UTF-8 Chinese read ignoring errors by | half | cases | flagged lossy | best text |')
        print('|---|---|---:|---:|---:|')
        for (reader, h), (n, flagged, good) in sorted(table.items()):
            print(f'| {reader} | {h} | {n} | {flagged} | {good} |')
    if args.set in ('dropped', 'both'):
        cases = dropped_set()
        results = repair(args.cli, [t for _, _, t, _ in cases])
        table = collections.defaultdict(lambda: [0, 0, 0, 0])
        for (chain, original, text, lossy), (got, flagged) in zip(cases, results):
            row = table[half(original)]
            if lossy:
                row[0] += 1
                row[1] += flagged
            else:
                row[2] += 1
                row[3] += flagged
        print('| dropped set | lossy cases | flagged | strict cases | strict flagged |')
        print('|---|---:|---:|---:|---:|')
        for h in ('dev', 'test'):
            print(f'| {h} | ' + ' | '.join(str(x) for x in table[h]) + ' |')


if __name__ == '__main__':
    main()
