#!/usr/bin/env python3
"""probe-losses-repeats.py: losses beside restored text, clean symbol fields, repeated characters; and random chains.

Session 41 (docs/encoding.md, "Losses read again, symbol fields read as UTF-16, and repeats counted once"). Cases are
made with Python's codecs from the test data's Mojibake lines (zh-cn, zh-tw, ja, ko; never the training text):
  loss   short fields and CSV/log lines written in UTF-8, read by GBK, Big5, Shift-JIS or EUC-KR with errors='replace'
  line   whole lines so (GBK, Big5)
  rep    runs of 3-14 repeated characters (and 锟斤拷) with log prefixes, UTF-8 read by four decoders, GBK/Big5 crossed
  fill   those runs clean (MSVC's 烫/屯 fills): must stay unchanged
  clean  random symbol, currency, math, arrow, box-drawing and punctuation fields, short mixed lines of many scripts:
         must stay unchanged and not flagged lossy
A case is dev when int(md5(original)[0], 16) % 2 == 0, else test. Each case is repaired on its own (`repair --jsonl
--report --to keep`), and its output repaired again (idempotence). Scores: exact / cons (the original with U+FFFD for
some characters) / left (output = input) / wrong; flag = clean cases reported lossy; nonidem = outputs that changed
when repaired again.

The fuzz command repairs random chains (the test data's six languages, 1-3 layers of encode/decode over the matrix,
strict/replace encoders, a dropped or cut byte, replace/ignore decoders) and counts outputs that change when repaired
again.

Usage: tools/probe-losses-repeats.py run PATH/TO/TextRepair.Cli/bin/Release/net10.0 OUT.jsonl
       tools/probe-losses-repeats.py score OUT.jsonl [dev|test|all]
       tools/probe-losses-repeats.py fuzz SEED COUNT PATH/TO/TextRepair.Cli/bin/Release/net10.0
"""
import hashlib, json, os, random, re, subprocess, sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_cases():
    D=os.path.join(ROOT,'tests/TextRepair.Tests/Data/Mojibake/')
    def lines(f): return [l.rstrip('\n') for l in open(D+f, encoding='utf-8') if l.strip()]
    def half(o): return 'dev' if int(hashlib.md5(o.encode()).hexdigest()[0],16)%2==0 else 'test'
    rnd=random.Random(41)
    cases=[]
    def add(fam, orig, dmg, clean=False):
        if dmg is None: return
        cases.append(dict(fam=fam, orig=orig, text=dmg, clean=clean, half=half(orig)))
    zh=lines('zh-cn.txt'); tw=lines('zh-tw.txt'); ja=lines('ja.txt'); ko=lines('ko.txt')
    # A: UTF-8 read by double-byte decoders with replace (Python), short fields and log/CSV lines
    def pieces(src, n):
        out=[]
        for _ in range(n):
            l=rnd.choice(src)
            parts=[p for p in re.split(r'[，。、；：,.;:\s「」（）()]+', l) if len(p)>=2]
            if not parts: continue
            p=rnd.choice(parts)
            if len(p)>14:
                s=rnd.randrange(0,len(p)-8); p=p[s:s+rnd.randint(4,12)]
            out.append(p)
        return out
    tmpl=['{}','{}，{}','用户：{}','{},{},100','[INFO] {}','{}：{}','name={};','"{}","{}"']
    for src,decs in ((zh,['gbk','big5','shift_jis','euc_kr']),(tw,['gbk','big5','shift_jis']),(ja,['gbk','big5','euc_kr']),(ko,['gbk','big5','shift_jis'])):
        ps=pieces(src,600)
        for i,p in enumerate(ps):
            t=tmpl[i%len(tmpl)]
            k=t.count('{}')
            o=t.format(*( [p]+pieces(src,k-1) ))
            dec=decs[i%len(decs)]
            d=o.encode('utf-8').decode(dec,errors='replace')
            if d==o: continue
            add('loss:utf8>'+dec, o, d)
    # A2: whole lines and log lines written in UTF-8, read by Python's GBK/Big5 with replace
    for src,tag in ((zh,'zh'),(tw,'tw')):
        for i in range(700):
            l=rnd.choice(src)
            if len(l)>40:
                s0=rnd.randrange(0,len(l)-30); l=l[s0:s0+rnd.randint(8,30)]
            o=rnd.choice(['{}','[INFO] {}','2024-05-01 12:00:01 {}','{},ok,100','"{}"'] ).format(l)
            dec=['gbk','big5'][i%2]
            d=o.encode('utf-8').decode(dec,errors='replace')
            if d!=o: add('line:utf8>'+dec+':'+tag, o, d)
    # C: repeats of a character, garbled and fills kept
    words=['哈','好','谢','啊','嗯','对','是','的','烫','屯','锟斤拷','呵','喵','走','测试']
    for w in words:
        for n in (3,5,9,14):
            for pre in ('','用户名：','buffer = ','日志：','值：'):
                o=pre+w*n
                add('fill:clean', o, o, clean=True)
                for dec in ('gbk','big5','windows-1252','shift_jis'):
                    try: d=o.encode('utf-8').decode(dec)
                    except UnicodeDecodeError: d=o.encode('utf-8').decode(dec,errors='replace')
                    if d!=o: add('rep:utf8>'+dec, o, d)
                for enc,dec in (('gbk','big5'),('gbk','shift_jis'),('big5','gbk')):
                    try: d=o.encode(enc).decode(dec)
                    except Exception: continue
                    if d!=o: add('rep:%s>%s'%(enc,dec), o, d)
    # B: clean symbols
    syms=['™','©','®','€','£','¥','¢','§','¶','°','±','×','÷','µ','½','¼','¾','←','→','↑','↓','↔','⇒','⇔','∀','∃','∅','∈','∉','∑','∏','√','∞','≈','≠','≤','≥','∧','∨','∩','∪','∫','…','‰','′','″','•','·','–','—','‘','’','“','”','«','»','‹','›','†','‡','¤','¦','¨','¬','¯','´','¸','¹','²','³','º','ª','¿','¡','₩','₪','₫','₹','₽','₺','₴','₦','₱','₿','℃','℉','№','℗','℠','Ω','℮','⅓','⅔','♠','♣','♥','♦','♪','♫','☆','★','○','●','◎','◇','◆','□','■','△','▲','▽','▼','※','〒','〃','々','〆','〇','【','】','〔','〕','《','》','〈','〉','「','」','『','』','・','ー','～','！','？','＃','％','＆','＊','＠','￥','￡','￠','∮','∴','∵','∽','≌','⊥','∠','⌒','⊙','≡','≒','≪','≫','√','∝','∂','∇','⊂','⊃','⊆','⊇','⊕','⊗','┌','┐','└','┘','├','┤','─','│','═','║','╔','╗','▀','▄','█','░','▒','▓','ℹ','⌘','⌥','⏎','✓','✔','✗','✘','❤','☺','☻','♀','♂','✈','☎']
    for i in range(900):
        k=rnd.randint(1,5)
        sep=rnd.choice([' ','',' / ',', ','  '])
        o=sep.join(rnd.choice(syms) for _ in range(k))
        if rnd.random()<0.3: o=rnd.choice(['Price: ','Total ','x ','(',' ','','a','1'])+o+rnd.choice(['',')',' 100',' ok','.'])
        add('clean:sym', o, o, clean=True)
    mixed=['Größe ™ 12 €','Café © 2024','Ελληνικά → English','Русский ≠ English','עברית ← ש','العربية ™','日本語 → 中文','한국어 © 2023','中文 ® 商标','Preis: 12,50 €','¥1,200 (税込)','£5 ± 0.5','温度 25 °C','角度 ≥ 30°','x ≤ 5 ∧ y ≥ 3','A → B → C','1½ cups','© 2024 ACME™','Ünïcödé ™','naïve ® façade','½ ¼ ¾','«Bonjour»','„Hallo“','‘quote’','— dash —','★★★☆☆','♥ love ♥','→ next','← back','↑↓←→','✓ done','✗ failed','™','©','®','€','™ © ®','© ®','® ™','™ ©','€ £ ¥','§ ¶','° ±','× ÷','∞ ≈ ≠','µ Ω','← → ↑ ↓','• · …','– —','“ ”','‹ ›','« »','¼ ½ ¾','¹ ² ³','≤ ≥','∑ ∏','√ ∫','♠ ♣ ♥ ♦','☆ ★','○ ●','□ ■','△ ▲','【注意】','《书名》','「引用」','〒100-0001','№ 5','℃ ℉','₩ ₪ ₫','₹ ₽ ₺','Ⅰ Ⅱ Ⅲ','ⅰ ⅱ ⅲ','① ② ③','⑴ ⑵ ⑶','㈠ ㈡','㎏ ㎝ ㎡','㊣','※ 注意','◎ 重要','▶ 播放','◀ 返回','⏸','✔ 已完成','✘ 失败','☎ 电话','✉ 邮件','✂ cut','☀ ☁ ☂','ThinkPad™ X1','Windows®','Java™ SE','Café™','Señor ®','Ωmega','Δelta','πr²','E=mc²','H₂O','CO₂','m³','km²','½ price','3×4=12','10÷2=5','±5%','‰','100‰','→','⇒','∴','∵']
    for o in mixed:
        add('clean:mixed', o, o, clean=True)
    return cases


