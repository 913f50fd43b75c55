using System.Collections;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Repair.Decoding;

/// <summary>
/// The encoding step's notes, one line per repaired span ("encoding: utf-8 decoded as gbk at 12+30 (lossy)"), shown
/// under its decision by <see cref="RepairResult.Explain"/>. Each line is written when it is read, not when the span is
/// repaired: a repair whose account is never asked for wrote a string per span (11,000 for a first repair of the 340 KB
/// garbled benchmark document, session 36). Not thread-safe while spans are added (one repair); a list filled once and
/// only read afterwards (<see cref="RepairResult"/>) may be read from any thread, each read writing its line afresh.
/// </summary>
internal sealed class EncodingNotes : IReadOnlyList<string>
{
    private readonly List<(string Chain, int Start, int Length, bool Lossy)> _spans = [];

    /// <summary>Number of lines.</summary>
    public int Count => _spans.Count;

    /// <summary>The line of the <paramref name="index"/>-th span added.</summary>
    public string this[int index]
    {
        get
        {
            (string chain, int start, int length, bool lossy) = _spans[index];
            return $"encoding: {chain} at {start}+{length}{(lossy ? " (lossy)" : "")}";
        }
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> spans in all: the step adds a pass's findings at once, and a list grown
    /// span by span copied 11,000 spans' entries about twice over into the large-object heap for the 340 KB garbled
    /// benchmark document (session 37).
    /// </summary>
    public void EnsureCapacity(int count) => _spans.EnsureCapacity(count);

    /// <summary>Adds the line of <paramref name="finding"/>, a span the step repaired or marked.</summary>
    public void Add(EncodingFinding finding) => _spans.Add((finding.Chain, finding.Start, finding.Length, finding.Lossy));

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < _spans.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
