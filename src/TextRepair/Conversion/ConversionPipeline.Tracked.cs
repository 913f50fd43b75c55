using System.Buffers;
using System.Collections.Concurrent;
using Kind = TextRepair.Conversion.ConversionTrace.SegmentKind;

namespace TextRepair.Conversion;

/// <summary>The dictionary trees of a pipeline's tables, in the order of its stages.</summary>
internal sealed record PipelineSpecs(DictionarySpec[] Normalization, DictionarySpec? Segmentation, DictionarySpec[] Chain, bool IncludeTofuRisk);

/// <summary>A segmentation phrase's output through the whole chain, and its uses of one-to-many entries in its own coordinates.</summary>
internal sealed record PhraseTrace(string Output, ConversionTrace.PhraseUse[] Uses);

/// <summary>
/// The tracked run: the same output as <see cref="ConvertFinal"/>, plus every use of a one-to-many entry. It runs
/// stage by stage over the whole piece (OpenCC runs segment by segment; each stage converts each segment on its own,
/// so the order does not change the output), keeping the segments' bounds and the pieces that change length, so that
/// each use can be mapped back to the source and forward to the output.
/// </summary>
internal sealed partial class ConversionPipeline
{
    private static readonly ConcurrentDictionary<StageTable, Lazy<AmbiguityIndex>> s_indexes = new();

    // Tracked whole-chain results of segmentation phrases, by value index (filled idempotently; a race computes one twice).
    private PhraseTrace?[]? _trackedPhrases;

    /// <summary>Whether this pipeline knows its dictionaries (it can report ambiguities).</summary>
    public bool CanTrack => _specs is not null;

    /// <summary>
    /// Converts like <see cref="ConvertFinal"/> and reports each ambiguity to <paramref name="sink"/>, with
    /// <paramref name="sourceOffset"/> and <paramref name="outputOffset"/> added to its offsets. With
    /// <paramref name="composePhrases"/> false, phrase segments go through every stage like runs instead of through
    /// the phrase cache (the tests' reference: both give the same report).
    /// </summary>
    public int ConvertFinalTracked(ReadOnlySpan<char> source, Span<char> destination, IConversionAmbiguitySink sink, int sourceOffset, int outputOffset, bool composePhrases = true)
    {
        PipelineSpecs specs = _specs ?? throw new InvalidOperationException("This pipeline cannot report ambiguities.");
        ConversionTrace trace = ConversionTrace.Rent();
        char[]? current = null;
        char[]? next = null;
        try
        {
            ReadOnlySpan<char> text = source;
            trace.AddSegment(0, source.Length, Kind.Run);
            trace.SwapSegments();
            if (_user is not null)
            {
                next = Rent(next, Need(text.Length, _user));
                int length = UserPass(text, next, trace);
                (current, next) = (next, current);
                text = current.AsSpan(0, length);
            }

            for (int s = 0; s < _normalization.Length; s++)
            {
                StageTable stage = _normalization[s];
                if (s == 0 && !MayNeedNormalization(text))
                {
                    // No unit starts a key: the whole normalization chain is the identity.
                    break;
                }

                next = Rent(next, Need(text.Length, stage));
                int length = StagePass(text, next, trace, stage, Index(stage, specs.Normalization[s], specs), null, null);
                (current, next) = (next, current);
                text = current.AsSpan(0, length);
            }

            bool fused = _fullFirst is not null && text.IndexOfAnyInRange('\u2FF0', '\u2FFF') < 0;
            if (_segmentation is not null)
            {
                Segment(text, trace, fused);
            }

            int converted = RunChain(text, trace, fused, composePhrases: fused && composePhrases, specs, ref current, ref next);
            text = _chain.Length == 0 ? text : current.AsSpan(0, converted);
            text.CopyTo(destination);
            trace.Emit(sink, sourceOffset, outputOffset);
            return text.Length;
        }
        finally
        {
            ReturnPassBuffers(trace, current, next);
        }
    }

