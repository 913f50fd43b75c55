using ParquetSharp;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// Copies one column chunk from a reader to a writer at the physical level: values with their definition and
/// repetition levels, batch by batch, so any type and any nesting comes out exactly as it went in (the writer encodes
/// and compresses it again with the codec of the input).
/// </summary>
internal static class ColumnCopier
{
    /// <summary>Values per batch: small enough to stay in cache, large enough to amortise the native calls.</summary>
    private const int BatchSize = 4096;

    public static void Copy(ColumnReader reader, ColumnWriter writer)
    {
        switch (reader)
        {
            case ColumnReader<bool> typed:
                Copy(typed, (ColumnWriter<bool>)writer);
                break;
            case ColumnReader<int> typed:
                Copy(typed, (ColumnWriter<int>)writer);
                break;
            case ColumnReader<long> typed:
                Copy(typed, (ColumnWriter<long>)writer);
                break;
            case ColumnReader<Int96> typed:
                Copy(typed, (ColumnWriter<Int96>)writer);
                break;
            case ColumnReader<float> typed:
                Copy(typed, (ColumnWriter<float>)writer);
                break;
            case ColumnReader<double> typed:
                Copy(typed, (ColumnWriter<double>)writer);
                break;
            case ColumnReader<ByteArray> typed:
                Copy(typed, (ColumnWriter<ByteArray>)writer);
                break;
            case ColumnReader<FixedLenByteArray> typed:
                Copy(typed, (ColumnWriter<FixedLenByteArray>)writer);
                break;
            default:
                throw new NotSupportedException($"Parquet physical type {reader.Type} is not supported.");
        }
    }

    private static void Copy<T>(ColumnReader<T> reader, ColumnWriter<T> writer)
        where T : unmanaged
    {
        var values = new T[BatchSize];
        var definition = new short[BatchSize];
        var repetition = new short[BatchSize];
        while (reader.HasNext)
        {
            // Byte array values point into the reader's page: they are written before the next read.
            long levels = reader.ReadBatch(BatchSize, definition, repetition, values, out long valuesRead);
            writer.WriteBatch(
                checked((int)levels), definition.AsSpan(0, (int)levels), repetition.AsSpan(0, (int)levels), values.AsSpan(0, (int)valuesRead));
        }
    }
}
