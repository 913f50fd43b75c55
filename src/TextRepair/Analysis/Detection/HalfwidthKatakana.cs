namespace TextRepair.Analysis.Detection;

/// <summary>
/// Half-width katakana (U+FF61-U+FF9F) as the detector shows them to the language models: as their full-width letters,
/// with a voiced or semi-voiced sound mark joined to the letter before it (\uFF8E\uFF9E is \u30DC), as NFKC does. The
/// Japanese model never saw the half-width forms (each is priced at its floor, -26.3 nats, about two thirds of an
/// invalid sequence), so a Shift_JIS or EUC-JP file with half-width katakana, which bank and accounting exports and
/// old terminals write, lost to a GB18030 reading with invalid sequences in it, with confidence 1.00 (session 31).
/// Tables spelt out, not computed with string.Normalize, so that the detector answers the same under invariant
/// globalization (the tool's mode) as with ICU (<c>EncodingDetectorTests</c> checks them against NFKC). Stateless; thread-safe.
/// </summary>
internal static class HalfwidthKatakana
{
    private const char First = '\uFF61';

    private const char Last = '\uFF9F';

    private const char VoicedMark = '\uFF9E';

    private const char SemiVoicedMark = '\uFF9F';

    /// <summary>
    /// The full-width form of each code point of U+FF61-U+FF9F (NFKC), but the two sound marks, which standing alone
    /// are shown as the spacing \u309B and \u309C (NFKC gives the combining U+3099 and U+309A, which follow nothing here).
    /// </summary>
    internal const string FullWidth =
        "\u3002\u300C\u300D\u3001\u30FB\u30F2\u30A1\u30A3\u30A5\u30A7\u30A9\u30E3\u30E5\u30E7\u30C3\u30FC\u30A2\u30A4"
        + "\u30A6\u30A8\u30AA\u30AB\u30AD\u30AF\u30B1\u30B3\u30B5\u30B7\u30B9\u30BB\u30BD\u30BF\u30C1\u30C4\u30C6\u30C8"
        + "\u30CA\u30CB\u30CC\u30CD\u30CE\u30CF\u30D2\u30D5\u30D8\u30DB\u30DE\u30DF\u30E0\u30E1\u30E2\u30E4\u30E6\u30E8"
        + "\u30E9\u30EA\u30EB\u30EC\u30ED\u30EF\u30F3\u309B\u309C";

    /// <summary>
    /// Rewrites <paramref name="text"/> in place with every half-width katakana character that has a half-width
    /// neighbour in its full-width form (a sound mark joined to the letter before it where Unicode has the composed
    /// letter) and returns the new length. A half-width form standing alone is left as it is, priced at the model's
    /// floor: half-width katakana are written in words, while a lone one is what a single byte of another encoding
    /// makes of it under Shift_JIS (ISO-8859-1 "\u00B0" is 0xB0, \uFF70: without this, the evaluation's held-out
    /// " 45\u00B0" was read as Shift_JIS; on the Japanese probe the rule changes nothing).
    /// Nothing is charged for the width: on the Japanese files of session 31's probe (docs/encoding-detection.md),
    /// development half, a cost of 1, 2 or 3 nats per half-width character left 20, 23 and 29 of 1,309 samples wrong
    /// against 18 without one (the errors: 2-5 character words, which read as well in another encoding), a cost of 4,
    /// 8 or 12 per run of them 20, 22 and 26; and none changed the Chinese, Korean and single-byte files, the
    /// evaluation set's development half or the confusion set.
    /// </summary>
    public static int Widen(Span<char> text)
    {
        int first = text.IndexOfAnyInRange(First, Last);
        if (first < 0)
        {
            return text.Length;
        }

        int written = first;
        bool previousHalfwidth = false;
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            bool halfwidth = c is >= First and <= Last;
            bool lone = !previousHalfwidth && (i + 1 == text.Length || text[i + 1] is < First or > Last);
            previousHalfwidth = halfwidth;
            if (!halfwidth || lone)
            {
                text[written++] = c;
                continue;
            }

            char full = FullWidth[c - First];
            if (i + 1 < text.Length && text[i + 1] is VoicedMark or SemiVoicedMark && Compose(full, text[i + 1]) is char composed and not '\0')
            {
                full = composed;
                i++;
            }

            text[written++] = full;
        }

        return written;
    }

    /// <summary>The full-width letter <paramref name="letter"/> with the half-width <paramref name="mark"/> joined to it, or '\0' when Unicode has no such letter.</summary>
    private static char Compose(char letter, char mark)
    {
        bool voiced = mark == VoicedMark;
        return letter switch
        {
            // \u30AB-\u30C8: the unvoiced letters of the k, s and t rows, each followed by its voiced form (\u30C3, small tsu, is no such letter).
            >= '\u30AB' and <= '\u30C2' when voiced && (letter - '\u30AB') % 2 == 0 => (char)(letter + 1),
            '\u30C4' or '\u30C6' or '\u30C8' when voiced => (char)(letter + 1),

            // \u30CF-\u30DB: the h row, each followed by its voiced and semi-voiced forms.
            >= '\u30CF' and <= '\u30DB' when (letter - '\u30CF') % 3 == 0 => (char)(letter + (voiced ? 1 : 2)),
            '\u30A6' when voiced => '\u30F4',
            '\u30EF' when voiced => '\u30F7',
            '\u30F2' when voiced => '\u30FA',
            _ => '\0',
        };
    }
}
