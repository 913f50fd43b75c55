#!/usr/bin/env python3
"""probe-gbk-names.py: Chinese personal names written in GBK and read by single-byte pages, alone, in a CSV row and
as a file name; scored exactly, and wrong (changed to another text).

The names are generated with a fixed seed from common surnames and given-name characters written here (2-3
characters): the short fields users meet most (a CSV export opened in Excel, a photo's file name), and the hardest
for a character model, which knows few names. Split by md5 of the original (dev: first hex digit even). A probe
(session 43: a data field between CSV separators read as a whole field, CSV dev 26 -> 85 of 255).

Usage: tools/probe-gbk-names.py PATH/TO/TextRepair.Cli.dll [SHOWN]
"""
import json,subprocess,sys,random,hashlib
cli=sys.argv[1]; show=int(sys.argv[2]) if len(sys.argv)>2 else 0
rnd=random.Random(11)
sur='王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
giv='伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强晓东海波宇浩文博子涵梓萱一诺欣怡思远佳琪雨晨俊杰嘉怡'
cases=[]
for i in range(1500):
    name=rnd.choice(sur)+''.join(rnd.choice(giv) for _ in range(rnd.choice([1,2,2])))
    rd=rnd.choice(['cp1252','latin-1','cp437','cp850','mac_roman'])
    ctx=rnd.choice(['alone','csv','file'])
    b=name.encode('gbk')
    try: g=b.decode(rd)
    except Exception: continue
    age=rnd.randint(20,60)
    t={'alone':g,'csv':f'{1000+i},{g},{age},Beijing','file':f'{g}.jpg'}[ctx]
    o={'alone':name,'csv':f'{1000+i},{name},{age},Beijing','file':f'{name}.jpg'}[ctx]
    cases.append((rd,ctx,o,t))
inp=''.join(json.dumps({'text':t},ensure_ascii=False)+'\n' for *_,t in cases)
r=subprocess.run((['dotnet'] if cli.endswith('.dll') else [])+[cli,'repair','--jsonl','--report','--to','keep'],input=inp.encode(),capture_output=True)
outs=[json.loads(l) for l in r.stdout.decode().split('\n') if l]
import collections
s=collections.Counter(); n=collections.Counter(); w=collections.Counter(); k=0
for (rd,ctx,o,t),x in zip(cases,outs):
    h='dev' if int(hashlib.md5(o.encode()).hexdigest()[0],16)%2==0 else 'test'
    n[(h,ctx)]+=1; s[(h,ctx)]+=x['text']==o; w[(h,ctx)]+=x['text']!=o and x['text']!=t
    if h=='dev' and x['text']!=o and k<show: k+=1; print(rd,ctx,repr(t),'->',repr(x['text']),x['textrepair']['lossy'])
for key in sorted(n): print(key, s[key],'/',n[key],'wrong',w[key])
