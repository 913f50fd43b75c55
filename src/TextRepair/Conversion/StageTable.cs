using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The compiled form of one dictionary stage: answers OpenCC's "longest match" at a text position and converts
/// whole spans greedily, the way OpenCC's Conversion does.
/// </summary>
/// <remarks>
/// Layout, chosen so that the common case costs one or two cache-friendly loads per character:
/// <list type="bullet">
/// <item><c>_entries</c>: one uint per UTF-16 unit: the unit's single-unit mapping XOR the unit (bits 0-15; 0
/// when the unit maps to itself), <see cref="StartsLongerKey"/>, <see cref="NeedsSlowPath"/>, and the unit's slot in
/// the root's block (bits 18-31; <see cref="OverflowNode"/> when the index does not fit).</item>
/// <item>A blocked Bloom filter over the first two units of every longer key, so that most positions whose unit
/// starts some longer key are still settled without touching the trie.</item>
/// <item>A trie over UTF-16 units as blocks of child slots (<c>StageTable.Layout.cs</c>): every node with children
/// owns a small open-addressing block of 16-byte slots, one per child: the child's unit, value index and rank, the
/// size and offset of the child's own block, and a 32-bit signature of its children's units. A walk step is one
/// load in the parent's block (format 2 hashed every edge into one table of several MB and kept node data in a second
/// array: two dependent cache misses per step), the signature stops most failing walks before the next block, and
/// the blocks of a subtree are contiguous, so the walks from a frequent first character stay in cached lines. Each
/// key carries a rank (its dictionary's position in a short-circuit group); the match is the key of least rank, the
/// longest among those, which is OpenCC's group semantics (see <see cref="DictionaryCompiler"/>).</item>
/// </list>
/// Everything is read in place from a binary image (see <see cref="StageTableImage"/>): the prebuilt tables
/// embedded in the assembly, or a pinned array for tables built at run time.
/// Immutable after construction and safe to share between threads.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>Flag: the unit starts a key longer than one UTF-16 unit.</summary>
    public const uint StartsLongerKey = 1u << StartsLongerKeyBit;

    /// <summary>The bit of <see cref="StartsLongerKey"/>.</summary>
    private const int StartsLongerKeyBit = 16;

    /// <summary>Flag: the unit cannot be settled by its entry (surrogate, IDS operator, U+FFFF, or a value that is not one BMP unit).</summary>
    public const uint NeedsSlowPath = 1u << NeedsSlowPathBit;

    /// <summary>The bit of <see cref="NeedsSlowPath"/>.</summary>
    private const int NeedsSlowPathBit = 17;

    /// <summary>Entry node field meaning "look the unit up in the root's block".</summary>
    public const int OverflowNode = (1 << 14) - 1;

    private const uint Unsettled = StartsLongerKey | NeedsSlowPath;
    private const int NodeShift = 18;
    private const int NoValue = -1;

    private const uint ValueMask = (1u << 24) - 1;
    private const int RankShift = 24;
    private const uint RankMask = 0x7F;
    private const uint HasChildren = 1u << 31;

    // Build-time edges: (parent, unit) key and child id packed in a ulong.
    private const int ChildBits = 24;
    private const ulong ChildMask = (1UL << ChildBits) - 1;
    private const ulong HashMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly uint* _entries;
    private readonly ulong* _pairBloom;
    private readonly int _pairBloomShift;
    private readonly uint* _slots;
    private readonly int _rootLog2;
    private readonly int* _valueOffsets;
    private readonly char* _valuePool;
    private readonly ulong* _keyUnits;
    private readonly int[] _shapes;
    private readonly bool _hasSingleUnitKeys;
    private readonly bool _denseStarts;
    private readonly byte* _image;
    private readonly int _imageLength;

    // Keeps a run-time image (a pinned array) alive; null for images inside the assembly.
    private readonly byte[]? _owner;

    private StageTable(byte* image, int length, byte[]? owner)
    {
        _image = image;
        _imageLength = length;
        _owner = owner;
        var view = new StageTableImage(image, length);
        KeyCount = view.KeyCount;
        MaxKeyLength = view.MaxKeyLength;
        ExpansionNumerator = view.ExpansionNumerator;
        ExpansionDenominator = view.ExpansionDenominator;
        ByteExpansionNumerator = view.ByteExpansionNumerator;
        ByteExpansionDenominator = view.ByteExpansionDenominator;
        ValuesContainIdsOperator = view.ValuesContainIdsOperator;
        KeysAreSingleCodePoints = view.KeysAreSingleCodePoints;
        _hasSingleUnitKeys = view.HasSingleUnitKeys;
        _pairBloom = view.PairBloom;
        _pairBloomShift = view.PairBloomShift;
        _slots = view.Slots;
        _rootLog2 = view.RootLog2;
        _valueOffsets = view.ValueOffsets;
        _valuePool = view.ValuePool;
        _keyUnits = view.KeyUnits;
        _shapes = view.Shapes.ToArray();
        _entries = view.Entries;
        _denseStarts = MaxKeyLength > 1 && KeyCount >= DenseKeyCount;
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
    public ReadOnlySpan<ulong> KeyUnits => new(_keyUnits, 65536 / 64);

    /// <summary>The distinct shapes of the entries (see <see cref="ExpansionBound"/>).</summary>
    public ReadOnlySpan<int> Shapes => _shapes;

    /// <summary>True when some value contains an ideographic description operator (none of OpenCC's do).</summary>
    public bool ValuesContainIdsOperator { get; }

    /// <summary>
    /// True when every key is exactly one well-formed code point that is not an IDS operator: a match then always
    /// covers exactly the units an unmatched position would (see <see cref="TextUnits.UnmatchedLength"/>).
    /// </summary>
    public bool KeysAreSingleCodePoints { get; }

    /// <summary>The binary image this table reads (see <see cref="StageTableImage"/>).</summary>
    public ReadOnlySpan<byte> Image => new(_image, _imageLength);

    /// <summary>True when the table is read in place from the embedded file, false when built at run time.</summary>
    public bool IsPrebuilt => _owner is null;

    /// <summary>Memory this table holds on the managed heap (the image when built at run time; 0 when read in place), in bytes.</summary>
    public long FootprintBytes => _owner?.Length ?? 0;

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

        byte[] image = builder.ToImage();
        byte[] pinned = GC.AllocateUninitializedArray<byte>(image.Length, pinned: true);
        image.CopyTo(pinned, 0);
        return new StageTable((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), pinned.Length, pinned);
    }

    /// <summary>Reads a table in place from an image that stays valid for the life of the process (embedded data).</summary>
    public static StageTable FromImage(byte* image, int length) => new(image, length, owner: null);

    /// <summary>Whether the unit starts some key (of one unit or longer).</summary>
    public bool StartsKey(char unit) => (_entries[unit] >> NodeShift) != 0;

    /// <summary>
    /// Whether greedy matching settles <paramref name="unit"/> on its own wherever a match starts at it: it starts no
    /// key longer than one unit and needs no slow path. Then <paramref name="mapped"/> is what this stage writes for
    /// it (the unit itself when no key starts with it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryMapAlone(char unit, out char mapped)
    {
        uint entry = _entries[unit];
        mapped = (char)(entry ^ unit);
        return (entry & Unsettled) == 0;
    }

    /// <summary>The value of a key by its index (0 .. <see cref="KeyCount"/>-1).</summary>
    public ReadOnlySpan<char> Value(int index)
    {
        Debug.Assert((uint)index < (uint)KeyCount);
        return new(_valuePool + _valueOffsets[index], _valueOffsets[index + 1] - _valueOffsets[index]);
    }

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
            uint data = RootSlot(entry, c)[1];
            valueIndex = (int)(data & ValueMask) - 1;
            return valueIndex < 0 ? 0 : 1;
        }

        return Walk(text, position, out valueIndex);
    }
}
