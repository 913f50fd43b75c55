using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>The trie walk of a <see cref="StageTable"/> (layout: see StageTable.cs and StageTable.Layout.cs).</summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>Whether the blocked Bloom filter admits (first, second) as the start of some longer key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartPair(char first, char second)
    {
        ulong hash = (((ulong)first << 16) | second) * HashMultiplier;
        ulong word = _pairBloom[(nint)(hash >> _pairBloomShift)];
        ulong mask = (1UL << (int)(hash >> 20)) | (1UL << (int)(hash >> 26));
        return (word & mask) == mask;
    }

    /// <summary>The slot of <paramref name="unit"/> in the root's block; its entry says it starts some key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint* RootSlot(uint entry, char unit)
    {
        int slot = (int)(entry >> NodeShift);
        return slot != OverflowNode ? _slots + ((nint)slot * SlotUints) : FindChild(RootBlock, _rootLog2, unit);
    }

    // Not inlined: in the conversion loops the walk is the rare case, and inlined its registers pushed the loops'
    // own counters onto the stack (a store-to-load chain per character; t2s 25% slower).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Walk(ReadOnlySpan<char> text, int position, out int valueIndex)
    {
        char first = text[position];
        uint entry = _entries[first];
        valueIndex = NoValue;
        if ((entry >> NodeShift) == 0)
        {
            return 0;
        }

        uint* slot = RootSlot(entry, first);
        uint label = slot[0];
        uint data = slot[1];
        int bestLength = 0;
        uint bestRank = uint.MaxValue;
        if ((data & ValueMask) != 0)
        {
            bestLength = 1;
            bestRank = (data >> RankShift) & RankMask;
            valueIndex = (int)(data & ValueMask) - 1;
        }

        for (int i = position + 1; i < text.Length && (label & HasChildren) != 0; i++)
        {
            char unit = text[i];
            if ((slot[3] & (1u << unit)) == 0)
            {
                // No child has a unit with these low five bits (the shift count is taken mod 32).
                break;
            }

            slot = FindChild((int)slot[2], (int)(label >> BlockLog2Shift) & 31, unit);
            if (slot == null)
            {
                break;
            }

            label = slot[0];
            data = slot[1];
            uint rank = (data >> RankShift) & RankMask;
            if ((data & ValueMask) != 0 && rank <= bestRank)
            {
                bestRank = rank;
                bestLength = i + 1 - position;
                valueIndex = (int)(data & ValueMask) - 1;
            }
        }

        return bestLength;
    }

    /// <summary>The slot of the child with <paramref name="unit"/> in the block at <paramref name="block"/> of 2^<paramref name="log2"/> slots, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint* FindChild(int block, int log2, char unit)
    {
        uint* slots = _slots + ((nint)block * SlotUints);
        int mask = (1 << log2) - 1;
        int index = HomeSlot(unit, log2);
        uint wanted = unit | Occupied;
        for (int probes = 0; probes <= mask; probes++)
        {
            uint label = slots[index * SlotUints];
            if ((label & LabelKeyMask) == wanted)
            {
                return slots + (index * SlotUints);
            }

            if (label == 0)
            {
                return null;
            }

            index = (index + 1) & mask;
        }

        return null;
    }

    /// <summary>
    /// Returns the first position at or after <paramref name="position"/> where some key may match (the text
    /// length when there is none): the units skipped start no key, or only longer keys that the next unit rules out.
    /// </summary>
    public int SkipUnmatched(ReadOnlySpan<char> text, int position)
    {
        uint* entries = _entries;
        bool singleKeys = _hasSingleUnitKeys;
        int last = text.Length - 1;
        for (int i = position; i <= last; i++)
        {
            char c = text[i];
            uint entry = entries[c];
            if ((entry & ~(0xFFFFu | StartsLongerKey)) == 0)
            {
                // Starts no key at all.
                continue;
            }

            if ((entry & NeedsSlowPath) != 0
                || ((entry & StartsLongerKey) != 0 && i < last && MayStartPair(c, text[i + 1]))
                || (singleKeys && (RootSlot(entry, c)[1] & ValueMask) != 0))
            {
                return i;
            }
        }

        return text.Length;
    }
}
