using System.Buffers;

namespace TextRepair.Conversion;

/// <summary>
/// What a tracked conversion records, pass by pass: the pieces whose output length differs from their input length
/// (everything else maps unit to unit), the uses of one-to-many entries, and the segments of the current text. Maps
/// each use back to the source and forward to the output.
/// </summary>
/// <remarks>
/// One instance per thread is reused ([ThreadStatic]); its arrays come from <see cref="ArrayPool{T}.Shared"/> and grow
/// with the text, so a conversion allocates nothing per position. Not thread-safe (each thread rents its own).
/// </remarks>
internal sealed class ConversionTrace
{
    [ThreadStatic]
    private static ConversionTrace? t_cached;

    private Piece[] _pieces = [];
    private int _pieceCount;
    private int[] _passStarts = new int[16];
    private int _passCount;
    private Event[] _events = [];
    private int _eventCount;

    public Segment[] Segments = [];
    public int SegmentCount;
    public Segment[] NextSegments = [];
    public int NextSegmentCount;

    public enum SegmentKind : byte
    {
        /// <summary>Converted by every stage.</summary>
        Run,

        /// <summary>A segmentation match: the fused first stage writes its segmentation value.</summary>
        Phrase,

        /// <summary>A user phrase's value: copied by every stage.</summary>
        Frozen,
    }

    public static ConversionTrace Rent()
    {
        ConversionTrace trace = t_cached ?? new ConversionTrace();
        t_cached = null;
        trace._pieceCount = 0;
        trace._passCount = 0;
        trace._eventCount = 0;
        trace.SegmentCount = 0;
        trace.NextSegmentCount = 0;
        return trace;
    }

    public static void Return(ConversionTrace trace)
    {
        Array.Clear(trace._events, 0, trace._eventCount);
        trace._eventCount = 0;
        t_cached = trace;
    }

    public void BeginPass()
    {
        if (_passCount + 1 >= _passStarts.Length)
        {
            Array.Resize(ref _passStarts, _passStarts.Length * 2);
        }

        _passStarts[_passCount++] = _pieceCount;
        _passStarts[_passCount] = _pieceCount;
    }

    public void AddPiece(int inputStart, int inputLength, int outputStart, int outputLength)
    {
        if (_pieceCount == _pieces.Length)
        {
            Grow(ref _pieces, _pieceCount);
        }

        _pieces[_pieceCount++] = new Piece(inputStart, inputLength, outputStart, outputLength);
        _passStarts[_passCount] = _pieceCount;
    }

    public void AddEvent(int inputStart, int inputLength, int outputStart, int outputLength, AmbiguousEntry entry)
    {
        if (_eventCount == _events.Length)
        {
            Grow(ref _events, _eventCount);
        }

        _events[_eventCount++] = new Event(_passCount - 1, inputStart, inputLength, outputStart, outputLength, entry);
    }

    public void AddSegment(int start, int length, SegmentKind kind, int valueIndex = -1)
    {
        if (NextSegmentCount == NextSegments.Length)
        {
            Grow(ref NextSegments, NextSegmentCount);
        }

        NextSegments[NextSegmentCount++] = new Segment(start, length, kind, valueIndex);
    }

    /// <summary>Makes the segments added since the last swap the current ones.</summary>
    public void SwapSegments()
    {
        (Segments, NextSegments) = (NextSegments, Segments);
        SegmentCount = NextSegmentCount;
        NextSegmentCount = 0;
    }

    /// <summary>Maps every recorded use to source and output coordinates and hands them to the sink in source order.</summary>
    public void Emit(IConversionAmbiguitySink sink, int sourceOffset, int outputOffset)
    {
        MapEvents();
        for (int e = 0; e < _eventCount; e++)
        {
            Event item = _events[e];
            var ambiguity = new ConversionAmbiguity(
                item.InputStart + sourceOffset, item.InputLength, item.OutputStart + outputOffset, item.OutputLength, item.Entry.Key, item.Entry.Values, item.Entry.Dictionary);
            sink.Add(in ambiguity);
        }
    }

