using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using TextRepair.Analysis;
using TextRepair.Analysis.Decoding;
using TextRepair.Internal;

namespace TextRepair;

/// <summary>
/// Finds out, in one pass, which script a Chinese text is in, which pinyin annotations it carries, how strong the
/// evidence of machine damage is and where damage is suspected. Stateless and thread-safe.
/// </summary>
public static partial class TextAnalyzer
{
    // An annotation's syllable is at most "zhuang" with a combining mark or two; anything longer is not one syllable.
    private const int MaxParenthesisContent = 16;

    // Machine conversion is taken as shown by strong conversion signatures (ConversionSignatures.IsStrong): at least
    // MinSignatures of them, in MinDistinctSignatures different words (some words, 了解, are written both ways), and at
    // least MinStrongSignaturesPer10K per 10,000 Han characters, so that the evidence grows with the text: a long clean
    // text gathers a few by chance. Measured on Debian's gettext catalogs a-g: the clean zh_TW catalogs of more than
    // 5,000 Han characters show at most 1.0 strong signatures per 10,000 (gettext-tools; coreutils 0.7 in 26,986), the
    // 17 zh_CN catalogs converted character by character (STCharacters' first values) that the count rule finds at
    // least 13.0 (bash, 17,664 Han characters); 8 lies between them, nearer the converted side.
    private const int MinSignatures = 3;
    private const int MinDistinctSignatures = 3;
    private const int MinStrongSignaturesPer10K = 8;

    // Counter-evidence (PhraseOnlyWords: 頭髮, 乾淨, 分佈, 颱風, words the character-level converter never writes): text
    // with at least MinPhraseOnlyWords of them, at least MinPhraseOnlyWordsPer10K per 10,000 Han characters, is not
    // its output, whatever its signatures. Measured (tuning halves): the 20 clean tuning paragraphs together hold 7 in
    // 1,789 Han characters (39 per 10,000), Debian's clean zh_TW catalogs up to 41 per 10,000 (wget, 23 in 5,624);
    // the converted side (the same paragraphs and Debian's zh_CN catalogs a-g through STCharacters' first values) at
    // most 1 in 15,033 Han characters (0.7 per 10,000, gtk20, from a Traditional word in its Simplified source).
    // 10 per 10,000, not the 5 first chosen: a mirror's Simplified source may hold a few Traditional words of its own,
    // and session 34's hostile test made one: 20 KB of zh-CN help converted character by character (13 strong
    // signatures in 10,913 Han) with a real Traditional word on 6 of its 263 lines (5.5 per 10,000) was no longer
    // restored. 10 keeps a factor of about 4 below the clean paragraphs' 39.
    private const int MinPhraseOnlyWords = 2;
    private const int MinPhraseOnlyWordsPer10K = 10;

    /// <summary>
    /// Analyses <paramref name="text"/>: every part of <see cref="TextAnalyzerOptions.All"/>. Thread-safe. Allocates the
    /// report and its lists; the character tables are loaded once per process on first use (Unihan readings only when the
    /// text contains a parenthesis after a Han character).
    /// </summary>
    /// <param name="text">Any text; lone surrogates and control characters are simply not Chinese.</param>
    /// <returns>The report; for text without Chinese, a report with <see cref="ChineseVariant.None"/> and empty lists.</returns>
    public static TextReport Analyze(ReadOnlySpan<char> text) => Analyze(text, TextAnalyzerOptions.All);

