using System.Buffers;
using TextRepair.Conversion;

namespace TextRepair;

/// <summary>Conversion you can check: ambiguity reports and protected text.</summary>
public sealed partial class ChineseConverter
{
    /// <summary>What this converter protects (see <see cref="WithProtection"/>); <see cref="ProtectedText.None"/> for OpenCC's behaviour.</summary>
    public ProtectedText Protection => _protection?.Kinds ?? ProtectedText.None;

    /// <summary>Converts <paramref name="text"/> and adds every ambiguity (see <see cref="ConversionAmbiguity"/>) to <paramref name="ambiguities"/>.</summary>
    /// <param name="text">The text to convert.</param>
    /// <param name="ambiguities">Receives the ambiguities in source order; offsets are in UTF-16 units of <paramref name="text"/> and of the result.</param>
    /// <returns>Exactly what <see cref="Convert(string)"/> returns (the same instance when nothing changes).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="ambiguities"/> is null.</exception>
    /// <remarks>
    /// Thread-safe (for distinct collections). Allocates the result string, one small adapter, and the collection's own
    /// growth; the first call per dictionary reads its one-to-many entries (a few milliseconds, once per process).
    /// </remarks>
    public string Convert(string text, ICollection<ConversionAmbiguity> ambiguities)
    {
        ArgumentNullException.ThrowIfNull(ambiguities);
        return ConvertString(text, new CollectionSink(ambiguities));
    }

    /// <summary>
    /// Converts like <see cref="Convert(ReadOnlySpan{char}, Span{char}, out int, out int, bool)"/> (same output, same
    /// statuses) and hands every ambiguity in the converted part to <paramref name="ambiguities"/>.
    /// </summary>
    /// <param name="source">The text, or the next block of a longer text.</param>
    /// <param name="destination">Receives the converted text.</param>
    /// <param name="charsConsumed">Number of units of <paramref name="source"/> converted.</param>
    /// <param name="charsWritten">Number of units written to <paramref name="destination"/>.</param>
    /// <param name="ambiguities">Receives the ambiguities of the consumed text, in source order, with offsets relative to
    /// <paramref name="source"/> and <paramref name="destination"/> (add your running offsets when converting in blocks).</param>
    /// <param name="isFinalBlock">False when more text follows <paramref name="source"/>.</param>
    /// <returns>The same status as the overload without a sink.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ambiguities"/> is null.</exception>
    /// <remarks>
    /// Thread-safe (for distinct sinks). Allocates nothing per position: working buffers come from
    /// <see cref="ArrayPool{T}.Shared"/> and a per-thread trace, and each <see cref="ConversionAmbiguity"/> is a value
    /// sharing the converter's data.
    /// </remarks>
    public OperationStatus ConvertReportingAmbiguities(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, IConversionAmbiguitySink ambiguities, bool isFinalBlock = true)
    {
        ArgumentNullException.ThrowIfNull(ambiguities);
        return ConvertCore(source, destination, out charsConsumed, out charsWritten, isFinalBlock, ambiguities);
    }

    /// <summary>
    /// Returns a converter that copies protected text unchanged: the <paramref name="kinds"/> of text, and every term of
    /// <paramref name="terms"/>. No dictionary phrase or user phrase is applied across a protected span.
    /// </summary>
    /// <param name="kinds">What to protect (see <see cref="ProtectedText"/>); replaces this instance's kinds.</param>
    /// <param name="terms">Terms never converted, matched leftmost and longest first; null or empty for none.
    /// Replaces this instance's terms.</param>
    /// <returns>A new instance sharing this one's dictionaries and user phrases.</returns>
    /// <exception cref="ArgumentException">A term is null, empty or holds a line break, or <paramref name="kinds"/> has unknown flags.</exception>
    /// <remarks>
    /// Thread-safe; builds a small table for the terms. The protecting converter cuts streamed text only after line
    /// breaks (a protected span never crosses one, markup aside), so its memory grows with the longest line.
    /// </remarks>
    public ChineseConverter WithProtection(ProtectedText kinds, IEnumerable<string>? terms = null)
    {
        const ProtectedText known = ProtectedText.Markup | ProtectedText.Urls | ProtectedText.EmailAddresses | ProtectedText.Paths | ProtectedText.Kana;
        if ((kinds & ~(known | ProtectedText.Terms)) != 0)
        {
            throw new ArgumentException($"Unknown {nameof(ProtectedText)} flags: {kinds}.", nameof(kinds));
        }

        StageTable? table = null;
        if (terms is not null)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string term in terms)
            {
                if (string.IsNullOrEmpty(term) || term.AsSpan().IndexOfAny("\n\r\u0085\u2028\u2029") >= 0)
                {
                    throw new ArgumentException("A protected term is null, empty or holds a line break.", nameof(terms));
                }

                map.TryAdd(term, term);
            }

