using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
    /// </summary>
    private const int PairGroups = 7;

    /// <summary>Pair-entry bits 16-22: the group of a unit that starts a longer key (one bit).</summary>
    private const int PairStartShift = 16;

    /// <summary>Pair-entry bit 23: the unit needs the slow path (see <see cref="NeedsSlowPath"/>).</summary>
    private const uint PairSlowPath = 1u << 23;

    /// <summary>Pair-entry bits 24-30: the groups of the first units this unit is the second unit after.</summary>
    private const int PairSecondShift = 24;

    /// <summary>Pair-entry bit 31: the unit is a key of one unit (asked only by <see cref="SkipPaired"/>).</summary>
    private const uint PairSingleKey = 1u << 31;

    /// <summary>The pair-entry bits that make a position stop the fast loop: its start group and the slow path.</summary>
    private const uint PairStopMask = (((1u << PairGroups) - 1) << PairStartShift) | PairSlowPath;

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
    /// The scanning twin of <see cref="MapPaired"/> for the segmentation pass of a table without a start filter (see
    /// <see cref="NextMatch(ReadOnlySpan{char}, int, out int, out int)"/>): returns how many units from
    /// <paramref name="src"/> on start no key that can match, at most <paramref name="count"/> (one unit after the last
    /// must exist). A unit may start one when its entry has a bit of <paramref name="always"/> (the slow path, and
    /// <see cref="PairSingleKey"/> for a table with keys of one unit) or its start group meets the next unit's
    /// second-unit groups.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SkipPaired(ref char src, int count, ref uint pair0, uint always)
    {
        uint entry = Unsafe.Add(ref pair0, (nint)src);
        uint stop = PairStopMask | always;
        nint i = 0;
        for (; i < count; i++)
        {
            uint next = Unsafe.Add(ref pair0, (nint)Unsafe.Add(ref src, i + 1));
            if ((entry & ((next >> (PairSecondShift - PairStartShift)) | always) & stop) != 0)
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
            pairs[c] = ((entry ^ (uint)c) & 0xFFFFu) | ((entry & NeedsSlowPath) != 0 ? PairSlowPath : 0) | PairStop(c);
        }

        int rootSize = 1 << _rootLog2;
        for (int r = 0; r < rootSize; r++)
        {
            // Keys of one unit: a root slot with a value.
            uint* slot = _slots + ((nint)(RootBlock + r) * SlotUints);
            if ((slot[0] & Occupied) != 0 && (slot[1] & ValueMask) != 0)
            {
                pairs[slot[0] & 0xFFFFu] |= PairSingleKey;
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
        Volatile.Write(ref _pairEntries, pairs);
        return pairs;
    }

    /// <summary>
    /// The trie's two-unit prefixes, what the pair tables and the start filter are built from: every occupied
    /// second-level slot under an occupied first-level slot with children, as the first unit and the slot's index (its
    /// label word holds the second unit). Allocates the list; called once per table built.
    /// </summary>
    private List<(char First, nint Slot)> TwoUnitPrefixes()
    {
        var prefixes = new List<(char First, nint Slot)>();
        int rootSize = 1 << _rootLog2;
        for (int r = 0; r < rootSize; r++)
        {
            uint* first = _slots + ((nint)(RootBlock + r) * SlotUints);
            if ((first[0] & (Occupied | HasChildren)) != (Occupied | HasChildren))
            {
                continue;
            }

            int firstSize = 1 << (int)((first[0] >> BlockLog2Shift) & 31);
            for (int s = 0; s < firstSize; s++)
            {
                nint slot = (nint)first[2] + s;
                if ((_slots[slot * SlotUints] & Occupied) != 0)
                {
                    prefixes.Add(((char)(first[0] & 0xFFFFu), slot));
                }
            }
        }

        return prefixes;
    }

    /// <summary>
    /// The exact pair table (session 14): every pair of first two units of a longer key, in open addressing by a
    /// multiplicative hash, as a ulong: the pair (first unit in the high half) in bits 0-31 and in bits 32-63 the
    /// value index + 1 of the key of exactly these two units when a walk from them always ends there (no longer key
    /// begins with them, and the two-unit key outranks the first unit's own key), else 0. The conversion loop asks it
    /// where a unit starts a longer key before a possible second unit: no pair maps the unit by its entry (where the
    /// pair Bloom filter let a few false pairs through to a walk), a pair with a value is written without a walk
    /// (tw2sp's first stage: 46% of the Taiwan text's key-pair positions).
    /// </summary>
    private ulong[] BuildPairTable()
    {
        var found = new List<(uint Pair, uint Direct)>();
        Span<char> two = stackalloc char[2];
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint label = _slots[slot * SlotUints];
            two[0] = firstUnit;
            two[1] = (char)(label & 0xFFFFu);
            uint direct = 0;
            if ((label & HasChildren) == 0 && !char.IsSurrogate(two[1]) && !TextUnits.IsIdsOperator(two[1])
                && Walk(two, 0, out int valueIndex) == 2)
            {
                direct = (uint)valueIndex + 1;
            }

            found.Add((((uint)two[0] << 16) | two[1], direct));
        }

        return PairHashTable(found, PairTableSlotsPerPair);
    }

    /// <summary>
    /// An open-addressing table of <paramref name="entries"/> by the multiplicative pair hash, what the exact pair table
    /// and the direct pairs are: a ulong per slot, the pair in bits 0-31 and its entry in bits 32-63; a power of two of
    /// at least 16 slots and <paramref name="slotsPerEntry"/> per entry. No pair is 0 (no key starts with U+0000), so 0
    /// marks an empty slot. Build time only.
    /// </summary>
    private static ulong[] PairHashTable(List<(uint Pair, uint Entry)> entries, int slotsPerEntry)
    {
        var table = new ulong[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)(entries.Count * slotsPerEntry)))];
        int shift = 32 - BitOperations.Log2((uint)table.Length);
        foreach ((uint pair, uint entry) in entries)
        {
            uint index = (pair * HashMultiplier32) >> shift;
            while (table[index] != 0)
            {
                index = (index + 1) & (uint)(table.Length - 1);
            }

            table[index] = pair | ((ulong)entry << 32);
        }

        return table;
    }

    /// <summary>
    /// Looks two units up in the exact pair table (<see cref="BuildPairTable"/>): <see cref="NotAPair"/>,
    /// <see cref="PairNeedsWalk"/>, or the value index + 1 of the two-unit key that is the match.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FindPair(ref ulong table0, uint mask, int shift, uint pair)
    {
        // No pair is 0 (no key starts with U+0000), and the table is at most a quarter full, so the probe ends.
        uint index = (pair * HashMultiplier32) >> shift;
        while (true)
        {
            ulong slot = Unsafe.Add(ref table0, (nint)index);
            if ((uint)slot == pair)
            {
                return (int)(slot >> 32);
            }

            if (slot == 0)
            {
                return NotAPair;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>
    /// Whether <paramref name="first"/> and <paramref name="second"/> are the first two units of a key longer than one
    /// unit, from the exact pair table (built with the pair entries). Only for a table without a start filter.
    /// </summary>
    internal bool BeginsKeyPair(char first, char second)
    {
        Debug.Assert(!_denseStarts);
        _ = PairEntries;
        ulong[] table = _pairTable;
        int shift = 32 - BitOperations.Log2((uint)table.Length);
        return FindPair(ref MemoryMarshal.GetArrayDataReference(table), (uint)table.Length - 1, shift, ((uint)first << 16) | second) != NotAPair;
    }

    /// <summary>
    /// The exact pair table's answer for <paramref name="first"/>, <paramref name="second"/>: -1 when they begin no
    /// longer key, 0 when a walk must decide, otherwise the value index + 1 of the two-unit key that is the match there.
    /// Requires the pair entries (<see cref="PrepareScanTables"/>).
    /// </summary>
    internal int FindKeyPair(char first, char second)
    {
        Debug.Assert(!_denseStarts && Volatile.Read(ref _pairEntries) is not null);
        ulong[] table = _pairTable;
        int shift = 32 - BitOperations.Log2((uint)table.Length);
        return FindPair(ref MemoryMarshal.GetArrayDataReference(table), (uint)table.Length - 1, shift, ((uint)first << 16) | second);
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
