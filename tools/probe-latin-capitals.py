#!/usr/bin/env python3
"""probe-latin-capitals.py: clean Latin-script capitals and accented runs must come through unchanged; garbled, repaired.

Issue 12: an even-length run of Latin-1 letters ("ÁÉÝÚÍÓÞÆÐÖ", "ÅÄÖ®") decodes as GBK or Big5 text, and the Latin
model, which saw few capitals beyond ASCII, may prefer the CJK reading. The cases are built from the words of the
gettext catalogues of Latin-script languages installed on this machine (/usr/share/locale/LANG/LC_MESSAGES/*.mo, read as
tools/probe-clean-catalogs.py reads them): words holding a letter beyond ASCII, upper-cased (Python str.upper), as
  - a short field of one word, two or three words in a row,
  - the same followed or preceded by a symbol (® ™ © ° § ± ...),
  - a word in capitals and the same word in small letters (an alphabet line),
  - a heading: a short message in capitals,
  - the language's letters beyond ASCII in a row, in capitals, in both cases or with a symbol;
and the same texts written in UTF-8 and read by windows-1252, Latin-1, cp437, cp850 or Mac Roman (lossless readings
only), which must be repaired exactly. Each record is repaired on its own (`repair --jsonl --report`).

The cases are split in two halves by a hash of the case's source words (so a word never sits in both halves): dev, to
tune on, and test, reported once. Seeded; the numbers compare between builds on one machine.

Usage: tools/probe-latin-capitals.py PATH/TO/TextRepair.Cli [--half dev|test|both] [--seed N] [--show N] [--dump F]
"""
import argparse, json, os, random, re, sys, unicodedata, zlib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mo_catalogs
import probe_cli

LANGS = ['af', 'ast', 'br', 'ca', 'cs', 'cy', 'da', 'de', 'eo', 'es', 'et', 'eu', 'fi', 'fo', 'fr', 'fur', 'ga', 'gd', 'gl',
         'hr', 'hu', 'ia', 'id', 'is', 'it', 'lt', 'lv', 'ms', 'mt', 'nb', 'nds', 'nl', 'nn', 'oc', 'pl', 'pt', 'pt_BR', 'ro',
         'sk', 'sl', 'sq', 'sv', 'tr', 'vi', 'wa']
READERS = ['cp1252', 'cp1252', 'latin-1', 'cp437', 'cp850', 'mac_roman']
SYMBOLS = ['®', '™', '©', '°', '§', '±', '¶', '·', '«', '»', '€', '£', '¥', 'µ', '¹', '²', '³', '¼', '½']
WORD = re.compile(r'[^\W\d_]+')


def messages(lang):
    return mo_catalogs.language_lines(lang)


def latin(c):
    return c < '\u0250' or '\u1e00' <= c <= '\u1eff'


def words(lines):
    out = set()
    for line in lines:
        for w in WORD.findall(line):
            w = unicodedata.normalize('NFC', w)
            if 3 <= len(w) <= 16 and any(c > '\x7f' for c in w) and all(latin(c) for c in w):
                out.add(w)
    return sorted(out)


def headings(lines):
    return sorted(l for l in lines if 8 <= len(l) <= 40 and any(c > '\x7f' and c.isalpha() for c in l)
                  and all(latin(c) or not c.isalpha() for c in l) and '%' not in l and '<' not in l)


def half_of(key):
    return 'dev' if zlib.crc32(key.encode()) % 2 == 0 else 'test'


