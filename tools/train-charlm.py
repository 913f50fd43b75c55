#!/usr/bin/env python3
"""train-charlm.py: trains the character bigram language models, src/TextRepair/Data/Language/charlm.bin (compiled by
train-charlm.sh into charlm.image, the form the library embeds and reads in place).

Called by tools/train-charlm.sh, which downloads the Debian packages listed there and extracts them into one folder
per package. This script reads the text of those packages, assigns each text to a script model by its locale, counts
characters and character bigrams and writes the Witten-Bell interpolated bigram model of every script:

    P(b | a) = (n(ab) + T(a) * P(b)) / (n(a) + T(a))     T(a) = number of distinct characters seen after a
    P(b)     = (n(b) + 1) / (N + V + 1)                  unseen characters share the rest (see UNSEEN_CHARACTERS)

General-subject Chinese comes from rime-essay (`--essay`): a list of 313,000 words with their frequencies in a large
general corpus, without running text. The zh-Hans and zh-Hant models get words drawn from it by frequency, as many
characters as the packages gave the model (ESSAY_SHARE), and count their characters and the bigrams inside each word.
No bigram across two drawn words is counted: a word list says nothing about which word follows which, and pairs of
independently drawn words would give every character thousands of random followers, which flattens the Witten-Bell
estimate for every pair (measured: Korean and UTF-16 mojibake read as rare Chinese pairs then scored as text). zh-Hans
uses the words converted to Simplified, zh-Hant half the words as given (OpenCC's standard forms, e.g. 爲 裏 着) and
half in Taiwan forms (為 裡 著).

General-subject Japanese comes the same way from IPADIC (`--ipadic`, the word dictionary of the ChaSen and MeCab
morphological analysers: 239,615 entries with a cost each, lower for words seen more often in its newspaper corpus).
Software documentation and man pages gave the ja model 2,577 distinct characters, so the place names, people, food and
travel words of file names and subtitles (東京駅, 徒歩) were unseen. Content words are drawn with weight
exp(-cost / IPADIC_COST_SCALE); particles, auxiliaries, symbols and one-byte entries are left out (their costs are 0
by convention, not by frequency, and the running text teaches them). The entries' katakana readings are drawn the same
way (IPADIC_READING_SHARE): half-width katakana, what legacy Japanese data holds, is mostly readings of names and words.

Models: zh-Hans, zh-Hant, ja, ko, Latin (English msgids + German, French, Spanish; and LATIN_MORE's languages, each
capped), Cyrillic (ru/uk/bg/sr; and CYRILLIC_MORE's languages, each capped). Text sources per model:
man pages (troff stripped), fortune files, HTML pages (tags stripped), Mallard help pages, gettext catalogues (msgstr of .mo files;
msgid for English). Korean documentation (gimp-help-ko, debian-faq-ko) leaves paragraphs untranslated, so a line joins the ko
model only when it has Hangul. Lines are the unit: a line boundary is the character U+000A on both sides. Bigrams seen fewer
than MIN_BIGRAM_COUNT times are dropped (their probability falls back to the interpolation formula with n(ab) = 0),
and at most MAX_BIGRAMS per model are kept, by count.

Binary layout (little endian), gzip-compressed:
    "TRLM" u32 version=1 u32 modelCount
    per model: u8 nameLength, name (ASCII), f32 unknownLogProb (natural log, a character never seen),
               u32 unigramCount, unigramCount x (u16 char, u8 -logP(char)*Q, u8 -log(T/(n+T))*Q) sorted by char,
               u32 bigramCount, bigramCount x u32 key (a << 16 | b) sorted, bigramCount x u8 -logP(b|a)*Q
    Q = 8 (log-probabilities in steps of 1/8 nat, clipped at 255/8 = 31.9 nats)
A summary (entry counts, characters of training text, sha256 of the output) is printed as Markdown for PROVENANCE.md.

Usage: train-charlm.py EXTRACTED_DIR OUTPUT_BIN [--essay ESSAY_TXT WORDS_HANS WORDS_TW] [--ipadic IPADIC_DIR]
  (WORDS_HANS and WORDS_TW: the words of ESSAY_TXT, one per line in the same order, converted by t2s and t2tw;
   IPADIC_DIR: the folder of IPADIC's *.dic files in UTF-8, Debian's ipadic-common: /usr/share/chasen/ipadic)
"""
import gzip, hashlib, html, math, os, random, re, struct, sys
from collections import Counter

