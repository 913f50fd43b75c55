#!/usr/bin/env python3
"""probe-replaced-double-byte.py: GBK and Big5 text read as UTF-8 with replacement (session 41), repaired by the tool.

Cases (generated with Python's codecs from the test data, never from training text): lines, 2-8 character fields and
three-line paragraphs of tests/TextRepair.Tests/Data/Mojibake/zh-cn.txt and zh-CN-help.txt (GBK) and zh-tw.txt and
CleanTraditional/paragraphs.txt (Big5), decoded as UTF-8 with errors='replace' (class p1); the same, written as UTF-8
and read as GBK (p2-gbk, 锟斤拷 between survivors), then GBK read as windows-1252 (p2-gbk+1252); clean texts of the same
sources and lines of other alphabets beside U+FFFD (clean). A case is dev when the first hex digit of the md5 of the
original is even. best2 keeps every U+FFFD the reader wrote and reads each island of survivors back as the characters
its bytes complete, U+FFFD for each half character; best is the evaluation set's oracle (one U+FFFD per character that
lost a byte). Printed per class and half: cases, exact to best (clean: unchanged), flagged lossy (clean: not flagged),
exact to best2, characters neither the original's nor the input's, restored distinct characters of best2.

Usage: tools/probe-replaced-double-byte.py PATH/TO/TextRepair.Cli.dll [OUTPUT.jsonl]
"""
import codecs, hashlib, json, os, random, subprocess, sys
from collections import Counter, defaultdict

cli = sys.argv[1]; out = sys.argv[2] if len(sys.argv) > 2 else None
# Cases: GBK/Big5 text read as UTF-8 with replacement (P1), and chains with 锟斤拷 (P2); clean texts.
R = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'TextRepair.Tests', 'Data') + '/'
def lines(path):
    return [l.strip() for l in open(R + path, encoding='utf-8') if l.strip() and not l.startswith('#')]
hans = lines('Mojibake/zh-cn.txt') + lines('zh-CN-help.txt')
hant = lines('Mojibake/zh-tw.txt') + lines('CleanTraditional/paragraphs.txt')
rnd = random.Random(41)

def utf8_replace(b):
    """Python's decoder (maximal subpart); returns text and per-byte lost flags."""
    out = []; lost = [False]*len(b)
    def handler(e):
        for i in range(e.start, e.end): lost[i] = True
        return ('\ufffd', e.end)
    codecs.register_error('gbk41rec', handler)
    t = b.decode('utf-8', 'gbk41rec')
    return t, lost

def best_for(text, enc, lost):
    out = []; p = 0
    for ch in text:
        n = len(ch.encode(enc))
        out.append('\ufffd' if any(lost[p:p+n]) else ch); p += n
    return ''.join(out)

def best2_for(text, enc, b):
    """The brief's best: every decoder U+FFFD kept; each survivor's bytes back to the characters they complete, a half character U+FFFD."""
    bounds = []; p = 0
    for ch in text:
        n = len(ch.encode(enc)); bounds.append((p, p + n, ch)); p += n
    bad = []
    def h(e):
        bad.append((e.start, e.end)); return ('\ufffd', e.end)
    codecs.register_error('gbk41b2', h)
    b.decode('utf-8', 'gbk41b2')
    starts = dict(bad)
    out = []; i = 0
    while i < len(b):
        if i in starts:
            out.append('\ufffd'); i = starts[i]; continue
        j = i
        while j < len(b) and j not in starts:
            x = b[j]; j += (1 if x < 0x80 else 2 if x < 0xE0 else 3 if x < 0xF0 else 4)
        for (s0, e0, ch) in bounds:
            if e0 <= i or s0 >= j: continue
            out.append(ch if (s0 >= i and e0 <= j) else '\ufffd')
        i = j
    return ''.join(out)

def unit(src):
    kind = rnd.choice(['line', 'line', 'field', 'para'])
    l = rnd.choice(src)
    if kind == 'field':
        s = rnd.randrange(0, max(1, len(l) - 4)); l = l[s:s + rnd.randint(2, 8)]
    elif kind == 'para':
        l = '\n'.join([l, rnd.choice(src), rnd.choice(src)])
    elif len(l) > 160:
        l = l[:160]
    return kind, l

cases = []
def add(cls, kind, enc, orig, inp, best, best2=None):
    if inp == orig: return
    split = 'dev' if int(hashlib.md5(orig.encode()).hexdigest()[0], 16) % 2 == 0 else 'test'
    cases.append(dict(cls=cls, kind=kind, enc=enc, split=split, orig=orig, input=inp, best=best, best2=best2 or best))

