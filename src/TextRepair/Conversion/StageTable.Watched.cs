using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>
/// The watched conversion: a pipeline with a normalization stage (CJK compatibility ideographs) asks before each piece
/// whether the piece holds a unit the normalization starts at, in two vectorized passes of its own over the piece
/// (13.8% of t2s's samples on the Taiwan text, 2.1% of tw2sp's; session 14, perf). Once the table that sees every unit
/// has pair entries (<c>StageTable.Pairs.cs</c>), it answers that instead: the first stage's conversion loop for a
/// config without segmentation (t2s), the segmentation pass for the others (tw2s, tw2sp, hk2s, hk2sp).
/// <see cref="MapPaired"/> and <see cref="SkipPaired"/> stop at every unit of the CJK Compatibility Ideographs block
/// (<see cref="PairStopFirst"/>..<see cref="PairStopLast"/>) and at every surrogate, the loop gives up at a watched
/// unit, and the piece is converted again, with the normalization, only in the rare piece that holds one.
/// </summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// First unit of the CJK Compatibility Ideographs block (U+F900..U+FAFF), where OpenCC's normalization dictionary
    /// starts (with U+D87E, the high surrogate of the supplement's block): its pair entries stop <see cref="MapPaired"/>
    /// and <see cref="SkipPaired"/>, so that the watched conversion sees these units. No conversion or segmentation
    /// dictionary has a key with a unit of this block, so only such rare units (none in the benchmark texts) take the
    /// slower step.
    /// </summary>
    private const char PairStopFirst = '\uF900';

    /// <summary>Last unit of the block of <see cref="PairStopFirst"/>.</summary>
    private const char PairStopLast = '\uFAFF';

    /// <summary>What <see cref="ConvertUnlessWatched"/> returns when the text holds a watched unit.</summary>
    public const int WatchedUnitFound = -1;

    /// <summary>True once this table converts with its pair entries (a table without a start filter, after warm-up).</summary>
    public bool HasPairEntries => !_denseStarts && Volatile.Read(ref _pairEntries) is not null;

    /// <summary>
    /// True once the plain conversion of a table with a start filter runs its filtered loop (<see cref="MapFilteredDirect"/>,
    /// after warm-up), which can watch too (session 28, s2t): with its entries copied and the units of the block of
    /// <see cref="PairStopFirst"/> sent to the slow path (<see cref="WatchedEntries"/>), the loop stops at each.
    /// </summary>
    public bool WatchesWithStartFilter => _denseStarts && Volatile.Read(ref _directPairs) is not null;

    // The entries of a table with a start filter with the block of PairStopFirst sent to the slow path, built by the
    // first watched conversion (a race builds it twice, alike): 256 KB.
    private uint[]? _watchedEntries;

    /// <summary>This table's entries with every unit of the block of <see cref="PairStopFirst"/> sent to the slow path.</summary>
    private uint[] WatchedEntries
    {
        get
        {
            uint[]? entries = Volatile.Read(ref _watchedEntries);
            if (entries is null)
            {
                entries = new ReadOnlySpan<uint>(_entries, 65536).ToArray();
                for (int c = PairStopFirst; c <= PairStopLast; c++)
                {
                    entries[c] |= NeedsSlowPath;
                }

                Volatile.Write(ref _watchedEntries, entries);
            }

            return entries;
        }
    }

    /// <summary>Whether no key of this table has a unit of <paramref name="ranges"/> (so no match passes over one unseen).</summary>
    public bool KeysAvoid((char First, char Last)[] ranges)
    {
        foreach ((char first, char last) in ranges)
        {
            for (int c = first; c <= last; c++)
            {
                if (CharBits.Contains(KeyUnits, (char)c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <see cref="ConvertUnlessWatched"/> can watch for the units of <paramref name="ranges"/>: each of them
    /// stops <see cref="MapPaired"/> (the block above or the slow path) and is in no key, so no step passes over one
    /// unseen.
    /// </summary>
    public bool CanWatch((char First, char Last)[] ranges)
    {
        if (!KeysAvoid(ranges))
        {
            return false;
        }

        foreach ((char first, char last) in ranges)
        {
            for (int c = first; c <= last; c++)
            {
                if ((c < PairStopFirst || c > PairStopLast) && (_entries[c] & NeedsSlowPath) == 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Converts <paramref name="source"/> as <see cref="Convert(ReadOnlySpan{char}, Span{char})"/> does, unless it holds
    /// a unit of <paramref name="watched"/>: then returns <see cref="WatchedUnitFound"/> (what was written is not
    /// meaningful). Requires <see cref="HasPairEntries"/> and <see cref="CanWatch"/> for the ranges.
    /// </summary>
    public int ConvertUnlessWatched(ReadOnlySpan<char> source, Span<char> destination, (char First, char Last)[] watched)
    {
        Debug.Assert((HasPairEntries || WatchesWithStartFilter) && CanWatch(watched));
        var sink = default(NoSink);
        return _denseStarts
            ? Convert<NoSink, DenseStarts>(source, destination, ref MemoryMarshal.GetArrayDataReference(WatchedEntries), ref sink, watched)
            : Convert<NoSink, WatchedPairStarts>(source, destination, ref *_entries, ref sink, watched);
    }

    /// <summary>
    /// The segmentation pass's <see cref="NextMatch(ReadOnlySpan{char}, int, out int, out int)"/> of a table with pair
    /// entries that returns <see cref="WatchedUnitFound"/> when the text from <paramref name="position"/> up to the
    /// next match holds a unit of <paramref name="watched"/> (then <paramref name="length"/> is 0). Requires
    /// <see cref="HasPairEntries"/> and <see cref="CanWatch"/> for the ranges.
    /// </summary>
    public int NextMatchUnlessWatched(ReadOnlySpan<char> text, int position, out int length, out int valueIndex, (char First, char Last)[] watched)
    {
        Debug.Assert(HasPairEntries && CanWatch(watched));
        return NextMatch(text, position, out length, out valueIndex, useScanTables: true, watched);
    }

    /// <summary>Type argument of the conversion loop for a table with pair entries that watches for units (see above).</summary>
    private struct WatchedPairStarts;

    /// <summary>Whether the conversion loop of <typeparamref name="TStarts"/> uses the pair entries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPaired<TStarts>() => typeof(TStarts) == typeof(PairStarts) || typeof(TStarts) == typeof(WatchedPairStarts);

    /// <summary>Whether the conversion loop of <typeparamref name="TStarts"/> watches for the units of <paramref name="watched"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Watches<TStarts>((char First, char Last)[]? watched) =>
        typeof(TStarts) == typeof(WatchedPairStarts) || (typeof(TStarts) == typeof(DenseStarts) && watched is not null);

    /// <summary>The pair-entry flag of a unit in the block of <see cref="PairStopFirst"/> (the slow-path bit, which only stops the fast loops).</summary>
    private static uint PairStop(int unit) => (uint)(unit - PairStopFirst) <= PairStopLast - PairStopFirst ? PairSlowPath : 0;

    private static bool IsWatched((char First, char Last)[] watched, char c)
    {
        foreach ((char first, char last) in watched)
        {
            if ((uint)(c - first) <= (uint)(last - first))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWatched(ReadOnlySpan<char> units, (char First, char Last)[] watched)
    {
        foreach (char c in units)
        {
            if (IsWatched(watched, c))
            {
                return true;
            }
        }

        return false;
    }
}
