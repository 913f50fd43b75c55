#!/usr/bin/env python3
"""import-mojibake-corpus.py: real Chinese sentences for the mojibake tests and evaluation set.

Source: Debian packages `libreoffice-help-{zh-cn,zh-tw,ja,ko,de,en-us}` (bookworm, 4:7.4.7), the LibreOffice
help in Simplified and Traditional Chinese (the real Chinese text), and Japanese, Korean, German and English
(clean text in other scripts that must not change), licence MPL-2.0 (see the packages' /usr/share/doc/*/copyright).
The HTML pages are reduced to plain paragraphs (tags removed, entities decoded, whitespace collapsed), kept when
they are 12..160 characters long and fit their locale (Chinese/Japanese/Korean: at least 6 characters of the
script; German: at least one non-ASCII letter; English: ASCII only), de-duplicated, and a deterministic sample is
written to tests/TextRepair.Tests/Data/Mojibake/<locale>.txt, one paragraph a line.

Usage: tools/import-mojibake-corpus.py   (runs `apt-get download`; needs dpkg-deb)
"""
import hashlib, html, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "TextRepair.Tests", "Data", "Mojibake")
TAG = re.compile(r"<[^>]+>")
SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S | re.I)
BLOCK = re.compile(r"</?(p|h[1-6]|li|td|th|div|br|tr|title)[^>]*>", re.I)
HAN = re.compile(r"[\u4e00-\u9fff]")
LOCALES = {
    "zh-cn": (2400, lambda s: len(HAN.findall(s)) >= 6),
    "zh-tw": (2400, lambda s: len(HAN.findall(s)) >= 6),
    "ja": (300, lambda s: len(re.findall(r"[\u3040-\u30ff]", s)) >= 6),
    "ko": (300, lambda s: len(re.findall(r"[\uac00-\ud7a3]", s)) >= 6),
    "de": (300, lambda s: re.search(r"[\u00c0-\u00ff]", s) is not None and not HAN.search(s)),
    "en-us": (300, lambda s: s.isascii() and sum(c.isalpha() for c in s) >= 20),
}


def paragraphs(root):
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="strict") as f:
                text = f.read()
            text = SCRIPT.sub(" ", text)
            text = BLOCK.sub("\n", text)
            text = TAG.sub("", text)
            for line in html.unescape(text).split("\n"):
                line = " ".join(line.split())
                if 12 <= len(line) <= 160 and "\ufffd" not in line:
                    yield line


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for locale, (count, keep) in LOCALES.items():
            pkg = f"libreoffice-help-{locale}"
            subprocess.run(["apt-get", "download", pkg], cwd=work, check=True, stdout=subprocess.DEVNULL)
            deb = next(f for f in os.listdir(work) if f.startswith(pkg + "_"))
            dest = os.path.join(work, pkg)
            subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), dest], check=True)
            unique = sorted(set(p for p in paragraphs(dest) if keep(p)))
            # Deterministic sample: order by a hash of the text, independent of file order.
            unique.sort(key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())
            sample = unique[:count]
            with open(os.path.join(OUT, f"{locale}.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write("".join(s + "\n" for s in sample))
            version = deb.split("_")[1].replace("%3a", ":")
            print(f"{pkg} {version}: {len(unique)} paragraphs, {len(sample)} kept", file=sys.stderr)
    with open(os.path.join(OUT, "PROVENANCE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Mojibake test corpus\n\n"
            "Each `<locale>.txt` holds paragraphs of the LibreOffice help in that language (zh-cn, zh-tw: 2400 each;\n"
            "ja, ko, de, en-us: 300 each), from the Debian bookworm packages `libreoffice-help-<locale>` (4:7.4.7),\n"
            "licence MPL-2.0 (The Document Foundation and contributors). Extracted by `tools/import-mojibake-corpus.py`\n"
            "(tags removed, entities decoded, de-duplicated, deterministic sample by SHA-256 of the text).\n"
        )


if __name__ == "__main__":
    main()
