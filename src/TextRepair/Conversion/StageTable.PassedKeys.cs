using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// (818 distinct), and 8,900 of the 9,350 three-unit matches are passed triples (each was a walk); the loop's real
/// stops per text went from about 62,000 to 11,500, 350 of them within a passed key. A pair the loop passes over saves
/// a mispredicted branch and a lookup in the 512 KB direct-pair table, a triple a return from the loop and a walk.
/// Same process, both orders: s2t 0.89 of main's time per whole text (see docs/conversion.md).
/// The tracked conversion and the segmentation scan keep the start filter: they must stop at every key.
/// </remarks>
internal sealed unsafe partial class StageTable
{
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

    /// <summary>
    /// The passed triples among <paramref name="triples"/> (<see cref="ThreeUnitPrefixes"/>): the three-unit keys that
    /// begin no longer key and that a walk from their three units alone ends at, whose value is each unit's own
    /// mapping, no unit needing the slow path.
    /// </summary>
    private HashSet<ulong> FindPassedTriples(List<(char First, char Second, char Third, int ValueIndex)> triples)
    {
        var passed = new HashSet<ulong>();
        foreach ((char first, char second, char third, int valueIndex) in triples)
        {
            if (valueIndex >= 0 && IsOwnMapping(new ReadOnlySpan<uint>(_entries, 65536), [first, second, third], Value(valueIndex)))
            {
                passed.Add(TripleKey(first, second, third));
            }
        }

        return passed;
    }

    /// <summary>
    /// The multiplier of the tail tokens' hash (session 25 for the settled pass, session 26 for the plain pass too): a
    /// hash of the pair of its own, so that the token's bit does not depend on the hash bits that pick the word. With
    /// the start filter's 2^16 words those are bits 16-31 of the filter's hash, so the plain pass's tail bit before
    /// session 26 (the filter hash's bits 12-17) had only 16 places in a word, and a false tail token met about one
    /// stop in seven (session 25's count in the settled pass). s2t, same process: 0.945 of the time per whole text.
    /// </summary>
    private const uint TailMultiplier = 0x85EBCA6Bu;

    /// <summary>Bits of the tail hash above the token's bit: hash bits 26-31 pick one of the word's 64.</summary>
    private const int TailShift = 26;

    /// <summary>The bit of a pair's tail token in its word (the word the pair's filter hash picks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TailBit(uint pair) => (int)((pair * TailMultiplier) >> TailShift);

    /// <summary>Whether the filter has a tail token for the two units from <paramref name="start"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasTailToken(ref char start, ref ulong filter, int filterShift)
    {
        uint pair = PairKey(ref start);
        ulong word = Unsafe.Add(ref filter, WordOf(pair * FilterMultiplier, filterShift));
        return ((word >> TailBit(pair)) & 1) != 0;
    }

    /// <summary>Whether a pair's <paramref name="value"/> (the first unit in the low half) is each unit mapped by its entry, neither needing the slow path.</summary>
    private static bool IsOwnPairValue(uint value, uint first, uint firstEntry, uint second, uint secondEntry) =>
        ((firstEntry | secondEntry) & NeedsSlowPath) == 0 && value == (((firstEntry ^ first) & 0xFFFFu) | (((secondEntry ^ second) & 0xFFFFu) << 16));

    /// <summary>
    /// How many units from <paramref name="position"/> on belong to a passed key that greedy matching took before it (0,
    /// 1 or 2), where the loop stopped after <paramref name="passed"/> units it passed over, the first of them a place
    /// where greedy matching starts. The parse goes back only to the last unit where no passed key can have begun in
    /// the two units before (no tail token) and from there on takes each match whole: where the loop passed over a unit,
    /// no other key longer than one unit matches there, so a walk finds the passed key (only where a tail token is).
    /// </summary>
    private int TailUnits(ReadOnlySpan<char> text, int position, int passed, ref ulong filter, int filterShift) =>
        ParsePassedUnits(text, position, passed, ref filter, filterShift, out _);

    /// <summary>
    /// <see cref="TailUnits"/>, which also gives where the parse's last match (a passed key, or a unit) began: before
    /// <paramref name="position"/>.
    /// </summary>
    private int ParsePassedUnits(ReadOnlySpan<char> text, int position, int passed, ref ulong filter, int filterShift, out int lastStart)
    {
        ref char src = ref MemoryMarshal.GetReference(text);
        int first = position - passed;
        int start = position - 1;
        while (start > first
            && (HasTailToken(ref Unsafe.Add(ref src, start - 1), ref filter, filterShift)
                || (start - 2 >= first && HasTailToken(ref Unsafe.Add(ref src, start - 2), ref filter, filterShift))))
        {
            start--;
        }

        int q = start;
        lastStart = start;
        while (q < position)
        {
            lastStart = q;
            q += HasTailToken(ref Unsafe.Add(ref src, q), ref filter, filterShift) ? Math.Max(1, Walk(text, q, out _)) : 1;
        }

        return q - position;
    }

