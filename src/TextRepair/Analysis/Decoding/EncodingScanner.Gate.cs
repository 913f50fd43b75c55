using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>Which tokens the engine searches: the gate of <see cref="EncodingScanner"/>, and pinyin annotations.</summary>
internal static partial class EncodingScanner
{
    [ThreadStatic]
    private static long t_mayBeDamagedChars;

    /// <summary>
    /// Characters of the tokens <see cref="MayBeDamaged"/> found may be damaged on this thread: what the lattice may
    /// search (<see cref="LineDecisions"/> searches a token only then, and not one known to be clean; the vote asks each
    /// token it reads once, and the scan does not ask again of a token the vote read), the work to count where wall
    /// time would be a flaky measure (tests).
    /// </summary>
    internal static long MayBeDamagedChars => t_mayBeDamagedChars;

    /// <summary>
    /// Verdicts of <see cref="MayBeDamaged"/> worked out on this thread (not remembered), for tests that a repair judges
    /// each distinct token in its context once; an increment per token scored by every script model.
    /// </summary>
    [ThreadStatic]
    internal static int GateVerdictsWorkedOut;

    /// <summary>
    /// <see cref="EncodingDecision.MayBeDamaged"/> for the token of <paramref name="length"/> characters at
    /// <paramref name="start"/> of <paramref name="text"/>, judged without its pinyin annotations (see
    /// <see cref="AnnotationEnd"/>): tone letters are what single-byte readers write, but an annotation is a reading,
    /// not mojibake, so each stretch between annotations is judged on its own. Linear in the token's length.
    /// </summary>
    public static bool MayBeDamaged(string text, int start, int length, char before, char after)
    {
        // A pure function of the token's characters, of before and after (an annotation's Han character before '(' at
        // the token's start is before itself) and of the fixed models: remembered per token and context.
        ReadOnlySpan<char> token = text.AsSpan(start, length);
        if (!CleanTokenCache.TryGetMayBeDamaged(token, before, after, out bool verdict))
        {
            GateVerdictsWorkedOut++;
            verdict = MayBeDamagedUncached(text, start, length, before, after);
            CleanTokenCache.AddMayBeDamaged(token, before, after, verdict);
        }

        t_mayBeDamagedChars += verdict ? length : 0;
        return verdict;
    }

    internal static bool MayBeDamagedUncached(string text, int start, int length, char before, char after)
    {
        if (PinyinWords.IsPinyin(text.AsSpan(start, length)))
        {
            // Words of pinyin with tone marks are text, whatever a chain makes of their tone letters (see PinyinWords).
            return false;
        }

        // A Latin word garbled by a double-byte decoder reads as letters with one CJK character inside ("dur茅e"), which
        // the models find no more surprising than clean CJK text beside a Latin name: its structure shows it (session 41).
        // So does a Latin word with a letter's two bytes read by a single-byte page, whose characters the models may find
        // unsurprising (cp437's "L├╢schen": box drawing that joins; session 42).
        if (Utf8SequencePool.OfLatinWords(text.AsSpan(start, length)) != 0 || Utf8SequencePool.HoldsProvenPagePair(text.AsSpan(start, length)))
        {
            return true;
        }

        int end = start + length, from = start;
        for (int open = IndexOfParenthesis(text, start, end); open >= 0;)
        {
            int close = open + 1 < end ? AnnotationEnd(text, open + 1) : 0;
            if (close == 0 || close > end)
            {
                open = IndexOfParenthesis(text, open + 1, end);
                continue;
            }

            if (EncodingDecision.MayBeDamaged(text.AsSpan(from, open - from), from > start ? text[from - 1] : before, text[open]))
            {
                return true;
            }

            from = close;
            open = IndexOfParenthesis(text, close, end);
        }

        return EncodingDecision.MayBeDamaged(text.AsSpan(from, end - from), from > start ? text[from - 1] : before, after);
    }

    private static int IndexOfParenthesis(string text, int from, int end)
    {
        int i = text.AsSpan(from, end - from).IndexOfAny('(', '\uFF08');
        return i < 0 ? -1 : from + i;
    }

    /// <summary>Longest pinyin syllable looked at between the parentheses of an annotation ("zhuàng" is 6 letters).</summary>
    private const int MaxSyllableLength = Pinyin.MaxKeyLength;

    // When index is inside a pinyin annotation, a Han character followed by one syllable in parentheses ("堅(jiān)",
    // also full-width or NFD), the index just after its closing parenthesis; else 0. Tone letters (í, à, ǎ...) are also
    // what single-byte readers write, so the pre-scan flags every annotated line; an annotation is a reading, not
    // mojibake (the annotation step removes it), and a line is analysed only for a suspicious character outside its
    // annotations. A syllable must parse (Pinyin.TryParse), so mojibake between parentheses is not skipped.
    internal static int AnnotationEnd(string text, int index)
    {
        int open = index;
        while (open > 0 && index - open < MaxSyllableLength && Pinyin.IsSyllableChar(text[open - 1]))
        {
            open--;
        }

        int close = index;
        while (close < text.Length && close - open < MaxSyllableLength + 2 && Pinyin.IsSyllableChar(text[close]))
        {
            close++;
        }

        if (open < 2 || close >= text.Length || text[open - 1] is not ('(' or '\uFF08') || text[close] is not (')' or '\uFF09')
            || !CjkText.IsIdeograph(text[open - 2]))
        {
            return 0;
        }

        Span<char> key = stackalloc char[Pinyin.MaxKeyLength + 2];
        return Pinyin.TryParse(text.AsSpan(open, close - open), key, out _, out _) ? close + 1 : 0;
    }
}
