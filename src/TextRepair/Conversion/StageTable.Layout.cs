using System.Numerics;

namespace TextRepair.Conversion;

internal sealed unsafe partial class StageTable
{
    /// <summary>Slot label flag: the slot holds a child (an empty slot is all zeros).</summary>
    private const uint Occupied = 1u << 16;

    /// <summary>Slot label bits that identify a child: its unit and <see cref="Occupied"/>.</summary>
    private const uint LabelKeyMask = 0x1FFFF;

    /// <summary>Slot label: log2 of the size of the child's own block of children, in bits 24-28.</summary>
    private const int BlockLog2Shift = 24;

    /// <summary>Uints per slot: label, data (value index + 1, rank), child block offset, child unit signature.</summary>
    private const int SlotUints = 4;

    /// <summary>Where the root's block starts (slot 0 is unused, so that 0 means "no slot" in the entries).</summary>
    private const int RootBlock = 1;

    /// <summary>
    /// The slot index of the block position where a child with <paramref name="unit"/> is looked up first, in a
    /// block of 2^<paramref name="log2"/> slots: the hash's high bits rotated down, so that a block of one slot
    /// (mask 0) also works.
    /// </summary>
    private static int HomeSlot(char unit, int log2) => (int)BitOperations.RotateRight(unit * 0x9E3779B1u, 16) & ((1 << log2) - 1);

    /// <summary>
    /// Log2 of the block size for a node with <paramref name="fanout"/> children: one slot for one child (the
    /// common case deep in a phrase), one cache line (4 slots) for up to 3, and at most half full above, so that
    /// a lookup probes about 1.5 slots when the child is there and stops at an empty slot when it is not.
    /// </summary>
    private static int BlockLog2(int fanout) =>
        fanout <= 1 ? 0 : fanout <= 3 ? 2 : BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)fanout * 2));

    internal sealed partial class Builder
    {
        /// <summary>
        /// Lays the trie out as blocks of child slots (see <see cref="StageTable"/>): every node with children owns
        /// one open-addressing block holding its children, and the blocks of a subtree are contiguous (depth-first
        /// order), so that a walk from a frequent first character stays in a few cache lines. Returns the slots
        /// (<see cref="SlotUints"/> uints each; slot 0 unused, the root's block at <see cref="RootBlock"/>) and each
        /// build node's slot index (0 for the root).
        /// </summary>
        private (uint[] Slots, int[] SlotOf, int RootLog2) LayOutSlots()
        {
            // Children of every node, sorted by unit (so that the layout depends only on the keys).
            var first = new int[_nodeCount + 1];
            foreach (ulong edge in _edges)
            {
                if (edge != 0)
                {
                    first[(int)(((edge >> ChildBits) - 1) >> 16) + 1]++;
                }
            }

            for (int node = 0; node < _nodeCount; node++)
            {
                first[node + 1] += first[node];
            }

            var units = new char[_edgeCount];
            var children = new int[_edgeCount];
            int[] fill = (int[])first.Clone();
            foreach (ulong edge in _edges)
            {
                if (edge != 0)
                {
                    ulong key = (edge >> ChildBits) - 1;
                    int at = fill[(int)(key >> 16)]++;
                    units[at] = (char)key;
                    children[at] = (int)(edge & ChildMask);
                }
            }

            for (int node = 0; node < _nodeCount; node++)
            {
                Array.Sort(units, children, first[node], first[node + 1] - first[node]);
            }

            // Block offsets in depth-first order: a node's block, then the blocks of its first child's subtree, ...
            var blockOf = new int[_nodeCount];
            int total = RootBlock;
            var stack = new Stack<int>();
            stack.Push(0);
            while (stack.Count > 0)
            {
                int node = stack.Pop();
                int fanout = first[node + 1] - first[node];
                if (fanout == 0)
                {
                    continue;
                }

                blockOf[node] = total;
                total = checked(total + (1 << BlockLog2(fanout)));
                for (int at = first[node + 1] - 1; at >= first[node]; at--)
                {
                    stack.Push(children[at]);
                }
            }

            var slots = new uint[checked(total * SlotUints)];
            var slotOf = new int[_nodeCount];
            for (int node = 0; node < _nodeCount; node++)
            {
                int log2 = BlockLog2(first[node + 1] - first[node]);
                for (int at = first[node]; at < first[node + 1]; at++)
                {
                    int mask = (1 << log2) - 1;
                    int index = HomeSlot(units[at], log2);
                    while (slots[(blockOf[node] + index) * SlotUints] != 0)
                    {
                        index = (index + 1) & mask;
                    }

                    slotOf[children[at]] = blockOf[node] + index;
                    slots[(blockOf[node] + index) * SlotUints] = Occupied;
                }
            }

            for (int node = 1; node < _nodeCount; node++)
            {
                int fanout = first[node + 1] - first[node];
                uint signature = 0;
                for (int at = first[node]; at < first[node + 1]; at++)
                {
                    signature |= 1u << (units[at] & 31);
                }

                int slot = slotOf[node] * SlotUints;
                slots[slot] |= ((uint)BlockLog2(fanout) << BlockLog2Shift) | (fanout > 0 ? HasChildren : 0);
                slots[slot + 1] = (uint)(_nodeValues[node] + 1) | ((uint)_nodeRanks[node] << RankShift);
                slots[slot + 2] = (uint)blockOf[node];
                slots[slot + 3] = signature;
            }

            for (int at = 0; at < _edgeCount; at++)
            {
                slots[slotOf[children[at]] * SlotUints] |= units[at];
            }

            return (slots, slotOf, BlockLog2(first[1] - first[0]));
        }
    }
}
