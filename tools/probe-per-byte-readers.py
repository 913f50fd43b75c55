#!/usr/bin/env python3
"""probe-per-byte-readers.py: short lines of our own writing garbled by Python's codecs, repaired by the tool, scored.

Python's CJK codecs write U+FFFD for each byte they cannot read (the framework's readers write one mark for a lead byte
and its trail), so their lossy mojibake is not what the evaluation set (docs/encoding-evaluation.md) makes. The lines
below were written for this probe (software messages and everyday sentences in Simplified and Traditional Chinese,
Japanese and Korean); none comes from the evaluation's sources. Each is written in one encoding and read by Python in
another with errors='replace'; the best possible repair is the line with U+FFFD for each character that lost a byte.

The same lines are also stored afterwards in the reader's code page, whose encoder writes '?' for each U+FFFD (what a
program that reads with such a reader and saves its text leaves, "浣犲ソ锛屼笘鐣?" for 你好，世界): the chains named
"..., stored". The best possible repair is the same.

Counts per chain: lines, repaired exactly to the best text, flagged lossy exactly when bytes were lost, and lines given a
character that is neither in the original nor in the garbled input (an invented character: the harm this probe looks
for). A probe, not an evaluation: nothing was tuned on it, and it is small.

Usage: tools/probe-per-byte-readers.py PATH/TO/TextRepair.Cli [--show]
"""
import codecs, json, subprocess, sys, tempfile
from collections import defaultdict

ZH = """修复了一个错误
更新说明文档
数据库连接失败，请检查配置
用户登录成功
添加单元测试
删除无用的代码
优化查询性能
文件上传失败
网络连接超时，正在重试
配置文件不存在
请输入正确的手机号码
订单已提交，等待付款
系统繁忙，请稍后再试
合并分支到主干
重构了日志模块
新增导出功能
修改默认端口为八零八零
服务器内部错误
权限不足，无法访问该资源
图片加载失败
密码长度不能少于八位
发送验证码
保存成功
操作失败
今天天气很好，我们去公园散步吧
这个问题已经在新版本中修复
请联系管理员获取帮助
下载完成
正在安装依赖包
找不到指定的模块""".split('\n')
ZHT = ["這個問題已經在新版本中修復", "請聯繫管理員獲取幫助", "下載完成", "正在安裝相依套件", "找不到指定的模組", "檔案上傳失敗",
       "網路連線逾時，正在重試", "今天天氣很好，我們去公園散步吧", "資料庫連線失敗，請檢查設定", "使用者登入成功"]
JA = ["ファイルが見つかりません", "設定を保存しました", "ネットワークに接続できません", "今日はいい天気ですね", "新しいフォルダー"]
KO = ["파일을 찾을 수 없습니다", "설정이 저장되었습니다", "네트워크에 연결할 수 없습니다", "오늘은 날씨가 좋네요", "새 폴더"]
CHAINS = [('utf-8', 'gbk', ZH + ZHT + JA + KO), ('utf-8', 'big5', ZH + ZHT), ('utf-8', 'shift_jis', ZH + JA), ('utf-8', 'euc_kr', ZH + KO),
          ('gbk', 'utf-8', ZH), ('big5', 'utf-8', ZHT), ('gbk', 'big5', ZH), ('big5', 'gbk', ZHT), ('utf-8', 'cp1252', ZH + JA + KO),
          ('gbk', 'cp1252', ZH), ('gbk', 'latin-1', ZH), ('big5', 'latin-1', ZHT), ('shift_jis', 'gbk', JA), ('euc_kr', 'gbk', KO),
          ('gbk', 'shift_jis', ZH), ('shift_jis', 'cp1252', JA), ('euc_kr', 'cp1252', KO), ('gbk', 'cp437', ZH), ('gbk', 'cp866', ZH),
          ('utf-8', 'cp437', ZH)]
STORED = [('utf-8', 'gbk', ZH + ZHT + JA + KO), ('utf-8', 'big5', ZH + ZHT), ('utf-8', 'shift_jis', ZH + JA), ('utf-8', 'euc_kr', ZH + KO),
          ('gbk', 'big5', ZH), ('big5', 'gbk', ZHT), ('shift_jis', 'gbk', JA), ('euc_kr', 'gbk', KO), ('gbk', 'shift_jis', ZH),
          ('utf-8', 'cp1252', ZH + JA + KO), ('gbk', 'cp1252', ZH)]


def cases():
    lost = set()

    def mark(error):
        lost.update(range(error.start, error.end))
        return ('\ufffd', error.end)

    codecs.register_error('probe-mark', mark)
    for (writer, reader, texts), stored in [(c, False) for c in CHAINS] + [(c, True) for c in STORED]:
        for text in texts:
            try:
                data = text.encode(writer)
            except UnicodeEncodeError:
                continue
            lost.clear()
            garbled = data.decode(reader, 'probe-mark')
            if stored:
                garbled = garbled.encode(reader, 'replace').decode(reader)
            if garbled == text:
                continue
            best, i = [], 0
            for ch in text:
                n = len(ch.encode(writer))
                best.append('\ufffd' if any(j in lost for j in range(i, i + n)) else ch)
                i += n
            yield dict(original=text, chain=f'{writer} > {reader}' + (', stored' if stored else ''), text=garbled, best=''.join(best), lossy=bool(lost))


def main():
    cli, show = sys.argv[1], '--show' in sys.argv
    items = list(cases())
    with tempfile.TemporaryDirectory() as tmp:
        path = f'{tmp}/in.jsonl'
        with open(path, 'w', encoding='utf-8') as f:
            for c in items:
                f.write(json.dumps(c, ensure_ascii=False) + '\n')
        out = subprocess.run([cli, 'repair', '--jsonl', '--to', 'keep', '--report', path], capture_output=True, check=True, text=True, encoding='utf-8').stdout
    stats = defaultdict(lambda: [0, 0, 0, 0])
    for case, line in zip(items, out.splitlines()):
        repaired = json.loads(line)
        text, lossy = repaired['text'], bool(repaired.get('textrepair', {}).get('lossy'))
        invented = any(ch != '\ufffd' and ch not in case['original'] and ch not in case['text'] for ch in text)
        row = stats[case['chain']]
        for k, v in enumerate([1, text == case['best'], lossy == case['lossy'], invented]):
            row[k] += v
        if show and text != case['best']:
            print(('INVENTED ' if invented else '         ') + case['chain'], repr(case['text']), '->', text, '| best', case['best'])
    print('| chain | lines | best text | flagged right | invented a character |')
    print('|---|---:|---:|---:|---:|')
    totals = {False: [0, 0, 0, 0], True: [0, 0, 0, 0]}
    for chain in sorted(stats):
        row = stats[chain]
        stored = chain.endswith(', stored')
        totals[stored] = [a + b for a, b in zip(totals[stored], row)]
        print(f'| {chain} | ' + ' | '.join(str(v) for v in row) + ' |')
    print('| all read | ' + ' | '.join(str(v) for v in totals[False]) + ' |')
    print('| all stored | ' + ' | '.join(str(v) for v in totals[True]) + ' |')


if __name__ == '__main__':
    main()
