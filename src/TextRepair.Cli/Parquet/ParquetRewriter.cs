using ParquetSharp;
using ParquetSharp.Schema;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// Writes a Parquet file with the input's schema, row groups, codecs and metadata, the named string column processed,
/// and with <c>--report</c> one more column (<c>textrepair</c>, a JSON string per row). Works one row group at a time:
/// memory is bounded by one row group, whatever the file size.
/// </summary>
internal static class ParquetRewriter
{
    public const string ReportColumn = "textrepair";

    /// <summary>Levels of the string column per batch: a batch is read, processed and written while the batches before
    /// and after it are in other stages (<see cref="TextColumnPipeline"/>), so it is small enough (about 2.5 MB of text
    /// at 800 characters a value) for a few batches to stay in the processor caches, and large enough to amortise the
    /// native calls and the thread-pool hand-offs. Measured on the 150,000-record file of docs/corpora.md: 8,192-level
    /// batches cost 1.5 s more CPU (memory copies and page faults) than 1,024 in the pipeline.</summary>
    private const int LevelsPerBatch = 1024;

    /// <summary>Arrow's copy of the schema: dropped when a column is added, since it would no longer match.</summary>
    private const string ArrowSchemaKey = "ARROW:schema";

    public static void Rewrite(
        ParquetFileReader reader, ParquetSchemaField field, Stream output, ValueProcessor processor, bool report, ParquetRecordSink sink)
    {
        SchemaDescriptor schema = reader.FileMetaData.Schema;
        if (report && field.Descriptor.MaxRepetitionLevel > 0)
        {
            throw new CliException($"{sink.DisplayName}: --report needs a column with one value per row, and '{field.Descriptor.Path.ToDotString()}' is inside a list");
        }

        var root = (GroupNode)schema.GroupNode;
        Dictionary<string, string> metadata = new(reader.FileMetaData.KeyValueMetadata);
        GroupNode outputSchema = root;
        if (report)
        {
            if (root.Fields.Any(node => node.Name == ReportColumn))
            {
                throw new CliException($"{sink.DisplayName}: the input has a column '{ReportColumn}' already; --report would add it");
            }

            using var reportNode = new PrimitiveNode(ReportColumn, Repetition.Optional, LogicalType.String(), PhysicalType.ByteArray);
            outputSchema = new GroupNode(root.Name, root.Repetition, [.. root.Fields, reportNode], RootLogicalType(root, sink.DisplayName));
            metadata.Remove(ArrowSchemaKey);
        }

        using WriterProperties properties = Properties(reader, schema, field);
        using var writer = new ParquetFileWriter(output, outputSchema, properties, metadata, leaveOpen: true);
        int rowGroups = reader.FileMetaData.NumRowGroups;
        long rowsBefore = 0;
        var values = new ByteArray[LevelsPerBatch];
        using var pipeline = new TextColumnPipeline(reader, field.Index, field.Descriptor.MaxDefinitionLevel, LevelsPerBatch, processor.Process);
        for (int group = 0; group < rowGroups; group++)
        {
            using RowGroupReader groupReader = reader.RowGroup(group);
            using RowGroupWriter groupWriter = writer.AppendRowGroup();
            using var reports = new ReportValues(report);
            for (int column = 0; column < schema.NumColumns; column++)
            {
                using ColumnWriter columnWriter = groupWriter.NextColumn();
                if (column != field.Index)
                {
                    using ColumnReader columnReader = groupReader.Column(column);
                    ColumnCopier.Copy(columnReader, columnWriter);
                    continue;
                }

                foreach ((TextColumnChunk chunk, ValueProcessor.Results results) in pipeline.NextRowGroup())
                {
                    sink.Collect(results, chunk, rowsBefore);
                    WriteValues((ColumnWriter<ByteArray>)columnWriter, chunk, results, values);
                    reports.Add(chunk, results);
                }
            }

            if (report)
            {
                using ColumnWriter reportWriter = groupWriter.NextColumn();
                reports.Write((ColumnWriter<ByteArray>)reportWriter);
            }

            groupWriter.Close();
            rowsBefore += groupReader.MetaData.NumRows;
        }

        writer.Close();
    }

