using System.Runtime.InteropServices;
using ParquetSharp;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// A batch of the string column of a row group: its definition and repetition levels (so nulls and lists are written
/// back exactly), and its values as UTF-8 bytes copied out of the reader's pages into one array. Reading the column in
/// batches bounds memory by the batch, not by the row group.
/// </summary>
internal sealed class TextColumnChunk
{
    /// <summary>Levels per read: small enough to stay in cache, large enough to amortise the native calls.</summary>
    private const int BatchSize = 4096;

    private TextColumnChunk(short maxDefinition, short[] definition, short[] repetition, int levelCount, byte[] bytes, int[] offsets, int valueCount, long[] valueRows, int rowCount)
    {
        MaxDefinition = maxDefinition;
        Definition = definition;
        Repetition = repetition;
        LevelCount = levelCount;
        Bytes = bytes;
        Offsets = offsets;
        ValueCount = valueCount;
        ValueRows = valueRows;
        RowCount = rowCount;
    }

    /// <summary>The definition level of a present value (lower levels are nulls).</summary>
    public short MaxDefinition { get; }

    public short[] Definition { get; }

    public short[] Repetition { get; }

    public int LevelCount { get; }

    /// <summary>The UTF-8 bytes of all values, one after the other.</summary>
    public byte[] Bytes { get; }

    /// <summary>Value <c>i</c> is <c>Bytes[Offsets[i]..Offsets[i + 1]]</c>.</summary>
    public int[] Offsets { get; }

    public int ValueCount { get; }

    /// <summary>The row (within the row group) each value belongs to.</summary>
    public long[] ValueRows { get; }

    /// <summary>Levels that start a row (for a column outside lists: every level).</summary>
    public int RowCount { get; }

    public ReadOnlySpan<byte> Value(int index) => Bytes.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);

    /// <summary>
    /// Reads up to about <paramref name="maxLevels"/> levels, or returns null at the end of the column chunk.
    /// <paramref name="row"/> is the row of the last level read so far in the row group (-1 before the first).
    /// </summary>
    public static TextColumnChunk? Read(ColumnReader<ByteArray> reader, short maxDefinition, int maxLevels, ref long row)
    {
        if (!reader.HasNext)
        {
            return null;
        }

        int capacity = Math.Max(16, maxLevels);
        var definition = new short[capacity];
        var repetition = new short[capacity];
        var offsets = new int[capacity + 1];
        var valueRows = new long[capacity];
        var bytes = new byte[Math.Max(1024, capacity * 64)];
        var batch = new ByteArray[BatchSize];
        int levels = 0;
        int values = 0;
        int length = 0;
        int rows = 0;
        while (levels < maxLevels && reader.HasNext)
        {
            EnsureLevels(ref definition, ref repetition, levels + BatchSize);
            long read = reader.ReadBatch(
                BatchSize, definition.AsSpan(levels, BatchSize), repetition.AsSpan(levels, BatchSize), batch, out long valuesRead);
            if (offsets.Length < values + (int)valuesRead + 1)
            {
                Array.Resize(ref offsets, Math.Max(offsets.Length * 2, values + (int)valuesRead + 1));
                Array.Resize(ref valueRows, offsets.Length);
            }

            int value = 0;
            for (int level = levels; level < levels + (int)read; level++)
            {
                if (repetition[level] == 0)
                {
                    row++;
                    rows++;
                }

                if (definition[level] != maxDefinition)
                {
                    continue;
                }

                ByteArray item = batch[value++];
                if (bytes.Length < length + item.Length)
                {
                    Array.Resize(ref bytes, Math.Max(bytes.Length * 2, length + item.Length));
                }

                if (item.Length > 0)
                {
                    Marshal.Copy(item.Pointer, bytes, length, item.Length);
                }

                offsets[values] = length;
                valueRows[values] = row;
                length += item.Length;
                values++;
            }

            offsets[values] = length;
            levels += (int)read;
        }

        return new TextColumnChunk(maxDefinition, definition, repetition, levels, bytes, offsets, values, valueRows, rows);
    }

    private static void EnsureLevels(ref short[] definition, ref short[] repetition, int needed)
    {
        if (definition.Length < needed)
        {
            int size = Math.Max(definition.Length * 2, needed);
            Array.Resize(ref definition, size);
            Array.Resize(ref repetition, size);
        }
    }
}