    /// <summary>
    /// Maps the units from <paramref name="position"/> on that belong to a passed key (<see cref="TailUnits"/>), each by
    /// its entry, to <paramref name="dst"/> on, and returns how many.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int MapTailUnits(ReadOnlySpan<char> text, int position, int passed, ref ulong filter, int filterShift, ref uint entry0, ref char dst)
    {
        int tails = TailUnits(text, position, passed, ref filter, filterShift);
        for (int k = 0; k < tails; k++)
        {
            char unit = text[position + k];
            Unsafe.Add(ref dst, k) = (char)(Unsafe.Add(ref entry0, unit) ^ unit);
        }

        return tails;
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

    /// <summary>
    /// For the settled pass (session 25): maps the units from <paramref name="position"/> on that belong to a passed
    /// key (<see cref="TailUnits"/>), where <see cref="MapSettledPassing"/> stopped after <paramref name="passed"/>
    /// units it passed over, each by its entry in <paramref name="settled"/>, to <paramref name="destination"/>, and
    /// returns how many (0 or 1: the pass passes over pairs only).
    /// </summary>
    internal int MapPassedTail(ReadOnlySpan<char> text, int position, int passed, uint[] settled, ulong[] filter, Span<char> destination) =>
        MapTailUnits(text, position, passed, ref MemoryMarshal.GetArrayDataReference(filter), StartFilterShift(filter), ref MemoryMarshal.GetArrayDataReference(settled), ref MemoryMarshal.GetReference(destination));

    /// <summary>
    /// For the settled pass (session 25): whether the unit before <paramref name="position"/>, where the pass stopped
    /// after <paramref name="passed"/> units it passed over, is the last unit of a passed key: then the segment ends
    /// there and the caller does not take it back (<see cref="StopsAfterKeyStart"/>).
    /// </summary>
    internal bool EndsPassedKey(ReadOnlySpan<char> text, int position, int passed, ulong[] filter) =>
        passed >= 2 && ParsePassedUnits(text, position, passed, ref MemoryMarshal.GetArrayDataReference(filter), StartFilterShift(filter), out int lastStart) == 0
            && position - lastStart >= 2;

    /// <summary>
    /// Whether the caller of <see cref="MapSettledPassing"/>, which stopped at <paramref name="position"/> after
    /// <paramref name="passed"/> units it passed over, takes the last unit it mapped back (<see cref="StopsAfterKeyStart"/>):
    /// not where that unit ends a passed pair (<see cref="EndsPassedKey"/>), which ends the segment.
    /// </summary>
    internal bool TakesBackLastUnit(uint[] settled, ulong[] filter, ReadOnlySpan<char> text, int position, int passed) =>
        StopsAfterKeyStart(settled, text, position) && !EndsPassedKey(text, position, passed, filter);

    /// <summary>
    /// The passed pairs of the settled pass (session 25): the segmentation pairs it writes (<paramref name="pairs"/>,
    /// pair key and composed value) whose value is each unit's mapping in <paramref name="settled"/>.
    /// </summary>
    internal static HashSet<uint> SettledPassedPairs(List<(uint Pair, uint Value)> pairs, uint[] settled)
    {
        var passed = new HashSet<uint>();
        foreach ((uint pair, uint value) in pairs)
        {
            (char first, char second) = PairUnits(pair);
            if (value != PairStops && IsOwnMapping(settled, [first, second], [(char)value, (char)(value >> 16)]))
            {
                passed.Add(pair);
            }
        }

        return passed;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is <paramref name="key"/> mapped unit by unit by <paramref name="entries"/> (a
    /// table's own, or the settled entries), none needing the slow path and none a surrogate. The surrogate test
    /// matters for the settled entries only, which settle an emoji's surrogates as themselves (session 19); a table's
    /// own entries mark every surrogate <see cref="NeedsSlowPath"/> (<c>StageTable.Builder.cs</c>), so it changes no
    /// passed triple of the plain pass (checked over every table of the 16 configs, session 26).
    /// </summary>
    private static bool IsOwnMapping(ReadOnlySpan<uint> entries, ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        if (value.Length != key.Length)
        {
            return false;
        }

        for (int k = 0; k < key.Length; k++)
        {
            uint entry = entries[key[k]];
            if ((entry & NeedsSlowPath) != 0 || char.IsSurrogate(key[k]) || value[k] != (char)(entry ^ key[k]))
            {
                return false;
            }
        }

        return true;
    }
}