    /// <summary>
    /// Analyses <paramref name="text"/>, running only the parts named in <paramref name="options"/>
    /// (<see cref="TextAnalyzerOptions.ScriptOnly"/>: one table lookup per character, no dictionary loaded but the
    /// character table). Thread-safe. Allocates the report and the lists of the parts that run.
    /// </summary>
    /// <param name="text">Any text; lone surrogates and control characters are simply not Chinese.</param>
    /// <param name="options">The parts to run; the parts left out leave their members of the report empty, zero or false.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> has flags that are not defined.</exception>
    public static TextReport Analyze(ReadOnlySpan<char> text, TextAnalyzerOptions options)
    {
        if ((options & ~TextAnalyzerOptions.All) != 0)
        {
            throw new ArgumentException($"Unknown {nameof(TextAnalyzerOptions)} flags: {options}.", nameof(options));
        }

        TextReport report = AnalyzeCore(text, options);
        return (options & TextAnalyzerOptions.Variant) != 0 ? report.WithVariant(IdentifyVariantCounts(text)) : report;
    }

    /// <summary>
    /// Analyses <paramref name="text"/> as <see cref="Analyze(ReadOnlySpan{char}, TextAnalyzerOptions)"/> does, with the
    /// same report, without copying the text: the encoding part works on a string, which the span overload has to make
    /// (a copy as large as the text).
    /// Thread-safe. Allocates the report and the lists of the parts that run.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="options">The parts to run; the parts left out leave their members of the report empty, zero or false.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has flags that are not defined.</exception>
    public static TextReport Analyze(string text, TextAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        if ((options & ~TextAnalyzerOptions.All) != 0)
        {
            throw new ArgumentException($"Unknown {nameof(TextAnalyzerOptions)} flags: {options}.", nameof(options));
        }

        TextReport report = AnalyzeCore(text, options, text);
        return (options & TextAnalyzerOptions.Variant) != 0 ? report.WithVariant(IdentifyVariantCounts(text)) : report;
    }

    /// <summary>
    /// The analysis without the variant (the repair pipeline runs it without the encoding part too: its encoding step has
    /// already run). <paramref name="source"/>, when given, is <paramref name="text"/> as a string (no copy is made).
    /// </summary>
    internal static TextReport AnalyzeCore(ReadOnlySpan<char> text, TextAnalyzerOptions options, string? source = null)
    {
        bool withAnnotations = (options & TextAnalyzerOptions.Annotations) != 0;
        int han = 0;
        int simplified = 0;
        int traditional = 0;
        AnnotationCache? found = null;
        List<SuspectedDamage>? damage = null;
        ReadOnlySpan<byte> flags = HanData.BmpFlagTable;
        ref byte table = ref MemoryMarshal.GetReference(flags);

        // One table lookup per character; everything but ideographs, parentheses and surrogates falls through.
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            var f = (HanData.CharFlags)Unsafe.Add(ref table, (nint)c);
            if (f == HanData.CharFlags.None)
            {
                continue;
            }

            if ((f & HanData.CharFlags.Ideograph) != 0)
            {
                han++;
                simplified += (int)(f & HanData.CharFlags.SimplifiedOnly) >> 2;
                traditional += (int)(f & HanData.CharFlags.TraditionalOnly) >> 1 & ~((int)(f & HanData.CharFlags.SimplifiedOnly) >> 2);
            }
            else if (c is '(' or '\uFF08')
            {
                if (withAnnotations && TryReadAnnotation(text, i, ref found, ref damage, out int end))
                {
                    i = end - 1;
                }
            }
            else
            {
                int cp = CjkText.CodePointAt(text, i, out int length);
                if (length == 2 && CjkText.IsIdeograph(cp))
                {
                    han++;
                    HanData.CharFlags g = HanData.Flags(cp);
                    if ((g & HanData.CharFlags.SimplifiedOnly) != 0)
                    {
                        simplified++;
                    }
                    else if ((g & HanData.CharFlags.TraditionalOnly) != 0)
                    {
                        traditional++;
                    }
                }

                i += length - 1;
            }
        }

        List<PinyinAnnotation>? annotations = found?.Annotations;
        AnnotationEvidence evidence = AnnotationEvidence.None;
        int distinct = 0;
        if (annotations is not null)
        {
            evidence = AnnotationDecision.Decide(text, annotations, han, out distinct);
            if (evidence is AnnotationEvidence.StrongToned or AnnotationEvidence.StrongToneless)
            {
                damage ??= [];
                foreach (PinyinAnnotation annotation in annotations)
                {
                    if (annotation.Match != AnnotationMatch.Mismatch)
                    {
                        damage.Add(new SuspectedDamage(annotation.Start, annotation.Length, RepairKind.Annotation));
                    }
                }
            }
        }

