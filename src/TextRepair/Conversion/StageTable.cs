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
/// Layout, chosen so that the common case costs one or two cache-friendly loads per character:
/// <list type="bullet">
/// <item><c>_entries</c>: one uint per UTF-16 unit: the unit's single-unit mapping (bits 0-15; the unit itself
/// when it is no key), <see cref="StartsLongerKey"/>, <see cref="NeedsSlowPath"/>, and the unit's trie node
/// (bits 18-31; <see cref="OverflowNode"/> when the id does not fit).</item>
/// <item><c>_pairBloom</c>: a blocked Bloom filter over the first two units of every longer key, so that most
/// positions whose unit starts some longer key are still settled without touching the trie.</item>
/// <item>A trie over UTF-16 units: edges in one open-addressing table of packed 64-bit slots
/// ((parent, unit) key and child id), node data packed in one uint (value index, rank, has-children). Each key
/// carries a rank (its dictionary's position in a short-circuit group); the match is the key of least rank, the
/// longest among those, which is OpenCC's group semantics (see <see cref="DictionaryCompiler"/>).</item>
/// </list>
/// Immutable after construction and safe to share between threads.
/// </remarks>
internal sealed class StageTable
{
    /// <summary>Flag: the unit starts a key longer than one UTF-16 unit.</summary>
    public const uint StartsLongerKey = 1u << 16;

    /// <summary>Flag: the unit cannot be settled by its entry (surrogate, IDS operator, U+FFFF, or a value that is not one BMP unit).</summary>
    public const uint NeedsSlowPath = 1u << 17;

    /// <summary>Entry node field meaning "look the node up in the edge table".</summary>
    public const int OverflowNode = (1 << 14) - 1;

    private const uint Unsettled = StartsLongerKey | NeedsSlowPath;
    private const int NodeShift = 18;
    private const int NoValue = -1;
    private const uint ValueMask = (1u << 24) - 1;
    private const int RankShift = 24;
    private const uint RankMask = 0x7F;
    private const uint HasChildren = 1u << 31;
    private const int ChildBits = 24;
    private const ulong ChildMask = (1UL << ChildBits) - 1;
    private const ulong HashMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly uint[] _entries;
    private readonly ulong[] _pairBloom;
    private readonly int _pairBloomShift;
    private readonly ulong[] _edges;
    private readonly int _edgeShift;
    private readonly uint[] _nodes;
    private readonly int[] _valueOffsets;
    private readonly char[] _valuePool;
    private readonly bool _hasSingleUnitKeys;

