#!/usr/bin/env python3
"""reduce-unihan.py UNICODE_DIR OUT_DIR

Reduces Unicode's Unihan database to the text files TextRepair embeds (called by tools/import-data.sh):

  Readings.txt               <char> TAB <syllable> [SPACE <syllable>...]
      Mandarin readings with tone marks (NFC). The first is the first kMandarin value (the reading that
      annotating converters write); the rest follow in the order kMandarin, kHanyuPinlu, kHanyuPinyin,
      kXHC1983, each syllable once.
  SimplifiedVariants.txt     <char> TAB <variant>[SPACE <variant>...]    from kSimplifiedVariant
  TraditionalVariants.txt    <char> TAB <variant>[SPACE <variant>...]    from kTraditionalVariant

Lines are sorted by code point. Input: Unihan_Readings.txt(.bz2) and Unihan_Variants.txt(.bz2).
"""
import bz2
import os
import re
import sys
import unicodedata


def open_unihan(directory, name):
    path = os.path.join(directory, name)
    if os.path.exists(path):
        return open(path, encoding="utf-8")
    return bz2.open(path + ".bz2", "rt", encoding="utf-8")


def cp(token):
    return chr(int(token[2:].split("<")[0], 16))


def main(src, out):
    readings = {}
    order = {"kMandarin": 0, "kHanyuPinlu": 1, "kHanyuPinyin": 2, "kXHC1983": 3}
    with open_unihan(src, "Unihan_Readings.txt") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            if field not in order:
                continue
            if field == "kMandarin":
                syllables = value.split()
            elif field == "kHanyuPinlu":
                syllables = [re.sub(r"\(\d+\)$", "", s) for s in value.split()]
            else:  # kHanyuPinyin "10001.010:yī,qī", kXHC1983 "0015.011*:qī"
                syllables = [s for item in value.split() for s in item.split(":", 1)[1].split(",")]
            readings.setdefault(cp(code), [[], [], [], []])[order[field]].extend(
                unicodedata.normalize("NFC", s) for s in syllables)
    variants = {"kSimplifiedVariant": {}, "kTraditionalVariant": {}}
    with open_unihan(src, "Unihan_Variants.txt") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            if field in variants:
                variants[field][cp(code)] = [cp(v) for v in value.split()]

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "Readings.txt"), "w", encoding="utf-8", newline="\n") as f:
        for ch in sorted(readings, key=ord):
            seen = []
            for group in readings[ch]:
                for s in group:
                    if s not in seen:
                        seen.append(s)
            f.write(ch + "\t" + " ".join(seen) + "\n")
    for field, name in (("kSimplifiedVariant", "SimplifiedVariants.txt"),
                        ("kTraditionalVariant", "TraditionalVariants.txt")):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            table = variants[field]
            for ch in sorted(table, key=ord):
                f.write(ch + "\t" + " ".join(table[ch]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
