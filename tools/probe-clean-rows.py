#!/usr/bin/env python3
"""probe-clean-rows.py: clean rows of letters and symbols, which must come through unchanged and unflagged.

Every contiguous window (2-12 letters) of the Latin-1 capitals and small letters (an alphabet row, as charts and
keyboard help list them), alone, after "Characters: " or "字符：", and beside its small letters; runs of box-drawing,
block and other separator characters (2-40 long) alone and between lines of text; box frames. An even run of almost
any Latin-1 or box-drawing character decodes as *some* GBK text (issue 12), so only the language model's judgement can
keep them. A probe: prints the counts and the first examples (session 43: 31 changed / 11 flagged on main, 8 / 4 after
a letter past a symbol continues a listing).

Usage: tools/probe-clean-rows.py PATH/TO/TextRepair.Cli.dll [SHOWN]
"""
import json, subprocess, sys
cli=sys.argv[1]; show=int(sys.argv[2]) if len(sys.argv)>2 else 20
up=[chr(c) for c in range(0xC0,0xDF) if c!=0xD7]; lo=[chr(c) for c in range(0xDF,0x100) if c!=0xF7]
texts=[]
for row in (up,lo):
    for n in range(2,13):
        for s in range(0,len(row)-n+1):
            w=''.join(row[s:s+n]); texts += [w, 'Characters: '+w, '字符：'+w, w+' '+w.lower()]
for ch in '─═│┃━┼▀▄■□░▒▓█●○◆◇★☆…・·—–-=_*~':
    for n in (2,3,4,5,6,8,10,16,24,40):
        texts += [ch*n, '标题\n'+ch*n+'\n正文', 'Title\n'+ch*n]
for a,b,c in [('╔','═','╗'),('┌','─','┐'),('+','-','+'),('╭','─','╮')]:
    for n in (4,8,20): texts += [a+b*n+c]
inp=''.join(json.dumps({'text':t},ensure_ascii=False)+'\n' for t in texts)
r=subprocess.run((['dotnet'] if cli.endswith('.dll') else [])+[cli,'repair','--jsonl','--report','--to','keep'],input=inp.encode(),capture_output=True)
outs=[json.loads(l) for l in r.stdout.decode().split('\n') if l]
assert len(outs)==len(texts)
ch=fl=0; k=0
for t,o in zip(texts,outs):
    rep=o['textrepair']
    if rep['changed'] or rep['lossy']:
        ch+=rep['changed']; fl+=rep['lossy']
        if k<show: k+=1; print(repr(t[:40]),'->',repr(o['text'][:40]), 'L' if rep['lossy'] else '')
print(f'clean runs: {len(texts)}  changed {ch}  flagged {fl}')
