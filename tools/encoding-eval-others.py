#!/usr/bin/python3
"""encoding-eval-others.py: runs Debian's chardet, charset-normalizer and uchardet on the held-out detection samples.

Usage: tools/encoding-eval-others.py DIR > OTHERS.tsv   (DIR from `EncodingEval generate DIR`; run by tools/encoding-eval.sh)
Prints one line per sample and detector: id, detector (with the Debian package version), answered encoding name (empty
when the detector gives none). Needs Debian's python3-chardet, python3-charset-normalizer and uchardet.
"""
import os, subprocess, sys

import chardet
import charset_normalizer

directory = sys.argv[1]
ids = [line.split("\t")[0] for line in open(os.path.join(directory, "manifest.tsv"), encoding="utf-8") if line.strip()]


def version(package):
    return subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True).stdout.split("-")[0]


names = {
    "chardet": f"chardet {version('python3-chardet')}",
    "charset-normalizer": f"charset-normalizer {version('python3-charset-normalizer')}",
    "uchardet": f"uchardet {version('uchardet')}",
}
out = sys.stdout
for sample in ids:
    data = open(os.path.join(directory, sample + ".bin"), "rb").read()
    out.write(f"{sample}\t{names['chardet']}\t{chardet.detect(data)['encoding'] or ''}\n")
    best = charset_normalizer.from_bytes(data).best()
    out.write(f"{sample}\t{names['charset-normalizer']}\t{best.encoding if best else ''}\n")

# uchardet takes many files per call and prints one "path: encoding" line for each.
for start in range(0, len(ids), 200):
    batch = ids[start:start + 200]
    paths = [os.path.join(directory, sample + ".bin") for sample in batch]
    result = subprocess.run(["uchardet", *paths], capture_output=True, text=True, check=True).stdout.splitlines()
    for sample, line in zip(batch, result):
        answer = line.rsplit(": ", 1)[1].strip() if ": " in line else ""
        out.write(f"{sample}\t{names['uchardet']}\t{'' if answer == 'unknown' else answer}\n")
