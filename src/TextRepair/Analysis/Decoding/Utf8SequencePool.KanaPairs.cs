namespace TextRepair.Analysis.Decoding;

/// <summary>
/// UTF-8 Latin letters read by Shift-JIS. Shift-JIS writes the bytes A1..DF as one half-width katakana each (JIS X
/// 0201), so the two bytes of an accented small letter (lead C3..C9, continuation A1..BF: á..ÿ, ā..ɏ) become two of
/// them: "données" reads "donnﾃｩes", "schützen" "schﾃｼtzen", "Absätze" "Absﾃ､tze". A double-byte decoder's one
/// character (see <see cref="IsLatinLetterPair"/>) is here a pair of characters, which the word around it vouches for
/// as it does for the others. Clean Japanese writes half-width katakana as words of their own (ﾃｨ is ティ, and it
/// reads as è): beside more kana, which are letters, a stretch is no Latin word (<see cref="LatinWordAt"/>).
/// Thread-safe (pure functions).
/// </summary>
internal static partial class Utf8SequencePool
{
    // The half-width katakana and their punctuation, U+FF61..U+FF9F: what Shift-JIS writes for the bytes A1..DF.
    private const char FirstHalfWidth = '\uFF61', LastHalfWidth = '\uFF9F';

    /// <summary>
    /// Characters of <paramref name="text"/> from <paramref name="i"/> that <paramref name="decoder"/> made of one
    /// UTF-8 Latin letter of two bytes: 1 for a double-byte decoder's character (<see cref="IsLatinLetterPair"/>), 2
    /// for Shift-JIS's two half-width katakana (<see cref="IsKanaLetterPair"/>), 0 for none.
    /// </summary>
    internal static int PairAt(Codec decoder, ReadOnlySpan<char> text, int i) =>
        ReferenceEquals(decoder, Codec.ShiftJis) ? (IsKanaLetterPair(text, i) ? 2 : 0) : (IsLatinLetterPair(decoder, text[i]) ? 1 : 0);

    // As PairAt, for the pair whose last character is text[i].
    private static int PairEndingAt(Codec decoder, ReadOnlySpan<char> text, int i) =>
        ReferenceEquals(decoder, Codec.ShiftJis) ? (i >= 1 && IsKanaLetterPair(text, i - 1) ? 2 : 0) : (IsLatinLetterPair(decoder, text[i]) ? 1 : 0);

    /// <summary>
    /// True when text[i] and text[i + 1] are the two half-width katakana Shift-JIS writes for one UTF-8 sequence of a
    /// Latin letter beyond ASCII (lead C2..DF, continuation 80..BF, see <see cref="IsLatinLetterPair"/>).
    /// </summary>
    internal static bool IsKanaLetterPair(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || text[i] is < FirstHalfWidth or > LastHalfWidth || text[i + 1] is < FirstHalfWidth or > LastHalfWidth)
        {
            return false;
        }

        CodePage page = Codec.ShiftJis.Page;
        int lead = page.EncodedValue(text[i]), trail = page.EncodedValue(text[i + 1]);
        return lead is >= 0xC2 and <= 0xDF && trail is >= 0x80 and <= 0xBF && Internal.LatinText.IsExtendedLetter((char)(((lead & 0x1F) << 6) | (trail & 0x3F)));
    }
}
