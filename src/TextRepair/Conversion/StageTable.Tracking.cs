using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>The tracked conversion: the same greedy match as <see cref="Convert"/>, recording what ambiguity reports need.</summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>A copy of the per-unit entries (for <see cref="AmbiguityIndex.TrackingEntries"/>).</summary>
    public uint[] CopyEntries() => (uint[])_entries.Clone();

    /// <summary>
    /// Converts like <see cref="Convert"/>, but reads the index's entries (this table's entries with ambiguous
    /// single-unit keys sent to the slow path), logs every piece whose output length differs from its input length and
    /// every use of a one-to-many entry. <paramref name="inputOffset"/> and <paramref name="outputOffset"/> place
    /// <paramref name="source"/> and <paramref name="destination"/> in the pass's coordinates.
    /// </summary>
    public int ConvertTracked(ReadOnlySpan<char> source, Span<char> destination, AmbiguityIndex index, ConversionTrace trace, int inputOffset, int outputOffset)
    {
        ref uint entries = ref MemoryMarshal.GetArrayDataReference(index.TrackingEntries);
        ref char src = ref MemoryMarshal.GetReference(source);
        ref char dst = ref MemoryMarshal.GetReference(destination);
        int length = source.Length;
        int i = 0;
        int written = 0;
        while (i < length)
        {
            char c = Unsafe.Add(ref src, i);
            uint entry = Unsafe.Add(ref entries, c);
            if ((entry & Unsettled) == 0
                || ((entry & NeedsSlowPath) == 0 && (i + 1 >= length || !MayStartPair(c, Unsafe.Add(ref src, i + 1)))))
            {
                Debug.Assert(written < destination.Length);
                Unsafe.Add(ref dst, written++) = (char)entry;
                i++;
                continue;
            }

            int matched = Walk(source, i, out int valueIndex);
            if (matched > 0)
            {
                int start = _valueOffsets[valueIndex];
                int count = _valueOffsets[valueIndex + 1] - start;
                new ReadOnlySpan<char>(_valuePool + start, count).CopyTo(destination.Slice(written));
                if (count != matched)
                {
                    trace.AddPiece(inputOffset + i, matched, outputOffset + written, count);
                }

                if (index.Get(valueIndex) is { } ambiguous)
                {
                    trace.AddEvent(inputOffset + i, matched, outputOffset + written, count, ambiguous);
                }

                written += count;
                i += matched;
            }
            else
            {
                int unit = TextUnits.UnmatchedLength(source.Slice(i));
                source.Slice(i, unit).CopyTo(destination.Slice(written));
                written += unit;
                i += unit;
            }
        }

        return written;
    }
}
