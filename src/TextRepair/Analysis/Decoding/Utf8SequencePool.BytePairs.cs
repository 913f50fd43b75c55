namespace TextRepair.Analysis.Decoding;

/// <summary>
/// A UTF-8 Latin letter of two bytes read by a decoder that writes each byte as a character of its own: a single-byte
/// page ("L├╢schen" for "Löschen" by cp437, "fГјr" for "für" by windows-1251), and Shift-JIS, which writes the bytes
/// A1..DF as one half-width katakana each (JIS X 0201), so an accented small letter (lead C3..C9, continuation A1..BF:
/// á..ÿ, ā..ɏ) becomes two of them ("donnﾃｩes" for "données", "schﾃｼtzen" for "schützen"). A double-byte decoder's
/// one character (see <see cref="IsLatinLetterPair"/>) is here a pair of characters, which the word around it vouches
/// for as it does for the others (<see cref="LatinWordAt"/>). Clean Japanese writes half-width katakana as words of
/// their own (ﾃｨ is ティ, and it reads as è): beside more kana, which are letters, a stretch is no Latin word.
/// Thread-safe (pure functions).
/// </summary>
internal static partial class Utf8SequencePool
{
    // The half-width katakana and their punctuation, U+FF61..U+FF9F: what Shift-JIS writes for the bytes A1..DF.
    private const char FirstHalfWidth = '\uFF61', LastHalfWidth = '\uFF9F';

    /// <summary>
    /// Characters of <paramref name="text"/> from <paramref name="i"/> that <paramref name="decoder"/> made of one
    /// UTF-8 Latin letter of two bytes: 1 for a double-byte decoder's character (<see cref="IsLatinLetterPair"/>), 2
    /// for a single-byte page's two characters or Shift-JIS's two half-width katakana (<see cref="IsKanaLetterPair"/>),
    /// 0 for none.
    /// </summary>
    internal static int PairAt(Codec decoder, ReadOnlySpan<char> text, int i) =>
        IsByteWise(decoder) ? (IsBytePair(decoder, text, i) ? 2 : 0) : (IsLatinLetterPair(decoder, text[i]) ? 1 : 0);

    // As PairAt, for the pair whose last character is text[i].
    private static int PairEndingAt(Codec decoder, ReadOnlySpan<char> text, int i) =>
        IsByteWise(decoder) ? (i >= 1 && IsBytePair(decoder, text, i - 1) ? 2 : 0) : (IsLatinLetterPair(decoder, text[i]) ? 1 : 0);

    // Decoders that write a two-byte UTF-8 letter as two characters: single-byte pages, and Shift-JIS for the bytes it
    // reads one at a time.
    private static bool IsByteWise(Codec decoder) => decoder.IsSingleByte || ReferenceEquals(decoder, Codec.ShiftJis);

    private static bool IsBytePair(Codec decoder, ReadOnlySpan<char> text, int i) =>
        decoder.IsSingleByte ? IsPagePair(decoder.Page, text, i) : IsKanaLetterPair(text, i);

    /// <summary>
    /// True when token[a..b] is one Latin letter's two-byte UTF-8 sequence read by the single-byte page
    /// <paramref name="decoder"/>, inside a Latin word that proves itself (<see cref="LatinWordAt"/>: "L├╢schen",
    /// "Dokument ├╢ffnen" by cp437, "Gr├╢├ƒe"): the word is the evidence, as it is for a double-byte decoder's pair,
    /// where the line's sequences alone ask the pooled sequence's gain (<see cref="EncodingDecision.MinPooledSequenceGain"/>).
    /// </summary>
    internal static bool ProvesLatinWord(ReadOnlySpan<char> token, int a, int b, Codec decoder) =>
        decoder.IsSingleByte && b - a == 2 && IsPagePair(decoder.Page, token, a) && LatinWordAt(token, a, decoder, out bool evidence, out _) && evidence;

    /// <summary>
    /// True when <paramref name="token"/> holds a Latin letter's two-byte UTF-8 sequence, read by a single-byte page,
    /// inside a Latin word that proves itself (see <see cref="ProvesLatinWord"/>): the scanner's gate lets such a token
    /// through even when the models find its characters unsurprising (cp437's "├╢" of "L├╢schen" joins as box
    /// drawing). Linear in the token's length; allocates nothing.
    /// </summary>
    internal static bool HoldsProvenPagePair(ReadOnlySpan<char> token)
    {
        byte[] leadPages = LeadPages.Table;
        Codec[] pages = LeadPages.Decoders;
        for (int i = 0; i + 1 < token.Length; i++)
        {
            int leads = leadPages[token[i]];
            for (int k = 0; leads != 0 && k < pages.Length; k++)
            {
                if ((leads & (1 << k)) != 0 && ProvesLatinWord(token, i, i + 2, pages[k]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // text[i], text[i + 1] are, under a single-byte page, a two-byte UTF-8 sequence of a Latin letter beyond ASCII.
    private static bool IsPagePair(CodePage page, ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || text[i] < 0x80 || text[i + 1] < 0x80 || !page.CanEncode(text[i]) || !page.CanEncode(text[i + 1]))
        {
            return false;
        }

        int lead = page.EncodedValue(text[i]), trail = page.EncodedValue(text[i + 1]);
        return IsLatinLetterBytes(lead, trail);
    }

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
        return IsLatinLetterBytes(lead, trail);
    }

    // lead, trail: a two-byte UTF-8 sequence (lead C2..DF, continuation 80..BF) of a Latin letter beyond ASCII.
    private static bool IsLatinLetterBytes(int lead, int trail) =>
        lead is >= 0xC2 and <= 0xDF && trail is >= 0x80 and <= 0xBF && Internal.LatinText.IsExtendedLetter((char)(((lead & 0x1F) << 6) | (trail & 0x3F)));
}
