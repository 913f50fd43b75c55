using System.Numerics;
using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>
/// Passed keys: the direct pairs (<c>StageTable.DirectPairs.cs</c>) and the three-unit keys that begin no longer key
/// whose value is each unit's own mapping (发现 -> 發現, 项目表 -> 項目表: each unit maps so alone). The plain
/// conversion's filtered loop (<see cref="MapFilteredDirect"/>) would write the same units without the key, so its
/// filter (<see cref="PlainFilter"/>) holds no pair or triple token for them and the loop passes over them. What such a
/// key still decides is that greedy matching goes on after it, so that no key starts at its second or third unit: a
/// tail token in the word of its first two units marks it, and where the loop stops within two units after one
/// (<see cref="TailUnits"/>), the units it passed over are parsed from the last place where no passed key can have
/// begun; a unit within a passed key is written as mapped and the stop is void.
/// </summary>
/// <remarks>
/// Session 24, s2t on the Simplified benchmark text: of about 47,600 direct pairs per text, 42,500 are passed pairs
/// (818 distinct), and 8,900 of the 9,350 three-unit matches are passed triples (each was a walk); at about 3,500 of
/// the pairs a key may start at the second unit (the loop stops there and parses). A pair the loop passes over saves a
/// mispredicted branch and a lookup in the 512 KB direct-pair table, a triple a return from the loop and a walk.
/// The tracked conversion and the segmentation scan keep the start filter: they must stop at every key.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Bits a pair's hash is shifted by for its tail token's bit: hash bits 12-17 (the pair's own token takes bits 0-5,
    /// its triples' bits 6-11 mixed with the third unit).
    /// </summary>
    private const int TailHashShift = 12;

    // The start filter with tail tokens instead of the passed keys' tokens: built with the direct pairs, for the plain
    // conversion's loop only.
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

    /// <summary>Slots of the passed-triple table per triple, at least (at most half full).</summary>
    private const int PassedTripleSlotsPerTriple = 2;

    // The passed triples' keys (TripleKey, never 0) in an open-addressing table; built with the direct pairs.
    private ulong[]? _passedTriples;

    /// <summary>Whether the three units from <paramref name="key"/> on are a passed triple.</summary>
    private static bool IsPassedTriple(ulong[] table, ref char key)
    {
        ulong triple = TripleKey(key, Unsafe.Add(ref key, 1), Unsafe.Add(ref key, 2));
        int shift = 64 - BitOperations.Log2((uint)table.Length);
        nint mask = table.Length - 1;
        nint index = (nint)((triple * HashMultiplier) >> shift);
        while (true)
        {
            ulong slot = table[index];
            if (slot == triple)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>An open-addressing table of <paramref name="triples"/> for <see cref="IsPassedTriple"/>.</summary>
    private static ulong[] PassedTripleTable(HashSet<ulong> triples)
    {
        var table = new ulong[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)(triples.Count * PassedTripleSlotsPerTriple)))];
        int shift = 64 - BitOperations.Log2((uint)table.Length);
        foreach (ulong triple in triples)
        {
            nint index = (nint)((triple * HashMultiplier) >> shift);
            while (table[index] != 0)
            {
                index = (index + 1) & (table.Length - 1);
            }

            table[index] = triple;
        }

        return table;
    }

    /// <summary>
    /// The passed triples: the three-unit keys that begin no longer key, that a walk from their three units alone ends
    /// at, and whose value is each unit's own mapping, no unit needing the slow path.
    /// </summary>
    private HashSet<ulong> FindPassedTriples()
    {
        var passed = new HashSet<ulong>();
        Span<char> three = stackalloc char[3];
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint* second = _slots + (slot * SlotUints);
            if ((second[0] & HasChildren) == 0)
            {
                continue;
            }

            int secondSize = 1 << (int)((second[0] >> BlockLog2Shift) & 31);
            for (int s2 = 0; s2 < secondSize; s2++)
            {
                uint* third = _slots + ((nint)(second[2] + s2) * SlotUints);
                if ((third[0] & Occupied) == 0 || (third[0] & HasChildren) != 0 || (third[1] & ValueMask) == 0)
                {
                    continue;
                }

                three[0] = firstUnit;
                three[1] = (char)(second[0] & 0xFFFFu);
                three[2] = (char)(third[0] & 0xFFFFu);
                if (Walk(three, 0, out int valueIndex) != 3 || !IsOwnMapping(three, Value(valueIndex)))
                {
                    continue;
                }

                passed.Add(TripleKey(three[0], three[1], three[2]));
            }
        }

        return passed;
    }

    /// <summary>Whether <paramref name="value"/> is <paramref name="key"/> mapped unit by unit by the entries, none needing the slow path.</summary>
    private bool IsOwnMapping(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        if (value.Length != key.Length)
        {
            return false;
        }

        for (int k = 0; k < key.Length; k++)
        {
            uint entry = _entries[key[k]];
            if ((entry & NeedsSlowPath) != 0 || value[k] != (char)(entry ^ key[k]))
            {
                return false;
            }
        }

        return true;
    }

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
        uint value = FindDirectPair(ref pairs, pairShift, PairKey(ref at));
        return value != 0 && IsOwnPairValue(value, first, Unsafe.Add(ref entry0, (nint)first), second, Unsafe.Add(ref entry0, (nint)second));
    }

    /// <summary>Whether a pair's <paramref name="value"/> (the first unit in the low half) is each unit mapped by its entry, neither needing the slow path.</summary>
    private static bool IsOwnPairValue(uint value, uint first, uint firstEntry, uint second, uint secondEntry) =>
        ((firstEntry | secondEntry) & NeedsSlowPath) == 0 && value == (((firstEntry ^ first) & 0xFFFFu) | (((secondEntry ^ second) & 0xFFFFu) << 16));

    /// <summary>
    /// How many units from <paramref name="at"/> on belong to a passed key (pair or triple) that greedy matching took
    /// before it (0, 1 or 2), where the loop stopped after <paramref name="passed"/> units it passed over, the first
    /// of them a place where greedy matching starts. The parse goes back only to the last unit where no passed key can
    /// have begun in the two units before (no tail token), and from there on takes each passed key whole.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int TailUnits(ref char at, nint passed, ref uint entry0, ref ulong filter, int filterShift, ref ulong pairs, int pairShift)
    {
        nint start = -1;
        while (start > -passed
            && (HasTailToken(ref Unsafe.Add(ref at, start - 1), ref filter, filterShift)
                || (start - 2 >= -passed && HasTailToken(ref Unsafe.Add(ref at, start - 2), ref filter, filterShift))))
        {
            start--;
        }

        ulong[] triples = _passedTriples!;
        nint q = start;
        while (q < 0)
        {
            ref char key = ref Unsafe.Add(ref at, q);
            q += !HasTailToken(ref key, ref filter, filterShift) ? 1
                : IsPassedTriple(triples, ref key) ? 3
                : IsPassedPair(ref key, ref entry0, ref pairs, pairShift) ? 2
                : 1;
        }

        return (int)q;
    }

    /// <summary>
    /// The passed pairs among <paramref name="directPairs"/>, as pair keys.
    /// </summary>
    private HashSet<uint> FindPassedPairs(List<(uint Pair, uint Value)> directPairs)
    {
        var passed = new HashSet<uint>();
        foreach ((uint pair, uint value) in directPairs)
        {
            (char first, char second) = PairUnits(pair);
            if (IsOwnPairValue(value, first, _entries[first], second, _entries[second]))
            {
                passed.Add(pair);
            }
        }

        return passed;
    }
}
