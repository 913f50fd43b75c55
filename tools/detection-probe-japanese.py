#!/usr/bin/env python3
# detection-probe-japanese.py: the encoding-detection probe of session 31 (docs/encoding-detection.md, "Session 31").
#
#   Japanese legacy files the evaluation set lacks (half-width katakana lines, words and CSV exports, katakana-heavy and
#   hiragana-light lines, kanji-only words and lines, cp932 with NEC/IBM extensions) in cp932 and EUC-JP, and the
#   Chinese, Korean and single-byte files they could be confused with, built from the test data (LibreOffice help,
#   tests/TextRepair.Tests/Data/Mojibake; words, Data/JapaneseWords; messages, Data/Multilingual). Each text is in the
#   development or held-out half by the first byte of its SHA-256, as in DetectionEvaluationSet. Python's codecs
#   encode (cp932 writes the NEC-selected IBM extensions, 0xED/0xEE). Deterministic.
#
# Usage: tools/detection-probe-japanese.py DIR && dotnet run --project tools/EncodingEval -c Release -- probe DIR
import hashlib, json, os, random, sys, unicodedata
from collections import Counter
D=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'TextRepair.Tests', 'Data') + '/'
out=sys.argv[1]
rows=[]
def half(s):
    # full-width katakana -> half-width (inverse NFKC on the katakana block)
    table={}
    for c in range(0xFF61,0xFFA0):
        n=unicodedata.normalize('NFKC',chr(c))
        if len(n)==1 and 0x30A0<=ord(n)<=0x30FF: table[n]=chr(c)
    for c in range(0xFF61,0xFF9E):
        for m in (0xFF9E,0xFF9F):
            n=unicodedata.normalize('NFKC',chr(c)+chr(m))
            if len(n)==1: table[n]=chr(c)+chr(m)
    return ''.join(table.get(ch,ch) for ch in s)
def split(t): return 'dev' if hashlib.sha256(t.encode()).digest()[0]&1==0 else 'test'
def add(cat, text, encs):
    for e in encs:
        try: b=text.encode(e)
        except UnicodeEncodeError: continue
        if not any(x>0x7f for x in b): continue
        rows.append((cat, e, split(text), text, b))
def isk(c): return 0x30A0<=ord(c)<=0x30FF
def ish(c): return 0x3040<=ord(c)<=0x309F
def ishan(c): return 0x4E00<=ord(c)<=0x9FFF
ja=[l.rstrip('\n') for l in open(D+'Mojibake/ja.txt',encoding='utf-8') if l.strip()]
words=[l.rstrip('\n').split('\t') for l in open(D+'JapaneseWords/words.tsv',encoding='utf-8')]
words=[w[2] for w in words if len(w)>=3]
msgs={}
for l in open(D+'Multilingual/messages.tsv',encoding='utf-8'):
    p=l.rstrip('\n').split('\t')
    if len(p)>=3: msgs.setdefault(p[0],[]).append(p[2])
rnd=random.Random(31)
JA=['cp932','euc_jp']
for l in ja:
    l2=l[:80]
    n=len(l2); k=sum(isk(c) for c in l2); h=sum(ish(c) for c in l2)
    if k>0: add('ja-halfwidth-kana', half(l2), JA)
    if k>=0.3*n: add('ja-katakana-heavy', l2, JA)
    if n>=5 and h<0.1*n: add('ja-hiragana-light', l2, JA)
    if '高' in l2 or '崎' in l2: add('ja-cp932-ext', l2.replace('高','髙').replace('崎','﨑'), ['cp932'])
for i in range(0, len(ja)-1, 3):
    add('ja-cp932-ext', f'{chr(0x2460+i%10)} {ja[i][:30]}\n{chr(0x2461+i%10)} {ja[i+1][:30]}\n', ['cp932'])
kanji=[w for w in words if all(ishan(c) for c in w)]
kata=[w for w in words if all(isk(c) for c in w)]
for w in kanji: add('ja-kanji-only-word', w, JA)
for i in range(0,len(kanji)-4,4): add('ja-kanji-only-line', '、'.join(kanji[i:i+4]), JA)
for i in range(0,len(kanji)-4,4): add('ja-kanji-only-line', ' '.join(kanji[i:i+4])+'\n', JA)
for w in kata: add('ja-katakana-word', w, JA); add('ja-halfwidth-word', half(w), JA)
for i in range(0, len(kata)-3, 3):
    rowsx=[f'{1000+i+j},{half(kata[i+j])},{rnd.randint(1,999)*10}' for j in range(3)]
    add('ja-csv-halfwidth', 'コード,品名,金額\n'+'\n'.join(rowsx)+'\n', JA)
    add('ja-csv-halfwidth', half('コード,ヒンメイ,キンガク\n')+'\n'.join(rowsx)+'\n', JA)
    add('ja-csv-fullwidth', '\n'.join(f'{1000+i+j},{kata[i+j]},{rnd.randint(1,999)*10}' for j in range(3))+'\n', JA)
for m in msgs.get('ja',[]): add('ja-messages', m, JA); add('ja-messages-halfwidth', half(m), JA)
# Chinese
for loc, encs in (('zh-cn',['gb18030']),('zh-tw',['big5','gb18030'])):
    lines=[l.rstrip('\n') for l in open(D+f'Mojibake/{loc}.txt',encoding='utf-8') if l.strip()]
    for l in lines[::4]:
        add(f'{loc}-line', l[:60], encs)
        s=rnd.randrange(0,max(1,len(l)-6)); add(f'{loc}-short', l[s:s+rnd.randint(3,12)], encs)
        hans=''.join(c for c in l if ishan(c))[:rnd.randint(2,8)]
        add(f'{loc}-han-only', hans, encs)
for loc, encs in (('zh_CN',['gb18030']),('zh_TW',['big5'])):
    for m in msgs.get(loc,[]): add(f'{loc}-messages', m, encs)
ko=[l.rstrip('\n') for l in open(D+'Mojibake/ko.txt',encoding='utf-8') if l.strip()]
for l in ko:
    add('ko-line', l[:60], ['euc_kr'])
    s=rnd.randrange(0,max(1,len(l)-6)); add('ko-short', l[s:s+rnd.randint(2,10)], ['euc_kr'])
for loc in ('ko',): 
    for m in msgs.get(loc,[]): add('ko-messages', m, ['euc_kr'])
for loc in ('de','fr','es','pt','it','sv','da','nl','fi','is','ca'):
    for m in msgs.get(loc,[]): add('latin-messages', m, ['cp1252'])
for loc in ('cs','pl','hu','sk','sl','hr','ro'):
    for m in msgs.get(loc,[]): add('ce-messages', m, ['cp1250'])
for loc in ('ru','uk','bg','be'):
    for m in msgs.get(loc,[]): add('cyr-messages', m, ['cp1251'])
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'manifest.tsv'), 'w', encoding='utf-8') as f:
    for i, (cat, e, sp, text, b) in enumerate(rows):
        open(os.path.join(out, f'{i}.bin'), 'wb').write(b)
        f.write(f'{i}\t{cat}\t{e}\t{sp}\t{json.dumps(text, ensure_ascii=False)}\n')
print(len(rows), 'samples:', dict(Counter(r[0] for r in rows)))
