#!/usr/bin/env python3
"""probe-halfwidth-kana.py: half-width katakana both ways, repaired by the tool (session 36).

Clean: 191 katakana words written from general knowledge (surnames, given names and places as their readings, loanwords,
banking words), in half-width forms, each bare, after "氏名," and after "1," (as legacy CSV stores readings): they must
come through unchanged and unflagged. Garbled: words of 2-4 characters whose bytes Shift-JIS reads as half-width forms
alone (GBK: keys of OpenCC's STPhrases.txt; Big5: keys of TSPhrases.txt; EUC-KR: Hangul words of the installed Korean
gettext catalogues), an even sample of each, bare and after "1,": the repair should give the word back. Neither list is
used by the language models' training (tools/train-charlm.sh) or the evaluation sets. Deterministic.

Usage: tools/probe-halfwidth-kana.py PATH/TO/TextRepair.Cli [--show]
"""
import argparse, glob, json, os, re, struct, subprocess, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLEAN = '''
タカハシ ササキ ヤマモト ワタナベ イトウ ナカムラ コバヤシ カトウ ヨシダ ヤマグチ マツモト イノウエ キムラ ハヤシ シミズ ヤマザキ
モリ アベ イケダ ハシモト ヤマシタ イシカワ ナカジマ マエダ フジタ オガワ ゴトウ オカダ ハセガワ ムラカミ コンドウ イシイ サイトウ
サカモト エンドウ アオキ フジイ ニシムラ フクダ オオタ ミウラ フジワラ オカモト マツダ ナカガワ ナカノ ハラダ オノ タムラ タケウチ
カネコ ワダ ナカヤマ イシダ ウエダ モリタ ハラ シバタ サカイ クドウ ヨコヤマ ミヤザキ ミヤモト ウチダ タカギ アンドウ シマダ
タニグチ オオノ タカダ マルヤマ イマイ コウノ フジモト タケダ ムラタ ウエノ スギヤマ マスダ コヤマ オオツカ ヒラノ スガワラ クボ
チバ マツイ イワサキ サクライ キノシタ ノグチ マツオ キクチ ノムラ アライ スズキ タナカ ヤマダ サトウ
タロウ ハナコ ヒロシ ユウキ ケンジ アキラ マコト サトシ タクヤ ダイスケ ショウタ ユウコ アキコ ヨウコ ミホ マユミ ケイコ ナオミ
サチコ トモコ ジロウ イチロウ マサオ タケシ カズオ
トウキョウ オオサカ キョウト ヨコハマ ナゴヤ サッポロ フクオカ コウベ センダイ ヒロシマ チバケン サイタマ シズオカ ニイガタ
カナザワ ナガサキ カゴシマ オキナワ ホッカイドウ
コンピュータ プリンタ キーボード マウス ネットワーク サーバ メール アドレス テレビ ラジオ カメラ ホテル レストラン コーヒー
ジュース ビール パン ケーキ チーズ バス タクシー デパート スーパー コンビニ ガソリン エアコン ノート ボールペン テーブル ベッド
カーテン シャツ ズボン スカート セーター ネクタイ ポケット ボタン
カブシキガイシャ ユウゲンガイシャ ギンコウ シテン ホンテン フリコミ テスウリョウ ゴウケイ ザンダカ ヨキン ツウチョウ
'''.split()


def half_width(word):
    table = {}
    for cp in range(0xFF66, 0xFFA0):
        table.setdefault(unicodedata.normalize('NFKC', chr(cp)), chr(cp))
    for full, half in list(table.items()):
        for mark, combining in (('\uFF9E', '\u3099'), ('\uFF9F', '\u309A')):
            composed = unicodedata.normalize('NFC', full + combining)
            if len(composed) == 1 and composed != full:
                table.setdefault(composed, half + mark)
    return ''.join(table[c] for c in word)


def keys(name):
    path = os.path.join(ROOT, 'src/TextRepair/Data/OpenCC/dictionary', name)
    return sorted({line.split('\t')[0] for line in open(path, encoding='utf-8')})


def korean_words():
    out = set()
    for path in sorted(glob.glob('/usr/share/locale/ko/LC_MESSAGES/*.mo')):
        data = open(path, 'rb').read()
        end = '<' if struct.unpack('<I', data[:4])[0] == 0x950412de else '>'
        n, _, trans = struct.unpack(end + 'III', data[8:20])
        for i in range(n):
            length, offset = struct.unpack(end + 'II', data[trans + 8 * i:trans + 8 * i + 8])
            text = data[offset:offset + length].decode('utf-8', 'replace')
            out.update(w for w in text.split() if re.fullmatch('[\uac00-\ud7a3]{2,4}', w))
    return sorted(out)


def sample(words, encoding, n=300):
    def half_width_only(word):
        try:
            b = word.encode(encoding)
        except UnicodeEncodeError:
            return False
        return len(b) == 2 * len(word) and all(0xA1 <= x <= 0xDF for x in b)
    ok = [w for w in words if 2 <= len(w) <= 4 and half_width_only(w)]
    return ok[::max(1, len(ok) // n)][:n]


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cli')
    p.add_argument('--show', action='store_true', help='print every miss')
    args = p.parse_args()
    cases = []  # (group, input, expected)
    for word in CLEAN:
        h = half_width(word)
        cases += [('clean', t, t) for t in (h, '氏名,' + h, '1,' + h)]
    for encoding, words in (('gbk', keys('STPhrases.txt')), ('big5', keys('TSPhrases.txt')), ('euc-kr', korean_words())):
        for w in sample(words, encoding):
            g = w.encode(encoding).decode('cp932')
            cases += [(encoding + ' bare', g, w), (encoding + ' field', '1,' + g, '1,' + w)]
    payload = ''.join(json.dumps({'text': c[1]}, ensure_ascii=False) + '\n' for c in cases)
    r = subprocess.run([args.cli, 'repair', '--to', 'keep', '--jsonl', '--report', '-'], input=payload.encode(), capture_output=True)
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert len(out) == len(cases), r.stderr.decode()[-2000:]
    tally = {}
    for (group, text, expected), o in zip(cases, out):
        good = o['text'] == expected and (group != 'clean' or not o['textrepair']['lossy'])
        t = tally.setdefault(group, [0, 0])
        t[0] += 1
        t[1] += good
        if args.show and not good:
            print(f'{group}: {text} -> {o["text"]}{" (flagged)" if o["textrepair"]["lossy"] else ""}')
    print('| cases | count | kept (clean) or repaired exactly |')
    print('|---|---:|---:|')
    for group, (n, good) in tally.items():
        print(f'| {group} | {n} | {good} |')


if __name__ == '__main__':
    main()
