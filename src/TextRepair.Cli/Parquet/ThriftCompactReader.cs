namespace TextRepair.Cli.Parquet;

/// <summary>
/// Reads the Thrift compact protocol that Parquet's footer and page headers are written in: just enough to find a few
/// integer fields by their ids and skip everything else. Every length is checked against the bytes left, so damaged
/// input ends in <see cref="InvalidDataException"/>, never in a large allocation or a long loop.
/// </summary>
internal sealed class ThriftCompactReader
{
    /// <summary>Nesting of structs, lists and maps accepted when skipping. Parquet's deepest is about 6 (FileMetaData,
    /// RowGroup, ColumnChunk, ColumnMetaData, Statistics/size statistics, a list in it).</summary>
    private const int MaxDepth = 32;

    // Compact protocol type ids.
    private const int BoolTrue = 1;
    private const int BoolFalse = 2;
    private const int Byte = 3;
    private const int I16 = 4;
    private const int I32 = 5;
    private const int I64 = 6;
    private const int Double = 7;
    private const int Binary = 8;
    private const int List = 9;
    private const int Set = 10;
    private const int Map = 11;
    private const int Struct = 12;

    private readonly Stream _stream;
    private readonly long _end;

    /// <param name="stream">A seekable stream positioned at the first byte to read.</param>
    /// <param name="end">The position reading must not pass.</param>
    public ThriftCompactReader(Stream stream, long end)
    {
        _stream = stream;
        _end = end;
    }

    public long Position => _stream.Position;

    /// <summary>The next field of the current struct: its id and type, or false at the struct's end.</summary>
    public bool NextField(ref short lastId, out short id, out int type)
    {
        byte header = ReadByte();
        type = header & 0x0F;
        if (type == 0)
        {
            id = 0;
            return false;
        }

        int delta = header >> 4;
        id = delta != 0 ? (short)(lastId + delta) : (short)ReadInteger(I16);
        lastId = id;
        return true;
    }

    /// <summary>
    /// Reads an integer field of type i16, i32 or i64 (a different type is damage). Like Thrift's C++ reader (Arrow's),
    /// an i16 or i32 keeps the low 32 bits of a longer varint before the zigzag decoding (and an i16 then its low 16).
    /// </summary>
    public long ReadInteger(int type)
    {
        ulong raw = (ulong)ReadVarint();
        uint low = (uint)raw;
        int value32 = (int)(low >> 1) ^ -(int)(low & 1);
        return type switch
        {
            I16 => (short)value32,
            I32 => value32,
            I64 => (long)(raw >> 1) ^ -(long)(raw & 1),
            _ => throw new InvalidDataException($"expected an integer, found type {type}"),
        };
    }

    /// <summary>Reads a list header: the element type and the element count.</summary>
    public int ReadListHeader(out int elementType)
    {
        byte header = ReadByte();
        elementType = header & 0x0F;
        long count = header >> 4;
        if (count == 15)
        {
            count = ReadVarint();
        }

        // Every element takes at least one byte.
        return count >= 0 && count <= Math.Min(int.MaxValue, _end - Position)
            ? (int)count
            : throw new InvalidDataException($"a list of {count} elements in {_end - Position} bytes");
    }

    /// <summary>Skips a value of the given type (the rest of a struct, for <see cref="Struct"/>).</summary>
    public void Skip(int type, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException("nested too deeply");
        }

        switch (type)
        {
            case BoolTrue or BoolFalse:
                break;
            case Byte:
                ReadByte();
                break;
            case I16 or I32 or I64:
                ReadVarint();
                break;
            case Double:
                SkipBytes(8);
                break;
            case Binary:
                SkipBytes(ReadVarint());
                break;
            case List or Set:
                int count = ReadListHeader(out int elementType);
                for (int i = 0; i < count; i++)
                {
                    // Booleans in a list take a byte each.
                    Skip(elementType is BoolTrue or BoolFalse ? Byte : elementType, depth + 1);
                }

                break;
            case Map:
                long entries = ReadVarint();
                if (entries > 0)
                {
                    byte types = ReadByte();
                    for (long i = 0; i < entries; i++)
                    {
                        Skip(types >> 4 is BoolTrue or BoolFalse ? Byte : types >> 4, depth + 1);
                        Skip((types & 0x0F) is BoolTrue or BoolFalse ? Byte : types & 0x0F, depth + 1);
                    }
                }

                break;
            case Struct:
                short lastId = 0;
                while (NextField(ref lastId, out _, out int fieldType))
                {
                    Skip(fieldType, depth + 1);
                }

                break;
            default:
                throw new InvalidDataException($"unknown type {type}");
        }
    }

    public static bool IsStruct(int type) => type == Struct;

    public static bool IsList(int type) => type == List;

    private long ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)value;
            }
        }

        throw new InvalidDataException("a varint longer than 10 bytes");
    }

    private byte ReadByte()
    {
        int b = Position < _end ? _stream.ReadByte() : -1;
        return b >= 0 ? (byte)b : throw new InvalidDataException("unexpected end");
    }

    private void SkipBytes(long count)
    {
        if (count < 0 || count > _end - Position)
        {
            throw new InvalidDataException($"{count} bytes to skip, {_end - Position} left");
        }

        _stream.Seek(count, SeekOrigin.Current);
    }
}
