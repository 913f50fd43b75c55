namespace TextRepair.Analysis.Decoding;

/// <summary>Runs of one character repeated on both sides of a reading (see <see cref="RunJudge"/>).</summary>
internal static partial class RunJudge
{
    /// <summary>
    /// Longest run of one character kept when a run and its reading are scored with their repeats counted once
    /// (<see cref="CollapseRepeats"/>): the character and one repeat, so the transition into a repeat is scored once.
    /// </summary>
    private const int KeptRepeatRun = 2;

    // A run of one character repeated gives the model the same evidence again with each copy, and a reading of it repeats
    // too (a run of one byte pattern reads as a run of one restored pattern under every chain): whatever a reading gains
    // on one repeat it gained again on every other, so its advantage grew with the length of the run. "用户名：" and nine
    // 烫 (MSVC's fill of uninitialised memory read as GBK, a loss marker in a log line) became four rare characters and
    // nine Malayalam digit zeros by "utf-16be decoded as utf-16le, then big5 decoded as gbk": the digit is scored as a
    // repeat (TextLikelihood.RepeatLogProb) and 烫烫 as the model's unseen pair, each time. Where both the run and its
    // reading hold a character repeated more than KeptRepeatRun times, both are scored with such runs cut to
    // KeptRepeatRun, so the repeat counts once on both sides (as RunJudge.Period counts a repeated unit's bytes once, and
    // the vote a repeated token once). Returns false, and nulls, when either side has no such run.
    private static bool RepeatsOnBothSides(ReadOnlySpan<char> source, ReadOnlySpan<char> restored, out string? collapsedSource, out string? collapsedRestored)
    {
        collapsedSource = null;
        collapsedRestored = null;
        if (!HasRepeatRun(source) || !HasRepeatRun(restored))
        {
            return false;
        }

        collapsedSource = CollapseRepeats(source);
        collapsedRestored = CollapseRepeats(restored);
        return true;
    }

    // True when text holds one character more than KeptRepeatRun times in a row (U+FFFD, a loss, not counted).
    private static bool HasRepeatRun(ReadOnlySpan<char> text)
    {
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            run = i > 0 && text[i] == text[i - 1] && text[i] != '\uFFFD' ? run + 1 : 1;
            if (run > KeptRepeatRun)
            {
                return true;
            }
        }

        return false;
    }

    // The text with every run of one character cut to KeptRepeatRun characters.
    private static string CollapseRepeats(ReadOnlySpan<char> text)
    {
        var collapsed = new System.Text.StringBuilder(text.Length);
        int run = 0;
        for (int i = 0; i < text.Length; i++)
        {
            run = i > 0 && text[i] == text[i - 1] && text[i] != '\uFFFD' ? run + 1 : 1;
            if (run <= KeptRepeatRun)
            {
                collapsed.Append(text[i]);
            }
        }

        return collapsed.ToString();
    }
}