    /// <summary>Maps every recorded use to source and output coordinates, in source order (see <see cref="ConversionPipeline"/>'s phrase cache).</summary>
    public PhraseUse[] MappedUses()
    {
        MapEvents();
        var uses = new PhraseUse[_eventCount];
        for (int e = 0; e < _eventCount; e++)
        {
            Event item = _events[e];
            uses[e] = new PhraseUse(item.InputStart, item.InputLength, item.OutputStart, item.OutputLength, item.Entry);
        }

        return uses;
    }

    private void MapEvents()
    {
        for (int e = 0; e < _eventCount; e++)
        {
            ref Event item = ref _events[e];
            int sourceStart = item.InputStart;
            int sourceEnd = item.InputStart + item.InputLength;
            for (int pass = item.Pass - 1; pass >= 0; pass--)
            {
                (sourceStart, sourceEnd) = Map(pass, sourceStart, sourceEnd, backward: true);
            }

            int outputStart = item.OutputStart;
            int outputEnd = item.OutputStart + item.OutputLength;
            for (int pass = item.Pass + 1; pass < _passCount; pass++)
            {
                (outputStart, outputEnd) = Map(pass, outputStart, outputEnd, backward: false);
            }

            item = item with { InputStart = sourceStart, InputLength = sourceEnd - sourceStart, OutputStart = outputStart, OutputLength = outputEnd - outputStart };
        }

        // Passes are recorded one after the other; sort by source position (insertion sort: each pass is sorted already).
        for (int i = 1; i < _eventCount; i++)
        {
            Event item = _events[i];
            int j = i - 1;
            while (j >= 0 && _events[j].InputStart > item.InputStart)
            {
                _events[j + 1] = _events[j];
                j--;
            }

            _events[j + 1] = item;
        }
    }

    /// <summary>Maps the span [start, end) through one pass (forward: input to output; backward: output to input), widened to whole pieces.</summary>
    private (int Start, int End) Map(int pass, int start, int end, bool backward)
    {
        ReadOnlySpan<Piece> pieces = _pieces.AsSpan(_passStarts[pass], _passStarts[pass + 1] - _passStarts[pass]);
        return (MapPosition(pieces, start, isEnd: false, backward), MapPosition(pieces, end, isEnd: true, backward));
    }

    private static int MapPosition(ReadOnlySpan<Piece> pieces, int position, bool isEnd, bool backward)
    {
        // The last piece that starts before the position (at or before it, for a start).
        int low = 0;
        int high = pieces.Length - 1;
        int found = -1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int pieceStart = backward ? pieces[middle].OutputStart : pieces[middle].InputStart;
            if (isEnd ? pieceStart < position : pieceStart <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (found < 0)
        {
            return position;
        }

        Piece piece = pieces[found];
        (int fromStart, int fromLength, int toStart, int toLength) = backward
            ? (piece.OutputStart, piece.OutputLength, piece.InputStart, piece.InputLength)
            : (piece.InputStart, piece.InputLength, piece.OutputStart, piece.OutputLength);
        if (isEnd ? position <= fromStart + fromLength : position < fromStart + fromLength)
        {
            return isEnd ? toStart + toLength : toStart;
        }

        return position + (toStart + toLength) - (fromStart + fromLength);
    }

    private static void Grow<T>(ref T[] array, int used)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(64, used * 2));
        array.AsSpan(0, used).CopyTo(larger);
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }

        array = larger;
    }

    public readonly record struct Piece(int InputStart, int InputLength, int OutputStart, int OutputLength);

    public readonly record struct Segment(int Start, int Length, SegmentKind Kind, int ValueIndex);

    /// <summary>A use of a one-to-many entry inside one phrase segment, in the segment's own coordinates.</summary>
    public readonly record struct PhraseUse(int InputStart, int InputLength, int OutputStart, int OutputLength, AmbiguousEntry Entry);

    private readonly record struct Event(int Pass, int InputStart, int InputLength, int OutputStart, int OutputLength, AmbiguousEntry Entry);
}