def run(cli, out):
    cases = make_cases()

    def repair(texts, report):
        inp = ''.join(json.dumps({'text': t}, ensure_ascii=False) + '\n' for t in texts)
        args = ['dotnet', os.path.join(cli, 'TextRepair.Cli.dll'), 'repair', '--jsonl', '--to', 'keep'] + (['--report'] if report else [])
        r = subprocess.run(args, input=inp.encode(), capture_output=True)
        res = [json.loads(l) for l in r.stdout.decode().split('\n') if l]
        assert len(res) == len(texts), r.stderr[:500]
        return res

    first = repair([c['text'] for c in cases], True)
    second = repair([x['text'] for x in first], False)
    with open(out, 'w') as f:
        for c, x, y in zip(cases, first, second):
            c = dict(c, out=x['text'], lossy=x.get('textrepair', {}).get('lossy', False), idem=y['text'] == x['text'])
            f.write(json.dumps(c, ensure_ascii=False) + '\n')


def consistent(o, out):
    parts = re.split('(\ufffd+)', out)
    pat = ''.join('.+?' if p.startswith('\ufffd') else re.escape(p) for p in parts)
    return re.fullmatch(pat, o, re.S) is not None


def outcome(c):
    o, out = c['orig'], c['out']
    if out == o:
        return 'exact'
    if out == c['text']:
        return 'left'
    if '\ufffd' in out and consistent(o, out):
        return 'cons'
    return 'wrong'


