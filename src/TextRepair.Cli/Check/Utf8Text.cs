using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace TextRepair.Cli.Check;

/// <summary>
/// Decodes valid UTF-8 into a string in one transcoding pass. <see cref="System.Text.Encoding.GetString(byte[])"/>
/// validates and counts the whole input before it transcodes; for Chinese text that count costs as much as the
/// transcoding itself (LibreOffice help zh-TW, 1.75 MB: GetString 4.4-7.7 ms, this 1.7 ms, session 9). Here the
/// UTF-16 length comes from a vectorised byte count that is exact for valid UTF-8, and <see cref="Utf8.ToUtf16"/>
/// validates while it writes into the string. Thread-safe; allocates the string only.
/// </summary>
internal static class Utf8Text
{
    /// <summary>
    /// The text of <paramref name="bytes"/> from <paramref name="offset"/>, or null when they are not valid UTF-8 (the
    /// caller then decodes with a throwing decoder to name the offending byte).
    /// </summary>
    public static string? TryDecode(byte[] bytes, int offset) => TryDecode(bytes, offset, bytes.Length - offset);

    /// <summary>
    /// The text of the <paramref name="count"/> bytes of <paramref name="bytes"/> from <paramref name="offset"/>, or null
    /// when they are not valid UTF-8.
    /// </summary>
    public static string? TryDecode(byte[] bytes, int offset, int count) =>
        TryDecode(bytes, offset, count, Utf16Length(bytes.AsSpan(offset, count)));

    /// <summary>
    /// As <see cref="TryDecode(byte[], int, int)"/>, with the <see cref="Utf16Length"/> of the bytes already counted.
    /// </summary>
    public static string? TryDecode(byte[] bytes, int offset, int count, int length)
    {
        ReadOnlySpan<byte> source = bytes.AsSpan(offset, count);
        if (length == 0)
        {
            // string.Create does not call back for an empty string: only continuation bytes count to zero.
            return source.IsEmpty ? string.Empty : null;
        }

        var state = new DecodeState(bytes, offset, count);
        string text = string.Create(length, state, static (destination, s) =>
        {
            OperationStatus status = Utf8.ToUtf16(
                s.Bytes.AsSpan(s.Offset, s.Count), destination, out _, out int written, replaceInvalidSequences: false, isFinalBlock: true);
            s.Valid = status == OperationStatus.Done && written == destination.Length;
        });
        return state.Valid ? text : null;
    }

    /// <summary>
    /// The number of UTF-16 units valid UTF-8 <paramref name="bytes"/> decode to: one per byte that is not a
    /// continuation byte (0x80-0xBF), plus one per lead byte of a four-byte sequence (0xF0-0xF4: a surrogate pair). For
    /// invalid input the number means nothing. Compiled optimised at once: it runs once per file, and unoptimised
    /// vector code took 6% of a 100 MB check (session 9 profile).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Utf16Length(ReadOnlySpan<byte> bytes)
    {
        int continuation = 0;
        int fourByte = 0;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // As signed bytes: continuation bytes are -128..-65, lead bytes of four from 0xF0 on are -16..-1.
            Vector256<sbyte> continuationEnd = Vector256.Create((sbyte)-64);
            Vector256<sbyte> fourByteStart = Vector256.Create((sbyte)-17);
            ref byte start = ref MemoryMarshal.GetReference(bytes);
            for (; i <= bytes.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256<sbyte> v = Vector256.LoadUnsafe(ref start, (nuint)i).AsSByte();
                continuation += BitOperations.PopCount(Vector256.LessThan(v, continuationEnd).ExtractMostSignificantBits());
                fourByte += BitOperations.PopCount(
                    (Vector256.GreaterThan(v, fourByteStart) & Vector256.LessThan(v, Vector256<sbyte>.Zero)).ExtractMostSignificantBits());
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            // The same on 16 bytes, for the rest and for the Native AOT build, which targets processors without
            // 256-bit vectors: there the scalar loop took 16% of a 100 MB check (session 10 profile).
            Vector128<sbyte> continuationEnd = Vector128.Create((sbyte)-64);
            Vector128<sbyte> fourByteStart = Vector128.Create((sbyte)-17);
            ref byte start = ref MemoryMarshal.GetReference(bytes);
            for (; i <= bytes.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Vector128<sbyte> v = Vector128.LoadUnsafe(ref start, (nuint)i).AsSByte();
                continuation += BitOperations.PopCount(Vector128.LessThan(v, continuationEnd).ExtractMostSignificantBits());
                fourByte += BitOperations.PopCount(
                    (Vector128.GreaterThan(v, fourByteStart) & Vector128.LessThan(v, Vector128<sbyte>.Zero)).ExtractMostSignificantBits());
            }
        }

        for (; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            continuation += b is >= 0x80 and < 0xC0 ? 1 : 0;
            fourByte += b >= 0xF0 ? 1 : 0;
        }

        return bytes.Length - continuation + fourByte;
    }

    private sealed class DecodeState(byte[] bytes, int offset, int count)
    {
        public byte[] Bytes { get; } = bytes;

        public int Offset { get; } = offset;

        public int Count { get; } = count;

        public bool Valid { get; set; }
    }
}
