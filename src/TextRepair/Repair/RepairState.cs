using System.Runtime.InteropServices;
using TextRepair.Repair.Decoding;

namespace TextRepair.Repair;

/// <summary>
/// The text as it goes through the pipeline, with the edits so far in the input's coordinates. What each step does is
/// decided beforehand (<see cref="RepairPlan"/>); the state only carries the text and what was done to it.
/// </summary>
internal sealed class RepairState
{
    private List<RepairEdit> _edits = [];

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

    /// <summary>Details of the encoding step (one line per repaired span), shown under its decision by <see cref="RepairResult.Explain"/>.</summary>
    public EncodingNotes Notes { get; } = new();

    /// <summary>Set by a step that had to guess or found text lost for good; the reason is in <see cref="LossyReasons"/> or in the edits.</summary>
    public bool Lossy { get; set; }

    /// <summary>Why the result is lossy, one sentence per cause (besides loss markers, which are edits).</summary>
    public List<string> LossyReasons { get; } = [];

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

    /// <summary>
    /// Applies edits given in <see cref="Current"/>'s coordinates (sorted, non-overlapping). The state keeps
    /// <paramref name="edits"/> as its own when it has none yet: callers hand over a list they no longer use, and the
    /// copy of the first step's edits was 11,000 entries in the large-object heap for the 340 KB garbled benchmark
    /// document (session 37).
    /// </summary>
    public void Apply(List<RepairEdit> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        ReadOnlySpan<RepairEdit> added = CollectionsMarshal.AsSpan(edits);
        string next = EditComposer.Apply(Current, added);
        _edits = _edits.Count == 0 ? edits : EditComposer.Compose(Input, CollectionsMarshal.AsSpan(_edits), Current, added);
        Current = next;
    }
}