            table = map.Count == 0 ? null : StageTable.Build([(DictionarySource.Map(map), 0)]);
        }

        kinds = (kinds & known) | (table is null ? ProtectedText.None : ProtectedText.Terms);
        ProtectionScanner? scanner = kinds == ProtectedText.None ? null : new ProtectionScanner(kinds, table);
        return new ChineseConverter(Config, Options, _pipeline, _phrases, scanner);
    }

    /// <summary>Lists the spans of <paramref name="text"/> that this converter leaves unchanged, in order.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The spans (empty when <see cref="Protection"/> is <see cref="ProtectedText.None"/>); a new list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <remarks>Thread-safe. Allocates the list.</remarks>
    public IReadOnlyList<ProtectedSpan> FindProtectedSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<ProtectedSpan>();
        int from = 0;
        while (_protection is not null && _protection.Find(text, from, out ProtectedRange range))
        {
            spans.Add(new ProtectedSpan(range.Start, range.Length, range.Kind));
            from = range.Start + range.Length;
        }

        return spans;
    }

    /// <summary>Converts one piece as a complete text: protected spans copied, the text between them converted on its own.</summary>
    private int ConvertUnit(ReadOnlySpan<char> piece, Span<char> destination, IConversionAmbiguitySink? sink, int sourceOffset, int outputOffset)
    {
        if (_protection is null)
        {
            return sink is null ? _pipeline.ConvertFinal(piece, destination) : _pipeline.ConvertFinalTracked(piece, destination, sink, sourceOffset, outputOffset);
        }

        int written = 0;
        int position = 0;
        while (position < piece.Length)
        {
            bool found = _protection.Find(piece, position, out ProtectedRange range);
            int runEnd = found ? range.Start : piece.Length;
            if (runEnd > position)
            {
                ReadOnlySpan<char> run = piece.Slice(position, runEnd - position);
                written += sink is null
                    ? _pipeline.ConvertFinal(run, destination.Slice(written))
                    : _pipeline.ConvertFinalTracked(run, destination.Slice(written), sink, sourceOffset + position, outputOffset + written);
            }

            if (!found)
            {
                break;
            }

            piece.Slice(range.ContentStart, range.ContentLength).CopyTo(destination.Slice(written));
            written += range.ContentLength;
            position = range.Start + range.Length;
        }

        return written;
    }

    /// <summary>The last cut in (start, limit] where the text may be split (for a protecting converter, also outside protected spans); -1 when none.</summary>
    private int FindCutBackward(ReadOnlySpan<char> source, int start, int limit, bool isFinalBlock)
    {
        int cut = _pipeline.FindCutBackward(source, start, limit);
        while (_protection is not null && cut > start && !_protection.IsSafeCut(source, cut, isFinalBlock))
        {
            cut = cut - 1 > start ? _pipeline.FindCutBackward(source, start, cut - 1) : -1;
        }

        return cut > start ? cut : -1;
    }

    /// <summary>The first cut at or after <paramref name="start"/> (see <see cref="FindCutBackward"/>); -1 when none.</summary>
    private int FindCutForward(ReadOnlySpan<char> source, int start, bool isFinalBlock)
    {
        int cut = _pipeline.FindCutForward(source, start);
        while (_protection is not null && cut >= 0 && !_protection.IsSafeCut(source, cut, isFinalBlock))
        {
            cut = _pipeline.FindCutForward(source, cut);
        }

        return cut;
    }

    private sealed class CollectionSink(ICollection<ConversionAmbiguity> collection) : IConversionAmbiguitySink
    {
        public void Add(in ConversionAmbiguity ambiguity) => collection.Add(ambiguity);
    }

    /// <summary>Moves the offsets of a later call of a block loop into the coordinates of the whole text.</summary>
    private sealed class ShiftedSink(IConversionAmbiguitySink inner, int sourceOffset, int outputOffset) : IConversionAmbiguitySink
    {
        public void Add(in ConversionAmbiguity ambiguity) => inner.Add(ambiguity.Offset(sourceOffset, outputOffset));
    }
}
