#!/usr/bin/env python3
"""probe-clean-catalogs.py: clean text of every script, repaired by the tool, must come through unchanged and unflagged.

The encoding repair reads a token as "X written in one encoding, read in another" and keeps the reading it judges more
fluent. Clean text of another script (Swedish, Turkish, Korean, Japanese half-width katakana, ...) is often decodable by
such a chain as well (UTF-8 bytes read as GBK give Han), so clean text is the other half of the measurement next to
tools/probe-latin.py (which garbles the same catalogues).

The cases: every translated message (msgstr, every line of it) of every gettext catalogue installed on this machine
under /usr/share/locale/LANG/LC_MESSAGES, each repaired on its own (`repair --jsonl --report`: one document per line);
plus half-width katakana fields made from the Japanese catalogues: each run of full-width katakana is rewritten in
half-width forms (the map is the inverse of NFKC over U+FF61..U+FF9F, voiced kana as base + U+FF9E/U+FF9F), alone and as
a CSV field after the message's first Han word ("高橋,ﾀｶﾊｼ" as legacy Japanese data stores names). Counted per language:
messages changed, messages flagged lossy. Deterministic (sorted input, no sampling).

Usage: tools/probe-clean-catalogs.py PATH/TO/TextRepair.Cli [--show N] [--langs sv,tr,...]
"""
import argparse, glob, json, os, re, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mo_catalogs
import probe_cli


def messages(lang):
    # Lines with a character beyond ASCII only.
    return mo_catalogs.language_lines(lang, lambda line: any(c > '\x7f' for c in line))


def half_width_map():
    """Full-width katakana (and voiced forms) -> half-width, the inverse of NFKC over U+FF61..U+FF9F."""
    table = {}
    for cp in range(0xFF61, 0xFFA0):
        table.setdefault(unicodedata.normalize('NFKC', chr(cp)), chr(cp))
    for base_full, base_half in list(table.items()):
        for mark_half in ('\uFF9E', '\uFF9F'):
            composed = unicodedata.normalize('NFC', base_full + ('\u3099' if mark_half == '\uFF9E' else '\u309A'))
            if len(composed) == 1 and composed != base_full:
                table.setdefault(composed, base_half + mark_half)
    return {k: v for k, v in table.items() if len(k) == 1}


KATAKANA_RUN = re.compile('[\u30A1-\u30FA\u30FC]{2,}')
HAN_RUN = re.compile('[\u4E00-\u9FFF]{2,}')


def kana_fields(lines):
    table = half_width_map()
    out = set()
    for line in lines:
        han = HAN_RUN.search(line)
        for run in KATAKANA_RUN.findall(line):
            if all(c in table for c in run):
                half = ''.join(table[c] for c in run)
                out.add(half)
                if han:
                    out.add(han.group(0) + ',' + half)
    return sorted(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--langs', default='')
    p.add_argument('--show', type=int, default=3, help='examples shown per language')
    p.add_argument('--dump', default='', help='write every changed or flagged case to this file (JSON lines)')
    args = p.parse_args()
    langs = args.langs.split(',') if args.langs else sorted(d.split('/')[-1] for d in glob.glob('/usr/share/locale/*') if glob.glob(d + '/LC_MESSAGES/*.mo'))
    cases = []
    for lang in langs:
        lines = messages(lang)
        cases += [(lang, t) for t in lines]
        if lang == 'ja':
            cases += [('ja-halfwidth', t) for t in kana_fields(lines)]
    results = probe_cli.repair_with_report(args.cli, [t for _, t in cases])
    by_lang = {}
    examples = {}
    for (lang, text), (got, lossy) in zip(cases, results):
        s = by_lang.setdefault(lang, [0, 0, 0])
        s[0] += 1
        s[1] += got != text
        s[2] += lossy
        if got != text or lossy:
            examples.setdefault(lang, []).append((text, got, lossy))
    if args.dump:
        with open(args.dump, 'w', encoding='utf-8') as f:
            for lang, ex in examples.items():
                for text, got, lossy in ex:
                    f.write(json.dumps({'lang': lang, 'text': text, 'got': got, 'lossy': lossy}, ensure_ascii=False) + '\n')
    for lang, ex in examples.items():
        for text, got, lossy in ex[:args.show]:
            print(f'{lang}{" LOSSY" if lossy else ""}\n  in:  {text}\n  out: {got}')
    print('| language | messages | changed | flagged lossy |')
    print('|---|---:|---:|---:|')
    for lang, s in by_lang.items():
        if s[1] or s[2]:
            print(f'| {lang} | {s[0]} | {s[1]} | {s[2]} |')
    total = [sum(s[i] for s in by_lang.values()) for i in range(3)]
    print(f'| all {len(by_lang)} languages | {total[0]} | {total[1]} | {total[2]} |')


if __name__ == '__main__':
    main()
