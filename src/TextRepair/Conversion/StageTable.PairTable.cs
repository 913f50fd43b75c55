using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The exact pair table of a table with pair entries (<c>StageTable.Pairs.cs</c>, session 14): the first two units of
/// every longer key, asked where a unit's start group meets the next unit's second-unit groups. Moved out of
/// <c>StageTable.Pairs.cs</c> in session 36, unchanged but for <see cref="FindPairIn"/>.
/// </summary>
internal sealed unsafe partial class StageTable
{
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
    /// <see cref="FindPair"/> over the whole exact pair table, its mask and hash shift taken
    /// from its length (a power of two), so that <see cref="MapPairedFours"/> keeps one register for the table, not three.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FindPairIn(ulong[] table, uint pair) =>
        FindPair(ref MemoryMarshal.GetArrayDataReference(table), (uint)table.Length - 1, BitOperations.LeadingZeroCount((uint)table.Length) + 1, pair);

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
}
