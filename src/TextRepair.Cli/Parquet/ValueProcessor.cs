using System.Buffers;
using System.Text;
using System.Text.Unicode;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// Processes the values of a <see cref="TextColumnChunk"/> on all cores, in slices. Each slice writes its new values
/// (and reports) into its own buffer; a value the library fails on keeps its bytes and gets an error report.
/// </summary>
internal sealed class ValueProcessor
{
    /// <summary>Values per parallel work item: enough work (tens of KB of text) to outweigh scheduling.</summary>
    internal const int SliceSize = 256;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly DocumentProcessor? _processor;
    private readonly ChineseConverter? _converter;
    private readonly Func<string, byte[]>? _analyze;
    private readonly bool _report;

    /// <summary>Transforms values with <paramref name="processor"/>, adding a report per value when <paramref name="report"/>.</summary>
    public ValueProcessor(DocumentProcessor processor, bool report)
    {
        _processor = processor;
        _report = report;
        _converter = !report && processor is ConvertProcessor { Plain: true } convert ? convert.Converter : null;
    }

    /// <summary>Only analyses: each value's output is the bytes <paramref name="analyze"/> returns for it.</summary>
    public ValueProcessor(Func<string, byte[]> analyze)
    {
        _analyze = analyze;
    }

    /// <summary>The results of one chunk: for each value, the bytes to write (and its report), plus counters and faults.</summary>
    public sealed class Results : IDisposable
    {
        public Results(int count, int slices)
        {
            Buffers = new PooledBuffer?[slices];
            Stats = new RunStats[slices];
            Faults = new List<RecordFault>?[slices];
            Buffer = new int[count];
            Start = new int[count];
            Length = new int[count];
            ReportStart = new int[count];
            ReportLength = new int[count];
        }

        /// <summary>Per slice: the new values and reports.</summary>
        public PooledBuffer?[] Buffers { get; }

        public RunStats[] Stats { get; }

        public List<RecordFault>?[] Faults { get; }

        /// <summary>Per value: -1 when unchanged (the chunk's own bytes), else the slice whose buffer holds the new value.</summary>
        public int[] Buffer { get; }

        public int[] Start { get; }

        public int[] Length { get; }

        public int[] ReportStart { get; }

        public int[] ReportLength { get; }

        public void Dispose()
        {
            foreach (PooledBuffer? buffer in Buffers)
            {
                buffer?.Dispose();
            }
        }
    }

    public Results Process(TextColumnChunk chunk)
    {
        int slices = (chunk.ValueCount + SliceSize - 1) / SliceSize;
        var results = new Results(chunk.ValueCount, slices);
        Parallel.For(0, slices, slice => ProcessSlice(chunk, results, slice));
        return results;
    }

    private void ProcessSlice(TextColumnChunk chunk, Results results, int slice)
    {
        int start = slice * SliceSize;
        int end = Math.Min(chunk.ValueCount, start + SliceSize);
        var buffer = new PooledBuffer(64 * 1024);
        var stats = new RunStats();
        results.Buffers[slice] = buffer;
        results.Stats[slice] = stats;
        using var utf16 = _converter is null ? null : new Utf16Buffers();
        for (int i = start; i < end; i++)
        {
            results.Buffer[i] = -1;
            if (utf16 is not null && ConvertUtf8(chunk.Value(i), utf16, results, slice, buffer, stats, i))
            {
                continue;
            }

            string text;
            try
            {
                text = s_strictUtf8.GetString(chunk.Value(i));
            }
            catch (DecoderFallbackException exception)
            {
                Fail(results, slice, buffer, stats, i, "invalid UTF-8 in a string value: " + Program.OneLine(exception.Message), default, badInput: true);
                continue;
            }

            if (_analyze is not null)
            {
                stats.Documents++;
                Store(results, slice, buffer, i, _analyze(text));
                continue;
            }

            DocumentOutcome outcome;
            try
            {
                outcome = _processor!.Process(text);
            }
            catch (Exception exception)
            {
                Fail(results, slice, buffer, stats, i, RecordFault.Describe(exception), new DocumentOutcome(text, false, false, null));
                continue;
            }

            stats.Add(outcome);
            if (outcome.Changed)
            {
                Store(results, slice, buffer, i, Encoding.UTF8.GetBytes(outcome.Text));
            }

            if (_report)
            {
                int reportStart = buffer.Length;
                JsonLinesProcessor.WriteReport(buffer, outcome, fault: null);
                results.ReportStart[i] = reportStart;
                results.ReportLength[i] = buffer.Length - reportStart;
            }
        }
    }

