using System.Globalization;
using System.Text;

namespace TextRepair;

/// <summary>
/// The outcome of <see cref="TextRepairer.Repair(string, RepairOptions?)"/>. Immutable; safe to share across threads.
/// </summary>
/// <param name="Text">The repaired text; the very same instance as the input when nothing changed.</param>
/// <param name="Changed">True when <paramref name="Text"/> differs from the input.</param>
/// <param name="Lossy">
/// True when the repair had to guess: a restored character had several possible originals, or a repair step marked
/// text that was lost and cannot be restored.
/// </param>
/// <param name="Edits">The changes in the input's coordinates, sorted and non-overlapping; empty when nothing changed.</param>
public sealed record RepairResult(string Text, bool Changed, bool Lossy, IReadOnlyList<RepairEdit> Edits)
{
    /// <summary>Why each step did or did not act, in pipeline order (filled by the pipeline).</summary>
    internal IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// A readable account of what was repaired and why: the decisions of each step, and the number of edits of each
    /// kind. Allocates the returned string; thread-safe.
    /// </summary>
    public string Explain()
    {
        var builder = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        foreach (string note in Notes)
        {
            builder.Append("- ").AppendLine(note);
        }

        if (!Changed)
        {
            builder.AppendLine("Nothing to repair: the text is returned unchanged.");
            return builder.ToString();
        }

        builder.Append(c, $"{Edits.Count} edit(s):");
        AppendCounts(builder);
        builder.AppendLine(".");
        if (Lossy)
        {
            builder.AppendLine("Lossy: some characters had several possible originals; the most common one was chosen.");
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
