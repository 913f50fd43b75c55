#!/usr/bin/env python3
"""Garbles the encoding evaluation's texts with Python's codecs instead of .NET's, and scores the repair.

The evaluation set (tests/TextRepair.Tests/Decoding/EncodingEvaluationSet.cs) garbles text with the framework's
decoders, the ones the engine's tables come from. Real mojibake is made by other decoders too: Python, Java, iconv,
browsers and macOS agree with Windows on almost every byte sequence but not on all (Python's Shift_JIS writes U+301C
for 0x8160, its Mac Roman U+03A9 for 0xBD, its GBK and Big5 have no user-defined areas, its windows-1252 no character
for 0x81). Text read by windows-1252, ISO-8859-1 or windows-1251 that has no-break spaces (the byte 0xA0) is also
given with them turned into plain spaces, as text copied from a web page or normalised has them, and text whose
reader could not read every byte is also given read with errors='ignore' (the bytes dropped, as iconv -c and many
pipelines do), and text read as windows-1252 is also given stored as ISO-8859-1 afterwards (MySQL's latin1: what
windows-1252 has beyond ISO-8859-1 became '?'). This script is an independent check of how the engine holds on such text. Run by
tools/eval-other-decoders.sh, which writes docs/encoding-other-decoders.md.

  eval-other-decoders.py garble TEXTS.jsonl CASES.jsonl     original texts -> cases (JSON lines with a "text" field)
  eval-other-decoders.py score CASES.jsonl REPAIRED.jsonl   cases + the tool's --report output -> Markdown
"""
import codecs
import json
import random
import sys
from collections import Counter, defaultdict

# The text is written as Windows programs write it (the evaluation's writers), and read with Python's codec.
WRITERS = {'utf-8': 'utf-8', 'gbk': 'gbk', 'big5': 'cp950', 'shift-jis': 'cp932', 'euc-jp': 'euc_jp',
           'euc-kr': 'cp949', 'utf-16le': 'utf-16-le', 'utf-16be': 'utf-16-be'}
READERS = {'windows-1252': 'cp1252', 'iso-8859-1': 'latin-1', 'cp437': 'cp437', 'cp850': 'cp850', 'cp866': 'cp866',
           'mac-roman': 'mac_roman', 'windows-1251': 'cp1251', 'gbk': 'gbk', 'big5': 'big5', 'shift-jis': 'shift_jis',
           'euc-kr': 'euc_kr', 'utf-8': 'utf-8', 'utf-16le': 'utf-16-le'}
SEED = 18


def lossy(text, writer, reader, rnd, truncate=None):
    """As EncodingEvaluationSet.Lossy: the last byte cut off half of the time, read with replacement; the best
    possible repair has U+FFFD for each character that lost a byte (found by feeding the reader one byte at a time)."""
    data = text.encode(writer)
    truncate = rnd.random() < 0.5 if truncate is None else truncate
    kept = data[:-1] if truncate else data
    lost = [False] * len(data)
    if truncate:
        lost[-1] = True
    decoder = codecs.getincrementaldecoder(reader)('replace')
    out, pending = [], -1
    for i in range(len(kept)):
        piece = decoder.decode(kept[i:i + 1], final=(i == len(kept) - 1))
        out.append(piece)
        if piece == '':
            pending = i if pending < 0 else pending
            continue
        if piece[0] == '\ufffd':
            last = i - 1 if len(piece) >= 2 and piece[1] != '\ufffd' else i
            for k in range(pending if pending >= 0 else i, last + 1):
                lost[k] = True
        pending = -1
    garbled = ''.join(out)
    if not any(lost) or garbled == text:
        return None
    if truncate and garbled == data[:-len(text[-1].encode(writer))].decode(reader, 'replace'):
        return None  # the cut left no trace: a shorter clean text
    expected, position = [], 0
    for ch in text:
        n = len(ch.encode(writer))
        expected.append('\ufffd' if any(lost[position:position + n]) else ch)
        position += n
    return garbled, ''.join(expected)


def garble(texts_path, cases_path):
    rnd = random.Random(SEED)
    cases = []
    for line in open(texts_path, encoding='utf-8'):
        item = json.loads(line)
        writer_name, _, reader_name = item['cell'].partition(' > ')
        writer, reader = WRITERS.get(writer_name), READERS.get(reader_name)
        if writer is None or reader is None:
            continue
        text = item['text']
        try:
            data = text.encode(writer)
        except UnicodeEncodeError:
            continue
        base = {'set': item['set'], 'cell': item['cell'], 'length': item['length']}
        try:
            garbled = data.decode(reader)
            if garbled != text:
                cases.append(dict(base, kind='recoverable', text=garbled, expected=text))
            if '\u00a0' in garbled:
                # Copied from a web page or normalised on the way: the no-break spaces became spaces.
                cases.append(dict(base, kind='nbsp', text=garbled.replace('\u00a0', ' '), expected=text))
        except UnicodeDecodeError:
            pass  # Python's reader cannot read every byte: only a lossy case
        if reader == 'cp1252':
            # Stored in an ISO-8859-1 column or file (MySQL's latin1): what windows-1252 has beyond it became '?'.
            read = data.decode(reader, 'replace')
            stored = read.encode('latin-1', 'replace').decode('latin-1')
            if stored != read:
                best = ''.join(ch if all(0xA0 <= b or b < 0x80 for b in ch.encode(writer)) else '\ufffd' for ch in text)
                cases.append(dict(base, kind='latin1', text=stored, expected=best))
        made = lossy(text, writer, reader, rnd)
        if made is not None:
            cases.append(dict(base, kind='lossy', text=made[0], expected=made[1]))
        ignored = lossy(text, writer, reader, rnd, truncate=False)
        if ignored is not None and ignored[0].replace('\ufffd', '') != text:
            # Read ignoring what the reader cannot read (Python's errors='ignore', iconv -c): the bytes are dropped.
            cases.append(dict(base, kind='ignore', text=ignored[0].replace('\ufffd', ''), expected=ignored[1]))
    with open(cases_path, 'w', encoding='utf-8') as f:
        for c in cases:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')


