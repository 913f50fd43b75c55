using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>Han restored from whole UTF-8 sequences spelled out by a single-byte page (see <see cref="RunJudge"/>).</summary>
internal static partial class RunJudge
{
    /// <summary>
    /// Fewest Han characters of a run that <see cref="RestoresUtf8Han"/> takes for a field's text: two, six bytes of
    /// two whole three-byte sequences in a row. One sequence of a lead letter (ä..é under windows-1252, ф..щ under
    /// cp866) and two continuation-range characters occurs in clean text of a page of the Cyrillic alphabet ("шла" is
    /// E8 AB A0 in cp866, the Han character U+8AE0; the Ukrainian "дії" under windows-1251 is U+4CFF); two in a row
    /// did in none of the clean cells and lines of the session-41 set (docs/encoding.md).
    /// </summary>
    internal const int MinUtf8HanChars = 2;

    /// <summary>
    /// True when <paramref name="restored"/> (token[a..b]) is nothing but CJK unified ideographs, at least
    /// <see cref="MinUtf8HanChars"/> and at most <see cref="EncodingDecision.ShortFieldMaxLength"/> of them, that the
    /// one-layer reading "utf-8 decoded as" a single-byte page restores from whole three-byte sequences, and the run
    /// stands alone in its token (no letter before or after it). That is a short Chinese field written in UTF-8 and
    /// read by the page: a CSV cell of a name opened by Excel as windows-1252, a music tag, a file name. The structure
    /// is the evidence, held to <see cref="EncodingDecision.MinUtf8HanPerChar"/>; the short-field floor asked two or
    /// three characters of a personal name to read as the models' common words do, and names are rare pairs: 赵磊
    /// reads at -10.07 per transition, 史龙鑫 at -10.15, so the field was left or a deeper chain's fluke won (session 41).
    /// </summary>
    internal static bool RestoresUtf8Han(string token, int a, int b, Candidate reading, ReadOnlySpan<char> restored)
    {
        if (restored.Length is < MinUtf8HanChars or > EncodingDecision.ShortFieldMaxLength || !RestoresUtf8Sequences(reading, restored)
            || !reading.Steps[0].Wrong.IsSingleByte || (a > 0 && char.IsLetter(token[a - 1])) || (b < token.Length && char.IsLetter(token[b])))
        {
            return false;
        }

        foreach (char c in restored)
        {
            if (!CjkText.IsUnifiedIdeograph(c))
            {
                return false;
            }
        }

        return true;
    }
}
