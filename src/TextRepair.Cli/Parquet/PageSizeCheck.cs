namespace TextRepair.Cli.Parquet;

/// <summary>
/// Finds a page whose header declares more bytes than its column chunk holds, before Arrow reads it. Arrow's buffered
/// page reader allocates (and zero-fills) the declared size before it notices the page is short: two 731- and 763-byte
/// files found by the fuzzer (session 7) declared pages of 1.89 GB and 0.87 GB and cost 28 s and 1.9 GB of memory to
/// reject (session 8, load average 11). Walking the page headers costs one small read per page (Arrow writes pages of
/// about 1 MB): 1.09 s for a whole run on a 1.11 GB file that stops after the check, the tool's start included.
/// </summary>
internal static class PageSizeCheck
{
    /// <summary>
    /// Bytes a page may run past its column chunk's declared end: Arrow adds up to 100 bytes
    /// (<c>kMaxDictHeaderSize</c>) to the chunks of files written by parquet-mr 1.2.8 and older, whose
    /// <c>total_compressed_size</c> left out the dictionary page header (PARQUET-816).
    /// </summary>
    private const long ChunkSlack = 100;

    /// <summary>Bytes at the end of a file: the footer's length (4) and the magic <c>PAR1</c> (4).</summary>
    private const int TrailerLength = 8;

    // Field ids of parquet.thrift.
    private const short FileMetaDataRowGroups = 4;
    private const short RowGroupColumns = 1;
    private const short ColumnChunkFilePath = 1;
    private const short ColumnChunkMetaData = 3;
    private const short ColumnMetaDataTotalCompressedSize = 7;
    private const short ColumnMetaDataDataPageOffset = 9;
    private const short ColumnMetaDataDictionaryPageOffset = 11;
    private const short PageHeaderCompressedSize = 3;

    /// <summary>
    /// The first page that runs past its column chunk, or null when every page fits. A file this check cannot follow
    /// (an encrypted footer, a column chunk in another file, a header it cannot parse) is left to Arrow's own checks:
    /// null too, since only a page that clearly overflows is worth refusing here.
    /// </summary>
    public static OversizedPage? Find(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        List<List<ColumnChunk>>? rowGroups;
        try
        {
            rowGroups = ReadFooter(file);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        for (int group = 0; group < (rowGroups?.Count ?? 0); group++)
        {
            for (int column = 0; column < rowGroups![group].Count; column++)
            {
                if (CheckChunk(file, rowGroups[group][column]) is { } page)
                {
                    return page with { RowGroup = group, Column = column };
                }
            }
        }

        return null;
    }

    /// <summary>Walks the page headers of one column chunk; null when they fit, or when one cannot be parsed (Arrow then
    /// fails on it too, with its own message).</summary>
    private static OversizedPage? CheckChunk(FileStream file, ColumnChunk chunk)
    {
        long start = chunk.DataPageOffset;
        if (chunk.DictionaryPageOffset > 0 && chunk.DictionaryPageOffset < start)
        {
            start = chunk.DictionaryPageOffset;
        }

        // A chunk outside the file is refused by Arrow itself ("Invalid column metadata") before it reads a page.
        if (chunk.External || start < 0 || chunk.CompressedSize < 0 || start > file.Length - chunk.CompressedSize)
        {
            return null;
        }

        long end = start + chunk.CompressedSize;
        long limit = Math.Min(file.Length, end + ChunkSlack);
        long position = start;
        while (position < end)
        {
            file.Position = position;
            var reader = new ThriftCompactReader(file, limit);
            long pageSize = -1;
            try
            {
                short lastId = 0;
                while (reader.NextField(ref lastId, out short id, out int type))
                {
                    if (id == PageHeaderCompressedSize)
                    {
                        pageSize = reader.ReadInteger(type);
                    }
                    else
                    {
                        reader.Skip(type);
                    }
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }

            long headerEnd = reader.Position;
            if (pageSize < 0)
            {
                return null;
            }

            if (pageSize > limit - headerEnd)
            {
                return new OversizedPage(0, 0, position, pageSize, limit - headerEnd);
            }

            position = headerEnd + pageSize;
        }

        return null;
    }

    /// <summary>The column chunks of each row group, from the footer; null for an encrypted footer.</summary>
    private static List<List<ColumnChunk>>? ReadFooter(FileStream file)
    {
        if (file.Length < TrailerLength + 4)
        {
            throw new InvalidDataException("too short");
        }

        Span<byte> trailer = stackalloc byte[TrailerLength];
        file.Position = file.Length - TrailerLength;
        file.ReadExactly(trailer);
        if (!trailer[4..].SequenceEqual("PAR1"u8))
        {
            return null;
        }

        long footerLength = BitConverter.ToUInt32(trailer);
        long footerStart = file.Length - TrailerLength - footerLength;
        if (footerStart < 4)
        {
            throw new InvalidDataException("footer longer than the file");
        }

        file.Position = footerStart;
        var reader = new ThriftCompactReader(file, file.Length - TrailerLength);
        return ReadList(reader, FileMetaDataRowGroups, ReadRowGroup);
    }

    private static List<ColumnChunk> ReadRowGroup(ThriftCompactReader reader, int type) =>
        ThriftCompactReader.IsStruct(type)
            ? ReadList(reader, RowGroupColumns, ReadColumnChunk)
            : throw new InvalidDataException("a row group that is not a struct");

    /// <summary>
    /// Reads the struct at the reader's position up to its end and returns the elements of its list field
    /// <paramref name="field"/>, each read by <paramref name="readElement"/> (given the element type); the struct's
    /// other fields are skipped. Empty when the struct has no such list.
    /// </summary>
    private static List<T> ReadList<T>(ThriftCompactReader reader, short field, Func<ThriftCompactReader, int, T> readElement)
    {
        var elements = new List<T>();
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out int type))
        {
            if (id != field || !ThriftCompactReader.IsList(type))
            {
                reader.Skip(type);
                continue;
            }

            int count = reader.ReadListHeader(out int elementType);
            for (int i = 0; i < count; i++)
            {
                elements.Add(readElement(reader, elementType));
            }
        }

        return elements;
    }

