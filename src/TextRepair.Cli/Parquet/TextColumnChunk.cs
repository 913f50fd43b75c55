using System.Runtime.InteropServices;
using ParquetSharp;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// A batch of the string column of a row group: its definition and repetition levels (so nulls and lists are written
/// back exactly), and its values as UTF-8 bytes copied out of the reader's pages into one array. Reading the column in
/// batches bounds memory by the batch, not by the row group; one instance is refilled batch after batch, so its arrays
/// (tens of MB for long texts, on the large object heap) are allocated once per file, not once per batch.
/// </summary>
internal sealed class TextColumnChunk
{
    /// <summary>Levels per read: small enough to stay in cache, large enough to amortise the native calls.</summary>
    private const int BatchSize = 4096;

    private readonly ByteArray[] _batch = new ByteArray[BatchSize];
    private readonly short[] _definition;
    private readonly short[] _repetition;
    private byte[] _bytes;
    private readonly int[] _offsets;
    private readonly long[] _valueRows;

    /// <param name="maxDefinition">The definition level of a present value.</param>
    /// <param name="maxLevels">Levels per batch at most.</param>
    public TextColumnChunk(short maxDefinition, int maxLevels)
    {
        MaxDefinition = maxDefinition;
        MaxLevels = Math.Max(16, maxLevels);
        _definition = new short[MaxLevels];
        _repetition = new short[MaxLevels];
        _offsets = new int[MaxLevels + 1];
        _valueRows = new long[MaxLevels];
        _bytes = new byte[MaxLevels * 64];
    }

    /// <summary>The definition level of a present value (lower levels are nulls).</summary>
    public short MaxDefinition { get; }

    public int MaxLevels { get; }

    public short[] Definition => _definition;

    public short[] Repetition => _repetition;

    public int LevelCount { get; private set; }

    /// <summary>The UTF-8 bytes of all values, one after the other.</summary>
    public byte[] Bytes => _bytes;

    /// <summary>Value <c>i</c> is <c>Bytes[Offsets[i]..Offsets[i + 1]]</c>.</summary>
    public int[] Offsets => _offsets;

    public int ValueCount { get; private set; }

    /// <summary>The row (within the row group) each value belongs to.</summary>
    public long[] ValueRows => _valueRows;

    /// <summary>Levels that start a row (for a column outside lists: every level).</summary>
    public int RowCount { get; private set; }

    public ReadOnlySpan<byte> Value(int index) => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>The row (within the row group) of the last level read, -1 before the first.</summary>
    public long LastRow { get; private set; } = -1;

    /// <summary>
    /// Reads the next batch of up to <see cref="MaxLevels"/> levels into this instance (replacing the previous
    /// batch), or returns false at the end of the column chunk. <paramref name="row"/> is the row of the last level read
    /// so far in the row group (-1 before the first; the previous batch's <see cref="LastRow"/>).
    /// </summary>
    public bool Read(ColumnReader<ByteArray> reader, long row)
    {
        LastRow = row;
        LevelCount = 0;
        ValueCount = 0;
        RowCount = 0;
        if (!reader.HasNext)
        {
            return false;
        }

        int levels = 0;
        int values = 0;
        int length = 0;
        int rows = 0;
        while (levels < MaxLevels && reader.HasNext)
        {
            int wanted = Math.Min(BatchSize, MaxLevels - levels);
            long read = reader.ReadBatch(
                wanted, _definition.AsSpan(levels, wanted), _repetition.AsSpan(levels, wanted), _batch, out _);
            int value = 0;
            for (int level = levels; level < levels + (int)read; level++)
            {
                if (_repetition[level] == 0)
                {
                    row++;
                    rows++;
                }

                if (_definition[level] != MaxDefinition)
                {
                    continue;
                }

                ByteArray item = _batch[value++];
                if (_bytes.Length < length + item.Length)
                {
                    // Grows to the longest batch of the file and stays there (kept, not reallocated, by the next batches).
                    Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, length + item.Length));
                }

                if (item.Length > 0)
                {
                    Marshal.Copy(item.Pointer, _bytes, length, item.Length);
                }

                _offsets[values] = length;
                _valueRows[values] = row;
                length += item.Length;
                values++;
            }

            _offsets[values] = length;
            levels += (int)read;
        }

        LastRow = row;
        LevelCount = levels;
        ValueCount = values;
        RowCount = rows;
        return true;
    }
}
