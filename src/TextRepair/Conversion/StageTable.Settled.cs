using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The segmentation scan fused with the mapping of the text between phrases (session 13): for a segmentation table
/// with a start filter (STPhrases in s2tw, s2twp, s2hk, s2hkp), one pass over the text that maps every unit at which
/// no segmentation key can match and that every stage of the chain settles alone, and stops at the first other unit.
/// </summary>
/// <remarks>
/// Before, the segmentation pass scanned for the next phrase (<see cref="SkipFiltered"/>: entry, filter) and the
/// pipeline then mapped the units it had skipped through each stage of the chain (<see cref="TryMapAlone"/>, one
/// entry load per stage, from 256 KB tables of its own): two passes over the text and four 256 KB tables besides the
/// filter in the L2 cache (512 KB). Here the skipped units are mapped in the scan by s2t's loop (<see cref="MapFiltered"/>,
/// with the chain's last stage's key pairs in a copy of the filter since session 16: <see cref="WithLastStagePairs"/>)
/// over entries that carry this table's <see cref="StartsLongerKey"/> flag (so the start filter decides the same
/// positions) and the whole chain's mapping of the unit: one entry table and the filter. Session 13, same-process A/B against the
/// build before (load 13-20): s2tw 0.86-0.90, s2hk and s2hkp 0.82-0.83 of its time; s2twp 0.97-0.98 (most of its
/// units start a TWPhrases key pair or follow one in their gap, and still go through the chain).
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>Whether <see cref="MapSettledPassing"/> may run: this table has a start filter and it is built.</summary>
    internal bool HasStartFilter => _denseStarts && Volatile.Read(ref _startFilter) is not null;

    /// <summary>Settled-entry bits 18-24: the group of the unit's input to the chain's last stage when it starts a longer key there (see <see cref="PairGroups"/>).</summary>
    private const int SettledStartShift = 18;

    /// <summary>Settled-entry bits 25-31: the groups of the first units of the last stage that the unit's input to it is a second unit after.</summary>
    private const int SettledSecondShift = 25;

    /// <summary>The seven group bits (<see cref="PairGroups"/>) of a settled entry, shifted down.</summary>
    private const uint SettledGroupMask = (1u << PairGroups) - 1;

    /// <summary>
    /// Entries for the settled pass (<see cref="MapSettledPassing"/>): per unit, bits 0-15 its mapping through
    /// <paramref name="stages"/> in turn XOR the unit, bit 16 this table's <see cref="StartsLongerKey"/> (so the start
    /// filter decides the same positions), and bit 17 (<see cref="NeedsSlowPath"/>) when the pass must stop at the unit:
    /// this table's entry sends it to the slow path, or (when this table has keys of one unit) it starts a key, or a stage
    /// does not settle it alone. A unit that only the last stage does not settle alone, because its input to that stage
    /// starts a longer key there, is mapped by its single-unit entry and carries that stage's pair groups (bits 18-31, from
    /// its pair entries, <c>StageTable.Pairs.cs</c>) and bit 16 instead; its filter (<see cref="SettledFilter"/>) is this
    /// table's start filter with a pair token for each two units whose inputs to the last stage begin one of its longer
    /// keys and triple tokens for the third units that go on with one (<see cref="WithLastStagePairs"/>), so the pass stops
    /// before such a unit only where the next one continues a key. A unit with bit 17 set is marked as a second unit of
    /// every group (<see cref="Settle"/> tests the pair groups where the pass stops). A surrogate that starts no key of any
    /// table is settled as itself (session 19). <paramref name="lastInputs"/> is each settled unit's input to the last
    /// stage, for <see cref="Settle"/>'s exact pair test; allocates 256 KB and 128 KB (kept since session 17 as
    /// <paramref name="lastInputs"/>). Built before the filter, so that the pipeline can find the passed pairs
    /// (<c>StageTable.PassedKeys.cs</c>) first.
    /// </summary>
    internal uint[] BuildSettledEntries(ReadOnlySpan<StageTable> stages, out char[] lastInputs)
    {
        StageTable last = stages[^1];
        uint[]? lastPairs = last._denseStarts ? null : last.PairEntries;
        var settled = new uint[65536];
        var inputs = new char[65536];
        for (int u = 0; u < settled.Length; u++)
        {
            uint own = _entries[u];
            // A surrogate that starts no key of any table (an emoji's): every stage copies its code point (session 19;
            // before, the pass returned at each, ConversionPipeline.ConvertMain copied it).
            bool copied = char.IsSurrogate((char)u) && StartsNoKey((char)u, stages);
            bool alone = copied || ((own & NeedsSlowPath) == 0 && !(_hasSingleUnitKeys && (own >> NodeShift) != 0));
            uint groups = 0;
            char mapped = (char)u;
            for (int s = 0; s < stages.Length && alone; s++)
            {
                char input = mapped;
                alone = copied || stages[s].TryMapAlone(input, out mapped);
                if (s < stages.Length - 1 || lastPairs is null)
                {
                    continue;
                }

                inputs[u] = input;
                if (!alone && (last._entries[input] & Unsettled) == StartsLongerKey)
                {
                    // Only the last stage's longer keys: its single-unit mapping, unless the next unit continues a key pair.
                    alone = true;
                    groups = (((lastPairs[input] >> PairStartShift) & SettledGroupMask) << SettledStartShift) | StartsLongerKey;
                }

                if (alone)
                {
                    groups |= ((lastPairs[input] >> PairSecondShift) & SettledGroupMask) << SettledSecondShift;
                }
            }

            settled[u] = (own & StartsLongerKey) | (alone ? (uint)(mapped ^ u) | groups : NeedsSlowPath | (SettledGroupMask << SettledSecondShift));
        }

        lastInputs = inputs;
        return settled;
    }

    /// <summary>
    /// Leaves every unit of <paramref name="ranges"/> unsettled in <paramref name="settled"/>, as a unit the chain does not
    /// settle alone, so that the settled pass stops at each (session 28: the units a pipeline's normalization starts
    /// at, which <c>ConversionPipeline.ConvertMain</c> watches for; none is in a key, so no written key holds one).
    /// </summary>
    internal static void Unsettle(uint[] settled, (char First, char Last)[] ranges)
    {
        foreach ((char first, char last) in ranges)
        {
            for (int c = first; c <= last; c++)
            {
                settled[c] = (settled[c] & StartsLongerKey) | NeedsSlowPath | (SettledGroupMask << SettledSecondShift);
            }
        }
    }

    /// <summary>
    /// The settled pass's filter (see <see cref="BuildSettledEntries"/> and <see cref="WithLastStagePairs"/>: the last
    /// stage's key pairs and triples, whose three units it lists in <paramref name="lastStageTriples"/>), with tail tokens
    /// instead of the pair tokens of <paramref name="passedPairs"/> (session 25: the segmentation pairs whose segment
    /// converts to each unit's settled mapping, which the pass passes over; null: none).
    /// </summary>
    internal ulong[] SettledFilter(uint[] settled, char[] lastInputs, StageTable last, HashSet<uint>? passedPairs, out List<ulong> lastStageTriples)
    {
        lastStageTriples = [];
        ulong[] filter;
        if (passedPairs is null)
        {
            filter = (ulong[])_startFilter!.Clone();
        }
        else
        {
            filter = NewStartFilter();
            AddStartTokens(filter, StartFilterShift(filter), passedPairs);
        }

        return WithLastStagePairs(filter, settled, lastInputs, last, lastStageTriples);
    }

    /// <summary>
    /// Whether no key of this table or of <paramref name="stages"/> starts with <paramref name="unit"/>: greedy
    /// matching in each copies a code point that begins with it and starts again after it.
    /// </summary>
    internal bool StartsNoKey(char unit, ReadOnlySpan<StageTable> stages)
    {
        if (StartsKey(unit))
        {
            return false;
        }

        foreach (StageTable stage in stages)
        {
            if (stage.StartsKey(unit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="filter"/>, this table's start filter (or one with passed pairs), with a pair token for each two units <c>u</c>, <c>v</c> that
    /// <paramref name="settled"/> settles and whose inputs to <paramref name="last"/> (<paramref name="lastInputs"/>)
    /// begin one of its longer keys, so that <see cref="MapFiltered"/> over the settled entries stops at <c>u</c> there
    /// (its entry carries <see cref="StartsLongerKey"/>). Before (sessions 13 and 15) the pass tested the last stage's
    /// pair groups at every unit, or stopped at every unit whose input starts a longer key there (s2tw, 18 units):
    /// counted on the Simplified benchmark text (session 15), s2hk's units start such a key at 27,520 positions, their
    /// groups meet the next unit's at 314, and 8 begin a real key pair. Session 16, same process, both orders (load 3):
    /// s2hk 0.94, s2hkp 0.96-0.97 of the time with the pair test; s2tw and s2twp unchanged. Since session 19 also a
    /// triple token for each settled unit <c>w</c> after them whose input goes on with such a key, so that where the
    /// pass finds neither a triple token nor an unsettled <c>w</c>, the last stage's match at <c>u</c> is that of a walk
    /// from the two inputs alone (<c>ConversionPipeline.LastStagePairs</c>, <see cref="FindLastStagePair(ref char, ref uint, ref ulong, int, ref ulong, int, uint)"/>).
    /// Those three units go to <paramref name="triples"/> (<see cref="TripleKey"/>), for the triple table.
    /// </summary>
    private static ulong[] WithLastStagePairs(ulong[] filter, uint[] settled, char[] lastInputs, StageTable last, List<ulong> triples)
    {
        int shift = StartFilterShift(filter);
        var seconds = new List<int>();
        for (int v = 0; v < settled.Length; v++)
        {
            if ((settled[v] & NeedsSlowPath) == 0 && (settled[v] >> SettledSecondShift) != 0)
            {
                seconds.Add(v);
            }
        }

        Dictionary<char, List<char>> byInput = UnitsByLastInput(settled, lastInputs);
        last.KeyPairMatches(out Dictionary<(char First, char Second), List<char>> thirds);
        for (int u = 0; u < settled.Length; u++)
        {
            uint starts = (settled[u] >> SettledStartShift) & SettledGroupMask;
            if (starts == 0)
            {
                continue;
            }

            foreach (int v in seconds)
            {
                if ((starts & (settled[v] >> SettledSecondShift)) == 0 || !last.BeginsKeyPair(lastInputs[u], lastInputs[v]))
                {
                    continue;
                }

                uint pairHash = PairKey((uint)u, (uint)v) * FilterMultiplier;
                nint word = WordOf(pairHash, shift);
                filter[word] |= 1UL << PairBit(pairHash);
                if (!thirds.TryGetValue((lastInputs[u], lastInputs[v]), out List<char>? units))
                {
                    continue;
                }

                // Triple tokens for the settled units whose input goes on with a key after the two: where the pass
                // finds none, the match of the two units alone is the last stage's match (LastStagePairs).
                foreach (char third in units)
                {
                    foreach (char w in byInput.TryGetValue(third, out List<char>? ws) ? ws : [])
                    {
                        filter[word] |= 1UL << TripleBit(pairHash, w);
                        triples.Add(TripleKey((char)u, (char)v, w));
                    }
                }
            }
        }

        return filter;
    }

    /// <summary>
    /// Maps the units from <paramref name="position"/> on at which no key of this table matches and that
    /// <paramref name="settled"/> (from <see cref="BuildSettledEntries"/>) settles, each to one unit of
    /// <paramref name="destination"/> (a phrase of the direct tables to its value, whose length may differ since session
    /// 20: <paramref name="written"/>), and returns how many: <see cref="MapFiltered"/> over the settled entries with
    /// <paramref name="filter"/> (from <see cref="SettledFilter"/>). It stops before the first other unit (or before a unit
    /// whose input to the chain's last stage begins a key pair there with the next unit's), two units before the end of
    /// <paramref name="text"/>, or when <paramref name="destination"/> is full. A unit that starts a key of the last stage
    /// is mapped even when the next unit is not settled: the caller steps back (see <see cref="StopsAfterKeyStart"/>).
    /// Requires <see cref="HasStartFilter"/>. It also says how many units it passed over since greedy matching last started
    /// (<paramref name="passed"/>), negated where the stop may lie within a passed pair (session 25): then the caller maps
    /// the pair's units from the stop on (<see cref="MapPassedTail"/>) and calls again after them. Without
    /// <paramref name="directPairs"/> it writes no phrase.
    /// </summary>
    internal int MapSettledPassing(ReadOnlySpan<char> text, int position, Span<char> destination, uint[] settled, ulong[] filter, out int written, ulong[]? directPairs, out int passed)
    {
        Debug.Assert(HasStartFilter && settled.Length == 65536 && filter.Length == _startFilter!.Length);
        // One unit short of the destination: a direct pair at the last unit writes two.
        int count = text.Length - 2 - position;
        int room = destination.Length - 1;
        written = 0;
        passed = 0;
        if (Math.Min(count, room) <= 0)
        {
            return 0;
        }

        ref char src = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), position);
        ref char dst = ref MemoryMarshal.GetReference(destination);
        ref uint entry0 = ref MemoryMarshal.GetArrayDataReference(settled);
        ref ulong filter0 = ref MemoryMarshal.GetArrayDataReference(filter);
        directPairs ??= NoDirectPairs;
        // After the header words (SettledDirectTables); the last gives the first table's shift.
        ref ulong pairs0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(directPairs), SettledHeaderWords);
        long mapped = MapFilteredDirect<SettledPass>(ref src, count, ref dst, ref entry0, ref filter0, StartFilterShift(filter), ref pairs0, (int)(uint)directPairs[SettledHeaderWords - 1], room, out passed);
        written = (int)mapped + (int)(mapped >> 32);
        return (int)mapped;
    }

    /// <summary>A direct-pair table without pairs, for <see cref="MapSettledPassing"/> without direct pairs.</summary>
    private static readonly ulong[] NoDirectPairs = SettledDirectTables([], [], [], [], [], complete: false);

    /// <summary>
    /// Whether <see cref="MapSettledPassing"/>, having mapped the unit before <paramref name="position"/>, stopped at a unit
    /// that <paramref name="settled"/> does not settle after a unit whose input to the chain's last stage starts a
    /// longer key there: that key may go on with what the chain makes of the unsettled unit, so the caller takes the
    /// mapped unit back and decides it with <see cref="Settle"/>, which treats an unsettled unit as a possible
    /// second unit of every key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool StopsAfterKeyStart(uint[] settled, ReadOnlySpan<char> text, int position)
    {
        uint entry = settled[text[position]];
        return (entry & NeedsSlowPath) != 0 && ((entry >> SettledStartShift) & SettledGroupMask) == 0
            && ((settled[text[position - 1]] >> SettledStartShift) & SettledGroupMask) != 0;
    }

    /// <summary>What <see cref="Settle"/> returns for a unit that is not settled and begins no key pair of the last stage it could decide.</summary>
    internal const int NotSettled = -1;

    /// <summary>
    /// Whether the unit at <paramref name="position"/>, if no key of this table matches there, is settled alone by
    /// the chain of <paramref name="settled"/> (see <see cref="BuildSettledEntries"/>): the test of
    /// <see cref="MapSettledPassing"/> without the start filter, and
    /// with the last stage's exact pair table where the pair groups meet. Returns what the unit maps to (0-65535) when
    /// it is settled; <see cref="NotSettled"/>; or, for a unit that is not settled only because its input to
    /// <paramref name="last"/> and the next unit's, both settled by the stages before it, begin one of its longer
    /// keys, -2 - <see cref="FindKeyPair"/>'s answer (its 0: a walk decides; otherwise the value index + 1 of the
    /// two-unit key that is the match): the caller matches that stage there on <paramref name="lastInputs"/>
    /// (<c>ConversionPipeline.ConvertLastStageKey</c>). Before session 17 the groups alone decided, and a unit whose
    /// groups met went through the chain with the rest of its gap. One result and no out parameter: s2hk, which
    /// stops 76,951 times per text and meets a key pair 8 times, was 2.5% slower with two.
    /// </summary>
    internal static int Settle(uint[] settled, char[] lastInputs, StageTable last, ReadOnlySpan<char> text, int position)
    {
        char unit = text[position];
        uint entry = settled[unit];
        uint next = position + 1 < text.Length ? settled[text[position + 1]] : 0;
        if ((entry & NeedsSlowPath) == 0 && (((entry >> SettledStartShift) & (next >> SettledSecondShift)) & SettledGroupMask) == 0)
        {
            return (char)(entry ^ unit);
        }

        // Not inlined, the rare case (session 17: 69,435 key pairs at 130,789 stops of s2twp, 8 at 76,951 of s2hk): an
        // unsettled next unit may continue a key with what the chain makes of it; a settled one does if the two inputs
        // begin a key of the last stage.
        if ((entry & NeedsSlowPath) != 0 || (next & NeedsSlowPath) != 0)
        {
            return NotSettled;
        }

        int keyPair = FindLastStagePair(lastInputs, last, unit, text[position + 1]);
        return keyPair < 0 ? (char)(entry ^ unit) : -2 - keyPair;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FindLastStagePair(char[] lastInputs, StageTable last, char unit, char next) => last.FindKeyPair(lastInputs[unit], lastInputs[next]);

    /// <summary>Whether <paramref name="settled"/> (see <see cref="BuildSettledEntries"/>) settles <paramref name="unit"/> in every stage but the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool SettlesBeforeLast(uint[] settled, char unit) => (settled[unit] & NeedsSlowPath) == 0;
}
