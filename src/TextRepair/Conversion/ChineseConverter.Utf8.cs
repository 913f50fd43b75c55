using System.Buffers;
using System.Text;
using System.Text.Unicode;
using TextRepair.Conversion;

namespace TextRepair;

/// <summary>The UTF-8 span API: decode a chunk, convert it with the UTF-16 engine, encode it.</summary>
public sealed partial class ChineseConverter
{
    // UTF-8 is converted in chunks of this many bytes (two pooled buffers of about this many units).
    private const int Utf8ChunkBytes = 16384;

    /// <summary>
    /// Converts UTF-8 <paramref name="source"/> into UTF-8 <paramref name="destination"/>, shaped like
    /// <see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/>.
    /// </summary>
    /// <param name="source">UTF-8 text, or the next block of a longer text (it may end inside a sequence when <paramref name="isFinalBlock"/> is false).</param>
    /// <param name="destination">Receives the converted UTF-8 text. <see cref="GetMaxConvertedUtf8Length(int)"/> gives a size that always suffices.</param>
    /// <param name="bytesConsumed">Number of bytes of <paramref name="source"/> converted.</param>
    /// <param name="bytesWritten">Number of bytes written to <paramref name="destination"/>.</param>
    /// <param name="isFinalBlock">False when more text follows <paramref name="source"/>.</param>
    /// <returns>
    /// As for <see cref="Convert(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/>, plus
    /// <see cref="OperationStatus.InvalidData"/>: <paramref name="source"/> holds invalid UTF-8 at
    /// <paramref name="bytesConsumed"/>; the text before it has been converted as if it ended there.
    /// A sequence cut off by the end of a non-final block gives <see cref="OperationStatus.NeedMoreData"/>.
    /// </returns>
    /// <remarks>Thread-safe. Allocates nothing once warm: the first conversions of a converter may build a table it
    /// loads on demand, and the working buffers come from <see cref="ArrayPool{T}.Shared"/>, which allocates when it has
    /// no buffer of that size to give (the first call on a thread, say).</remarks>
    public OperationStatus ConvertUtf8(ReadOnlySpan<byte> source, Span<byte> destination, out int bytesConsumed, out int bytesWritten, bool isFinalBlock = true)
    {
        int consumed = 0;
        int written = 0;
        int chunkBytes = Utf8ChunkBytes;
        char[] chars = ArrayPool<char>.Shared.Rent(chunkBytes);
        char[] converted = ArrayPool<char>.Shared.Rent((int)_pipeline.MaxOutputLength(chunkBytes));
        try
        {
            while (true)
            {
                ReadOnlySpan<byte> rest = source.Slice(consumed);
                if (rest.IsEmpty)
                {
                    return Finish(OperationStatus.Done, out bytesConsumed, out bytesWritten);
                }

                int chunk = Math.Min(rest.Length, chunkBytes);
                bool lastChunk = chunk == rest.Length;
                if (chars.Length < chunk)
                {
                    Regrow(ref chars, chunk, ref converted, (int)Math.Min(Array.MaxLength, _pipeline.MaxOutputLength(chunk)));
                }

                OperationStatus decode = Utf8.ToUtf16(rest.Slice(0, chunk), chars, out int read, out int decoded, replaceInvalidSequences: false, isFinalBlock: lastChunk && isFinalBlock);
                bool textEnds = decode == OperationStatus.InvalidData || (decode == OperationStatus.Done && lastChunk && isFinalBlock);

                // Limit the converted units so that their UTF-8 form (at most 3 bytes per unit) fits.
                int room = destination.Length - written;
                int maxUnits = _pipeline.MaxOutputBytes(read) <= room ? converted.Length : Math.Min(converted.Length, room / 3);
                OperationStatus status = Convert(chars.AsSpan(0, decoded), converted.AsSpan(0, maxUnits), out int used, out int produced, textEnds);
                Utf8.FromUtf16(converted.AsSpan(0, produced), destination.Slice(written), out _, out int encoded);
                written += encoded;
                consumed += used == decoded ? read : Encoding.UTF8.GetByteCount(chars.AsSpan(0, used));

                if (status == OperationStatus.DestinationTooSmall)
                {
                    if (produced == 0 && room >= 3 && maxUnits < converted.Length)
                    {
                        // The next piece may still fit in bytes although not in room / 3 units: try it exactly.
                        if (TryConvertExactly(chars.AsSpan(used, decoded - used), textEnds, destination.Slice(written), ref consumed, ref written))
                        {
                            continue;
                        }
                    }

                    return Finish(OperationStatus.DestinationTooSmall, out bytesConsumed, out bytesWritten);
                }

                if (used < decoded)
                {
                    // The converter needs the text after this chunk to decide the rest.
                    if (lastChunk)
                    {
                        return Finish(OperationStatus.NeedMoreData, out bytesConsumed, out bytesWritten);
                    }

                    if (used == 0)
                    {
                        chunkBytes = (int)Math.Min(Array.MaxLength, (long)chunkBytes * 2);
                    }

                    continue;
                }

                if (decode == OperationStatus.InvalidData)
                {
                    return Finish(OperationStatus.InvalidData, out bytesConsumed, out bytesWritten);
                }

                if (decode == OperationStatus.NeedMoreData && lastChunk)
                {
                    return Finish(OperationStatus.NeedMoreData, out bytesConsumed, out bytesWritten);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<char>.Shared.Return(converted);
        }

        OperationStatus Finish(OperationStatus status, out int bytesConsumed, out int bytesWritten)
        {
            bytesConsumed = consumed;
            bytesWritten = written;
            return status;
        }
    }

    private bool TryConvertExactly(ReadOnlySpan<char> chars, bool textEnds, Span<byte> destination, ref int consumed, ref int written)
    {
        int cut = textEnds ? chars.Length : FindCutBackward(chars, 0, Math.Min(chars.Length, ConversionPipeline.PieceLength), textEnds);
        while (cut > 0)
        {
            ReadOnlySpan<char> piece = chars.Slice(0, cut);
            char[] scratch = ArrayPool<char>.Shared.Rent((int)_pipeline.MaxOutputLength(piece.Length));
            try
            {
                int produced = ConvertUnit(piece, scratch, sink: null, 0, 0);
                if (Utf8.FromUtf16(scratch.AsSpan(0, produced), destination, out _, out int encoded) == OperationStatus.Done)
                {
                    written += encoded;
                    consumed += Encoding.UTF8.GetByteCount(piece);
                    return true;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(scratch);
            }

            cut = FindCutBackward(chars, 0, cut / 2, textEnds);
        }

        return false;
    }
}
