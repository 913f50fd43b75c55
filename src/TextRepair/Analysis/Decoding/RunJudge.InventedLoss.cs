namespace TextRepair.Analysis.Decoding;

/// <summary>Losses a reading claims at a token's ends, where the text holds no mark of any (see <see cref="RunJudge"/>).</summary>
internal static partial class RunJudge
{
    // What the run of groups first..end-1 must gain beyond the thresholds for the loss it leans on: a group at the token's
    // start or end that the reading only loses (U+FFFD for a lead byte cut short, or a trail byte whose lead was cut)
    // where the token holds a whole character of the wrong decoder, not a mark of a loss ('?', '・', U+FFFD), is a loss
    // the reading invents, and the run beside it explains the field only with that character thrown away: it pays what
    // losing it costs (LostGain's weighing, which ranks the readings). Unpaid, any field of an odd number of bytes read
    // by a double-byte reader lost its last character for free: clean half-width katakana "ｱｸｼｮﾝ" became "구석�" (euc-kr
    // decoded as shift-jis) and "ｵｸﾃｯﾄ" "絡簿�" (tools/probe-clean-catalogs.py). Text cut short keeps its evidence: the
    // rest of its characters read far better than their mojibake, and a line shown damaged follows its chain unpaid.
    private static double InventedLossGain(string token, char before, char after, Candidate reading, int first, int end)
    {
        int groups = reading.TokenBounds.Length - 1;
        double gain = 0;
        if (first == 1 && Lost(reading, 0) && !HoldsLoss(token, reading, 0))
        {
            gain += LostGroupGain(token, before, after, reading, 0);
        }

        if (end == groups - 1 && Lost(reading, end) && !HoldsLoss(token, reading, end))
        {
            gain += LostGroupGain(token, before, after, reading, end);
        }

        return gain;
    }

    // True when the token's text of group k holds U+FFFD: a loss the text shows already, not one the reading invents.
    private static bool HoldsLoss(string token, Candidate reading, int k) =>
        token.AsSpan(reading.TokenBounds[k], reading.TokenBounds[k + 1] - reading.TokenBounds[k]).Contains('\uFFFD');

    // The log-likelihood ratio of losing group k (each U+FFFD scored as a lost character) against the token's text
    // there, in context, when negative; 0 for a group whose text is a loss mark a framework decoder wrote ('?', or
    // Shift-JIS's '・': one marker for another).
    private static double LostGroupGain(string token, char before, char after, Candidate reading, int k)
    {
        int[] tb = reading.TokenBounds;
        int a = tb[k], b = tb[k + 1];
        ReadOnlySpan<char> source = token.AsSpan(a, b - a);
        if (source.IndexOfAnyExcept('?', '\u30FB') < 0)
        {
            return 0;
        }

        char left = a == 0 ? before : token[a - 1];
        char right = b == token.Length ? after : token[b];
        int lost = reading.TextBounds[k + 1] - reading.TextBounds[k];
        return Math.Min(0, (lost * TextLikelihood.LostCharLogProb) - TextLikelihood.Score(source, left, right).Total);
    }
}
