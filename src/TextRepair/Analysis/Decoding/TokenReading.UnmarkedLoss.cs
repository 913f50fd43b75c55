using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>Losses no mark in the text shows, which a reading infers (see <see cref="KeepsUnmarkedText"/>).</summary>
internal sealed partial class TokenReading
{
    /// <summary>
    /// True when group <paramref name="k"/> of <paramref name="c"/>, which the reading only loses, holds no mark of a
    /// loss and its text reads at least as well as the losses the reading writes for it, in the same context, with every Han character in it
    /// a common one (<see cref="UncommonHan.IsCommon"/>: the bytes of UTF-8 Chinese land on uncommon rows of GB2312 and
    /// Big5, so mojibake such as 涓, which the model reads about as well as a loss, is no text to keep). Under a double-byte wrong
    /// decoder a UTF-8 character cut short inside the text is read as one whose bytes a reader that ignores errors
    /// dropped (LayerUndo's ContinuationMayBeDropped: Python's GBK reader drops a byte it cannot pair, "涓嶈佽浆" for 不要转
    /// is "不�转"), a claim no mark supports, so where the text there is likelier than its loss it is text the reading
    /// cuts, not bytes a reader dropped: the clean 字 of a line whose chart the chain misread ("字符表：퓔퓜…", UTF-8
    /// read as EUC-KR) became U+FFFD (clean charts, dev half, session 43). The reading stays chosen and the group is
    /// kept as it stands, as for a letter of a word (see <see cref="LosesWordLetter"/>). Scores the group's text once.
    /// </summary>
    private bool KeepsUnmarkedText(Candidate c, int k)
    {
        LayerStep outer = c.Steps[0];
        if (outer.Truth.Kind != CodecKind.Utf8 || !outer.Wrong.IsDoubleByte)
        {
            return false;
        }

        int[] tb = c.TokenBounds;
        int a = tb[k], b = tb[k + 1];
        ReadOnlySpan<char> source = Token.AsSpan(a, b - a);
        if (source.Contains('\uFFFD') || source.IndexOfAny(outer.Wrong.LossMarks) >= 0)
        {
            return false;
        }

        foreach (char ch in source)
        {
            if (CjkText.IsIdeograph(ch) && !UncommonHan.IsCommon(ch))
            {
                // What a wrong decoder writes: the rows of GB2312 and Big5 the bytes of UTF-8 land on are uncommon.
                return false;
            }
        }

        char left = a == 0 ? Before : Token[a - 1];
        char right = b == Token.Length ? After : Token[b];
        ReadOnlySpan<char> losses = c.Text.AsSpan(c.TextBounds[k], c.TextBounds[k + 1] - c.TextBounds[k]);
        return TextLikelihood.Score(source, left, right).Total >= TextLikelihood.Score(losses, left, right).Total;
    }
}