    /// <summary>
    /// Runs the conversion chain stage by stage over the trace's segments. With <paramref name="composePhrases"/>, the
    /// fused first stage writes each phrase segment's whole-chain result and uses from the phrase cache, and the
    /// segment is then copied by the later stages: what the plain conversion's composed-phrase cache does, tracked.
    /// </summary>
    /// <returns>The length of the output, in <paramref name="current"/> (the input's length when the chain is empty).</returns>
    private int RunChain(ReadOnlySpan<char> text, ConversionTrace trace, bool fused, bool composePhrases, PipelineSpecs specs, ref char[]? current, ref char[]? next)
    {
        for (int s = 0; s < _chain.Length; s++)
        {
            StageTable stage = s == 0 && _fullFirst is not null && !fused ? _fullFirst.Value : _chain[s];
            AmbiguityIndex index = Index(stage, specs.Chain[s], specs);
            StageTable? phrases = s == 0 && fused ? _segmentation : null;
            long need = Need(text.Length, stage);
            if (phrases is not null)
            {
                need = Math.Max(need, composePhrases ? ChainNeed(text.Length) : Need(text.Length, phrases));
            }

            next = Rent(next, need);
            int length = StagePass(text, next, trace, stage, index, phrases is null ? null : Index(phrases, specs.Segmentation!, specs), composePhrases && s == 0 ? specs : null);
            (current, next) = (next, current);
            text = current.AsSpan(0, length);
        }

        return text.Length;
    }

    /// <summary>Room for the whole chain's output (each stage's own bound in turn, the segmentation values included).</summary>
    private long ChainNeed(int length)
    {
        long need = length;
        for (int s = 0; s < _chain.Length; s++)
        {
            long stage = Need((int)Math.Min(int.MaxValue, need), _chain[s]);
            if (s == 0 && _segmentation is not null)
            {
                stage = Math.Max(stage, Need((int)Math.Min(int.MaxValue, need), _segmentation));
            }

            need = stage;
        }

        return need;
    }

    /// <summary>
    /// The tracked whole-chain result of one segmentation phrase, computed once per phrase: the phrase alone is one
    /// segment (a segment is converted on its own), so its output and uses, in its own coordinates, are the same
    /// wherever it occurs.
    /// </summary>
    private PhraseTrace TracePhrase(int valueIndex, ReadOnlySpan<char> key, PipelineSpecs specs)
    {
        PhraseTrace?[] cache = _trackedPhrases ?? Interlocked.CompareExchange(ref _trackedPhrases, new PhraseTrace?[_segmentation!.KeyCount], null) ?? _trackedPhrases!;
        if (cache[valueIndex] is { } known)
        {
            return known;
        }

        ConversionTrace trace = ConversionTrace.Rent();
        char[]? current = null;
        char[]? next = null;
        try
        {
            trace.AddSegment(0, key.Length, Kind.Phrase, valueIndex);
            trace.SwapSegments();
            int length = RunChain(key, trace, fused: true, composePhrases: false, specs, ref current, ref next);
            var result = new PhraseTrace(_chain.Length == 0 ? key.ToString() : new string(current!, 0, length), trace.MappedUses());
            cache[valueIndex] = result;
            return result;
        }
        finally
        {
            ReturnPassBuffers(trace, current, next);
        }
    }

    /// <summary>Gives back what a tracked pass rented: its trace and its two stage buffers (either may be null).</summary>
    private static void ReturnPassBuffers(ConversionTrace trace, char[]? current, char[]? next)
    {
        ConversionTrace.Return(trace);
        if (current is not null)
        {
            ArrayPool<char>.Shared.Return(current);
        }

        if (next is not null)
        {
            ArrayPool<char>.Shared.Return(next);
        }
    }

    private static AmbiguityIndex Index(StageTable table, DictionarySpec spec, PipelineSpecs specs)
    {
        // Looked up first so that the common case allocates no closure.
        if (s_indexes.TryGetValue(table, out Lazy<AmbiguityIndex>? known))
        {
            return known.Value;
        }

        return s_indexes.GetOrAdd(table, t => new Lazy<AmbiguityIndex>(() => AmbiguityIndex.Build(t, spec, specs.IncludeTofuRisk))).Value;
    }

    private static long Need(int length, StageTable table) => ((long)length * table.ExpansionNumerator / table.ExpansionDenominator) + 1;