    private static LogicalType? RootLogicalType(GroupNode root, string displayName) =>
        ParquetSchemaField.Known(() => root.LogicalType, "the schema root", displayName) is { } type and not NoneLogicalType ? type : null;

    /// <summary>Each column keeps the codec it has in the first row group; the report column takes the field's.</summary>
    private static WriterProperties Properties(ParquetFileReader reader, SchemaDescriptor schema, ParquetSchemaField field)
    {
        using var builder = new WriterPropertiesBuilder();
        if (reader.FileMetaData.NumRowGroups == 0)
        {
            return builder.Build();
        }

        using RowGroupReader first = reader.RowGroup(0);
        for (int column = 0; column < schema.NumColumns; column++)
        {
            using ColumnChunkMetaData chunk = first.MetaData.GetColumnChunkMetaData(column);
            using ColumnPath path = schema.Column(column).Path;
            builder.Compression(path, chunk.Compression);
            if (column == field.Index)
            {
                builder.Compression(ReportColumn, chunk.Compression);
            }
        }

        return builder.Build();
    }

    /// <summary>Writes a batch; <paramref name="values"/> is scratch space reused from batch to batch (one entry per value).</summary>
    private static void WriteValues(ColumnWriter<ByteArray> writer, TextColumnChunk chunk, ValueProcessor.Results results, ByteArray[] values)
    {
        using var pinned = new PinnedArrays();
        IntPtr original = pinned.Pin(chunk.Bytes);
        var buffers = new IntPtr[results.Buffers.Length];
        for (int slice = 0; slice < buffers.Length; slice++)
        {
            buffers[slice] = results.Buffers[slice] is { } buffer ? pinned.Pin(buffer.WrittenMemory) : IntPtr.Zero;
        }

        for (int i = 0; i < chunk.ValueCount; i++)
        {
            values[i] = results.Buffer[i] < 0
                ? new ByteArray(original + chunk.Offsets[i], chunk.Offsets[i + 1] - chunk.Offsets[i])
                : new ByteArray(buffers[results.Buffer[i]] + results.Start[i], results.Length[i]);
        }

        writer.WriteBatch(chunk.LevelCount, chunk.Definition.AsSpan(0, chunk.LevelCount), chunk.Repetition.AsSpan(0, chunk.LevelCount), values.AsSpan(0, chunk.ValueCount));
    }

    /// <summary>The reports of a row group, kept until the report column (the last one) is written: null where the field is null.</summary>
    private sealed class ReportValues : IDisposable
    {
        private readonly PooledBuffer? _bytes;
        private readonly List<short> _definition = [];
        private readonly List<(int Start, int Length)> _values = [];

        public ReportValues(bool enabled)
        {
            _bytes = enabled ? new PooledBuffer(64 * 1024) : null;
        }

        /// <summary>Adds the rows of a batch (one level per row: --report refuses columns inside lists).</summary>
        public void Add(TextColumnChunk chunk, ValueProcessor.Results results)
        {
            if (_bytes is null)
            {
                return;
            }

            int value = 0;
            for (int level = 0; level < chunk.LevelCount; level++)
            {
                bool present = chunk.Definition[level] == chunk.MaxDefinition;
                _definition.Add(present ? (short)1 : (short)0);
                if (present)
                {
                    ReadOnlySpan<byte> bytes = results.Buffers[value / ValueProcessor.SliceSize]!.WrittenSpan
                        .Slice(results.ReportStart[value], results.ReportLength[value]);
                    _values.Add((_bytes.Length, bytes.Length));
                    _bytes.Write(bytes);
                    value++;
                }
            }
        }

        public void Write(ColumnWriter<ByteArray> writer)
        {
            using var pinned = new PinnedArrays();
            IntPtr start = _values.Count == 0 ? IntPtr.Zero : pinned.Pin(_bytes!.WrittenMemory);
            var values = new ByteArray[_values.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = new ByteArray(start + _values[i].Start, _values[i].Length);
            }

            writer.WriteBatch(_definition.Count, _definition.ToArray(), default, values);
        }

        public void Dispose() => _bytes?.Dispose();
    }
}
