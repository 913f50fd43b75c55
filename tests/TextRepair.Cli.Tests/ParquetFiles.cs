using System.Runtime.InteropServices;
using ParquetSharp;
using ParquetSharp.Schema;

namespace TextRepair.Cli.Tests;

/// <summary>
/// Writes and reads the Parquet files of the tests with ParquetSharp's physical API: a required INT64 <c>id</c>
/// (Zstd), an optional string <c>text</c> (Snappy), an optional group <c>meta</c> with an optional string <c>title</c>
/// (Gzip), in row groups of the given sizes.
/// </summary>
internal static class ParquetFiles
{
    /// <summary>
    /// Writes the rows, one row group per array; <paramref name="dataPageSize"/> is the target size of a data page in
    /// bytes (default: ParquetSharp's, 1 MB); <paramref name="textBytes"/> gives the bytes stored for a text (default:
    /// its UTF-8), to write values that are not valid UTF-8.
    /// </summary>
    public static void Write(
        string path, IReadOnlyList<(long Id, string? Text, string? Title)[]> rowGroups, long? dataPageSize = null, Func<string, byte[]>? textBytes = null)
    {
        using var id = new PrimitiveNode("id", Repetition.Required, LogicalType.Int(64, true), PhysicalType.Int64);
        using var text = new PrimitiveNode("text", Repetition.Optional, LogicalType.String(), PhysicalType.ByteArray);
        using var title = new PrimitiveNode("title", Repetition.Optional, LogicalType.String(), PhysicalType.ByteArray);
        using var meta = new GroupNode("meta", Repetition.Optional, [title]);
        using var schema = new GroupNode("schema", Repetition.Required, [id, text, meta]);
        using var builder = new WriterPropertiesBuilder();
        builder.Compression("id", Compression.Zstd).Compression("text", Compression.Snappy).Compression("meta.title", Compression.Gzip);
        if (dataPageSize is { } pageSize)
        {
            builder.DataPagesize(pageSize);
        }

        using WriterProperties properties = builder.Build();
        using var writer = new ParquetFileWriter(path, schema, properties, new Dictionary<string, string> { ["origin"] = "tests" });
        foreach ((long Id, string? Text, string? Title)[] rows in rowGroups)
        {
            using RowGroupWriter group = writer.AppendRowGroup();
            using (var ids = (ColumnWriter<long>)group.NextColumn())
            {
                ids.WriteBatch(rows.Select(row => row.Id).ToArray());
            }

            WriteStrings(group, rows.Select(row => row.Text).ToArray(), maxDefinition: 1, textBytes);

            // meta is null when the title is null (definition 0), so the title's definition is 0 or 2.
            WriteStrings(group, rows.Select(row => row.Title).ToArray(), maxDefinition: 2);
            group.Close();
        }

        writer.Close();
    }

    private static void WriteStrings(RowGroupWriter group, string?[] values, short maxDefinition, Func<string, byte[]>? encode = null)
    {
        using var column = (ColumnWriter<ByteArray>)group.NextColumn();
        var handles = new List<GCHandle>();
        try
        {
            var definition = new short[values.Length];
            var present = new List<ByteArray>();
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } value)
                {
                    continue;
                }

                definition[i] = maxDefinition;
                byte[] bytes = encode?.Invoke(value) ?? System.Text.Encoding.UTF8.GetBytes(value);
                GCHandle handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
                handles.Add(handle);
                present.Add(new ByteArray(handle.AddrOfPinnedObject(), bytes.Length));
            }

            column.WriteBatch(values.Length, definition, default, [.. present]);
        }
        finally
        {
            handles.ForEach(handle => handle.Free());
        }
    }

    /// <summary>Reads a string column (by dotted path) of every row, null where null.</summary>
    public static List<string?> ReadStrings(string path, string column)
    {
        using var reader = new ParquetFileReader(path);
        int index = ColumnIndex(reader, column);
        var result = new List<string?>();
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            using LogicalColumnReader<string?> values = group.Column(index).LogicalReader<string?>();
            result.AddRange(values.ReadAll(checked((int)group.MetaData.NumRows)));
        }

        return result;
    }

    /// <summary>Reads the bytes of a string column (by dotted path) of every row, null where null, with no decoding.</summary>
    public static List<byte[]?> ReadBytes(string path, string column)
    {
        using var reader = new ParquetFileReader(path);
        int index = ColumnIndex(reader, column);
        short maxDefinition = reader.FileMetaData.Schema.Column(index).MaxDefinitionLevel;
        var result = new List<byte[]?>();
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            using var values = (ColumnReader<ByteArray>)group.Column(index);
            var definition = new short[1];
            var value = new ByteArray[1];
            while (values.HasNext)
            {
                values.ReadBatch(1, definition, default, value, out long read);
                result.Add(read == 0 || definition[0] != maxDefinition ? null : Copy(value[0]));
            }
        }

        return result;

        static byte[] Copy(ByteArray value)
        {
            var bytes = new byte[value.Length];
            if (value.Length > 0)
            {
                Marshal.Copy(value.Pointer, bytes, 0, value.Length);
            }

            return bytes;
        }
    }

    public static List<long> ReadIds(string path)
    {
        using var reader = new ParquetFileReader(path);
        var result = new List<long>();
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            using LogicalColumnReader<long> values = group.Column(0).LogicalReader<long>();
            result.AddRange(values.ReadAll(checked((int)group.MetaData.NumRows)));
        }

        return result;
    }

    /// <summary>Per row group: the row count and each column's path and codec.</summary>
    public static List<(long Rows, List<(string Column, Compression Codec)> Columns)> Layout(string path)
    {
        using var reader = new ParquetFileReader(path);
        var layout = new List<(long, List<(string, Compression)>)>();
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            var columns = new List<(string, Compression)>();
            for (int c = 0; c < reader.FileMetaData.Schema.NumColumns; c++)
            {
                using ColumnChunkMetaData chunk = group.MetaData.GetColumnChunkMetaData(c);
                columns.Add((reader.FileMetaData.Schema.Column(c).Path.ToDotString(), chunk.Compression));
            }

            layout.Add((group.MetaData.NumRows, columns));
        }

        return layout;
    }

    public static IReadOnlyDictionary<string, string> Metadata(string path)
    {
        using var reader = new ParquetFileReader(path);
        return new Dictionary<string, string>(reader.FileMetaData.KeyValueMetadata);
    }

    private static int ColumnIndex(ParquetFileReader reader, string column)
    {
        for (int c = 0; c < reader.FileMetaData.Schema.NumColumns; c++)
        {
            if (reader.FileMetaData.Schema.Column(c).Path.ToDotString() == column)
            {
                return c;
            }
        }

        throw new ArgumentException($"no column {column}");
    }
}
