using System.Buffers.Binary;
using System.Diagnostics;

namespace TextRepair.Conversion;

/// <summary>
/// The binary form of a <see cref="StageTable"/>, read in place (no parsing): a header of 16 little-endian int32
/// values, then sections that each start at a multiple of 8 bytes from the image start.
/// </summary>
/// <remarks>
/// Header: key count, longest key, UTF-16 expansion (numerator, denominator), UTF-8 expansion (numerator,
/// denominator), flags, Bloom shift, log2 of the root block's size, then the lengths of the sections that follow in
/// this order: key-unit bit set (1024 ulong, fixed), pair Bloom filter (ulong), trie slots (4 uint each, see
/// <see cref="StageTable"/>), unit entries (65536 uint,
/// fixed: see <see cref="StageTable"/>; bits 0-15 hold the single-unit mapping XOR the unit, so that a unit that maps
/// to itself and starts no key is 0 and the section compresses to almost nothing in the package), entry
/// shapes (int, <see cref="ExpansionBound.ShapeLength"/> per shape), value offsets (int), value pool (UTF-16 units). The image is little-endian; on a big-endian
/// machine the prebuilt images are not used and tables are built from the text dictionaries.
/// The entries are read in place like the rest (format 2): a table holds no per-unit array of its own, and the
/// pages of the section that a text never looks up are never read (format 1 copied them into a 256 KB array per
/// table, 4 MB of the 16 configs' resident set). Format 3 replaced format 2's hashed edge table and node array by
/// blocks of child slots (see <see cref="StageTable"/>).
/// </remarks>
internal readonly unsafe struct StageTableImage
{
    /// <summary>Size of the header in bytes.</summary>
    public const int HeaderBytes = 16 * sizeof(int);

    /// <summary>Number of unit entries: one per UTF-16 unit.</summary>
    public const int EntryCount = 65536;

    private const int KeyUnitWords = 65536 / 64;
    private const int FlagValuesContainIds = 1;
    private const int FlagKeysAreSingleCodePoints = 2;
    private const int FlagHasSingleUnitKeys = 4;

    private readonly byte* _image;

    public StageTableImage(byte* image, int length)
    {
        _image = image;
        if (length < HeaderBytes || length < Offset(Sections.End))
        {
            throw new InvalidDataException("Stage table image is truncated.");
        }

        if (Get(Field.Entries) != EntryCount)
        {
            throw new InvalidDataException("Stage table image has no entry for every UTF-16 unit.");
        }
    }

    private enum Field
    {
        KeyCount,
        MaxKeyLength,
        ExpansionNumerator,
        ExpansionDenominator,
        ByteExpansionNumerator,
        ByteExpansionDenominator,
        Flags,
        PairBloomShift,
        RootLog2,
        PairBloomWords,
        Slots,
        Entries,
        ValueOffsets,
        ValuePool,
        Shapes,
        Reserved,
    }

    private enum Sections
    {
        KeyUnits,
        PairBloom,
        Slots,
        Entries,
        Shapes,
        ValueOffsets,
        ValuePool,
        End,
    }

    public int KeyCount => Get(Field.KeyCount);

    public int MaxKeyLength => Get(Field.MaxKeyLength);

    public int ExpansionNumerator => Get(Field.ExpansionNumerator);

    public int ExpansionDenominator => Get(Field.ExpansionDenominator);

    public int ByteExpansionNumerator => Get(Field.ByteExpansionNumerator);

    public int ByteExpansionDenominator => Get(Field.ByteExpansionDenominator);

    public bool ValuesContainIdsOperator => (Get(Field.Flags) & FlagValuesContainIds) != 0;

    public bool KeysAreSingleCodePoints => (Get(Field.Flags) & FlagKeysAreSingleCodePoints) != 0;

    public bool HasSingleUnitKeys => (Get(Field.Flags) & FlagHasSingleUnitKeys) != 0;

    public int PairBloomShift => Get(Field.PairBloomShift);

    /// <summary>Log2 of the number of slots in the root's block.</summary>
    public int RootLog2 => Get(Field.RootLog2);

    /// <summary>Number of trie slots (4 uints each).</summary>
    public int SlotCount => Get(Field.Slots);

    public ulong* KeyUnits => (ulong*)(_image + Offset(Sections.KeyUnits));

    public ulong* PairBloom => (ulong*)(_image + Offset(Sections.PairBloom));

    public uint* Slots => (uint*)(_image + Offset(Sections.Slots));

    /// <summary>The 65536 unit entries, each XOR its unit in bits 0-15.</summary>
    public uint* Entries => (uint*)(_image + Offset(Sections.Entries));

    public int* ValueOffsets => (int*)(_image + Offset(Sections.ValueOffsets));

    public char* ValuePool => (char*)(_image + Offset(Sections.ValuePool));

    /// <summary>The distinct entry shapes (see <see cref="ExpansionBound.Shape"/>), <see cref="ExpansionBound.ShapeLength"/> ints each.</summary>
    public ReadOnlySpan<int> Shapes => new(_image + Offset(Sections.Shapes), Get(Field.Shapes) * ExpansionBound.ShapeLength);

    /// <summary>Writes an image; every array is written whole.</summary>
    public static byte[] Write(ReadOnlySpan<int> header, ulong[] keyUnits, ulong[] pairBloom, uint[] slots, uint[] entries, ReadOnlySpan<int> shapes, ReadOnlySpan<int> valueOffsets, ReadOnlySpan<char> valuePool)
    {
        Debug.Assert(header.Length == (int)Field.Reserved + 1);
        Debug.Assert(keyUnits.Length == KeyUnitWords);
        var output = new List<byte>();
        Span<byte> word = stackalloc byte[8];
        foreach (int value in header)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, value);
            output.AddRange(word.Slice(0, 4));
        }

        while (output.Count < HeaderBytes)
        {
            output.Add(0);
        }

        void Align()
        {
            while (output.Count % 8 != 0)
            {
                output.Add(0);
            }
        }

        foreach (ulong[] section in new[] { keyUnits, pairBloom })
        {
            foreach (ulong value in section)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(word, value);
                output.AddRange(word);
            }
        }

        foreach (uint value in slots)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, value);
            output.AddRange(word.Slice(0, 4));
        }

        Debug.Assert(entries.Length == EntryCount);
        foreach (uint value in entries)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, value);
            output.AddRange(word.Slice(0, 4));
        }

        foreach (int value in shapes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, value);
            output.AddRange(word.Slice(0, 4));
        }

        Align();
        foreach (int value in valueOffsets)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, value);
            output.AddRange(word.Slice(0, 4));
        }

        Align();
        foreach (char value in valuePool)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(word, value);
            output.AddRange(word.Slice(0, 2));
        }

        Align();
        return [.. output];
    }

    /// <summary>Header values in <see cref="Write"/>'s order, from the builder's results.</summary>
    public static int[] Header(int keyCount, int maxKeyLength, (int N, int D) expansion, (int N, int D) byteExpansion, bool valuesContainIds, bool keysAreSingleCodePoints, bool hasSingleUnitKeys, int pairBloomShift, int rootLog2, int pairBloomWords, int slots, int entries, int valueOffsets, int valuePool, int shapes)
    {
        int flags = (valuesContainIds ? FlagValuesContainIds : 0) | (keysAreSingleCodePoints ? FlagKeysAreSingleCodePoints : 0) | (hasSingleUnitKeys ? FlagHasSingleUnitKeys : 0);
        return [keyCount, maxKeyLength, expansion.N, expansion.D, byteExpansion.N, byteExpansion.D, flags, pairBloomShift, rootLog2, pairBloomWords, slots, entries, valueOffsets, valuePool, shapes, 0];
    }

    private int Get(Field field) => BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(_image + ((int)field * sizeof(int)), sizeof(int)));

    private int Offset(Sections section)
    {
        long offset = HeaderBytes;
        for (Sections s = Sections.KeyUnits; s < section; s++)
        {
            offset += s switch
            {
                Sections.KeyUnits => KeyUnitWords * 8L,
                Sections.PairBloom => Get(Field.PairBloomWords) * 8L,
                Sections.Slots => Get(Field.Slots) * 16L,
                Sections.Entries => Get(Field.Entries) * 4L,
                Sections.Shapes => AlignUp(Get(Field.Shapes) * ExpansionBound.ShapeLength * 4L),
                Sections.ValueOffsets => AlignUp(Get(Field.ValueOffsets) * 4L),
                _ => AlignUp(Get(Field.ValuePool) * 2L),
            };
        }

        return (int)Math.Min(int.MaxValue, offset);
    }

    private static long AlignUp(long bytes) => (bytes + 7) & ~7L;
}
