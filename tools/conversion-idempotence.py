#!/usr/bin/env python3
"""Measures what converting text that is already in the target script changes (docs/conversion-trust.md).

    tools/conversion-idempotence.py TOOL CORPUS_DIR [--top N]

TOOL is the textrepair command (e.g. "dotnet src/TextRepair.Cli/bin/Release/net10.0/TextRepair.Cli.dll"),
CORPUS_DIR holds zh-cn.txt (Simplified) and zh-tw.txt (Traditional, Taiwan) from tools/fetch-conversion-corpus.sh.
For each config whose target script the text already has, prints the share of characters changed and the most
frequent changes (source -> result, counted over changed line segments found by difflib).
"""
import collections
import difflib
import shlex
import subprocess
import sys

RUNS = [("zh-tw.txt", "s2t"), ("zh-tw.txt", "s2tw"), ("zh-tw.txt", "s2twp"),
        ("zh-cn.txt", "t2s"), ("zh-cn.txt", "tw2s"), ("zh-cn.txt", "tw2sp")]


def groups(opcodes):
    """Changed spans, merged across gaps of at most 2 unchanged characters and widened by one character when one side
    is empty, so that a phrase change (文件 -> 檔案, 類別 -> 類型) shows as one entry."""
    merged = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            continue
        if merged and i1 - merged[-1][1] <= 2 and j1 - merged[-1][3] <= 2:
            merged[-1] = (merged[-1][0], i2, merged[-1][2], j2)
        else:
            merged.append((i1, i2, j1, j2))
    for i1, i2, j1, j2 in merged:
        if i1 == i2 or j1 == j2:
            yield max(0, i1 - 1), i2 + 1, max(0, j1 - 1), j2 + 1
        else:
            yield i1, i2, j1, j2


def main():
    tool, corpus = sys.argv[1], sys.argv[2]
    top = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--top" else 12
    for name, config in RUNS:
        path = f"{corpus}/{name}"
        with open(path, encoding="utf-8") as f:
            source = f.read()
        result = subprocess.run(shlex.split(tool) + ["convert", "-c", config, path], capture_output=True, check=True).stdout.decode("utf-8")
        changes = collections.Counter()
        changed = 0
        cjk = sum(1 for c in source if "\u3400" <= c <= "\u9fff")
        for a, b in zip(source.split("\n"), result.split("\n")):
            if a == b:
                continue
            for i1, i2, j1, j2 in groups(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()):
                changes[(a[i1:i2], b[j1:j2])] += 1
                changed += i2 - i1
        print(f"{config} on {name}: {changed:,} of {cjk:,} CJK characters changed ({changed * 10000 / cjk:.1f} per 10,000)")
        for (before, after), count in changes.most_common(top):
            print(f"    {before} -> {after}: {count}")


if __name__ == "__main__":
    main()
