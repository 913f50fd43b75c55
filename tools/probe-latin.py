#!/usr/bin/env python3
"""probe-latin.py: Latin-script text written in UTF-8 and read by a single-byte decoder, repaired by the tool, scored.

UTF-8 read as windows-1252 (or Latin-1, Mac Roman, a DOS page) is the commonest mojibake there is ("cafÃ©" for "café").
Each case is a translated message (msgstr) of a gettext catalogue installed on this machine under
/usr/share/locale/LANG/LC_MESSAGES (Debian's coreutils, apt, bash, git, ...; none of them trains the language models,
whose catalogues come from the packages pinned in tools/train-charlm.sh), with at least one letter beyond ASCII. It is
written in UTF-8 and read by one of the wrong decoders (Python's codecs, independent of the framework's); only lossless
readings are kept, so the best repair is the message itself. The same messages, not garbled, must come through
unchanged. Every record is repaired on its own (`repair --jsonl`: one document per line).

A probe, not an evaluation: the messages are drawn with a fixed seed from whatever catalogues the machine has, so the
numbers are comparable between builds on one machine.

Usage: tools/probe-latin.py PATH/TO/TextRepair.Cli [--seed N] [--per-language N] [--show] [--langs fr,es,...]
                            [--readers shift_jis,cp932]  (session 42: European text read on a Japanese system)
"""
import argparse, gettext, glob, json, os, random, struct, subprocess, unicodedata

LANGS = ['fr', 'es', 'de', 'it', 'pt', 'pt_BR', 'nl', 'ca', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'sk', 'hu', 'ro', 'tr', 'hr', 'sl', 'vi', 'is', 'et', 'lt', 'lv']
READERS = ['cp1252', 'cp1252', 'cp1252', 'latin-1', 'mac_roman', 'cp850', 'cp437']


def messages(lang):
    out = []
    for path in sorted(glob.glob(f'/usr/share/locale/{lang}/LC_MESSAGES/*.mo')):
        try:
            data = open(path, 'rb').read()
            magic = struct.unpack('<I', data[:4])[0]
            end = '<' if magic == 0x950412de else '>'
            n, orig, trans = struct.unpack(end + 'III', data[8:20])
            for i in range(n):
                length, offset = struct.unpack(end + 'II', data[trans + 8 * i:trans + 8 * i + 8])
                text = data[offset:offset + length].decode('utf-8', 'strict').split('\x00')[0]
                for line in text.split('\n'):
                    line = line.strip()
                    if 12 <= len(line) <= 120 and any(c > '\x7f' and c.isalpha() for c in line) and '\t' not in line:
                        out.append(line)
        except Exception:
            continue
    return sorted(set(out))


def run(cli, texts):
    payload = ''.join(json.dumps({'text': t}, ensure_ascii=False) + '\n' for t in texts)
    r = subprocess.run([cli, 'repair', '--to', 'keep', '--jsonl', '-'], input=payload.encode(), capture_output=True, timeout=3600)
    return [json.loads(l)['text'] for l in r.stdout.decode().splitlines()]


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--seed', type=int, default=31)
    p.add_argument('--per-language', type=int, default=40)
    p.add_argument('--langs', default=','.join(LANGS))
    p.add_argument('--show', action='store_true')
    p.add_argument('--readers', default=','.join(READERS), help='Python codecs to read the UTF-8 bytes with, drawn at random')
    args = p.parse_args()
    readers = args.readers.split(',')
    rng = random.Random(args.seed)
    cases = []
    for lang in args.langs.split(','):
        pool = messages(lang)
        for text in rng.sample(pool, min(args.per_language, len(pool))):
            reader = rng.choice(readers)
            try:
                garbled = text.encode('utf-8').decode(reader)
            except UnicodeDecodeError:
                continue
            if garbled.encode(reader) != text.encode('utf-8') or any(unicodedata.category(c) == 'Cc' for c in garbled):
                continue
            cases.append((lang, reader, text, garbled))
    garbled_out = run(args.cli, [g for _, _, _, g in cases])
    clean_out = run(args.cli, [t for _, _, t, _ in cases])
    by_lang = {}
    for (lang, reader, text, garbled), got, clean in zip(cases, garbled_out, clean_out):
        s = by_lang.setdefault(lang, [0, 0, 0, 0])
        s[0] += 1
        s[1] += got == text
        s[2] += got != garbled and got != text
        s[3] += clean != text
        if args.show and (got != text or clean != text):
            print(f'{lang} {reader}\n  in:  {garbled}\n  out: {got}\n  exp: {text}' + (f'\n  CLEAN CHANGED: {clean}' if clean != text else ''))
    total = [sum(s[i] for s in by_lang.values()) for i in range(4)]
    print('| language | cases | fixed exactly | changed wrongly | clean changed |')
    print('|---|---:|---:|---:|---:|')
    for lang, s in by_lang.items():
        print(f'| {lang} | {s[0]} | {s[1]} | {s[2]} | {s[3]} |')
    print(f'| all | {total[0]} | {total[1]} = {100 * total[1] / max(1, total[0]):.1f}% | {total[2]} | {total[3]} |')


if __name__ == '__main__':
    main()
