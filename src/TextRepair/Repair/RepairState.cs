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