    private StageTable(Builder builder)
    {
        (_entries, _edges, _edgeShift, _nodes) = builder.Compile();
        _pairBloom = builder.PairBloom;
        _pairBloomShift = builder.PairBloomShift;
        _valueOffsets = builder.ValueOffsets.AsSpan(0, builder.ValueCount + 1).ToArray();
        _valuePool = builder.ValuePool.AsSpan(0, builder.ValuePoolLength).ToArray();
        _hasSingleUnitKeys = builder.HasSingleUnitKeys;
        KeyCount = builder.ValueCount;
        MaxKeyLength = builder.MaxKeyLength;
        ExpansionNumerator = builder.ExpansionNumerator;
        ExpansionDenominator = builder.ExpansionDenominator;
        ByteExpansionNumerator = builder.ByteExpansionNumerator;
        ByteExpansionDenominator = builder.ByteExpansionDenominator;
        KeyUnits = builder.KeyUnits;
        ValuesContainIdsOperator = builder.ValuesContainIdsOperator;
        KeysAreSingleCodePoints = builder.KeysAreSingleCodePoints;
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

    /// <summary>
    /// True when every key is exactly one well-formed code point that is not an IDS operator: a match then always
    /// covers exactly the units an unmatched position would (see <see cref="TextUnits.UnmatchedLength"/>).
    /// </summary>
    public bool KeysAreSingleCodePoints { get; }

    /// <summary>Approximate memory held by the table, in bytes.</summary>
    public long FootprintBytes =>
        ((long)_entries.Length * 4) + ((long)_pairBloom.Length * 8) + ((long)_edges.Length * 8) + ((long)_nodes.Length * 4)
        + ((long)_valueOffsets.Length * 4) + ((long)_valuePool.Length * 2) + (KeyUnits.Length * 8L);

    /// <summary>Builds a table from leaf dictionaries in match order, each with its rank.</summary>
    public static StageTable Build(IReadOnlyList<(DictionarySource Source, int Rank)> sources)
    {
        int estimate = 0;
        foreach ((DictionarySource source, _) in sources)
        {
            estimate += source.EstimatedEntries;
        }

        var builder = new Builder(estimate);
        foreach ((DictionarySource source, int rank) in sources)
        {
            source.AddTo(builder, rank);
        }

        return new StageTable(builder);
    }

    /// <summary>Whether the unit starts some key (of one unit or longer).</summary>
    public bool StartsKey(char unit) => (_entries[unit] >> NodeShift) != 0;

    /// <summary>The value of a key by its index (0 .. <see cref="KeyCount"/>-1).</summary>
    public ReadOnlySpan<char> Value(int index) => _valuePool.AsSpan(_valueOffsets[index], _valueOffsets[index + 1] - _valueOffsets[index]);

    /// <summary>
    /// Finds OpenCC's match at <paramref name="position"/>: returns its length in UTF-16 units (0 when no key
    /// matches) and its value index.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, int position, out int valueIndex)
    {
        char c = text[position];
        uint entry = _entries[c];
        if ((entry >> NodeShift) == 0)
        {
            valueIndex = NoValue;
            return 0;
        }

        if ((entry & NeedsSlowPath) == 0
            && ((entry & StartsLongerKey) == 0 || position + 1 >= text.Length || !MayStartPair(c, text[position + 1])))
        {
            // Only the single-unit key can match here.
            uint node = _nodes[NodeOf(entry, c)];
            valueIndex = (int)(node & ValueMask) - 1;
            return valueIndex < 0 ? 0 : 1;
        }

        return Walk(text, position, out valueIndex);
    }

    /// <summary>
    /// Returns the first position at or after <paramref name="position"/> where some key may match (the text
    /// length when there is none): the units skipped start no key, or only longer keys that the next unit rules out.
    /// </summary>
    public int SkipUnmatched(ReadOnlySpan<char> text, int position)
    {
        ref uint entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        bool singleKeys = _hasSingleUnitKeys;
        int last = text.Length - 1;
        for (int i = position; i <= last; i++)
        {
            char c = text[i];
            uint entry = Unsafe.Add(ref entries, c);
            if ((entry & ~(0xFFFFu | StartsLongerKey)) == 0)
            {
                // Starts no key at all.
                continue;
            }

            if ((entry & NeedsSlowPath) != 0
                || ((entry & StartsLongerKey) != 0 && i < last && MayStartPair(c, text[i + 1]))
                || (singleKeys && (_nodes[NodeOf(entry, c)] & ValueMask) != 0))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// Converts <paramref name="source"/> as one OpenCC segment with this stage into <paramref name="destination"/>,
    /// which must hold at least source.Length * <see cref="ExpansionNumerator"/> / <see cref="ExpansionDenominator"/>
    /// units (rounded up). Returns the number of units written.
    /// </summary>
    public int Convert(ReadOnlySpan<char> source, Span<char> destination)
    {
        ref uint entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref char src = ref MemoryMarshal.GetReference(source);
        ref char dst = ref MemoryMarshal.GetReference(destination);
        int length = source.Length;
        int i = 0;
        int written = 0;
        while (i < length)
        {
            char c = Unsafe.Add(ref src, i);
            uint entry = Unsafe.Add(ref entries, c);
            if ((entry & Unsettled) == 0
                || ((entry & NeedsSlowPath) == 0 && (i + 1 >= length || !MayStartPair(c, Unsafe.Add(ref src, i + 1)))))
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
                if (count == 1)
                {
                    Unsafe.Add(ref dst, written++) = _valuePool[start];
                }
                else
                {
                    _valuePool.AsSpan(start, count).CopyTo(destination.Slice(written));
                    written += count;
                }

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
        ulong hash = (((ulong)first << 16) | second) * HashMultiplier;
        ulong word = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_pairBloom), (nint)(hash >> _pairBloomShift));
        ulong mask = (1UL << (int)(hash >> 20)) | (1UL << (int)(hash >> 26));
        return (word & mask) == mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NodeOf(uint entry, char unit)
    {
        int node = (int)(entry >> NodeShift);
        return node != OverflowNode ? node : FindChild(0, unit);
    }

    private int Walk(ReadOnlySpan<char> text, int position, out int valueIndex)
    {
        char first = text[position];
        uint entry = _entries[first];
        valueIndex = NoValue;
        if ((entry >> NodeShift) == 0)
        {
            return 0;
        }

        int node = NodeOf(entry, first);
        uint data = _nodes[node];
        int bestLength = 0;
        uint bestRank = uint.MaxValue;
        if ((data & ValueMask) != 0)
        {
            bestLength = 1;
            bestRank = (data >> RankShift) & RankMask;
            valueIndex = (int)(data & ValueMask) - 1;
        }

        for (int i = position + 1; i < text.Length && (data & HasChildren) != 0; i++)
        {
            node = FindChild(node, text[i]);
            if (node < 0)
            {
                break;
            }

            data = _nodes[node];
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindChild(int node, char unit)
    {
        ulong key = (((ulong)(uint)node << 16) | unit) + 1;
        ulong[] edges = _edges;
        int mask = edges.Length - 1;
        int slot = (int)((key * HashMultiplier) >> _edgeShift);
        while (true)
        {
            ulong found = edges[slot];
            if ((found >> ChildBits) == key)
            {
                return (int)(found & ChildMask);
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Collects keys and values into a growable trie, then lays out the lookup structures.</summary>
    internal sealed class Builder
    {
        // Build-time trie: edges packed like the final table, node data in separate growable arrays.
        private ulong[] _edges;
        private int _edgeShift;
        private int _edgeCount;
        private int[] _nodeValues;
        private byte[] _nodeRanks;
        private bool[] _nodeHasChildren;
        private int _nodeCount;

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
            KeyUnits = new ulong[65536 / 64];
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
                KeyUnits[unit >> 6] |= 1UL << unit;
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
        /// Renumbers the nodes (root children first, so that their ids fit in the entries), then lays out the
        /// entries, the final edge table and the packed node data.
        /// </summary>
        public (uint[] Entries, ulong[] Edges, int EdgeShift, uint[] Nodes) Compile()
        {
            var renumbered = new int[_nodeCount];
            int next = 1;
            var rootChildren = new List<(char Unit, int Node)>();
            foreach (ulong slot in _edges)
            {
                if (slot != 0 && ((slot >> ChildBits) - 1) >> 16 == 0)
                {
                    rootChildren.Add(((char)((slot >> ChildBits) - 1), (int)(slot & ChildMask)));
                }
            }

            rootChildren.Sort((a, b) => a.Unit.CompareTo(b.Unit));
            foreach ((_, int node) in rootChildren)
            {
                renumbered[node] = next++;
            }

            for (int node = 1; node < _nodeCount; node++)
            {
                if (renumbered[node] == 0)
                {
                    renumbered[node] = next++;
                }
            }

            var nodes = new uint[_nodeCount];
            for (int node = 0; node < _nodeCount; node++)
            {
                uint data = (uint)(_nodeValues[node] + 1) | ((uint)_nodeRanks[node] << RankShift);
                if (_nodeHasChildren[node])
                {
                    data |= HasChildren;
                }

                nodes[renumbered[node]] = data;
            }

            int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, _edgeCount * 2));
            var edges = new ulong[slots];
            int shift = 64 - BitOperations.Log2((uint)slots);
            foreach (ulong slot in _edges)
            {
                if (slot != 0)
                {
                    ulong key = (slot >> ChildBits) - 1;
                    int parent = renumbered[(int)(key >> 16)];
                    Insert(edges, shift, (((ulong)(uint)parent << 16) | (key & 0xFFFF)) + 1, renumbered[(int)(slot & ChildMask)]);
                }
            }

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
            foreach ((char unit, int oldNode) in rootChildren)
            {
                int node = renumbered[oldNode];
                uint entry = entries[unit] | ((uint)Math.Min(node, OverflowNode) << NodeShift);
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

            return (entries, edges, shift, nodes);
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

    /// <summary>The embedded dictionary file, or null for a flattened map.</summary>
    public string? FileName => _file;

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
        var reader = new DictionaryLineReader(utf8);
        while (reader.TryRead(out ReadOnlySpan<byte> keyBytes, out ReadOnlySpan<byte> first))
        {
            if (keyBytes.Length > key.Length || first.Length > value.Length)
            {
                throw new InvalidDataException("Dictionary entry longer than 256 bytes.");
            }

            int keyLength = Encoding.UTF8.GetChars(keyBytes, key);
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
