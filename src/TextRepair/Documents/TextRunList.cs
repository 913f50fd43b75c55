namespace TextRepair.Documents;

/// <summary>
/// The text a reader sees in a document, as runs: ranges of the source string that are converted, grouped into
/// stretches whose runs are joined before conversion (a paragraph split by inline markup such as <c>&lt;b&gt;</c> or
/// a Word run boundary). A break ends the current group: block boundaries, line breaks, entities, code spans. Runs
/// are added in source order; adjacent runs of one group that touch are merged. Not thread-safe: one per scan.
/// </summary>
internal sealed class TextRunList
{
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private readonly List<int> _groupEnds = [];
    private int _count;
    private int _groupStart;

    /// <summary>Number of runs.</summary>
    public int Count => _count;

    /// <summary>Number of groups (after <see cref="Break"/> closed the last one).</summary>
    public int GroupCount => _groupEnds.Count;

    public int Start(int run) => _starts[run];

    public int Length(int run) => _lengths[run];

    /// <summary>The index one past the last run of <paramref name="group"/>.</summary>
    public int GroupEnd(int group) => _groupEnds[group];

    /// <summary>Adds the range [start, start + length) to the current group; empty ranges are ignored.</summary>
    public void Add(int start, int length)
    {
        if (length <= 0)
        {
            return;
        }

        if (_count > _groupStart && _starts[_count - 1] + _lengths[_count - 1] == start)
        {
            _lengths[_count - 1] += length;
            return;
        }

        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }

        _starts[_count] = start;
        _lengths[_count] = length;
        _count++;
    }

    /// <summary>Ends the current group, so that no phrase is matched across this point.</summary>
    public void Break()
    {
        if (_count > _groupStart)
        {
            _groupEnds.Add(_count);
            _groupStart = _count;
        }
    }

    /// <summary>
    /// Adds <c>[start, end)</c> of <paramref name="text"/> as runs broken at each backslash escape (the backslash and
    /// the character it escapes are left out): a PO string's or a YAML scalar's escapes are no text.
    /// </summary>
    public void AddBrokenAtEscapes(string text, int start, int end)
    {
        int i = start;
        while (i < end)
        {
            int slash = text.IndexOf('\\', i, end - i);
            if (slash < 0)
            {
                Add(i, end - i);
                return;
            }

            Add(i, slash - i);
            Break();
            i = slash + 2;
        }
    }
}
