#!/usr/bin/env python3
"""probe-emoji.py: Chinese lines with emoji, written in UTF-8 and read by Python's codecs, repaired by the tool, scored.

Emoji are the commonest characters beyond the Basic Multilingual Plane in web text (chats, titles, comments), and the
language models were trained on text without them (see docs/encoding.md, "Emoji and other four-byte characters").
Each case is a piece of 6-30 characters of a Chinese source text with 1-3 emoji put at its start, its middle or its end,
with or without a space; it is written in UTF-8 and read by one of eleven wrong decoders (Python's, an implementation
independent of the framework's). Only lossless readings are kept (the garbled text encodes back to the same bytes), so
the best repair is the line itself. Clean lines (the first 150 pieces, not garbled) must come through unchanged.

A probe, not an evaluation: the emoji below were chosen by hand; the source text defaults to the seed's reference
repair (a Dongguan government page, no training text of the models), and the random pieces are drawn with a fixed seed.

Usage: tools/probe-emoji.py PATH/TO/TextRepair.Cli [--seed N] [--source FILE] [--show]
"""
import argparse, random, subprocess

EMOJI = ['😀', '😂', '🙏', '👍', '🎉', '❤️', '🔥', '✅', '🌸', '💪', '😭', '🤔', '👏', '🍎', '🚗', '⭐', '☕', '🎂', '👀',
         '💯', '🐱', '🌈', '✨', '😅', '🙈', '🇨🇳', '👨‍💻', '🤷‍♂️', '👍🏻', '☀️']
READERS = ['latin-1', 'cp1252', 'cp437', 'cp850', 'cp866', 'mac_roman', 'cp1251', 'gbk', 'big5', 'shift_jis', 'euc-kr']


def cases(source, seed, count=400):
    rng = random.Random(seed)
    lines = [l.strip() for l in open(source, encoding='utf-8') if len(l.strip()) >= 6]
    out = []
    for _ in range(count):
        line = rng.choice(lines)
        a = rng.randint(0, max(0, len(line) - 30))
        text = line[a:a + rng.randint(6, 30)]
        emoji = rng.choice(EMOJI) * rng.choice([1, 1, 1, 2, 3])
        sep = rng.choice(['', ' ', ' '])
        where = rng.choice(['end', 'start', 'middle'])
        if where == 'end':
            text = text + sep + emoji
        elif where == 'start':
            text = emoji + sep + text
        else:
            m = len(text) // 2
            text = text[:m] + sep + emoji + sep + text[m:]
        out.append((text, rng.choice(READERS)))
    return out


def repair(cli, text):
    r = subprocess.run([cli, 'repair', '--to', 'keep', '-'], input=text.encode(), capture_output=True, timeout=60)
    return r.stdout.decode().rstrip('\n')


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--seed', type=int, default=23)
    p.add_argument('--source', default='seeds/000_fd27bc0d7b45cc12.expected.txt')
    p.add_argument('--show', action='store_true')
    args = p.parse_args()
    all_cases = cases(args.source, args.seed)
    garbled = []
    for text, reader in all_cases:
        data = text.encode('utf-8')
        try:
            g = data.decode(reader)
        except UnicodeDecodeError:
            continue
        if g != text and g.encode(reader) == data:
            garbled.append((text, g, reader))
    fixed = 0
    for text, g, reader in garbled:
        out = repair(args.cli, g)
        fixed += out == text
        if out != text and args.show:
            print(f'  miss (utf-8 read as {reader}): {text!r} -> {out!r}')
    clean = [t for t, _ in all_cases[:150]]
    changed = 0
    for text in clean:
        out = repair(args.cli, text)
        changed += out != text
        if out != text and args.show:
            print(f'  clean changed: {text!r} -> {out!r}')
    print(f'seed {args.seed}: garbled lines restored exactly {fixed}/{len(garbled)}, clean lines changed {changed}/{len(clean)}')


if __name__ == '__main__':
    main()