def build(seed, per_language):
    rng = random.Random(seed)
    cases = []  # (half, lang, kind, text)
    for lang in LANGS:
        lines = messages(lang)
        pool = words(lines)
        if len(pool) < 3:
            continue
        for half in ('dev', 'test'):
            mine = [w for w in pool if half_of(w.lower()) == half]
            heads = [h for h in headings(lines) if half_of(h.lower()) == half]
            if len(mine) < 3:
                continue
            for _ in range(per_language):
                kind = rng.choice(['one', 'two', 'three', 'symbol', 'alphabet', 'heading', 'letters'])
                ws = rng.sample(mine, 3)
                if kind == 'one':
                    text = ws[0].upper()
                elif kind == 'two':
                    text = ' '.join(w.upper() for w in ws[:2])
                elif kind == 'three':
                    text = ' '.join(w.upper() for w in ws)
                elif kind == 'symbol':
                    s = rng.choice(SYMBOLS)
                    text = ws[0].upper() + s if rng.random() < 0.5 else s + ' ' + ws[0].upper()
                elif kind == 'alphabet':
                    text = ws[0].upper() + ' ' + ws[0].lower()
                elif kind == 'letters':
                    # The language's letters beyond ASCII in a row, as an alphabet line shows them ("áéýúíóþæðö ÁÉÝÚÍÓÞÆÐÖ").
                    letters = sorted({c for w in pool for c in w.lower() if c > '\x7f' and len(c.upper()) == 1})
                    run = ''.join(rng.sample(letters, min(len(letters), rng.randint(3, 10))))
                    text = rng.choice([run.upper(), run + ' ' + run.upper(), run.upper() + rng.choice(SYMBOLS)])
                    ws = [run]
                else:
                    if not heads:
                        continue
                    text = rng.choice(heads).upper()
                cases.append((half, lang, kind, text))
    return sorted(set(cases))


def garble(rng, text):
    for reader in rng.sample(READERS, len(READERS)):
        try:
            g = text.encode('utf-8').decode(reader)
        except UnicodeDecodeError:
            continue
        if g.encode(reader) == text.encode('utf-8') and not any(unicodedata.category(c) == 'Cc' for c in g) and g != text:
            return reader, g
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--half', default='dev', choices=['dev', 'test', 'both'])
    p.add_argument('--seed', type=int, default=39)
    p.add_argument('--per-language', type=int, default=16)
    p.add_argument('--show', type=int, default=0, help='failures shown per kind')
    p.add_argument('--dump', default='', help='write every failure to this file (JSON lines)')
    args = p.parse_args()
    rng = random.Random(args.seed + 1)
    cases = [c for c in build(args.seed, args.per_language) if args.half == 'both' or c[0] == args.half]
    garbled = []
    for half, lang, kind, text in cases:
        g = garble(rng, text)
        if g:
            garbled.append((half, lang, kind, text, g[0], g[1]))
    results = probe_cli.repair_with_report(args.cli, [c[3] for c in cases] + [g[5] for g in garbled])
    clean_out, garbled_out = results[:len(cases)], results[len(cases):]
    stats = {}
    failures = []
    for (half, lang, kind, text), (got, lossy) in zip(cases, clean_out):
        s = stats.setdefault((half, kind), [0, 0, 0, 0, 0, 0])
        s[0] += 1
        s[1] += got != text
        s[2] += lossy
        if got != text or lossy:
            failures.append({'half': half, 'lang': lang, 'kind': kind, 'case': 'clean', 'text': text, 'got': got, 'lossy': lossy})
    for (half, lang, kind, text, reader, g), (got, lossy) in zip(garbled, garbled_out):
        s = stats.setdefault((half, kind), [0, 0, 0, 0, 0, 0])
        s[3] += 1
        s[4] += got == text
        s[5] += got != text and got != g
        if got != text:
            failures.append({'half': half, 'lang': lang, 'kind': kind, 'case': reader, 'text': text, 'input': g, 'got': got, 'lossy': lossy})
    if args.dump:
        with open(args.dump, 'w', encoding='utf-8') as f:
            for x in failures:
                f.write(json.dumps(x, ensure_ascii=False) + '\n')
    if args.show:
        shown = {}
        for x in failures:
            k = (x['kind'], x['case'] == 'clean')
            if shown.get(k, 0) < args.show:
                shown[k] = shown.get(k, 0) + 1
                print(f"{x['half']} {x['lang']} {x['kind']} {x['case']}{' LOSSY' if x['lossy'] else ''}\n  in:  {x.get('input', x['text'])}\n  out: {x['got']}\n  exp: {x['text']}")
    print('| half | kind | clean | changed | flagged | garbled | exact | wrong |')
    print('|---|---|---:|---:|---:|---:|---:|---:|')
    for half in ('dev', 'test'):
        rows = {k: v for (h, k), v in stats.items() if h == half}
        if not rows:
            continue
        for kind, s in sorted(rows.items()):
            print(f'| {half} | {kind} | ' + ' | '.join(str(x) for x in s) + ' |')
        t = [sum(s[i] for s in rows.values()) for i in range(6)]
        print(f'| {half} | all | ' + ' | '.join(str(x) for x in t) + ' |')


if __name__ == '__main__':
    main()