Q = 8
MIN_BIGRAM_COUNT = 2
MAX_BIGRAMS = 160_000
UNSEEN_CHARACTERS = 30_000  # characters a script could still use that training never showed
MAX_CHARS_PER_MODEL = 12_000_000
# Essay pseudo-text per Chinese model, as a multiple of the characters the packages gave that model: 1.0 makes general
# subjects weigh as much as software documentation and translations (the packages' whole subject).
ESSAY_SHARE = 1.0
ESSAY_SEED = 20261130
# IPADIC costs are about 4,000 for a word its corpus never showed and 1,000-2,000 for the commonest content words. With
# 500, words at the default cost keep about a quarter of the weight and the 2,000 cheapest about half: the model learns
# the common words well and still sees the rare vocabulary once. (200 gave 99.9% of the weight to the cheapest 2,000.)
IPADIC_COST_SCALE = 500
# Japanese pseudo-text from IPADIC, as a multiple of the characters the packages gave the ja model (as ESSAY_SHARE).
IPADIC_SHARE = 1.0
# IPADIC files of function words and symbols, left out (see above).
IPADIC_SKIPPED = ('Auxil.dic', 'Filler.dic', 'Onebyte.dic', 'Others.dic', 'Postp.dic', 'Postp-col.dic', 'Symbol.dic')
# IPADIC's katakana readings ((読み ...) of every content word drawn above, names' and places' among them), drawn as the
# surfaces are and weighted alike, as a multiple of the characters the packages gave the ja model. Half-width katakana,
# the only katakana much legacy data holds, is mostly readings (furigana columns of CSV exports, names as banks write
# them), which running text and the surfaces (loanwords, in katakana) teach poorly: ﾀｶﾊｼ scored -21.4 nats under the ja
# model, 清兵 (its bytes read as GBK) -13.6 under zh-Hans. Measured (session 36, docs/encoding.md) with shares 0, 0.125,
# 0.25, 0.5: clean half-width fields of tools/probe-clean-catalogs.py changed 117, 92, 89, 93 (flagged 6, 3, 2, 3);
# Japanese words fixed on the dev half 6,030, 6,026, 6,019, 6,007; 0.125 gains most of the clean side for the least
# garbled recall.
IPADIC_READING_SHARE = 0.125

LOCALES = {
    'zh-Hans': ['zh_CN', 'zh-CN', 'zh_SG', 'zh-cn', 'zh_Hans'],
    'zh-Hant': ['zh_TW', 'zh-TW', 'zh_HK', 'zh-HK', 'zh-tw', 'zh_Hant'],
    'ja': ['ja', 'ja_JP'],
    'ko': ['ko', 'ko_KR'],
    'Latin': ['de', 'fr', 'es', 'de_DE', 'fr_FR', 'es_ES'],
    'Cyrillic': ['ru', 'uk', 'bg', 'ru_RU', 'sr'],
}
MODEL_OF = {loc: m for m, locs in LOCALES.items() for loc in locs}
# The Latin model's other languages: the Latin-script languages of Europe, Turkish and Vietnamese, whose letters
# beyond ASCII (ã õ of Portuguese, ş ğ ı of Turkish, ą ę ł of Polish, ő ű of Hungarian, ơ ư ế ệ of Vietnamese, ...)
# German, French and Spanish never write. Trained on English, German, French and Spanish alone, the model scored a
# clean "ã" -10.5 per transition, under the fluency floor: "SÃ£o Paulo" (UTF-8 read as windows-1252) stayed garbled
# and "populaÃ§Ã£o" became "popula未味o", Han between Latin letters reading likelier than the word (session 37,
# docs/encoding.md). Each locale gives the model at most LATIN_MORE_CHARS characters, counted apart from
# MAX_CHARS_PER_MODEL: the English, German, French and Spanish text keeps its 12 M characters and stays the model's
# bulk (12 M of 18 M; session 31's weightings, which replaced or diluted it, lost German's ß and changed clean German
# lines), and every other language weighs alike whatever its packages hold.
LATIN_MORE = ['pt', 'pt_BR', 'it', 'nl', 'ca', 'gl', 'eu', 'sv', 'da', 'nb', 'nn', 'fi', 'is', 'et', 'lv', 'lt',
              'pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl', 'tr', 'vi']
