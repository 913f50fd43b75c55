using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The greedy longest-match conversion of a span, the way OpenCC's Conversion does it: one loop, generic over the
/// sink that hears of matches and over the table's scan structures (start filter, pair entries or neither), so that
/// each combination is compiled without the tests of the others.
/// </summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Values up to this many units are copied by a loop in the conversion loop, longer ones by Memmove: STPhrases'
    /// values are mostly two to four units, and the call into Memmove took 3.9% of s2t's samples (session 11, perf).
    /// </summary>
    private const int ShortValueUnits = 8;

    /// <summary>
    /// Converts <paramref name="source"/> as one OpenCC segment with this stage into <paramref name="destination"/>,
    /// which must hold the output: at most source.Length * <see cref="ExpansionNumerator"/> / <see cref="ExpansionDenominator"/>
    /// units (rounded up), or the room the pipeline's bound gives (see <see cref="ExpansionBound"/>). Returns the number of units written.
    /// </summary>
    public int Convert(ReadOnlySpan<char> source, Span<char> destination)
    {
        var sink = default(NoSink);
        return Convert(source, destination, ref *_entries, ref sink);
    }

    /// <summary>
    /// The greedy longest-match loop behind <see cref="Convert(ReadOnlySpan{char}, Span{char})"/> and the tracked
    /// conversion: <paramref name="entry0"/> is the first of this table's 65536 entries or of a copy with more units
    /// sent to the slow path, and <paramref name="sink"/> hears of every dictionary match. Generic over a struct so that each sink gets
    /// its own compiled loop: the plain one (<see cref="NoSink"/>) has no call and no test left in it; likewise a
    /// table with a start filter (see <c>StageTable.Scan.cs</c>), one with pair entries (<c>StageTable.Pairs.cs</c>, plain
    /// conversion only: the tracked one reads other entries) and one without either get a loop each.
    /// </summary>
    private int Convert<TSink>(ReadOnlySpan<char> source, Span<char> destination, ref uint entry0, ref TSink sink)
        where TSink : struct, IMatchSink =>
        !UsesScanTables(source.Length)
            ? Convert<TSink, SparseStarts>(source, destination, ref entry0, ref sink)
            : _denseStarts
                ? Convert<TSink, DenseStarts>(source, destination, ref entry0, ref sink)
                : typeof(TSink) == typeof(NoSink)
                    ? Convert<TSink, PairStarts>(source, destination, ref entry0, ref sink)
                    : Convert<TSink, SparseStarts>(source, destination, ref entry0, ref sink);

    private int Convert<TSink, TStarts>(ReadOnlySpan<char> source, Span<char> destination, ref uint entry0, ref TSink sink, (char First, char Last)[]? watched = null)
        where TSink : struct, IMatchSink
        where TStarts : struct
    {
        ref char src = ref MemoryMarshal.GetReference(source);
        ref char dst = ref MemoryMarshal.GetReference(destination);
        int length = source.Length;
        int i = 0;
        int written = 0;

        // With a start filter (see StageTable.Scan.cs) every unit but the last two asks it without a branch; the plain
        // conversion asks its own (StageTable.PassedKeys.cs).
        ulong[] filterArray = typeof(TStarts) != typeof(DenseStarts) ? [] : typeof(TSink) == typeof(NoSink) ? PlainFilter : StartFilter;
        ref ulong filter = ref MemoryMarshal.GetArrayDataReference(filterArray);
        int filterShift = StartFilterShift(filterArray);
        ulong[] directPairs = typeof(TStarts) == typeof(DenseStarts) && typeof(TSink) == typeof(NoSink) ? DirectPairs : [];
        ref ulong directPairs0 = ref MemoryMarshal.GetArrayDataReference(directPairs);
        int directShift = 32 - BitOperations.Log2((uint)Math.Max(1, directPairs.Length - TripleCheckWords));
        int filtered = length - 2;
        ref uint pair0 = ref MemoryMarshal.GetArrayDataReference(IsPaired<TStarts>() ? PairEntries : []);
        ulong[] pairTable = IsPaired<TStarts>() ? _pairTable : [];
        ref ulong pairTable0 = ref MemoryMarshal.GetArrayDataReference(pairTable);
        uint pairMask = (uint)pairTable.Length - 1;
        int pairShift = 32 - BitOperations.Log2((uint)Math.Max(1, pairTable.Length));
        int paired = length - 1;

        // The watched first stage of a config without segmentation converts whole pieces, where stops are rare
        // (StageTable.Pairs.cs, MapPairedFours); asked once, not per stop (a test the JIT folds in Tier1 code only).
        bool wholePieces = typeof(TStarts) == typeof(WatchedPairStarts);
        while (i < length)
        {
            if (IsPaired<TStarts>() && i < paired)
            {
                // The units that their own entry settles, up to the next that starts a longer key before a second
                // unit of one (StageTable.Pairs.cs); the test below decides that one as without pair entries.
                int mapped = wholePieces
                    ? MapPairedFours(ref Unsafe.Add(ref src, i), paired - i, ref Unsafe.Add(ref dst, written), ref pair0, pairTable)
                    : MapPaired(ref Unsafe.Add(ref src, i), paired - i, ref Unsafe.Add(ref dst, written), ref pair0, ref pairTable0, pairShift);
                Debug.Assert(written + mapped <= destination.Length);
                written += mapped;
                i += mapped;
            }

            if (typeof(TStarts) == typeof(DenseStarts) && i < filtered)
            {
                // The units that only their own entry can match, up to the next that needs a walk, in a loop of their
                // own (StageTable.Scan.cs; the plain conversion's also writes direct pairs, StageTable.DirectPairs.cs).
                long result = typeof(TSink) == typeof(NoSink)
                    ? MapFilteredDirect<PlainPass>(ref Unsafe.Add(ref src, i), filtered - i, ref Unsafe.Add(ref dst, written), ref entry0, ref filter, filterShift, ref directPairs0, directShift, filtered - i, out _)
                    : MapFiltered(ref Unsafe.Add(ref src, i), filtered - i, ref Unsafe.Add(ref dst, written), ref entry0, ref filter, filterShift);
                int mapped = (int)result;
                Debug.Assert(written + mapped <= destination.Length);
                written += mapped;
                i += mapped;
                int passed = (int)(result >> 32);
                if (typeof(TSink) == typeof(NoSink) && passed != 0)
                {
                    // A stop within two units after a tail token (StageTable.PassedKeys.cs): the units within a passed
                    // key are mapped alone and the loop goes on after them; any other unit is decided as at any stop.
                    int tails = MapTailUnits(source, i, passed, ref filter, filterShift, ref entry0, ref Unsafe.Add(ref dst, written));
                    Debug.Assert(written + tails <= destination.Length);
                    written += tails;
                    i += tails;
                    continue;
                }

                if (i < filtered)
                {
                    // MapFiltered stopped at a unit that needs a walk or the slow path: asking again would repeat
                    // its probe.
                    goto Walk;
                }
            }

            char c = Unsafe.Add(ref src, i);
            if (Watches<TStarts>(watched) && IsWatched(watched!, c))
            {
                // Every unit MapPaired or MapFilteredDirect (over WatchedEntries) passes over or a walk matches is
                // outside the watched ranges (CanWatch).
                return WatchedUnitFound;
            }

            uint entry = Unsafe.Add(ref entry0, c);
            int matched;
            int valueIndex;
            if (IsPaired<TStarts>() && (entry & Unsettled) == StartsLongerKey && i < paired)
            {
                // The exact pair table (StageTable.Pairs.cs) instead of the pair Bloom filter and, for a two-unit key
                // that always wins, instead of the walk.
                int found = FindPair(ref pairTable0, pairMask, pairShift, ((uint)c << 16) | Unsafe.Add(ref src, i + 1));
                if (found == NotAPair)
                {
                    Debug.Assert(written < destination.Length);
                    Unsafe.Add(ref dst, written++) = (char)(entry ^ c);
                    i++;
                    continue;
                }

                if (found != PairNeedsWalk)
                {
                    matched = 2;
                    valueIndex = found - 1;
                    goto Matched;
                }

                goto Walk;
            }

            if (typeof(TStarts) == typeof(DenseStarts) && i < filtered
                ? (entry & (NeedsSlowPath | MayStartLonger(entry, ref src, i, ref filter, filterShift))) == 0
                : (entry & Unsettled) == 0
                    || ((entry & NeedsSlowPath) == 0 && (i + 1 >= length || !MayStartPair(c, Unsafe.Add(ref src, i + 1)))))
            {
                // The common case: only the unit's own entry can match here.
                Debug.Assert(written < destination.Length);
                Unsafe.Add(ref dst, written++) = (char)(entry ^ c);
                i++;
                continue;
            }

        Walk:
            matched = Walk(source, i, out valueIndex);
        Matched:
            if (matched > 0)
            {
                int start = _valueOffsets[valueIndex];
                int count = _valueOffsets[valueIndex + 1] - start;
                sink.OnMatch(i, matched, written, count, valueIndex);
                if (count <= ShortValueUnits)
                {
                    // Most values are a few units (phrases of two to four characters): a loop here costs less than
                    // the call into Memmove.
                    Debug.Assert(written + count <= destination.Length);
                    char* value = _valuePool + start;
                    for (int k = 0; k < count; k++)
                    {
                        Unsafe.Add(ref dst, written + k) = value[k];
                    }
                }
                else
                {
                    new ReadOnlySpan<char>(_valuePool + start, count).CopyTo(destination.Slice(written));
                }

                written += count;
                i += matched;
            }
            else
            {
                int unit = TextUnits.UnmatchedLength(source.Slice(i));
                if (Watches<TStarts>(watched) && HasWatched(source.Slice(i, unit), watched!))
                {
                    // An ideographic description sequence copied whole (or a surrogate pair) holds a watched unit, or
                    // the filtered loop stopped at one (its stop goes straight to the walk).
                    return WatchedUnitFound;
                }

                source.Slice(i, unit).CopyTo(destination.Slice(written));
                written += unit;
                i += unit;
            }
        }

        return written;
    }
}
