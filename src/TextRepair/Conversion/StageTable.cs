using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace TextRepair.Conversion;

/// <summary>
/// The compiled form of one dictionary stage: answers OpenCC's "longest match" at a text position and converts
/// whole spans greedily, the way OpenCC's Conversion does.
/// </summary>
/// <remarks>
/// Layout, chosen for the common case of a character that starts no longer key:
/// <list type="bullet">
/// <item><c>_entries</c>: one uint per UTF-16 unit: the unit's single-unit mapping in the low 16 bits (the unit
/// itself when it is no key) plus flags: <see cref="StartsLongerKey"/> and <see cref="NeedsSlowPath"/>.</item>
/// <item><c>_pairBloom</c>: a blocked Bloom filter over the first two units of every longer key, so that most
/// positions whose unit does start some longer key are still settled without touching the trie.</item>
/// <item>A trie over UTF-16 units whose edges live in one open-addressing hash table keyed by (node, unit).
/// Each key carries a rank (the position of its dictionary in a short-circuit group); the match is the key of
/// least rank, the longest among those, which is OpenCC's group semantics (see <see cref="DictionaryCompiler"/>).</item>
/// </list>
/// Immutable after construction and safe to share between threads.
/// </remarks>
internal sealed class StageTable
{
    /// <summary>Flag: the unit starts a key longer than one UTF-16 unit.</summary>
    public const uint StartsLongerKey = 1u << 16;

    /// <summary>Flag: the unit cannot be handled by the table lookup (surrogate, IDS operator, U+FFFF, or a value that is not one BMP unit).</summary>
    public const uint NeedsSlowPath = 1u << 17;

    /// <summary>Flag: the unit is itself a key.</summary>
    public const uint IsKey = 1u << 18;

    private const uint Unsettled = StartsLongerKey | NeedsSlowPath;

    private const int NoValue = -1;

    private readonly uint[] _entries;
    private readonly ulong[] _pairBloom;
    private readonly int _pairBloomShift;
    private readonly ulong[] _edgeKeys;
    private readonly int[] _edgeChildren;
    private readonly int _edgeShift;
    private readonly int[] _nodeValues;
    private readonly byte[] _nodeRanks;
    private readonly bool[] _nodeHasChildren;
    private readonly int[] _valueOffsets;
    private readonly char[] _valuePool;

    private StageTable(Builder builder)
    {
        _entries = builder.Entries;
        _pairBloom = builder.PairBloom;
        _pairBloomShift = builder.PairBloomShift;
        (_edgeKeys, _edgeChildren, _edgeShift) = builder.BuildEdgeTable();
        _nodeValues = builder.NodeValues.AsSpan(0, builder.NodeCount).ToArray();
        _nodeRanks = builder.NodeRanks.AsSpan(0, builder.NodeCount).ToArray();
        _nodeHasChildren = builder.NodeHasChildren.AsSpan(0, builder.NodeCount).ToArray();
        _valueOffsets = builder.ValueOffsets.AsSpan(0, builder.ValueCount + 1).ToArray();
        _valuePool = builder.ValuePool.AsSpan(0, builder.ValuePoolLength).ToArray();
        KeyCount = builder.ValueCount;
        MaxKeyLength = builder.MaxKeyLength;
        ExpansionNumerator = builder.ExpansionNumerator;
        ExpansionDenominator = builder.ExpansionDenominator;
        ByteExpansionNumerator = builder.ByteExpansionNumerator;
        ByteExpansionDenominator = builder.ByteExpansionDenominator;
        KeyUnits = builder.KeyUnits;
        ValuesContainIdsOperator = builder.ValuesContainIdsOperator;
    }

    /// <summary>Number of distinct keys (and value slots).</summary>
    public int KeyCount { get; }

    /// <summary>Longest key in UTF-16 units.</summary>
    public int MaxKeyLength { get; }

    /// <summary>Largest value-to-key length ratio (at least 1): output length &lt;= input length * N / D.</summary>
    public int ExpansionNumerator { get; }

