using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>
/// Passed pairs: the direct pairs (<c>StageTable.DirectPairs.cs</c>) whose value is each unit's own mapping (发现 ->
/// 發現: 发 and 现 map so alone). The plain conversion's filtered loop (<see cref="MapFilteredDirect"/>) would write the
/// same units without the pair, so its filter (<see cref="PlainFilter"/>) holds no pair token for them and the loop
/// passes over them; what the pair still decides is that greedy matching goes on after its second unit, so that no key
/// starts there. A tail token in the pair's word marks it, and where the loop stops at a unit after such a pair, it
/// counts the passed pairs that end there in a row (<see cref="IsPairTail"/>): an odd count makes the unit a pair's
/// second unit, which is written as mapped, and the stop is void.
/// </summary>
/// <remarks>
/// Session 24, s2t on the Simplified benchmark text: of about 47,600 direct pairs per text, 42,500 are passed pairs
/// (815 distinct), and at 3,550 of them a key may start at the second unit (the loop stops there and counts). Each
/// pair the loop passes over saves a mispredicted branch and a lookup in the 512 KB direct-pair table.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>Bits a pair's hash is shifted by for its tail token's bit (hash bits 12-17; the pair's own token takes bits 0-5, its triples' 6-11).</summary>
    private const int TailHashShift = 12;

    // The start filter without the passed pairs' tokens and with their tail tokens: built with the direct pairs, for
    // the plain conversion's loop only (the tracked conversion and the segmentation scan must stop at every key).
    private ulong[]? _plainFilter;

    /// <summary>The plain conversion's filter (see the class remarks); read after <see cref="DirectPairs"/>, which publishes it first.</summary>
    private ulong[] PlainFilter
    {
        get
        {
            _ = DirectPairs;
            return Volatile.Read(ref _plainFilter)!;
        }
    }

    /// <summary>The bit of a pair's tail token in its word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TailBit(uint pairHash) => (int)(pairHash >> TailHashShift);

    /// <summary>Whether the filter has a tail token for the two units from <paramref name="start"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasTailToken(ref char start, ref ulong filter, int filterShift)
    {
        uint pairHash = PairKey(ref start) * FilterMultiplier;
        return ((Unsafe.Add(ref filter, WordOf(pairHash, filterShift)) >> TailBit(pairHash)) & 1) != 0;
    }

    /// <summary>
    /// Whether the two units at <paramref name="at"/> are a passed pair: a direct pair whose value is each unit's own
    /// mapping (<paramref name="entry0"/>), neither unit needing the slow path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPassedPair(ref char at, ref uint entry0, ref ulong pairs, int pairShift)
    {
        uint first = at;
        uint second = Unsafe.Add(ref at, 1);
        uint firstEntry = Unsafe.Add(ref entry0, (nint)first);
        uint secondEntry = Unsafe.Add(ref entry0, (nint)second);
        uint value = FindDirectPair(ref pairs, pairShift, PairKey(ref at));
        return value != 0 && ((firstEntry | secondEntry) & NeedsSlowPath) == 0
            && value == (((firstEntry ^ first) & 0xFFFFu) | (((secondEntry ^ second) & 0xFFFFu) << 16));
    }

    /// <summary>
    /// Whether the unit at <paramref name="at"/>, after <paramref name="passed"/> units the loop passed over without a
    /// stop (the first of them a place where greedy matching starts), is the second unit of a passed pair: the passed
    /// pairs that end there in a row, each after the last, are an odd number. Where the count ends, greedy matching
    /// starts; from there on each pair takes two units.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsPairTail(ref char at, nint passed, ref uint entry0, ref ulong filter, int filterShift, ref ulong pairs, int pairShift)
    {
        nint count = 0;
        while (count < passed)
        {
            ref char start = ref Unsafe.Add(ref at, -1 - count);
            if (!HasTailToken(ref start, ref filter, filterShift) || !IsPassedPair(ref start, ref entry0, ref pairs, pairShift))
            {
                break;
            }

            count++;
        }

        return (count & 1) != 0;
    }

    /// <summary>
    /// The passed pairs among <paramref name="directPairs"/> (see the class remarks), as pair keys.
    /// </summary>
    private HashSet<uint> FindPassedPairs(List<(uint Pair, uint Value)> directPairs)
    {
        var passed = new HashSet<uint>();
        foreach ((uint pair, uint value) in directPairs)
        {
            (char first, char second) = PairUnits(pair);
            uint firstEntry = _entries[first];
            uint secondEntry = _entries[second];
            if (((firstEntry | secondEntry) & NeedsSlowPath) == 0
                && value == (((firstEntry ^ first) & 0xFFFFu) | (((secondEntry ^ second) & 0xFFFFu) << 16)))
            {
                passed.Add(pair);
            }
        }

        return passed;
    }
}