    private static ColumnChunk ReadColumnChunk(ThriftCompactReader reader, int type)
    {
        if (!ThriftCompactReader.IsStruct(type))
        {
            throw new InvalidDataException("a column chunk that is not a struct");
        }

        // A chunk without metadata (an encrypted column keeps it elsewhere) or in another file is not checked.
        ColumnChunk? chunk = null;
        bool otherFile = false;
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out int fieldType))
        {
            if (id == ColumnChunkMetaData && ThriftCompactReader.IsStruct(fieldType))
            {
                chunk = ReadColumnMetaData(reader);
            }
            else
            {
                otherFile |= id == ColumnChunkFilePath;
                reader.Skip(fieldType);
            }
        }

        return chunk is { } found && !otherFile ? found : new ColumnChunk(-1, 0, -1, External: true);
    }

    private static ColumnChunk ReadColumnMetaData(ThriftCompactReader reader)
    {
        var chunk = new ColumnChunk(-1, 0, -1, External: false);
        short lastId = 0;
        while (reader.NextField(ref lastId, out short id, out int type))
        {
            switch (id)
            {
                case ColumnMetaDataTotalCompressedSize:
                    chunk = chunk with { CompressedSize = reader.ReadInteger(type) };
                    break;
                case ColumnMetaDataDataPageOffset:
                    chunk = chunk with { DataPageOffset = reader.ReadInteger(type) };
                    break;
                case ColumnMetaDataDictionaryPageOffset:
                    chunk = chunk with { DictionaryPageOffset = reader.ReadInteger(type) };
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        return chunk;
    }

    private readonly record struct ColumnChunk(long DataPageOffset, long DictionaryPageOffset, long CompressedSize, bool External);
}

/// <summary>A page that declares more bytes than its column chunk holds.</summary>
/// <param name="RowGroup">The row group, counted from 0.</param>
/// <param name="Column">The leaf column, counted from 0.</param>
/// <param name="Offset">Where the page header starts in the file.</param>
/// <param name="PageSize">The page's size in bytes, as its header declares it (compressed).</param>
/// <param name="BytesLeft">The bytes of the column chunk after the page header (with <c>ChunkSlack</c>).</param>
internal readonly record struct OversizedPage(int RowGroup, int Column, long Offset, long PageSize, long BytesLeft);
