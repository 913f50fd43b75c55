using System.Numerics;
using TextRepair.Internal;

namespace TextRepair.Conversion;

internal sealed unsafe partial class StageTable
{
    /// <summary>Collects keys and values into a growable trie, then lays out the lookup structures.</summary>
    internal sealed partial class Builder
    {
        // Build-time trie: edges packed like the final table, node data in separate growable arrays.
        private ulong[] _edges;
        private int _edgeShift;
        private int _edgeCount;
        private int[] _nodeValues;
        private byte[] _nodeRanks;
        private bool[] _nodeHasChildren;
        private int _nodeCount;
        private readonly HashSet<(int, int, int, int, int, int, int, int)> _shapes = [];

        public Builder(int estimatedEntries)
        {
            int capacity = Math.Max(16, estimatedEntries * 3);
            _nodeValues = new int[capacity];
            _nodeRanks = new byte[capacity];
            _nodeHasChildren = new bool[capacity];
            _nodeValues[0] = NoValue;
            _nodeCount = 1;
            _edges = new ulong[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, capacity * 2))];
            _edgeShift = 64 - BitOperations.Log2((uint)_edges.Length);
            ValueOffsets = new int[Math.Max(16, estimatedEntries + 1)];
            ValuePool = new char[Math.Max(64, estimatedEntries * 3)];
            int bloomBits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4096, estimatedEntries * 12));
            PairBloom = new ulong[bloomBits / 64];
            PairBloomShift = 64 - BitOperations.Log2((uint)PairBloom.Length);
            KeyUnits = CharBits.Create();
        }

        public ulong[] PairBloom { get; }

        public int PairBloomShift { get; }

        public ulong[] KeyUnits { get; }

        public int[] ValueOffsets { get; private set; }

        public int ValueCount { get; private set; }

        public char[] ValuePool { get; private set; }

        public int ValuePoolLength { get; private set; }

        public int MaxKeyLength { get; private set; }

        public int ExpansionNumerator { get; private set; } = 1;

        public int ExpansionDenominator { get; private set; } = 1;

        public int ByteExpansionNumerator { get; private set; } = 1;

        public int ByteExpansionDenominator { get; private set; } = 1;

        public bool ValuesContainIdsOperator { get; private set; }

        public bool HasSingleUnitKeys { get; private set; }

        public bool KeysAreSingleCodePoints { get; private set; } = true;

        /// <summary>Adds an entry unless the key is already present (the earlier dictionary wins).</summary>
        public void Add(ReadOnlySpan<char> key, ReadOnlySpan<char> value, int rank)
        {
            if (key.IsEmpty || value.IsEmpty)
            {
                return;
            }

            if (rank > RankMask)
            {
                throw new InvalidDataException("Too many dictionaries in one short-circuit group.");
            }

            bool singleCodePoint = key.Length == 1
                ? !char.IsSurrogate(key[0]) && !TextUnits.IsIdsOperator(key[0])
                : key.Length == 2 && char.IsHighSurrogate(key[0]) && char.IsLowSurrogate(key[1]);
            KeysAreSingleCodePoints &= singleCodePoint;

            int node = 0;
            foreach (char unit in key)
            {
                CharBits.Add(KeyUnits, unit);
                node = GetOrAddChild(node, unit);
            }

            if (_nodeValues[node] != NoValue)
            {
                return;
            }

            if (ValueCount + 2 > ValueOffsets.Length)
            {
                ValueOffsets = Grow(ValueOffsets, ValueOffsets.Length * 2);
            }

            if (ValuePoolLength + value.Length > ValuePool.Length)
            {
                ValuePool = Grow(ValuePool, Math.Max(ValuePool.Length * 2, ValuePoolLength + value.Length));
            }

            if (ValueCount >= (int)ValueMask - 1)
            {
                throw new InvalidDataException("Too many dictionary entries.");
            }

            value.CopyTo(ValuePool.AsSpan(ValuePoolLength));
            ValueOffsets[ValueCount] = ValuePoolLength;
            ValuePoolLength += value.Length;
            ValueOffsets[ValueCount + 1] = ValuePoolLength;
            _nodeValues[node] = ValueCount++;
            _nodeRanks[node] = (byte)rank;
            MaxKeyLength = Math.Max(MaxKeyLength, key.Length);
            HasSingleUnitKeys |= key.Length == 1;
            if ((long)value.Length * ExpansionDenominator > (long)key.Length * ExpansionNumerator)
            {
                ExpansionNumerator = value.Length;
                ExpansionDenominator = key.Length;
            }

            int keyBytes = Utf8Length(key);
            int valueBytes = Utf8Length(value);
            if ((long)valueBytes * ByteExpansionDenominator > (long)keyBytes * ByteExpansionNumerator)
            {
                ByteExpansionNumerator = valueBytes;
                ByteExpansionDenominator = keyBytes;
            }

            Span<int> shape = stackalloc int[ExpansionBound.ShapeLength];
            ExpansionBound.Shape(key, value, shape);
            _shapes.Add((shape[0], shape[1], shape[2], shape[3], shape[4], shape[5], shape[6], shape[7]));

            if (value.ContainsAnyInRange('\u2FF0', '\u2FFF'))
            {
                ValuesContainIdsOperator = true;
            }

            if (key.Length >= 2)
            {
                ulong hash = (((ulong)key[0] << 16) | key[1]) * HashMultiplier;
                PairBloom[(int)(hash >> PairBloomShift)] |= (1UL << (int)(hash >> 20)) | (1UL << (int)(hash >> 26));
            }
        }

        /// <summary>
        /// Lays out the child blocks of the trie (see <see cref="LayOutSlots"/>) and the unit entries, and writes
        /// them as a <see cref="StageTableImage"/>.
        /// </summary>
        public byte[] ToImage()
        {
            (uint[] slots, int[] slotOf, int rootLog2) = LayOutSlots();
            var entries = new uint[65536];
            for (int c = 0; c < entries.Length; c++)
            {
                entries[c] = (uint)c;
            }

            for (int c = 0xD800; c <= 0xDFFF; c++)
            {
                entries[c] |= NeedsSlowPath;
            }

            for (int c = 0x2FF0; c <= 0x2FFF; c++)
            {
                entries[c] |= NeedsSlowPath;
            }

            entries[0xFFFF] |= NeedsSlowPath;
            foreach (ulong edge in _edges)
            {
                if (edge == 0 || ((edge >> ChildBits) - 1) >> 16 != 0)
                {
                    // Not a child of the root.
                    continue;
                }

                char unit = (char)((edge >> ChildBits) - 1);
                int oldNode = (int)(edge & ChildMask);
                uint entry = entries[unit] | ((uint)Math.Min(slotOf[oldNode], OverflowNode) << NodeShift);
                if (_nodeHasChildren[oldNode])
                {
                    entry |= StartsLongerKey;
                }

                int value = _nodeValues[oldNode];
                if (value != NoValue)
                {
                    int start = ValueOffsets[value];
                    int length = ValueOffsets[value + 1] - start;
                    char mapped = ValuePool[start];
                    if (length == 1 && !char.IsSurrogate(mapped) && mapped != '\uFFFF')
                    {
                        entry = (entry & ~0xFFFFu) | mapped;
                    }
                    else
                    {
                        entry |= NeedsSlowPath;
                    }
                }

                entries[unit] = entry;
            }

            // Stored XOR the unit: a unit that maps to itself and starts no key is 0 (see StageTableImage).
            for (int c = 0; c < entries.Length; c++)
            {
                entries[c] ^= (uint)c;
            }

            int[] header = StageTableImage.Header(
                ValueCount, MaxKeyLength, (ExpansionNumerator, ExpansionDenominator), (ByteExpansionNumerator, ByteExpansionDenominator),
                ValuesContainIdsOperator, KeysAreSingleCodePoints, HasSingleUnitKeys, PairBloomShift, rootLog2, PairBloom.Length, slots.Length / SlotUints,
                StageTableImage.EntryCount, ValueCount + 1, ValuePoolLength, _shapes.Count);
            var shapes = new List<int>();
            foreach ((int, int, int, int, int, int, int, int) s in _shapes.Order())
            {
                shapes.AddRange([s.Item1, s.Item2, s.Item3, s.Item4, s.Item5, s.Item6, s.Item7, s.Item8]);
            }

            return StageTableImage.Write(header, KeyUnits, PairBloom, slots, entries, shapes.ToArray(), ValueOffsets.AsSpan(0, ValueCount + 1), ValuePool.AsSpan(0, ValuePoolLength));
        }

        private static int Utf8Length(ReadOnlySpan<char> text)
        {
            int bytes = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
            }

            return bytes;
        }

        private static void Insert(ulong[] edges, int shift, ulong key, int child)
        {
            int mask = edges.Length - 1;
            int slot = (int)((key * HashMultiplier) >> shift);
            while (edges[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            edges[slot] = (key << ChildBits) | (uint)child;
        }

        private int GetOrAddChild(int node, char unit)
        {
            ulong key = (((ulong)(uint)node << 16) | unit) + 1;
            int mask = _edges.Length - 1;
            int slot = (int)((key * HashMultiplier) >> _edgeShift);
            while (true)
            {
                ulong found = _edges[slot];
                if ((found >> ChildBits) == key)
                {
                    return (int)(found & ChildMask);
                }

                if (found == 0)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }

            if (_nodeCount == _nodeValues.Length)
            {
                int capacity = _nodeValues.Length * 2;
                _nodeValues = Grow(_nodeValues, capacity);
                _nodeRanks = Grow(_nodeRanks, capacity);
                _nodeHasChildren = Grow(_nodeHasChildren, capacity);
            }

            if (_nodeCount >= (1 << 22))
            {
                throw new InvalidDataException("Too many dictionary entries.");
            }

            int child = _nodeCount++;
            _nodeValues[child] = NoValue;
            _nodeHasChildren[node] = true;
            _edges[slot] = (key << ChildBits) | (uint)child;
            if (++_edgeCount * 2 > _edges.Length)
            {
                ulong[] old = _edges;
                _edges = new ulong[old.Length * 2];
                _edgeShift = 64 - BitOperations.Log2((uint)_edges.Length);
                foreach (ulong entry in old)
                {
                    if (entry != 0)
                    {
                        Insert(_edges, _edgeShift, entry >> ChildBits, (int)(entry & ChildMask));
                    }
                }
            }

            return child;
        }

        private static T[] Grow<T>(T[] array, int capacity)
        {
            var grown = new T[capacity];
            array.CopyTo(grown, 0);
            return grown;
        }
    }
}
