using System.Buffers;

namespace TextRepair;

/// <summary>Progress through a small destination: a run without a safe cut converted a prefix at a time.</summary>
public sealed partial class ChineseConverter
{
    /// <summary>
    /// The smallest destination, in UTF-16 units, with which
    /// <see cref="Convert(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/> always makes progress: with a
    /// destination at least this long, a call returns <see cref="OperationStatus.DestinationTooSmall"/> only after
    /// consuming and writing something (or <see cref="OperationStatus.NeedMoreData"/> with nothing consumed when a
    /// non-final block holds no point where the text may be cut). For <see cref="ConvertUtf8"/> the matching size is
    /// three times this many bytes.
    /// </summary>
    /// <remarks>
    /// Thread-safe; allocates nothing. It is <see cref="GetMaxConvertedLength(int)"/> of one more than the longest
    /// stretch any stage reads as one (its longest key, or a whole ideographic description sequence of up to 128
    /// units): such a stretch holds a boundary of the conversion, where the text before it converts on its own. For
    /// the built-in configs it is 258 to 603 units (323 for s2twp). Smaller destinations still make progress
    /// whenever the text allows it. A run of <em>n</em> units with no line break, space or punctuation mark, written
    /// through a destination of <em>d</em> units, costs about <em>n</em>/<em>d</em> conversions of the run, since each
    /// call converts the whole run to find where its output can stop (a 200,000-unit run through a 4,096-unit
    /// destination: 49 calls, about 1.2 s for s2t on a loaded 2-core machine).
    /// </remarks>
    public int MinimumDestinationLength => (int)Math.Min(Array.MaxLength, _pipeline.MaxOutputLength(_pipeline.LongestUnit() + 1));

    /// <summary>
    /// Converts the longest prefix of <paramref name="run"/> (a run without a safe cut, whose whole conversion does not
    /// fit) that fits <paramref name="destination"/> and provably converts on its own: its conversion followed by
    /// the conversion of the rest equals the conversion of the whole run. Returns the units consumed (0 when none fits).
    /// </summary>
    private int SplitRun(ReadOnlySpan<char> run, Span<char> destination, out int written, IConversionAmbiguitySink? sink, int sourceOffset, int outputOffset)
    {
        written = 0;
        int window = _pipeline.LongestUnit();
        char[] whole = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, _pipeline.MaxOutputLength(run.Length)));
        char[] part = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, _pipeline.MaxOutputLength(run.Length)));
        try
        {
            int total = ConvertUnit(run, whole, sink: null, 0, 0);
            int cut = Math.Min(run.Length - 1, destination.Length);
            int fittingTried = 0;
            while (cut > 0 && fittingTried <= window)
            {
                if (char.IsLowSurrogate(run[cut]) && char.IsHighSurrogate(run[cut - 1]))
                {
                    cut--;
                    continue;
                }

                int produced = ConvertUnit(run.Slice(0, cut), part, sink: null, 0, 0);
                if (produced > destination.Length)
                {
                    // Step back by about the excess (a unit rarely converts to more than three).
                    cut -= Math.Max(1, (produced - destination.Length) / 3);
                    continue;
                }

                fittingTried++;
                if (part.AsSpan(0, produced).SequenceEqual(whole.AsSpan(0, produced)))
                {
                    int rest = ConvertUnit(run.Slice(cut), part, sink: null, 0, 0);
                    if (produced + rest == total && part.AsSpan(0, rest).SequenceEqual(whole.AsSpan(produced, rest)))
                    {
                        if (sink is not null)
                        {
                            ConvertUnit(run.Slice(0, cut), part, sink, sourceOffset, outputOffset);
                        }

                        whole.AsSpan(0, produced).CopyTo(destination);
                        written = produced;
                        return cut;
                    }
                }

                cut--;
            }

            return 0;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(whole);
            ArrayPool<char>.Shared.Return(part);
        }
    }
}