LATIN_MORE_CHARS = 250_000
MODEL_OF.update({loc: 'Latin:' + loc for loc in LATIN_MORE})
# The Cyrillic model's other languages, as LATIN_MORE is the Latin model's: the Cyrillic-script locales of the pinned
# packages' catalogues beyond Russian, Ukrainian, Bulgarian and Serbian (Belarusian ў і, Macedonian ѓ ќ ѕ љ њ џ,
# Kazakh, Kyrgyz, Mongolian, Tatar, Tajik, Uzbek ө ү қ ң ғ ұ һ ә ҳ ӣ ӯ, Abkhaz ҧ ҭ ҵ ҩ). Trained on Russian, Ukrainian,
# Bulgarian and Serbian alone, the model had never seen a Belarusian or Mongolian word: "Нэрэцкі" (UTF-8 read as
# cp866/windows-1251 is what its bytes could be) read likelier as GBK Han "理顯цкі", "Нэмэлт" as 果入意 (session 38,
# docs/encoding.md). Each locale gives at most CYRILLIC_MORE_CHARS characters beside the bulk, as LATIN_MORE does (the
# Russian, Ukrainian, Bulgarian and Serbian text, 2.66 M characters, stays the model's bulk). Measured with 250,000 (the
# Latin budget) and 100,000: the same clean catalogue rows (Cyrillic 10 changed -> 0) and dev cases, but at 250,000 the
# Macedonian "Ѓорѓи" read as windows-1252/1251 was left flagged (a three-layer reading tied with it); 100,000 keeps it.
CYRILLIC_MORE = ['be', 'mk', 'kk', 'ky', 'mn', 'tt', 'tg', 'uz@cyrillic', 'sr@ije', 'ab']
CYRILLIC_MORE_CHARS = 100_000
MODEL_OF.update({loc: 'Cyrillic:' + loc for loc in CYRILLIC_MORE})
MORE_CHARS = {'Latin': LATIN_MORE_CHARS, 'Cyrillic': CYRILLIC_MORE_CHARS}

def locale_of(path):
    for part in reversed(path.split(os.sep)):
        if part in MODEL_OF:
            return MODEL_OF[part]
        m = re.search(r'\.(zh-cn|zh-tw|ja)\.html$', part)
        if m:
            return MODEL_OF[m.group(1)]
        m = re.match(r'^([a-z]{2}(?:[_-][A-Za-z]{2,4})?)\.po$', part)
        if m and m.group(1) in MODEL_OF:
            return MODEL_OF[m.group(1)]
    return None

def mo_strings(data):
    """(msgid, msgstr) pairs of a gettext .mo file."""
    if len(data) < 28:
        return
    magic = struct.unpack('<I', data[:4])[0]
    e = '<' if magic == 0x950412de else '>'
    n, oid, ostr = struct.unpack(e + 'III', data[8:20])
    for i in range(n):
        ln, off = struct.unpack(e + 'II', data[oid + 8 * i: oid + 8 * i + 8])
        ls, offs = struct.unpack(e + 'II', data[ostr + 8 * i: ostr + 8 * i + 8])
        mid = data[off:off + ln].split(b'\0')[0]
        yield mid, data[offs:offs + ls]

TROFF_ESC = re.compile(r'\\(f[BIRP1-4]|f\(..|f\[[^\]]*\]|s[-+]?\d|\(..|\[[^\]]*\]|\*\(..|\*.|[-e&|^%0 ]|.)')
def troff_lines(text):
    for line in text.splitlines():
        if line.startswith(('.\\"', "'\\\"", '.\\\\"')):
            continue
        if line.startswith(('.', "'")):
            parts = line.split(None, 1)
            if len(parts) < 2 or parts[0] in ('.de', '.if', '.ie', '.el', '.ds', '.nr', '.so', '.TH', '.tr', '.ta'):
                continue
            line = parts[1].replace('"', '')
        yield TROFF_ESC.sub(lambda m: '-' if m.group(1) == '-' else ' ' if m.group(1) in ('e',) else '', line)

TAG = re.compile(r'<[^>]+>')
def markup_lines(text):
    text = re.sub(r'(?is)<(script|style)[^>]*>.*?</\1>', ' ', text)
    text = re.sub(r'(?i)<(br|p|div|li|tr|h\d|title|para|item|section)[^>]*>', '\n', text)
    for line in html.unescape(TAG.sub('', text)).splitlines():
        yield line