    /// <summary>
    /// Converts a value from UTF-8 to UTF-8 through reused UTF-16 buffers, with the same result as the string path
    /// (<see cref="ConvertProcessor.Process"/>, the bytes decoded and encoded with <see cref="Encoding.UTF8"/>) but no
    /// string, no second validation pass and no copy of the result (measured on the 150,000-record file of
    /// docs/corpora.md: the pool threads' CPU fell from 3.1 s to 2.1-2.6 s, at load average 10-12).
    /// Returns false for invalid UTF-8, which the string path reports. (<c>convert</c> has no <c>--report</c> for Parquet.)
    /// </summary>
    private bool ConvertUtf8(ReadOnlySpan<byte> value, Utf16Buffers utf16, Results results, int slice, PooledBuffer buffer, RunStats stats, int index)
    {
        Span<char> source = utf16.Source(value.Length);
        if (Utf8.ToUtf16(value, source, out _, out int decoded, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        source = source[..decoded];
        bool changed;
        try
        {
            Span<char> converted = utf16.Destination(_converter!.GetMaxConvertedLength(decoded));
            // Done: the destination has the size that always suffices, and the block is final.
            _converter.Convert(source, converted, out _, out int written);
            converted = converted[..written];
            changed = !converted.SequenceEqual(source);
            if (changed)
            {
                results.Buffer[index] = slice;
                results.Start[index] = buffer.Length;
                Utf8.FromUtf16(converted, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(written)), out _, out int encoded);
                buffer.Advance(encoded);
                results.Length[index] = encoded;
            }
        }
        catch (Exception exception)
        {
            Fail(results, slice, buffer, stats, index, RecordFault.Describe(exception), new DocumentOutcome(string.Empty, false, false, null));
            return true;
        }

        stats.Add(new DocumentOutcome(string.Empty, changed, Lossy: false, Edits: null));
        return true;
    }

    private void Fail(Results results, int slice, PooledBuffer buffer, RunStats stats, int index, string message, DocumentOutcome outcome, bool badInput = false)
    {
        (results.Faults[slice] ??= []).Add(new RecordFault(index, message, badInput));
        stats.Add(outcome, failed: true);
        if (_report)
        {
            int reportStart = buffer.Length;
            JsonLinesProcessor.WriteReport(buffer, outcome, message);
            results.ReportStart[index] = reportStart;
            results.ReportLength[index] = buffer.Length - reportStart;
        }
    }

    /// <summary>The UTF-16 working buffers of a slice, rented once and grown to its longest value.</summary>
    private sealed class Utf16Buffers : IDisposable
    {
        private char[] _source = ArrayPool<char>.Shared.Rent(4096);
        private char[] _destination = ArrayPool<char>.Shared.Rent(4096);

        public Span<char> Source(int length) => Grow(ref _source, length);

        public Span<char> Destination(int length) => Grow(ref _destination, length);

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_source);
            ArrayPool<char>.Shared.Return(_destination);
        }

        private static Span<char> Grow(ref char[] array, int length)
        {
            if (array.Length < length)
            {
                ArrayPool<char>.Shared.Return(array);
                array = ArrayPool<char>.Shared.Rent(length);
            }

            return array;
        }
    }

    private static void Store(Results results, int slice, PooledBuffer buffer, int index, ReadOnlySpan<byte> value)
    {
        results.Buffer[index] = slice;
        results.Start[index] = buffer.Length;
        results.Length[index] = value.Length;
        buffer.Write(value);
    }
}