for enc, src in (('gbk', hans), ('big5', hant)):
    for _ in range(300):
        kind, t = unit(src)
        try: b = t.encode(enc)
        except UnicodeEncodeError: continue
        g, lost = utf8_replace(b)
        b2 = best2_for(t, enc, b)
        assert b2.count('\ufffd') >= g.count('\ufffd'), (t,)
        add('p1', kind, enc, t, g, best_for(t, enc, lost), b2)
    # P2: X read as UTF-8 (replace), written UTF-8, read as GBK: 锟斤拷 runs between survivors; optionally through cp1252
    for _ in range(150):
        kind, t = unit(src)
        try: b = t.encode(enc)
        except UnicodeEncodeError: continue
        g, lost = utf8_replace(b)
        best = best_for(t, enc, lost); b2 = best2_for(t, enc, b)
        try: g2 = g.encode('utf-8').decode('gbk')
        except UnicodeDecodeError:
            g2 = g.encode('utf-8').decode('gbk', 'replace')
        layer = rnd.choice(['gbk', 'gbk+1252'])
        if layer == 'gbk+1252':
            try: g2 = g2.encode('gbk').decode('cp1252')
            except (UnicodeDecodeError, UnicodeEncodeError): continue
        add('p2-' + layer, kind, enc, t, g2, best, b2)
# clean: same kinds, with occasional U+FFFD and foreign letters
for enc, src in (('gbk', hans), ('big5', hant)):
    for _ in range(100):
        kind, t = unit(src)
        cases.append(dict(cls='clean', kind=kind, enc=enc, split='dev' if int(hashlib.md5(t.encode()).hexdigest()[0],16)%2==0 else 'test', orig=t, input=t, best=t, best2=t))
extra = ['Москва — столица России. Привет, мир!', 'Ελληνικά: Αθήνα είναι η πρωτεύουσα.', 'مرحبا بالعالم، هذه تجربة', 'שלום עולם, זה מבחן',
         'Файл � повреждён, попробуйте снова', 'Ошибка: файл не найден � 文件', 'Ñandú, Łódź, Ærø � ok', 'Αθήνα � Москва 北京',
         'Résumé: naïve café, coöperate', 'Владимир Путин и 习近平 会谈', 'Δ = b² − 4ac, α β γ', 'Ставка НДС 20%, итого 1 200 ₽',
         'Ελληνική Δημοκρατία ��', 'Türkçe ğüşıöç İstanbul', 'Tiếng Việt có dấu', 'Київ — столиця України']
for t in extra:
    cases.append(dict(cls='clean', kind='foreign', enc='-', split='dev' if int(hashlib.md5(t.encode()).hexdigest()[0],16)%2==0 else 'test', orig=t, input=t, best=t, best2=t))

# Repair and score.
inp = ''.join(json.dumps({'text': c['input']}, ensure_ascii=False) + '\n' for c in cases)
r = subprocess.run(['dotnet', cli, 'repair', '--jsonl', '--report', '--to', 'keep'], input=inp.encode(), capture_output=True)
if r.returncode: print(r.stderr.decode()); sys.exit(1)
res = [json.loads(l) for l in r.stdout.decode().splitlines()]
stats = defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0])
with open(out, 'w', encoding='utf-8') if out else open(os.devnull, 'w') as f:
    for c, o in zip(cases, res):
        t = o['text']; lossy = o.get('textrepair', {}).get('lossy', False)
        key = (c['cls'], c['split'])
        s = stats[key]; s[0] += 1
        if c['cls'] == 'clean':
            s[1] += t == c['orig']; s[2] += not lossy
        else:
            s[1] += t == c['best']; s[2] += lossy; s[3] += t == c['best2']
            s[4] += sum(1 for ch in t if ch != '\ufffd' and ch not in c['orig'] and ch not in c['input'])
            s[5] += sum(1 for ch in set(c['best2']) if ch != '\ufffd' and ch not in c['input'] and ch in t)
            s[6] += sum(1 for ch in set(c['best2']) if ch != '\ufffd' and ch not in c['input'])
            # survivors restored: characters of orig present in output not in input
        f.write(json.dumps(dict(cls=c['cls'], split=c['split'], kind=c['kind'], best=c['best'], best2=c['best2'], out=t, lossy=lossy, input=c['input']), ensure_ascii=False) + '\n')
for k in sorted(stats): print(k, 'n=%d exact/unchanged=%d flagged/notflagged=%d exact2=%d invented=%d restored=%d/%d' % tuple(stats[k]))
