using TextRepair.Repair.Mojibake;

namespace TextRepair.Repair;

/// <summary>
/// First step of the pipeline: undoes encoding mojibake (edits of kind <see cref="RepairKind.Encoding"/>, the chain
/// named in a note) and reports loss markers (edits of kind <see cref="RepairKind.LossMarker"/> whose replacement is
/// the text itself, or U+FFFD where the marker is the exact encoding of lost characters); marks the result lossy.
/// </summary>
internal sealed class MojibakeStep : RepairStep
{
    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options) => MojibakeRepair.IndexOfSuspicious(text) >= 0;

    public override void Run(RepairState state)
    {
        string text = state.Current;
        var findings = new List<MojibakeFinding>();
        MojibakeRepair.Find(text, findings);
        if (findings.Count == 0)
        {
            return;
        }

        var edits = new List<RepairEdit>(findings.Count);
        foreach (MojibakeFinding f in findings)
        {
            state.Lossy |= f.Lossy;
            bool marker = f.Replacement is null || (f.Lossy && f.Replacement.AsSpan().IndexOfAnyExcept('\uFFFD') < 0);
            edits.Add(new RepairEdit(f.Start, f.Length, f.Replacement ?? text.Substring(f.Start, f.Length), marker ? RepairKind.LossMarker : RepairKind.Encoding));
            state.Notes.Add($"encoding: {f.Chain} at {f.Start}+{f.Length}{(f.Lossy ? " (lossy)" : "")}");
        }

        state.Apply(edits);
    }
}