    private static char[] Rent(char[]? buffer, long need)
    {
        if (buffer is not null && buffer.Length >= need)
        {
            return buffer;
        }

        if (buffer is not null)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, need));
    }

    /// <summary>User phrases: their values become frozen segments, the text between them a run.</summary>
    private int UserPass(ReadOnlySpan<char> text, Span<char> destination, ConversionTrace trace)
    {
        StageTable user = _user!;
        trace.BeginPass();
        int written = 0;
        int runStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            int matched = user.Match(text, i, out int valueIndex);
            if (matched == 0)
            {
                i += TextUnits.CodePointLength(text, i);
                continue;
            }

            if (i > runStart)
            {
                text.Slice(runStart, i - runStart).CopyTo(destination.Slice(written));
                trace.AddSegment(written, i - runStart, Kind.Run);
                written += i - runStart;
            }

            ReadOnlySpan<char> value = user.Value(valueIndex);
            value.CopyTo(destination.Slice(written));
            if (value.Length != matched)
            {
                trace.AddPiece(i, matched, written, value.Length);
            }

            trace.AddSegment(written, value.Length, Kind.Frozen);
            written += value.Length;
            i += matched;
            runStart = i;
        }

        if (i > runStart)
        {
            text.Slice(runStart, i - runStart).CopyTo(destination.Slice(written));
            trace.AddSegment(written, i - runStart, Kind.Run);
            written += i - runStart;
        }

        trace.SwapSegments();
        return written;
    }

    /// <summary>Splits every run at the segmentation dictionary's matches (OpenCC's mmseg segmentation).</summary>
    private void Segment(ReadOnlySpan<char> text, ConversionTrace trace, bool fused)
    {
        StageTable segmentation = _segmentation!;
        for (int k = 0; k < trace.SegmentCount; k++)
        {
            ConversionTrace.Segment segment = trace.Segments[k];
            if (segment.Kind != Kind.Run)
            {
                trace.AddSegment(segment.Start, segment.Length, segment.Kind, segment.ValueIndex);
                continue;
            }

            ReadOnlySpan<char> run = text.Slice(segment.Start, segment.Length);
            int runStart = 0;
            int i = 0;
            while (true)
            {
                i = segmentation.SkipUnmatched(run, i);
                if (i >= run.Length)
                {
                    break;
                }

                int matched = segmentation.Match(run, i, out int valueIndex);
                if (matched == 0)
                {
                    i += TextUnits.UnmatchedLength(run.Slice(i));
                    continue;
                }

                if (i > runStart)
                {
                    trace.AddSegment(segment.Start + runStart, i - runStart, Kind.Run);
                }

                trace.AddSegment(segment.Start + i, matched, fused ? Kind.Phrase : Kind.Run, valueIndex);
                i += matched;
                runStart = i;
            }

            if (run.Length > runStart)
            {
                trace.AddSegment(segment.Start + runStart, run.Length - runStart, Kind.Run);
            }
        }

        trace.SwapSegments();
    }

    /// <summary>
    /// One stage over every segment: runs are converted on their own, frozen segments copied, and phrase segments
    /// (fused first stage only) take their segmentation value from <paramref name="phrases"/>.
    /// </summary>
    private int StagePass(ReadOnlySpan<char> text, Span<char> destination, ConversionTrace trace, StageTable stage, AmbiguityIndex index, AmbiguityIndex? phrases, PipelineSpecs? composeWith)
    {
        trace.BeginPass();
        int written = 0;
        for (int k = 0; k < trace.SegmentCount; k++)
        {
            ConversionTrace.Segment segment = trace.Segments[k];
            ReadOnlySpan<char> piece = text.Slice(segment.Start, segment.Length);
            int produced;
            if (segment.Kind == Kind.Frozen)
            {
                piece.CopyTo(destination.Slice(written));
                produced = piece.Length;
            }
            else if (segment.Kind == Kind.Phrase && composeWith is not null)
            {
                PhraseTrace phrase = TracePhrase(segment.ValueIndex, piece, composeWith);
                phrase.Output.CopyTo(destination.Slice(written));
                produced = phrase.Output.Length;
                if (produced != piece.Length)
                {
                    trace.AddPiece(segment.Start, piece.Length, written, produced);
                }

                foreach (ConversionTrace.PhraseUse use in phrase.Uses)
                {
                    trace.AddEvent(segment.Start + use.InputStart, use.InputLength, written + use.OutputStart, use.OutputLength, use.Entry);
                }

                // Already through the whole chain: later stages copy it.
                trace.AddSegment(written, produced, Kind.Frozen);
                written += produced;
                continue;
            }
            else if (segment.Kind == Kind.Phrase && phrases is not null)
            {
                ReadOnlySpan<char> value = phrases.Table.Value(segment.ValueIndex);
                value.CopyTo(destination.Slice(written));
                produced = value.Length;
                if (produced != piece.Length)
                {
                    trace.AddPiece(segment.Start, piece.Length, written, produced);
                }

                if (phrases.Get(segment.ValueIndex) is { } ambiguous)
                {
                    trace.AddEvent(segment.Start, piece.Length, written, produced, ambiguous);
                }
            }
            else
            {
                produced = stage.ConvertTracked(piece, destination.Slice(written), index, trace, segment.Start, written);
            }

            // A phrase segment keeps its kind only for the fused first stage; later stages convert it like a run.
            trace.AddSegment(written, produced, segment.Kind == Kind.Frozen ? Kind.Frozen : Kind.Run);
            written += produced;
        }

        trace.SwapSegments();
        return written;
    }
}