        // Signatures are looked for only in Traditional text: in Simplified text every such word is simply correct. Some
        // words (了解) are written both ways by Traditional writers: several different words are needed.
        int signatures = 0;
        int strongSignatures = 0;
        int distinctStrongSignatures = 0;
        // They are not looked for when annotations already prove the conversion.
        if ((options & TextAnalyzerOptions.ConversionSignatures) != 0 && evidence != AnnotationEvidence.StrongToned && IsTraditional(simplified, traditional))
        {
            damage ??= [];
            var strongSet = new HashSet<string>(StringComparer.Ordinal);
            (signatures, strongSignatures) = ConversionSignatures.Instance.Find(text, damage, strongSet, confirm: true);
            distinctStrongSignatures = strongSet.Count;
        }

        // Toned readings of the Simplified source on converted characters are the converter's fingerprint; toneless
        // syllables on any character are not (that kind of mirror does not convert). Conversion signatures count when
        // there are several strong ones, of different words, at a rate clean text does not reach.
        bool converted = evidence == AnnotationEvidence.StrongToned
            || (ShowsConversion(strongSignatures, distinctStrongSignatures, han) && !ShowsPhraseOnlyWords(text, han));

        if ((options & TextAnalyzerOptions.Encoding) != 0 && EncodingScanner.MayFind(text))
        {
            var findings = new List<EncodingFinding>();
            EncodingScanner.Find(source ?? text.ToString(), findings);
            foreach (EncodingFinding f in findings)
            {
                (damage ??= []).Add(new SuspectedDamage(f.Start, f.Length, f.Lossy ? RepairKind.LossMarker : RepairKind.Encoding));
            }
        }