    /// <inheritdoc cref="ExpansionNumerator"/>
    public int ExpansionDenominator { get; }

    /// <summary>Largest value-to-key ratio of UTF-8 lengths (at least 1).</summary>
    public int ByteExpansionNumerator { get; }

    /// <inheritdoc cref="ByteExpansionNumerator"/>
    public int ByteExpansionDenominator { get; }

    /// <summary>Bit set (65536 bits) of every UTF-16 unit that occurs anywhere in a key.</summary>
    public ulong[] KeyUnits { get; }

    /// <summary>True when some value contains an ideographic description operator (none of OpenCC's do).</summary>
    public bool ValuesContainIdsOperator { get; }

    /// <summary>Builds a table from leaf dictionaries in match order, each with its rank.</summary>
    public static StageTable Build(IReadOnlyList<(DictionarySource Source, int Rank)> sources)
    {
        var builder = new Builder(sources.Sum(s => s.Source.EstimatedEntries));
        foreach ((DictionarySource source, int rank) in sources)
        {
            source.AddTo(builder, rank);
        }

        builder.Finish();
        return new StageTable(builder);
    }

    /// <summary>The table entry of a UTF-16 unit: its single-unit mapping in the low 16 bits, plus the flags.</summary>
    public uint Entry(char unit) => _entries[unit];

    /// <summary>The value of a key by its index (0 .. <see cref="KeyCount"/>-1).</summary>
    public ReadOnlySpan<char> Value(int index) => _valuePool.AsSpan(_valueOffsets[index], _valueOffsets[index + 1] - _valueOffsets[index]);

    /// <summary>
    /// Finds OpenCC's match at <paramref name="position"/>: returns its length in UTF-16 units (0 when no key
    /// matches) and its value index.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, int position, out int valueIndex)
    {
        uint entry = _entries[text[position]];
        if ((entry & Unsettled) == 0
            || ((entry & NeedsSlowPath) == 0 && (position + 1 >= text.Length || !MayStartPair(text[position], text[position + 1]))))
        {
            // Only a single-unit key can match here.
            if ((entry & IsKey) == 0)
            {
                valueIndex = NoValue;
                return 0;
            }

            return WalkOne(text[position], out valueIndex);
        }

        return Walk(text, position, out valueIndex);
    }

    /// <summary>
    /// Converts <paramref name="source"/> as one OpenCC segment with this stage into <paramref name="destination"/>,
    /// which must hold at least source.Length * <see cref="ExpansionNumerator"/> / <see cref="ExpansionDenominator"/>
    /// units (rounded up). Returns the number of units written.
    /// </summary>
    public int Convert(ReadOnlySpan<char> source, Span<char> destination)
    {
        uint[] entries = _entries;
        ref char src = ref MemoryMarshal.GetReference(source);
        ref char dst = ref MemoryMarshal.GetReference(destination);
        int length = source.Length;
        int i = 0;
        int written = 0;
        while (i < length)
        {
            char c = Unsafe.Add(ref src, i);
            uint entry = entries[c];
            if ((entry & Unsettled) == 0)
            {
                Unsafe.Add(ref dst, written++) = (char)entry;
                i++;
                continue;
            }

            if ((entry & NeedsSlowPath) == 0 && (i + 1 >= length || !MayStartPair(c, Unsafe.Add(ref src, i + 1))))
            {
                Unsafe.Add(ref dst, written++) = (char)entry;
                i++;
                continue;
            }

            int matched = Walk(source, i, out int valueIndex);
            if (matched > 0)
            {
                int start = _valueOffsets[valueIndex];
                int count = _valueOffsets[valueIndex + 1] - start;
                _valuePool.AsSpan(start, count).CopyTo(destination.Slice(written));
                written += count;
                i += matched;
            }
            else
            {
                int unit = TextUnits.UnmatchedLength(source.Slice(i));
                source.Slice(i, unit).CopyTo(destination.Slice(written));
                written += unit;
                i += unit;
            }
        }

        return written;
    }

