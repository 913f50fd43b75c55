using TextRepair.Analysis.Decoding;

namespace TextRepair.Repair.Decoding;

/// <summary>
/// First step of the pipeline: undoes encoding mojibake found by <see cref="EncodingScanner"/> (edits of kind
/// <see cref="RepairKind.Encoding"/>) and reports lost bytes (edits of kind <see cref="RepairKind.LossMarker"/>: U+FFFD
/// where the bytes were, or the marker itself when nothing can be restored); marks the result lossy. Every edit names
/// its chain in <see cref="RepairEdit.Chain"/>.
/// </summary>
internal sealed class EncodingStep : RepairStep
{
    /// <summary>See <see cref="EncodingScanner.MayFind"/>.</summary>
    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options) => EncodingScanner.MayFind(text);

    /// <summary>
    /// Passes over the text at most; the step stops at the first pass that changes nothing. A pass undoes up to three
    /// layers per token; a further pass finds what the first left (a deeper chain, or a token that only decodes once its
    /// neighbours did), so that repairing the result again changes nothing. Measured over 100,000 repairs of real text
    /// in six scripts through random chains of 1-3 layers with lost bytes (the generator of the idempotence property):
    /// 13,042 needed 1 changing pass, 1,162 needed 2, 127 needed 3, 10 needed 4, 3 needed 5, 1 needed 6, none more. With
    /// the earlier bound of 3, 15 of 50,000 outputs still changed when repaired again; with this bound, none did. Each
    /// pass is linear in the text, so the bound also bounds the work.
    /// </summary>
    private const int MaxPasses = 8;

    public override void Run(RepairState state)
    {
        // Each pass reads the text's tokens again, mostly unchanged: their verdicts are kept for the whole repair.
        using CleanTokenCache.DocumentScope memo = CleanTokenCache.ForDocument();
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            if (!RunPass(state))
            {
                break;
            }
        }
    }

    private static bool RunPass(RepairState state)
    {
        string text = state.Current;
        var findings = new List<EncodingFinding>();
        EncodingScanner.Find(text, findings);
        if (state.Edits.Count > 0)
        {
            findings.RemoveAll(f => ThrowsAwayRestored(state, f));
        }

        if (findings.TrueForAll(f => f.Replacement.AsSpan().SequenceEqual(text.AsSpan(f.Start, f.Length))))
        {
            // Nothing changes (only markers reported): report them once, on the first pass.
            if (state.Edits.Count == 0)
            {
                Apply(state, findings);
            }

            return false;
        }

        Apply(state, findings);
        return true;
    }

    // True when a later pass's lossy finding reads text that an earlier pass wrote while reading losses (an edit of kind
    // LossMarker) and keeps fewer of its characters than it holds (marks of losses aside): the earlier pass read those bytes
    // through their losses already, and reading the same losses again through the text's chain counts them twice. A
    // line of UTF-8 read as GBK whose tail took a second pass had its restored 化 (初�化完成) taken for the continuation
    // bytes of the lost 始 beside it and deleted (session 40, tester40): a character restored, then silently lost.
    private static bool ThrowsAwayRestored(RepairState state, EncodingFinding finding)
    {
        if (!finding.Lossy)
        {
            return false;
        }

        int delta = 0, end = finding.Start + finding.Length;
        foreach (RepairEdit edit in state.Edits)
        {
            int start = edit.Start + delta;
            int written = start + edit.Replacement.Length;
            delta += edit.Replacement.Length - edit.Length;
            if (written <= finding.Start || edit.Kind != RepairKind.LossMarker)
            {
                continue;
            }

            if (start >= end)
            {
                break;
            }

            return Kept(finding.Replacement) < Kept(state.Current.AsSpan(finding.Start, finding.Length));
        }

        return false;

        // Characters that are not marks of a loss (U+FFFD, or the '?' and '・' encoders write for a character they lack).
        static int Kept(ReadOnlySpan<char> text) => text.Length - text.Count('\uFFFD') - text.Count('?') - text.Count('\u30FB');
    }

    private static void Apply(RepairState state, List<EncodingFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var edits = new List<RepairEdit>(findings.Count);
        state.Notes.EnsureCapacity(state.Notes.Count + findings.Count);
        foreach (EncodingFinding f in findings)
        {
            state.Lossy |= f.Lossy;
            edits.Add(new RepairEdit(f.Start, f.Length, f.Replacement, f.Lossy ? RepairKind.LossMarker : RepairKind.Encoding) { Chain = f.Chain });
            state.Notes.Add(f);
        }

        state.Apply(edits);
    }
}
