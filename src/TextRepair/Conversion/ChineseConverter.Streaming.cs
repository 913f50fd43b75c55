using System.Buffers;
using TextRepair.Conversion;

namespace TextRepair;

/// <summary>Streaming: a <see cref="TextReader"/> converted block by block into a <see cref="TextWriter"/>.</summary>
public sealed partial class ChineseConverter
{
    /// <summary>Converts everything <paramref name="source"/> reads and writes it to <paramref name="destination"/>.</summary>
    /// <param name="source">Read to its end.</param>
    /// <param name="destination">Written to; not flushed or closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is null.</exception>
    /// <remarks>
    /// Thread-safe (for distinct readers and writers). Gives exactly the result of converting the whole text at once,
    /// in memory bounded by the longest stretch of text without a line break, space or punctuation mark (blocks of
    /// about 8 K characters in ordinary text); buffers come from <see cref="ArrayPool{T}.Shared"/>.
    /// </remarks>
    public void Convert(TextReader source, TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        char[] input = ArrayPool<char>.Shared.Rent(2 * ConversionPipeline.PieceLength);
        char[] output = ArrayPool<char>.Shared.Rent(GetMaxConvertedLength(input.Length));
        try
        {
            int filled = 0;
            bool end = false;
            while (true)
            {
                if (!end && filled < input.Length)
                {
                    int read = source.Read(input, filled, input.Length - filled);
                    end = read == 0;
                    filled += read;
                }

                OperationStatus status = Convert(input.AsSpan(0, filled), output, out int consumed, out int written, isFinalBlock: end);
                destination.Write(output, 0, written);
                input.AsSpan(consumed, filled - consumed).CopyTo(input);
                filled -= consumed;
                if (end && filled == 0)
                {
                    return;
                }

                if (status == OperationStatus.NeedMoreData && consumed == 0 && filled == input.Length)
                {
                    Regrow(ref input, input.Length * 2, ref output, GetMaxConvertedLength(input.Length * 2), keep: filled);
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(input);
            ArrayPool<char>.Shared.Return(output);
        }
    }

    private static void Regrow(ref char[] first, int firstLength, ref char[] second, int secondLength, int keep = 0)
    {
        char[] grown = ArrayPool<char>.Shared.Rent(firstLength);
        first.AsSpan(0, keep).CopyTo(grown);
        ArrayPool<char>.Shared.Return(first);
        first = grown;
        ArrayPool<char>.Shared.Return(second);
        second = ArrayPool<char>.Shared.Rent(secondLength);
    }
}
