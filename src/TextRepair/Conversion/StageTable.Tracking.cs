using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>The tracked conversion: the same greedy loop as <see cref="Convert(ReadOnlySpan{char}, Span{char})"/>, with a sink that records what ambiguity reports need.</summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>Hears of every dictionary match of the conversion loop (see <see cref="Convert{TSink}"/>).</summary>
    private interface IMatchSink
    {
        /// <summary>A key of <paramref name="matched"/> units at <paramref name="inputStart"/> wrote its value of <paramref name="count"/> units at <paramref name="outputStart"/>.</summary>
        public void OnMatch(int inputStart, int matched, int outputStart, int count, int valueIndex);
    }

    /// <summary>A copy of the 65536 unit entries (for <see cref="AmbiguityIndex.TrackingEntries"/>): 256 KB, made only when tracking.</summary>
    public uint[] CopyEntries() => new ReadOnlySpan<uint>(_entries, StageTableImage.EntryCount).ToArray();

    /// <summary>
    /// Converts like <see cref="Convert(ReadOnlySpan{char}, Span{char})"/>, but reads the index's entries (this table's
    /// entries with ambiguous single-unit keys sent to the slow path), logs every piece whose output length differs
    /// from its input length and every use of a one-to-many entry. <paramref name="inputOffset"/> and
    /// <paramref name="outputOffset"/> place <paramref name="source"/> and <paramref name="destination"/> in the pass's coordinates.
    /// </summary>
    public int ConvertTracked(ReadOnlySpan<char> source, Span<char> destination, AmbiguityIndex index, ConversionTrace trace, int inputOffset, int outputOffset)
    {
        var sink = new TrackingSink(index, trace, inputOffset, outputOffset);
        return Convert(source, destination, ref MemoryMarshal.GetArrayDataReference(index.TrackingEntries), ref sink);
    }

    /// <summary>The plain conversion's sink: nothing to do, compiled away.</summary>
    private struct NoSink : IMatchSink
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void OnMatch(int inputStart, int matched, int outputStart, int count, int valueIndex)
        {
        }
    }

    /// <summary>Records length-changing pieces and one-to-many uses into a <see cref="ConversionTrace"/>.</summary>
    private readonly struct TrackingSink : IMatchSink
    {
        private readonly AmbiguityIndex _index;
        private readonly ConversionTrace _trace;
        private readonly int _inputOffset;
        private readonly int _outputOffset;

        public TrackingSink(AmbiguityIndex index, ConversionTrace trace, int inputOffset, int outputOffset)
        {
            _index = index;
            _trace = trace;
            _inputOffset = inputOffset;
            _outputOffset = outputOffset;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void OnMatch(int inputStart, int matched, int outputStart, int count, int valueIndex)
        {
            if (count != matched)
            {
                _trace.AddPiece(_inputOffset + inputStart, matched, _outputOffset + outputStart, count);
            }

            if (_index.Get(valueIndex) is { } ambiguous)
            {
                _trace.AddEvent(_inputOffset + inputStart, matched, _outputOffset + outputStart, count, ambiguous);
            }
        }
    }
}
