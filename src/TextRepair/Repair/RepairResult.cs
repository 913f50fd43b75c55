using System.Globalization;
using System.Text;

namespace TextRepair;

/// <summary>
/// The outcome of <see cref="TextRepairer.Repair(string)"/>: the text, the edits, and the decision of every step.
/// Created only by the repairer. Immutable; safe to share across threads.
/// </summary>
public sealed class RepairResult
{
    internal RepairResult(string text, bool changed, bool lossy, IReadOnlyList<RepairEdit> edits, IReadOnlyList<RepairDecision> decisions, IReadOnlyList<string> lossyReasons, IReadOnlyList<string> encodingNotes)
    {
        Text = text;
        Changed = changed;
        Lossy = lossy;
        Edits = edits;
        Decisions = decisions;
        _lossyReasons = lossyReasons;
        _encodingNotes = encodingNotes;
    }

    /// <summary>
    /// This repair's decisions and loss account over another text: a document whose visible text this result repaired,
    /// with the edits as they were written into the document (<see cref="DocumentConverter.Repair(string, DocumentFormat)"/>).
    /// </summary>
    internal RepairResult ForDocument(string text, bool changed, IReadOnlyList<RepairEdit> edits) =>
        new(text, changed, Lossy, edits, Decisions, _lossyReasons, _encodingNotes);

    private readonly IReadOnlyList<string> _lossyReasons;
    private readonly IReadOnlyList<string> _encodingNotes;

    /// <summary>The repaired text; the very same instance as the input when nothing changed.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> differs from the input.</summary>
    public bool Changed { get; }

    /// <summary>
    /// True when the repair had to guess (a restored character had several possible originals) or found text that was
    /// lost for good (edits of kind <see cref="RepairKind.LossMarker"/>). <see cref="Explain"/> says which.
    /// </summary>
    public bool Lossy { get; }

    /// <summary>
    /// The changes in the input's coordinates, sorted and non-overlapping: applying them to the input gives
    /// <see cref="Text"/>. Empty when nothing changed, except for loss markers: text lost for good is reported as an
    /// edit of kind <see cref="RepairKind.LossMarker"/> even when its replacement is the text itself (then
    /// <see cref="Changed"/> is false and <see cref="Lossy"/> true).
    /// </summary>
    public IReadOnlyList<RepairEdit> Edits { get; }

    /// <summary>One decision per step, in pipeline order: encoding, annotations, script, punctuation.</summary>
    public IReadOnlyList<RepairDecision> Decisions { get; }

    /// <summary>
    /// A readable account of what was repaired and why: each step's decision with the number of its edits, the encoding
    /// repairs one by one, and why the result is lossy when it is. Allocates the returned string; thread-safe.
    /// </summary>
    public string Explain()
    {
        var builder = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        foreach (RepairDecision decision in Decisions)
        {
            builder.Append(c, $"- {decision.Step}: {decision.Reason}");
            int edits = CountOf(decision.Step);
            if (edits > 0)
            {
                builder.Append(c, $" ({edits} edit(s))");
            }

            builder.AppendLine();
            if (decision.Step == RepairKind.Encoding)
            {
                foreach (string note in _encodingNotes)
                {
                    builder.Append("  ").AppendLine(note);
                }
            }
        }

        if (!Changed && Edits.Count == 0)
        {
            builder.AppendLine("Nothing to repair: the text is returned unchanged.");
            return builder.ToString();
        }

        builder.Append(c, $"{Edits.Count} edit(s):");
        AppendCounts(builder);
        builder.AppendLine(".");
        if (Lossy)
        {
            if (CountOf(RepairKind.LossMarker) > 0)
            {
                builder.AppendLine("Lossy: text was lost on its way and cannot be restored; it is marked (U+FFFD), never invented.");
            }

            foreach (string reason in _lossyReasons)
            {
                builder.Append("Lossy: ").AppendLine(reason);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A one-line summary for logs and debuggers: the text length, whether it changed or is lossy, and the edits by
    /// kind (e.g. <c>RepairResult { Text = 120 chars, Changed = True, Lossy = False, Edits = 3: Annotation 2 Script 1 }</c>).
    /// Allocates the returned string; thread-safe.
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"RepairResult {{ Text = {Text.Length} chars, Changed = {Changed}, Lossy = {Lossy}, Edits = {Edits.Count}");
        if (Edits.Count > 0)
        {
            builder.Append(':');
            AppendCounts(builder);
        }

        return builder.Append(" }").ToString();
    }

    // The encoding step's decision counts its loss markers with its repairs.
    private int CountOf(RepairKind step)
    {
        int count = 0;
        foreach (RepairEdit edit in Edits)
        {
            count += edit.Kind == step || (step == RepairKind.Encoding && edit.Kind == RepairKind.LossMarker) ? 1 : 0;
        }

        return count;
    }

    // Each edit counts once, under its own kind (the pipeline keeps the edits of different steps apart).
    private void AppendCounts(StringBuilder builder)
    {
        var counts = new SortedDictionary<RepairKind, int>();
        foreach (RepairEdit edit in Edits)
        {
            counts[edit.Kind] = counts.GetValueOrDefault(edit.Kind) + 1;
        }

        foreach (var (kind, count) in counts)
        {
            builder.Append(CultureInfo.InvariantCulture, $" {kind} {count}");
        }
    }
}