        if (damage is not null && !IsSorted(damage))
        {
            damage.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Length.CompareTo(b.Length));
        }

        return new TextReport(
            han,
            simplified,
            traditional,
            annotations is null ? [] : annotations,
            evidence,
            distinct,
            signatures,
            converted,
            damage is null ? [] : damage);
    }

    /// <summary>
    /// The cheap pre-check behind <see cref="TextRepairer"/>'s early exit: false when the text certainly does not show
    /// enough conversion signatures (no confirmation, no script count).
    /// </summary>
    internal static bool MayShowConversionSignatures(ReadOnlySpan<char> text)
    {
        var strong = new HashSet<string>(StringComparer.Ordinal);
        (_, int count) = ConversionSignatures.Instance.Find(text, null, strong, confirm: false);
        return count >= MinSignatures && strong.Count >= MinDistinctSignatures;
    }

    private static bool ShowsPhraseOnlyWords(ReadOnlySpan<char> text, int han)
    {
        int count = PhraseOnlyWords.Instance.Count(text);
        return count >= MinPhraseOnlyWords && (long)count * 10_000 >= (long)MinPhraseOnlyWordsPer10K * han;
    }

    private static bool ShowsConversion(int strong, int distinctStrong, int han) =>
        strong >= MinSignatures && distinctStrong >= MinDistinctSignatures && (long)strong * 10_000 >= (long)MinStrongSignaturesPer10K * han;

    // Spans are found in text order except when lost-vowel words and annotations interleave with signatures.
    private static bool IsSorted(List<SuspectedDamage> damage)
    {
        for (int i = 1; i < damage.Count; i++)
        {
            if (damage[i].Start < damage[i - 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTraditional(int simplified, int traditional) => traditional > 0 && simplified * 20 < traditional;

    // Reads "(syllable)" or "（syllable）" at 'open' when a Han character precedes it. On success, 'end' is the index
    // after the last closing parenthesis (repeated identical annotations are taken together).
    private static bool TryReadAnnotation(
        ReadOnlySpan<char> text,
        int open,
        ref AnnotationCache? found,
        ref List<SuspectedDamage>? damage,
        out int end)
    {
        end = open;
        int cp = CjkText.CodePointBefore(text, open, out int cpLength);
        if (cp < 0 || !CjkText.IsIdeograph(cp))
        {
            return false;
        }

        Span<char> key = stackalloc char[Pinyin.MaxKeyLength];
        if (!TryReadParenthesis(text, open, out int contentLength, out int close))
        {
            return false;
        }

        ReadOnlySpan<char> content = text.Slice(open + 1, contentLength);
        Readings readings = HanData.ReadingTable;
        if (!readings.TryParseKnownSyllable(content, key, out int keyLength, out int tone))
        {
            if (LostVowelPinyin.Matches(text, open, content, readings, out int wordStart))
            {
                (damage ??= []).Add(new SuspectedDamage(wordStart, close + 1 - wordStart, RepairKind.LostVowelPinyin));
                end = close + 1;
                return true;
            }

            return false;
        }

        ReadOnlySpan<char> canonical = key[..keyLength];
        end = close + 1;
        Span<char> nextKey = stackalloc char[Pinyin.MaxKeyLength];
        while (end < text.Length && text[end] is '(' or '\uFF08'
            && TryReadParenthesis(text, end, out int nextLength, out int nextClose)
            && Pinyin.TryParse(text.Slice(end + 1, nextLength), nextKey, out int nextKeyLength, out _)
            && nextKey[..nextKeyLength].SequenceEqual(canonical))
        {
            end = nextClose + 1;
        }

        // Pages repeat the same few annotations hundreds of times: syllable strings and matches are cached per call.
        AnnotationCache cache = found ??= new AnnotationCache();
        string syllable = cache.Syllable(content, Readings.Pack(canonical));
        long matchKey = ((long)cp << 16) | ((uint)readings.IdOf(canonical) & 0xFFFF);
        if (!cache.Matches.TryGetValue(matchKey, out AnnotationMatch match))
        {
            match = MatchReading(readings, cp, canonical, tone);
            cache.Matches[matchKey] = match;
        }

        cache.Annotations.Add(new PinyinAnnotation(open, end - open, open - cpLength, new Rune(cp), syllable, tone != 0, match));
        return true;
    }

    private static bool TryReadParenthesis(ReadOnlySpan<char> text, int open, out int contentLength, out int close)
    {
        int j = open + 1;
        int limit = Math.Min(text.Length, open + 1 + MaxParenthesisContent);
        while (j < limit && Pinyin.IsSyllableChar(text[j]))
        {
            j++;
        }

        contentLength = j - open - 1;
        while (j < text.Length && text[j] == ' ' && j - open - 1 - contentLength < 2)
        {
            j++;
        }

        close = j;
        return contentLength > 0 && j < text.Length && text[j] is ')' or '\uFF09';
    }

    internal static AnnotationMatch MatchReading(Readings readings, int codePoint, ReadOnlySpan<char> canonical, int tone)
    {
        int id = readings.IdOf(canonical);
        ReadOnlySpan<char> letters = canonical[..^1];
        bool lettersMatch = false;
        Readings.ReadingList own = readings.Of(codePoint);
        if (id >= 0 && own.Contains(id))
        {
            return AnnotationMatch.Reading;
        }

        lettersMatch |= own.ContainsLetters(letters);
        foreach (int counterpart in HanData.SimplifiedCounterparts(codePoint))
        {
            Readings.ReadingList list = readings.Of(counterpart);
            if (id >= 0 && list.Contains(id))
            {
                return AnnotationMatch.Reading;
            }

            lettersMatch |= list.ContainsLetters(letters);
        }

        return tone == 0 && lettersMatch ? AnnotationMatch.ToneMissing : AnnotationMatch.Mismatch;
    }
}