def texts(root):
    """(model, line) for every line of training text under root, in sorted path order."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            model = locale_of(rel)
            try:
                if name.endswith('.mo'):
                    data = open(path, 'rb').read()
                    for mid, mstr in mo_strings(data):
                        if not mid:
                            continue
                        for part in mstr.split(b'\0'):
                            if model:
                                yield model, part.decode('utf-8', 'replace')
                        # English source strings train the Latin model (one catalogue per package is enough).
                        if model == 'zh-Hans':
                            yield 'Latin', mid.decode('utf-8', 'replace')
                elif model and re.search(r'\.\d\w*\.gz$', name):
                    for line in troff_lines(gzip.open(path).read().decode('utf-8', 'replace')):
                        yield model, line
                elif 'games/fortunes' in rel and '.' not in name:
                    # fortunes-zh: classical poems and sayings in Simplified Chinese, '%' separates entries.
                    for line in open(path, encoding='utf-8', errors='replace'):
                        yield 'zh-Hans', line
                elif model and name.endswith(('.html', '.page')):
                    for line in markup_lines(open(path, encoding='utf-8', errors='replace').read()):
                        yield model, line
            except (OSError, EOFError, struct.error, UnicodeError):
                continue

def clean(line):
    line = ''.join(ch for ch in line if ord(ch) < 0x10000 and (ch >= ' ' or ch == '\t') and not 0xD800 <= ord(ch) < 0xE000)
    line = re.sub(r'\s+', ' ', line).strip()
    if not line or '\ufffd' in line or '%' in line and len(line) < 6:
        return ''
    return line

def essay_words(essay, hans, tw):
    """{model: (words, cumulative weights)} of the essay's word list for zh-Hans and zh-Hant."""
    freq = []
    with open(essay, encoding='utf-8') as f:
        for line in f:
            word, n = line.rstrip('\n').split('\t')[:2]
            freq.append((word, int(n)))
    def converted(path):
        words = [w.rstrip('\n') for w in open(path, encoding='utf-8')]
        if len(words) != len(freq):
            sys.exit(f'{path}: {len(words)} lines, the essay has {len(freq)}')
        return words
    weights = {'zh-Hans': Counter(), 'zh-Hant': Counter()}
    for (word, n), h, t in zip(freq, converted(hans), converted(tw)):
        if max(map(ord, word + h + t)) >= 0x10000:
            continue  # the models are over UTF-16 code units of the Basic Multilingual Plane (as clean() keeps)
        weights['zh-Hans'][h] += n
        weights['zh-Hant'][word] += n / 2
        weights['zh-Hant'][t] += n / 2
    result = {}
    for model, w in weights.items():
        words = sorted(w)
        cum, total = [], 0.0
        for word in words:
            total += w[word]
            cum.append(total)
        result[model] = (words, cum)
    return result

def ipadic_words(folder, readings=False):
    """(words, cumulative weights) of IPADIC's content words, weighted by exp(-cost / IPADIC_COST_SCALE); with
    readings, their katakana readings instead (the weight split evenly between a reading's alternatives, {A/B})."""
    entry = re.compile(r'\(見出し語 \((\S+) (\d+)\)\)(?: \(読み ([^)]*)\))?')
    weights = Counter()
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.dic') or name in IPADIC_SKIPPED:
            continue
        for line in open(os.path.join(folder, name), encoding='utf-8'):
            m = entry.search(line)
            if not m or max(map(ord, m.group(1))) >= 0x10000:
                continue
            weight = math.exp(-int(m.group(2)) / IPADIC_COST_SCALE)
            if not readings:
                weights[m.group(1)] += weight
                continue
            forms = reading_forms(m.group(3) or '')
            for form in forms:
                weights[form] += weight / len(forms)
    if not weights:
        sys.exit(f'{folder}: no IPADIC entries')
    words = sorted(weights)
    cum, total = [], 0.0
    for word in words:
        total += weights[word]
        cum.append(total)
    return words, cum

KATAKANA_READING = re.compile('[\u30a1-\u30fc]+')

def reading_forms(reading):
    """The katakana forms of an IPADIC reading: 'タカハシ', '{タカハシ/タカバシ}' or 'ス{ガ/カ}ワ' (each choice spelled out)."""
    m = re.search(r'\{([^{}]*)\}', reading)
    if m:
        return [f for choice in m.group(1).split('/') for f in reading_forms(reading[:m.start()] + choice + reading[m.end():])]
    return [reading] if KATAKANA_READING.fullmatch(reading) else []

def essay_draws(words, cum, chars, rng):
    """Words drawn by frequency until `chars` characters are drawn."""
    drawn = 0
    while drawn < chars:
        for word in rng.choices(words, cum_weights=cum, k=1024):
            drawn += len(word)
            yield word

