using System.Numerics;
using System.Runtime.CompilerServices;
using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>
/// Pair entries: for the tables without a start filter (see <c>StageTable.Scan.cs</c>), where few units of real text
/// start a key longer than one unit, a second set of 65536 unit entries that also says whether the unit is the second
/// unit of some longer key. A position then needs more than its own entry only when its unit starts a longer key and
/// the next unit is a second unit of one (per group of first units, below), which the conversion loop tests on two
/// entries it loads anyway: no hash, no filter.
/// </summary>
/// <remarks>
/// Session 12, t2s on the Taiwan benchmark text (710,238 units; TSPhrases, TSCharactersExt and TSCharacters in one
/// table): 8.0% of the units start a longer key, so the entry test ("does a longer key start here") took a branch that
/// went the rare way at about one unit in twelve, each time with a pair-filter probe (a multiplication and a load);
/// 13.1% are the second unit of a longer key, and both hold at 1.28% of the positions (0.048% begin a real key
/// pair; 0.23% with the groups). Counted with a script over the text dictionaries and the corpus.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// First units of longer keys fall into this many groups (the unit mod 7), and a second unit is marked only for
    /// the groups of the first units it follows, so that "starts a longer key, and the next unit is a second unit of
    /// one" is asked per group. t2s on the Taiwan text, counted: the test holds at 1.28% of the positions with one
    /// group, 0.36% with 3, 0.23% with 7 (8 groups by the unit mod 8: 0.40%; by a multiplicative hash: 0.21%).
    /// Session 36: 6 groups (0.19% for t2s) made tw2sp's first stage stop 94,018 times per Taiwan text instead of
    /// 81,648 (script over the dictionaries and the corpus), and tw2sp 4% slower (same-process pairs).
    /// </summary>
    private const int PairGroups = 7;

    /// <summary>Pair-entry bits 16-22: the group of a unit that starts a longer key (one bit).</summary>
    private const int PairStartShift = 16;

    /// <summary>Pair-entry bit 23: the unit needs the slow path (see <see cref="NeedsSlowPath"/>).</summary>
    private const uint PairSlowPath = 1u << 23;

    /// <summary>Pair-entry bits 24-30: the groups of the first units this unit is the second unit after.</summary>
    private const int PairSecondShift = 24;

    /// <summary>
    /// Pair-entry bit 31, set in every entry: each unit follows the slow path as a second unit follows its group, so
    /// that the test of a unit's start groups against the next unit's second-unit groups (<see cref="StopsBefore"/>)
    /// also stops at a unit that needs the slow path, with no test of its own. Before session 36 the bit said that the
    /// unit is a key of one unit, for <see cref="SkipPaired"/> only; that is now <see cref="_singleKeyUnits"/>.
    /// </summary>
    private const uint PairFollowsSlowPath = PairSlowPath << (PairSecondShift - PairStartShift);

    /// <summary>The pair-entry bits that make a position stop the fast loop: its start group and the slow path.</summary>
    private const uint PairStopMask = (((1u << PairGroups) - 1) << PairStartShift) | PairSlowPath;

    /// <summary>
    /// Whether a unit of pair entry <paramref name="entry"/> followed by one of pair entry <paramref name="next"/> may
    /// stop <see cref="MapPairedFours"/> (bits of <see cref="PairStopMask"/>, else 0): its start group meets the next
    /// unit's second-unit groups, or it needs the slow path (<see cref="PairFollowsSlowPath"/>). The next unit's bits
    /// 24-31 land on 16-23, and nothing else it holds does (its bits 0-7 land on 24-31, outside the mask). Two
    /// instructions besides a copy, where a shift and an or of the slow-path bit took three: the four-unit step with
    /// the or measured no faster than main's two-unit step (t2s 0.99-1.01, session 36).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint StopsBefore(uint entry, uint next) => entry & BitOperations.RotateRight(next, PairSecondShift - PairStartShift);

    /// <summary>
    /// The exact pair table has at least this many slots per real key pair (load factor at most 1/4, so a lookup
    /// probes 1.2 slots on average): tw2sp's first stage has 1,498 distinct first-two-unit pairs, 8,192 slots (64 KB).
    /// </summary>
    private const int PairTableSlotsPerPair = 4;

    /// <summary>What <see cref="FindPair"/> returns for two units that begin no key.</summary>
    private const int NotAPair = -1;

    /// <summary>What <see cref="FindPair"/> returns for two units that begin a key that only a walk can settle.</summary>
    private const int PairNeedsWalk = 0;

    /// <summary>Multiplier of the exact pair table's hash (the 32-bit golden ratio, as <see cref="HomeSlot"/>).</summary>
    private const uint HashMultiplier32 = 0x9E3779B1u;

    // Built once StartFilterAfterUnits units went through the table (a race builds it twice, with the same result);
    // the pair table is written before the pair entries are published.
    private uint[]? _pairEntries;
    private ulong[] _pairTable = [];

    // The keys of one unit, for SkipPaired (a bit per unit, 8 KB), empty when there are none: built with the pair
    // entries, before they are published.
    private ulong[] _singleKeyUnits = [];

    /// <summary>
    /// The pair entries: per unit, what the unit maps to alone (bits 0-15, the unit itself when no key starts with it)
    /// and the flags above. 256 KB.
    /// </summary>
    private uint[] PairEntries => Volatile.Read(ref _pairEntries) ?? BuildPairEntries();

    /// <summary>
    /// Maps the units from <paramref name="src"/> on that their own entry settles, each to one unit from
    /// <paramref name="dst"/> on, and returns how many: it stops before the first unit that needs the slow path or
    /// begins a real key pair with the next unit (its start group meets the next unit's second-unit groups, and the
    /// exact pair table <paramref name="table0"/>, of 2^(32 - <paramref name="tableShift"/>) slots, has the pair), or
    /// after <paramref name="count"/> units (one unit after the last must exist).
    /// </summary>
    /// <remarks>
    /// Not inlined, for the reason <see cref="MapFiltered"/> gives. The entry of the next unit is loaded once and
    /// carried to the next step, and the mapped unit is stored as it is (not XOR the unit), so a step is one text
    /// load, one entry load, a shift, an or, an and, a test and one store, against one text load, one table load and
    /// one store for a plain char table; where the groups meet, a hash probe of the pair table decides instead of
    /// a return to the conversion loop (session 14). Since session 29 two units a step share the test, the bound check
    /// and the index step where neither stops (t2s on the Taiwan text: this loop is about 97% of the converter's
    /// samples; 0.91 of main's time in same-process pairs, tw2sp 1.045); the step per unit decides where the groups meet.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MapPaired(ref char src, int count, ref char dst, ref uint pair0, ref ulong table0, int tableShift)
    {
        uint entry = Unsafe.Add(ref pair0, (nint)src);
        nint i = 0;
        nint twos = count - 1;
        while (true)
        {
            // Two units a step while both need nothing (session 29): one test, one bound check and one step of the
            // index for the two, where a step per unit spent about as many instructions on the loop as on the unit.
            for (; i < twos; i += 2)
            {
                uint second = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));
                uint third = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 2));
                if ((((entry & ((second >> (PairSecondShift - PairStartShift)) | PairSlowPath))
                    | (second & ((third >> (PairSecondShift - PairStartShift)) | PairSlowPath))) & PairStopMask) != 0)
                {
                    break;
                }

                Unsafe.Add(ref dst, i) = (char)entry;
                Unsafe.Add(ref dst, i + 1) = (char)second;
                entry = third;
            }

            if (i >= count)
            {
                break;
            }

            uint next = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));

            // The next unit's second-unit groups meet this unit's start group in bits 16-22; bit 23 is the slow path.
            // Where only the groups meet, the exact pair table decides (session 14: tw2sp's first stage stops at 11.5%
            // of the Taiwan text's positions by the groups, 7.3% begin a real key pair).
            if ((entry & ((next >> (PairSecondShift - PairStartShift)) | PairSlowPath) & PairStopMask) != 0
                && ((entry & PairSlowPath) != 0
                    || FindPair(ref table0, (uint.MaxValue >> tableShift), tableShift, ((uint)Unsafe.Add(ref src, i) << 16) | Unsafe.Add(ref src, i + 1)) != NotAPair))
            {
                break;
            }

            Unsafe.Add(ref dst, i) = (char)entry;
            entry = next;
            i++;
        }

        return (int)i;
    }

    /// <summary>
    /// <see cref="MapPaired"/> four units a step, for the conversion of whole pieces (the watched first stage of a
    /// config without segmentation: t2s, t2tw, tw2t, t2hk, hk2t, t2jp, jp2t), where stops are rare: t2s on the Taiwan
    /// text returns 425 times per 710,238 units. Session 36: the two-unit step's test takes a shift, an or and an and
    /// per unit and the exact pair table three registers, so that a wider step spilled; here the test is a rotation
    /// and an and per unit (<see cref="StopsBefore"/>) and the table one register (<see cref="FindPairIn"/>): 8.25
    /// instructions per unit against 10.5, t2s 0.89 of main's time (same-process pairs). The gaps between
    /// segmentation phrases (tw2sp's stages, about 14 units between stops) keep <see cref="MapPaired"/>: there the
    /// four-unit step broke off about 65,000 times per text and added about 69,000 mispredicted branches per text
    /// (callgrind, measured with six groups).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MapPairedFours(ref char src, int count, ref char dst, ref uint pair0, ulong[] pairTable)
    {
        uint entry = Unsafe.Add(ref pair0, (nint)src);
        nint i = 0;
        nint fours = count - 3;
        while (true)
        {
            // Four units a step while none stops (session 36; two since session 29): one test, one bound check and
            // one step of the index for the four.
            for (; i < fours; i += 4)
            {
                uint second = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));
                uint third = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 2));
                uint fourth = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 3));
                uint fifth = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 4));
                if (((StopsBefore(entry, second) | StopsBefore(second, third) | StopsBefore(third, fourth) | StopsBefore(fourth, fifth)) & PairStopMask) != 0)
                {
                    break;
                }

                Unsafe.Add(ref dst, i) = (char)entry;
                Unsafe.Add(ref dst, i + 1) = (char)second;
                Unsafe.Add(ref dst, i + 2) = (char)third;
                Unsafe.Add(ref dst, i + 3) = (char)fourth;
                entry = fifth;
            }

            // A unit a step over the four units the test fired for (or the last few), so that the fast loop is not
            // entered again before the stop: where the groups meet, the exact pair table decides (session 14: tw2sp's
            // first stage stops at 11.5% of the Taiwan text's positions by the groups, 7.3% begin a real key pair).
            nint end = Math.Min(i + 4, fours + 3);
            for (; i < end; i++)
            {
                uint next = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));
                if ((StopsBefore(entry, next) & PairStopMask) != 0
                    && ((entry & PairSlowPath) != 0
                        || FindPairIn(pairTable, ((uint)Unsafe.Add(ref src, i) << 16) | Unsafe.Add(ref src, i + 1)) != NotAPair))
                {
                    return (int)i;
                }

                Unsafe.Add(ref dst, i) = (char)entry;
                entry = next;
            }

            if (i >= fours + 3)
            {
                return (int)i;
            }
        }
    }

    /// <summary>
    /// The scanning twin of <see cref="MapPaired"/> for the segmentation pass of a table without a start filter (see
    /// <see cref="NextMatch(ReadOnlySpan{char}, int, out int, out int)"/>): returns how many units from
    /// <paramref name="src"/> on start no key that can match, at most <paramref name="count"/> (one unit after the last
    /// must exist). A unit may start one when it needs the slow path (<see cref="PairFollowsSlowPath"/>), it is
    /// in <paramref name="singleKeys"/> (a key of one unit; empty for a table without such keys, as every built-in
    /// segmentation dictionary) or its start group meets the next unit's second-unit groups.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SkipPaired(ref char src, int count, ref uint pair0, ReadOnlySpan<ulong> singleKeys)
    {
        uint entry = Unsafe.Add(ref pair0, (nint)src);
        nint i = 0;
        if (singleKeys.IsEmpty)
        {
            // A loop without the bit set's test (session 36: the test inside cost tw2sp's segmentation pass 8% more
            // instructions, callgrind).
            for (; i < count; i++)
            {
                uint next = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));
                if ((entry & (next >> (PairSecondShift - PairStartShift)) & PairStopMask) != 0)
                {
                    break;
                }

                entry = next;
            }

            return (int)i;
        }

        for (; i < count; i++)
        {
            uint next = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));
            if ((entry & (next >> (PairSecondShift - PairStartShift)) & PairStopMask) != 0 || CharBits.Contains(singleKeys, Unsafe.Add(ref src, i)))
            {
                break;
            }

            entry = next;
        }

        return (int)i;
    }

    /// <summary>Builds the pair entries from the unit entries and the trie's first two levels.</summary>
    private uint[] BuildPairEntries()
    {
        var pairs = new uint[StageTableImage.EntryCount];
        for (int c = 0; c < pairs.Length; c++)
        {
            uint entry = _entries[c];
            pairs[c] = ((entry ^ (uint)c) & 0xFFFFu) | ((entry & NeedsSlowPath) != 0 ? PairSlowPath : 0) | PairStop(c) | PairFollowsSlowPath;
        }

        ulong[]? singleKeys = null;
        int rootSize = 1 << _rootLog2;
        for (int r = 0; r < rootSize; r++)
        {
            // Keys of one unit: a root slot with a value.
            uint* slot = _slots + ((nint)(RootBlock + r) * SlotUints);
            if ((slot[0] & Occupied) != 0 && (slot[1] & ValueMask) != 0)
            {
                singleKeys ??= CharBits.Create();
                CharBits.Add(singleKeys, (char)(slot[0] & 0xFFFFu));
            }
        }

        for (int r = 0; r < rootSize; r++)
        {
            uint* first = _slots + ((nint)(RootBlock + r) * SlotUints);
            if ((first[0] & (Occupied | HasChildren)) != (Occupied | HasChildren))
            {
                continue;
            }

            int group = (int)((first[0] & 0xFFFFu) % PairGroups);
            pairs[first[0] & 0xFFFFu] |= 1u << (PairStartShift + group);
            int firstSize = 1 << (int)((first[0] >> BlockLog2Shift) & 31);
            for (int s = 0; s < firstSize; s++)
            {
                uint label = _slots[((nint)(first[2] + s) * SlotUints)];
                if ((label & Occupied) != 0)
                {
                    pairs[label & 0xFFFFu] |= 1u << (PairSecondShift + group);
                }
            }
        }

        _pairTable = BuildPairTable();
        _singleKeyUnits = singleKeys ?? [];
        Volatile.Write(ref _pairEntries, pairs);
        return pairs;
    }

    /// <summary>
    /// Builds the start filter now if this table gets one, otherwise its pair entries (see <c>StageTable.Pairs.cs</c>):
    /// for tests, and callers that know much text follows.
    /// </summary>
    internal void PrepareScanTables()
    {
        if (_denseStarts)
        {
            _ = StartFilter;
        }
        else
        {
            _ = PairEntries;
        }
    }
}
