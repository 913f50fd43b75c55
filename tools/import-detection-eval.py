#!/usr/bin/env python3
"""import-detection-eval.py: real Cyrillic, Polish and French paragraphs for the encoding-detection evaluation.

Source: Debian packages `libreoffice-help-{ru,pl,fr}` (bookworm, 4:7.4.7), licence MPL-2.0 (The Document Foundation
and contributors). None of them trains the language model (tools/train-charlm.sh). The pages are reduced to plain
paragraphs exactly as tools/import-mojibake-corpus.py does (whose corpus gives the Chinese, Japanese, Korean and
German text of the evaluation), kept when they fit their locale (ru: at least 6 Cyrillic letters; pl: a letter
outside Latin-1, so Windows-1250 matters; fr: a non-ASCII letter), de-duplicated, and a deterministic sample by
SHA-256 of the text is written to tests/TextRepair.Tests/Data/Detection/<locale>.txt, one paragraph a line.

Usage: tools/import-detection-eval.py   (runs `apt-get download`; needs dpkg-deb)
"""
import hashlib, importlib.util, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "TextRepair.Tests", "Data", "Detection")
spec = importlib.util.spec_from_file_location("corpus", os.path.join(ROOT, "tools", "import-mojibake-corpus.py"))
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)
LOCALES = {
    "ru": (300, lambda s: len(re.findall(r"[\u0400-\u04ff]", s)) >= 6),
    "pl": (300, lambda s: re.search(r"[\u0104-\u017c]", s) is not None),
    "fr": (300, lambda s: re.search(r"[\u00c0-\u00ff]", s) is not None),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for locale, (count, keep) in LOCALES.items():
            pkg = f"libreoffice-help-{locale}"
            subprocess.run(["apt-get", "download", pkg], cwd=work, check=True, stdout=subprocess.DEVNULL)
            deb = next(f for f in os.listdir(work) if f.startswith(pkg + "_"))
            dest = os.path.join(work, pkg)
            subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), dest], check=True)
            unique = sorted(set(p for p in corpus.paragraphs(dest) if keep(p)))
            unique.sort(key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())
            sample = unique[:count]
            with open(os.path.join(OUT, f"{locale}.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write("".join(s + "\n" for s in sample))
            version = deb.split("_")[1].replace("%3a", ":")
            sha = hashlib.sha256(open(os.path.join(work, deb), "rb").read()).hexdigest()
            rows.append(f"| `{locale}.txt` | `{pkg}` | {version} | {sha} | {len(sample)} |")
            print(f"{pkg} {version}: {len(unique)} paragraphs, {len(sample)} kept", file=sys.stderr)
    with open(os.path.join(OUT, "PROVENANCE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Encoding-detection evaluation text\n\n"
            "Paragraphs of the LibreOffice help (licence MPL-2.0, The Document Foundation and contributors), extracted by\n"
            "`tools/import-detection-eval.py` like the mojibake corpus (`../Mojibake`, whose zh-cn, zh-tw, ja, ko and de\n"
            "files the evaluation uses too). No package here trains the language model (`tools/train-charlm.sh`).\n\n"
            "| file | package | version | sha256 of the package file | paragraphs |\n|---|---|---|---|---|\n"
            + "\n".join(rows) + "\n"
        )


if __name__ == "__main__":
    main()