def main():
    args = sys.argv[1:]
    essay = ipadic = None
    if '--ipadic' in args:
        i = args.index('--ipadic')
        ipadic, args = args[i + 1], args[:i] + args[i + 2:]
    if '--essay' in args:
        i = args.index('--essay')
        essay, args = args[i + 1:i + 4], args[:i] + args[i + 4:]
    if len(args) != 2 or essay is not None and len(essay) != 3:
        sys.exit('usage: train-charlm.py EXTRACTED_DIR OUTPUT_BIN [--essay ESSAY_TXT WORDS_HANS WORDS_TW] [--ipadic DIR]')
    root, out = args
    uni = {m: Counter() for m in LOCALES}
    bi = {m: Counter() for m in LOCALES}
    chars = Counter()
    seen = {m: set() for m in LOCALES}
    def count(model, line):
        chars[model] += len(line)
        s = '\n' + line + '\n'
        uni[model].update(s[1:])
        bi[model].update(s[i:i + 2] for i in range(len(s) - 1))
    more = Counter()
    for model, line in texts(root):
        line = clean(line)
        if ':' in model:
            # Another language of the script (see LATIN_MORE, CYRILLIC_MORE): its own budget, outside the model's main one.
            script = model.split(':')[0]
            if not line or more[model] >= MORE_CHARS[script] or line in seen[script]:
                continue
            more[model] += len(line)
            seen[script].add(line)
            count(script, line)
            chars[script] -= len(line)
            continue
        if not line or chars[model] >= MAX_CHARS_PER_MODEL or line in seen[model]:
            continue
        if model == 'ko' and not any('\uac00' <= ch <= '\ud7a3' for ch in line):
            continue  # Korean documentation leaves paragraphs untranslated: a Korean line has Hangul
        seen[model].add(line)
        count(model, line)
    for model, n in more.items():
        chars[model.split(':')[0]] += n
    package_chars = dict(chars)
    drawn = []
    if essay:
        drawn += [(model, words, cum, ESSAY_SHARE) for model, (words, cum) in essay_words(*essay).items()]
    if ipadic:
        drawn.append(('ja', *ipadic_words(ipadic), IPADIC_SHARE))
        if IPADIC_READING_SHARE:
            drawn.append(('ja', *ipadic_words(ipadic, readings=True), IPADIC_READING_SHARE))
    rng = random.Random(ESSAY_SEED)
    for model, words, cum, share in drawn:
        for word in essay_draws(words, cum, round(package_chars[model] * share), rng):
            chars[model] += len(word)
            uni[model].update(word)
            bi[model].update(word[i:i + 2] for i in range(len(word) - 1))
    blob = bytearray(b'TRLM' + struct.pack('<II', 1, len(LOCALES)))
    q = lambda lp: max(0, min(255, round(-lp * Q)))
    summary = []
    for model in LOCALES:
        u, b = uni[model], bi[model]
        total = sum(u.values())
        vocab = len(u)
        follow = Counter(k[0] for k in b)
        context = Counter()
        for k, n in b.items():
            context[k[0]] += n
        p_uni = {c: (n + 1) / (total + vocab + 1) for c, n in u.items()}
        unknown = math.log(1 / (total + vocab + 1) / UNSEEN_CHARACTERS)
        p_uni['\n'] = p_uni.get('\n', 1 / (total + vocab + 1))
        kept = sorted((k for k, n in b.items() if n >= MIN_BIGRAM_COUNT), key=lambda k: -b[k])[:MAX_BIGRAMS]
        kept.sort(key=lambda k: (ord(k[0]) << 16) | ord(k[1]))
        blob += bytes([len(model)]) + model.encode() + struct.pack('<f', unknown)
        entries = sorted(p_uni)
        blob += struct.pack('<I', len(entries))
        for c in entries:
            t, n = follow[c], context[c]
            backoff = math.log(t / (n + t)) if n else 0.0
            blob += struct.pack('<HBB', ord(c), q(math.log(p_uni[c])), q(backoff))
        blob += struct.pack('<I', len(kept))
        for k in kept:
            blob += struct.pack('<I', (ord(k[0]) << 16) | ord(k[1]))
        for k in kept:
            a = k[0]
            p = (b[k] + follow[a] * p_uni[k[1]]) / (context[a] + follow[a])
            blob += bytes([q(math.log(p))])
        summary.append((model, chars[model], len(entries), len(kept)))
    data = gzip.compress(bytes(blob), compresslevel=9, mtime=0)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    open(out, 'wb').write(data)
    print('| model | training characters (of them drawn from rime-essay or IPADIC) | unigrams | bigrams |')
    print('|---|---:|---:|---:|')
    for model, n, nu, nb in summary:
        print(f'| {model} | {n} ({n - package_chars[model]}) | {nu} | {nb} |')
    print(f'\n`Language/charlm.bin`: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}')

if __name__ == '__main__':
    main()
