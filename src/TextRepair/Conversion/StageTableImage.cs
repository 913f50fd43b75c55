using System.Buffers.Binary;
using System.Diagnostics;

namespace TextRepair.Conversion;

/// <summary>
/// The binary form of a <see cref="StageTable"/>, read in place (no parsing): a header of 16 little-endian int32
/// values, then sections that each start at a multiple of 8 bytes from the image start.
/// </summary>
/// <remarks>
/// Header: key count, longest key, UTF-16 expansion (numerator, denominator), UTF-8 expansion (numerator,
/// denominator), flags, Bloom shift, edge shift, then the lengths of the sections that follow in this order:
/// key-unit bit set (1024 ulong, fixed), pair Bloom filter (ulong), trie edges (ulong), entry patches (ulong:
/// unit in the high 32 bits, entry in the low 32 bits, for every unit whose entry is not the unit itself), entry
/// shapes (int, <see cref="ExpansionBound.ShapeLength"/> per shape), trie
/// nodes (uint), value offsets (int), value pool (UTF-16 units). The image is little-endian; on a big-endian
/// machine the prebuilt images are not used and tables are built from the text dictionaries.
/// </remarks>
internal readonly unsafe struct StageTableImage
{
    /// <summary>Size of the header in bytes.</summary>
    public const int HeaderBytes = 16 * sizeof(int);

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
        EdgeShift,
        PairBloomWords,
        EdgeSlots,
        EntryPatches,
        Nodes,
        ValueOffsets,
        ValuePool,
        Shapes,
    }

    private enum Sections
    {
        KeyUnits,
        PairBloom,
        Edges,
        EntryPatches,
        Shapes,
        Nodes,
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

    public int EdgeShift => Get(Field.EdgeShift);

    public int EdgeCount => Get(Field.EdgeSlots);

    public ulong* KeyUnits => (ulong*)(_image + Offset(Sections.KeyUnits));

    public ulong* PairBloom => (ulong*)(_image + Offset(Sections.PairBloom));

    public ulong* Edges => (ulong*)(_image + Offset(Sections.Edges));

    public uint* Nodes => (uint*)(_image + Offset(Sections.Nodes));

    public int* ValueOffsets => (int*)(_image + Offset(Sections.ValueOffsets));

    public char* ValuePool => (char*)(_image + Offset(Sections.ValuePool));

    /// <summary>The distinct entry shapes (see <see cref="ExpansionBound.Shape"/>), <see cref="ExpansionBound.ShapeLength"/> ints each.</summary>
    public ReadOnlySpan<int> Shapes => new(_image + Offset(Sections.Shapes), Get(Field.Shapes) * ExpansionBound.ShapeLength);

    /// <summary>Writes an image; every array is written whole.</summary>
    public static byte[] Write(ReadOnlySpan<int> header, ulong[] keyUnits, ulong[] pairBloom, ulong[] edges, ulong[] entryPatches, ReadOnlySpan<int> shapes, uint[] nodes, ReadOnlySpan<int> valueOffsets, ReadOnlySpan<char> valuePool)
    {
        Debug.Assert(header.Length == (int)Field.Shapes + 1);
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

        foreach (ulong[] section in new[] { keyUnits, pairBloom, edges, entryPatches })
        {
            foreach (ulong value in section)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(word, value);
                output.AddRange(word);
            }
        }

        foreach (int value in shapes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(word, value);
            output.AddRange(word.Slice(0, 4));
        }

        Align();
        foreach (uint value in nodes)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, value);
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
    public static int[] Header(int keyCount, int maxKeyLength, (int N, int D) expansion, (int N, int D) byteExpansion, bool valuesContainIds, bool keysAreSingleCodePoints, bool hasSingleUnitKeys, int pairBloomShift, int edgeShift, int pairBloomWords, int edgeSlots, int entryPatches, int nodes, int valueOffsets, int valuePool, int shapes)
    {
        int flags = (valuesContainIds ? FlagValuesContainIds : 0) | (keysAreSingleCodePoints ? FlagKeysAreSingleCodePoints : 0) | (hasSingleUnitKeys ? FlagHasSingleUnitKeys : 0);
        return [keyCount, maxKeyLength, expansion.N, expansion.D, byteExpansion.N, byteExpansion.D, flags, pairBloomShift, edgeShift, pairBloomWords, edgeSlots, entryPatches, nodes, valueOffsets, valuePool, shapes];
    }

    /// <summary>Lays out the 64K entry array: every unit maps to itself, then the patches.</summary>
    public uint[] BuildEntries()
    {
        uint[] entries = GC.AllocateUninitializedArray<uint>(65536);
        for (int c = 0; c < entries.Length; c++)
        {
            entries[c] = (uint)c;
        }

        ulong* patches = (ulong*)(_image + Offset(Sections.EntryPatches));
        int count = Get(Field.EntryPatches);
        for (int i = 0; i < count; i++)
        {
            ulong patch = patches[i];
            entries[(ushort)(patch >> 32)] = (uint)patch;
        }

        return entries;
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
                Sections.Edges => Get(Field.EdgeSlots) * 8L,
                Sections.EntryPatches => Get(Field.EntryPatches) * 8L,
                Sections.Shapes => AlignUp(Get(Field.Shapes) * ExpansionBound.ShapeLength * 4L),
                Sections.Nodes => AlignUp(Get(Field.Nodes) * 4L),
                Sections.ValueOffsets => AlignUp(Get(Field.ValueOffsets) * 4L),
                _ => AlignUp(Get(Field.ValuePool) * 2L),
            };
        }

        return (int)Math.Min(int.MaxValue, offset);
    }

    private static long AlignUp(long bytes) => (bytes + 7) & ~7L;
}