    /// <summary>Whether the blocked Bloom filter admits (first, second) as the start of some longer key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartPair(char first, char second)
    {
        ulong hash = (((ulong)first << 16) | second) * 0x9E3779B97F4A7C15UL;
        ulong word = _pairBloom[(int)(hash >> _pairBloomShift)];
        ulong mask = (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));
        return (word & mask) == mask;
    }

    private int WalkOne(char c, out int valueIndex)
    {
        int node = FindChild(0, c);
        if (node > 0 && _nodeValues[node] != NoValue)
        {
            valueIndex = _nodeValues[node];
            return 1;
        }

        valueIndex = NoValue;
        return 0;
    }

    private int Walk(ReadOnlySpan<char> text, int position, out int valueIndex)
    {
        int node = 0;
        int bestLength = 0;
        int bestRank = int.MaxValue;
        valueIndex = NoValue;
        for (int i = position; i < text.Length; i++)
        {
            node = FindChild(node, text[i]);
            if (node < 0)
            {
                break;
            }

            int value = _nodeValues[node];
            if (value != NoValue && _nodeRanks[node] <= bestRank)
            {
                bestRank = _nodeRanks[node];
                bestLength = i + 1 - position;
                valueIndex = value;
            }

            if (!_nodeHasChildren[node])
            {
                break;
            }
        }

        return bestLength;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindChild(int node, char unit)
    {
        ulong key = (((ulong)(uint)node << 16) | unit) + 1;
        ulong[] keys = _edgeKeys;
        int mask = keys.Length - 1;
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _edgeShift);
        while (true)
        {
            ulong found = keys[slot];
            if (found == key)
            {
                return _edgeChildren[slot];
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Collects keys and values into growable arrays, then lays out the lookup structures.</summary>
    internal sealed class Builder
    {
        private ulong[] _buildEdgeKeys;
        private int[] _buildEdgeChildren;
        private int _edgeCount;

        public Builder(int estimatedEntries)
        {
            int capacity = Math.Max(16, estimatedEntries * 3);
            NodeValues = new int[capacity];
            NodeRanks = new byte[capacity];
            NodeHasChildren = new bool[capacity];
            NodeValues[0] = NoValue;
            NodeCount = 1;
            ValueOffsets = new int[Math.Max(16, estimatedEntries + 1)];
            ValuePool = new char[Math.Max(64, estimatedEntries * 3)];
            int edgeSlots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, capacity * 2));
            _buildEdgeKeys = new ulong[edgeSlots];
            _buildEdgeChildren = new int[edgeSlots];
            int bloomBits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4096, estimatedEntries * 8));
            PairBloom = new ulong[bloomBits / 64];
            PairBloomShift = 64 - BitOperations.Log2((uint)PairBloom.Length);
            Entries = new uint[65536];
            KeyUnits = new ulong[65536 / 64];
        }

        public uint[] Entries { get; }

        public ulong[] PairBloom { get; }

        public int PairBloomShift { get; }

        public ulong[] KeyUnits { get; }

        public int[] NodeValues { get; private set; }

        public byte[] NodeRanks { get; private set; }

        public bool[] NodeHasChildren { get; private set; }

        public int NodeCount { get; private set; }

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

        /// <summary>Adds an entry unless the key is already present (the earlier dictionary wins).</summary>
        public void Add(ReadOnlySpan<char> key, ReadOnlySpan<char> value, int rank)
        {
            if (key.IsEmpty || value.IsEmpty)
            {
                return;
            }

            if (rank > byte.MaxValue)
            {
                throw new InvalidDataException("Too many dictionaries in one short-circuit group.");
            }

            int node = 0;
            foreach (char unit in key)
            {
                KeyUnits[unit >> 6] |= 1UL << unit;
                node = GetOrAddChild(node, unit);
            }

            if (NodeValues[node] != NoValue)
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

            value.CopyTo(ValuePool.AsSpan(ValuePoolLength));
            ValueOffsets[ValueCount] = ValuePoolLength;
            ValuePoolLength += value.Length;
            ValueOffsets[ValueCount + 1] = ValuePoolLength;
            NodeValues[node] = ValueCount++;
            NodeRanks[node] = (byte)rank;
            MaxKeyLength = Math.Max(MaxKeyLength, key.Length);
            if ((long)value.Length * ExpansionDenominator > (long)key.Length * ExpansionNumerator)
            {
                ExpansionNumerator = value.Length;
                ExpansionDenominator = key.Length;
            }

            int keyBytes = Encoding.UTF8.GetByteCount(key);
            int valueBytes = Encoding.UTF8.GetByteCount(value);
            if ((long)valueBytes * ByteExpansionDenominator > (long)keyBytes * ByteExpansionNumerator)
            {
                ByteExpansionNumerator = valueBytes;
                ByteExpansionDenominator = keyBytes;
            }

            if (value.ContainsAnyInRange('\u2FF0', '\u2FFF'))
            {
                ValuesContainIdsOperator = true;
            }

            if (key.Length >= 2)
            {
                ulong hash = (((ulong)key[0] << 16) | key[1]) * 0x9E3779B97F4A7C15UL;
                PairBloom[(int)(hash >> PairBloomShift)] |= (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));
            }
        }

        /// <summary>Fills the per-unit entries from the first trie level.</summary>
        public void Finish()
        {
            for (int c = 0; c < 65536; c++)
            {
                Entries[c] = (uint)c;
            }

            for (int c = 0xD800; c <= 0xDFFF; c++)
            {
                Entries[c] |= NeedsSlowPath;
            }

            for (int c = 0x2FF0; c <= 0x2FFF; c++)
            {
                Entries[c] |= NeedsSlowPath;
            }

            Entries[0xFFFF] |= NeedsSlowPath;
            for (int slot = 0; slot < _buildEdgeKeys.Length; slot++)
            {
                ulong key = _buildEdgeKeys[slot];
                if (key == 0 || ((key - 1) >> 16) != 0)
                {
                    continue;
                }

                char unit = (char)(key - 1);
                int node = _buildEdgeChildren[slot];
                if (NodeHasChildren[node])
                {
                    Entries[unit] |= StartsLongerKey;
                }

                int value = NodeValues[node];
                if (value != NoValue)
                {
                    Entries[unit] |= IsKey;
                    int start = ValueOffsets[value];
                    int length = ValueOffsets[value + 1] - start;
                    char mapped = ValuePool[start];
                    if (length == 1 && !char.IsSurrogate(mapped) && mapped != '\uFFFF')
                    {
                        Entries[unit] = (Entries[unit] & ~0xFFFFu) | mapped;
                    }
                    else
                    {
                        Entries[unit] |= NeedsSlowPath;
                    }
                }
            }
        }

        public (ulong[] Keys, int[] Children, int Shift) BuildEdgeTable()
        {
            // Re-hash into a table sized for the final edge count (load factor <= 1/2).
            int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, _edgeCount * 2));
            var keys = new ulong[slots];
            var children = new int[slots];
            int shift = 64 - BitOperations.Log2((uint)slots);
            for (int slot = 0; slot < _buildEdgeKeys.Length; slot++)
            {
                ulong key = _buildEdgeKeys[slot];
                if (key != 0)
                {
                    Insert(keys, children, shift, key, _buildEdgeChildren[slot]);
                }
            }

            return (keys, children, shift);
        }

        private static void Insert(ulong[] keys, int[] children, int shift, ulong key, int child)
        {
            int mask = keys.Length - 1;
            int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = key;
            children[slot] = child;
        }

        private int GetOrAddChild(int node, char unit)
        {
            ulong key = (((ulong)(uint)node << 16) | unit) + 1;
            int mask = _buildEdgeKeys.Length - 1;
            int shift = 64 - BitOperations.Log2((uint)_buildEdgeKeys.Length);
            int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
            while (true)
            {
                ulong found = _buildEdgeKeys[slot];
                if (found == key)
                {
                    return _buildEdgeChildren[slot];
                }

                if (found == 0)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }

            if (NodeCount == NodeValues.Length)
            {
                int capacity = NodeValues.Length * 2;
                NodeValues = Grow(NodeValues, capacity);
                NodeRanks = Grow(NodeRanks, capacity);
                NodeHasChildren = Grow(NodeHasChildren, capacity);
            }

            int child = NodeCount++;
            NodeValues[child] = NoValue;
            NodeHasChildren[node] = true;
            _buildEdgeKeys[slot] = key;
            _buildEdgeChildren[slot] = child;
            if (++_edgeCount * 2 > _buildEdgeKeys.Length)
            {
                ulong[] oldKeys = _buildEdgeKeys;
                int[] oldChildren = _buildEdgeChildren;
                _buildEdgeKeys = new ulong[oldKeys.Length * 2];
                _buildEdgeChildren = new int[oldKeys.Length * 2];
                int newShift = 64 - BitOperations.Log2((uint)_buildEdgeKeys.Length);
                for (int i = 0; i < oldKeys.Length; i++)
                {
                    if (oldKeys[i] != 0)
                    {
                        Insert(_buildEdgeKeys, _buildEdgeChildren, newShift, oldKeys[i], oldChildren[i]);
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

/// <summary>Where a stage's entries come from: an embedded dictionary file or an already flattened map.</summary>
internal sealed class DictionarySource
{
    private readonly string? _file;
    private readonly Dictionary<string, string>? _map;

    private DictionarySource(string? file, Dictionary<string, string>? map)
    {
        _file = file;
        _map = map;
    }

    public int EstimatedEntries => _map?.Count ?? EstimateLines(_file!);

    public static DictionarySource File(string file) => new(file, null);

    public static DictionarySource Map(Dictionary<string, string> map) => new(null, map);

    public void AddTo(StageTable.Builder builder, int rank)
    {
        if (_map is not null)
        {
            foreach (KeyValuePair<string, string> entry in _map)
            {
                builder.Add(entry.Key, entry.Value, rank);
            }

            return;
        }

        AddFile(builder, Internal.EmbeddedData.ReadAllBytes("OpenCC/dictionary/" + _file + ".txt"), rank);
    }

    /// <summary>Parses "key TAB value [value ...]" lines straight from UTF-8; the first value is used.</summary>
    internal static void AddFile(StageTable.Builder builder, ReadOnlySpan<byte> utf8, int rank)
    {
        Span<char> key = stackalloc char[256];
        Span<char> value = stackalloc char[256];
        while (!utf8.IsEmpty)
        {
            int newline = utf8.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? utf8 : utf8.Slice(0, newline);
            utf8 = newline < 0 ? default : utf8.Slice(newline + 1);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line.Slice(0, line.Length - 1);
            }

            int tab = line.IndexOf((byte)'\t');
            if (tab <= 0)
            {
                continue;
            }

            ReadOnlySpan<byte> values = line.Slice(tab + 1);
            int space = values.IndexOf((byte)' ');
            ReadOnlySpan<byte> first = space < 0 ? values : values.Slice(0, space);
            if (first.IsEmpty || tab > key.Length || first.Length > value.Length)
            {
                if (first.IsEmpty)
                {
                    continue;
                }

                throw new InvalidDataException("Dictionary entry longer than 256 bytes.");
            }

            int keyLength = Encoding.UTF8.GetChars(line.Slice(0, tab), key);
            int valueLength = Encoding.UTF8.GetChars(first, value);
            builder.Add(key.Slice(0, keyLength), value.Slice(0, valueLength), rank);
        }
    }

    private static int EstimateLines(string file)
    {
        using Stream stream = Internal.EmbeddedData.Open("OpenCC/dictionary/" + file + ".txt");
        return (int)(stream.Length / 12) + 16;
    }
}