def score(path, half):
    s = defaultdict(Counter)
    for l in open(path):
        c = json.loads(l)
        if half != 'all' and c['half'] != half:
            continue
        g = c['fam'].split(':')[0]
        s[g][outcome(c)] += 1
        if c['clean']:
            s[g]['flag'] += c['lossy']
        s[g]['nonidem'] += not c['idem']
    for g in sorted(s):
        print(g, dict(s[g]))


def fuzz(seed, n, cli):
    D = os.path.join(ROOT, 'tests/TextRepair.Tests/Data/Mojibake/')
    src={f:[l.rstrip('\n') for l in open(D+f,encoding='utf-8') if l.strip()] for f in ('zh-cn.txt','zh-tw.txt','ja.txt','ko.txt','de.txt','en-us.txt')}
    rnd=random.Random(seed)
    M=['utf-8','gbk','big5','shift_jis','euc_jp','euc_kr','utf-16-le','utf-16-be','cp1252','latin-1','cp437','cp850','cp866','mac_roman','cp1251']
    texts=[]
    while len(texts)<n:
        f=rnd.choice(list(src)); k=rnd.randint(1,3)
        t='\n'.join(rnd.choice(src[f]) for _ in range(k))
        if rnd.random()<0.4:
            s0=rnd.randrange(len(t)); t=t[s0:s0+rnd.randint(2,20)]
        for _ in range(rnd.randint(1,3)):
            enc=rnd.choice(M); dec=rnd.choice(M)
            if enc==dec: continue
            try: b=t.encode(enc, errors=rnd.choice(['strict','replace']))
            except Exception: continue
            if b and rnd.random()<0.25:
                i=rnd.randrange(len(b)); b=b[:i]+b[i+1:]
            if b and rnd.random()<0.15: b=b[:-1]
            t=b.decode(dec, errors=rnd.choice(['replace','replace','ignore']))
        if t.strip(): texts.append(t)
    def rep(ts):
        inp=''.join(json.dumps({'text':t},ensure_ascii=False)+'\n' for t in ts)
        r=subprocess.run(['dotnet',cli+'/TextRepair.Cli.dll','repair','--jsonl','--to','keep'],input=inp.encode(),capture_output=True)
        res=[json.loads(l)['text'] for l in r.stdout.decode().split('\n') if l]
        assert len(res)==len(ts), r.stderr[:300]
        return res
    a=rep(texts); b=rep(a)
    bad=[(t,x,y) for t,x,y in zip(texts,a,b) if x!=y]
    print('chains',len(texts),'non-idempotent',len(bad))


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'run':
        run(sys.argv[2], sys.argv[3])
    elif cmd == 'score':
        score(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else 'dev')
    elif cmd == 'fuzz':
        fuzz(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