def score(cases_path, repaired_path):
    cases = [json.loads(l) for l in open(cases_path, encoding='utf-8')]
    repaired = [json.loads(l) for l in open(repaired_path, encoding='utf-8')]
    assert len(cases) == len(repaired), (len(cases), len(repaired))
    totals = defaultdict(Counter)
    cells = defaultdict(Counter)
    for c, r in zip(cases, repaired):
        report = r.get('textrepair', {})
        exact = r['text'] == c['expected']
        t = totals[c['set']]
        cell = cells[c['cell']] if c['set'] == 'held-out' else Counter()
        if c['kind'] == 'recoverable':
            for counter in (t, cell):
                counter['rec'] += 1
                counter['rec_ok'] += exact
        elif c['kind'] == 'ignore':
            key = 'ignore_utf8' if c['cell'].startswith('utf-8 ') else 'ignore_other'
            t[key] += 1
            t[key + '_flagged'] += bool(report.get('lossy'))
            t[key + '_best'] += exact
        elif c['kind'] == 'latin1':
            key = 'latin1_utf8' if c['cell'].startswith('utf-8 ') else 'latin1_other'
            t[key] += 1
            t[key + '_flagged'] += bool(report.get('lossy'))
            t[key + '_best'] += exact
        elif c['kind'] == 'nbsp':
            key = 'nbsp_utf8' if c['cell'].startswith('utf-8 ') else 'nbsp_other'
            t[key] += 1
            t[key + '_ok'] += exact
        else:
            for counter in (t, cell):
                counter['lossy'] += 1
                counter['flagged'] += bool(report.get('lossy'))
                counter['best'] += exact

    def pct(a, b):
        return f'{a}/{b} = {100.0 * a / b:.1f}%' if b else '–'

    out = ['| | dev | held-out | general-subject |', '|---|---:|---:|---:|']
    sets = ['dev', 'held-out', 'general']
    out.append('| recoverable cases fixed exactly | ' + ' | '.join(pct(totals[s]['rec_ok'], totals[s]['rec']) for s in sets) + ' |')
    out.append('| … UTF-8 text, its no-break spaces (U+00A0) turned into spaces | ' + ' | '.join(pct(totals[s]['nbsp_utf8_ok'], totals[s]['nbsp_utf8']) for s in sets) + ' |')
    out.append('| … other text, its no-break spaces turned into spaces | ' + ' | '.join(pct(totals[s]['nbsp_other_ok'], totals[s]['nbsp_other']) for s in sets) + ' |')
    out.append('| lossy cases flagged | ' + ' | '.join(pct(totals[s]['flagged'], totals[s]['lossy']) for s in sets) + ' |')
    out.append('| lossy cases recovered to the best possible text | ' + ' | '.join(pct(totals[s]['best'], totals[s]['lossy']) for s in sets) + ' |')
    for key, name in (('ignore_utf8', 'UTF-8 text read ignoring the bytes the reader cannot read'),
                      ('ignore_other', 'other text read ignoring the bytes the reader cannot read'),
                      ('latin1_utf8', 'UTF-8 text read as windows-1252, then stored as ISO-8859-1 (\'?\' for the rest)'),
                      ('latin1_other', 'other text read as windows-1252, then stored as ISO-8859-1')):
        out.append(f'| {name}: flagged | ' + ' | '.join(pct(totals[s][key + '_flagged'], totals[s][key]) for s in sets) + ' |')
        out.append('| … recovered to the best possible text | ' + ' | '.join(pct(totals[s][key + '_best'], totals[s][key]) for s in sets) + ' |')
    out += ['', '### Held-out, per cell (recoverable fixed; lossy flagged; lossy best)', '',
            '| cell | recoverable | lossy flagged | lossy best |', '|---|---:|---:|---:|']
    for name in sorted(cells):
        c = cells[name]
        out.append(f"| {name} | {c['rec_ok']}/{c['rec']} | {c['flagged']}/{c['lossy']} | {c['best']}/{c['lossy']} |")
    print('\n'.join(out))


if __name__ == '__main__':
    {'garble': garble, 'score': score}[sys.argv[1]](*sys.argv[2:])
