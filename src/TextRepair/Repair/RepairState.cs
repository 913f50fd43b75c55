using System.Runtime.InteropServices;

namespace TextRepair.Repair;

/// <summary>The text as it goes through the pipeline, with the edits so far in the input's coordinates.</summary>
internal sealed class RepairState
{
    private List<RepairEdit> _edits = [];
    private TextReport? _report;

    public RepairState(string input, RepairOptions options)
    {
        Input = input;
        Current = input;
        Options = options;
    }

    public string Input { get; }

    public string Current { get; private set; }

    public RepairOptions Options { get; }

    public IReadOnlyList<RepairEdit> Edits => _edits;

    public List<string> Notes { get; } = [];

    public bool Lossy { get; set; }

    /// <summary>Annotations were removed: the document is a damaged one, punctuation may be restored.</summary>
    public bool AnnotationsRemoved { get; set; }

    /// <summary>The text was machine-converted from Simplified (decided before annotations are removed).</summary>
    public bool ConvertedFromSimplified { get; set; }

    /// <summary>The analysis of <see cref="Current"/>, computed on first use after each change.</summary>
    public TextReport Report => _report ??= TextAnalyzer.Analyze(Current, includeEncoding: false);

    /// <summary>
    /// The positions in <see cref="Current"/> where the replacement of an earlier edit starts or ends, ascending. A
    /// later step cuts its edits there so that each repair stays an edit of its own kind (a restored run of characters
    /// does not swallow the removed annotation between two of them).
    /// </summary>
    public List<int> EditBoundaries()
    {
        var boundaries = new List<int>(_edits.Count * 2);
        int delta = 0;
        foreach (RepairEdit edit in _edits)
        {
            int start = edit.Start + delta;
            int end = start + edit.Replacement.Length;
            if (boundaries.Count == 0 || boundaries[^1] != start)
            {
                boundaries.Add(start);
            }

            if (end != start)
            {
                boundaries.Add(end);
            }

            delta += edit.Replacement.Length - edit.Length;
        }

        return boundaries;
    }

    /// <summary>Applies edits given in <see cref="Current"/>'s coordinates (sorted, non-overlapping).</summary>
    public void Apply(List<RepairEdit> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        ReadOnlySpan<RepairEdit> added = CollectionsMarshal.AsSpan(edits);
        string next = EditComposer.Apply(Current, added);
        _edits = EditComposer.Compose(Input, CollectionsMarshal.AsSpan(_edits), Current, added);
        Current = next;
        _report = null;
    }
}
