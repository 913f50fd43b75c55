using System.Buffers;

namespace TextRepair.Cli.Check;

/// <summary>
/// The blocks of one streamed plain-text input (<see cref="StreamedCheck"/>): cut from the input on the caller's thread
/// (<see cref="LineBlocks"/>), decoded and scanned on the thread pool, their findings written in file order. Blocks can be
/// started before their findings may be written (<see cref="StartNext"/>, while the inputs are still surveyed); nothing
/// reaches a sink before <see cref="Finish"/>. Not thread-safe: one thread at a time drives it (it runs its own workers).
/// Disposing waits for the blocks still running and drops their findings.
/// </summary>
internal sealed class BlockPipeline : IDisposable
{
    /// <summary>
    /// Blocks scanned or waiting at once while writing: two per core keeps every core busy while the oldest block waits
    /// to be written, and bounds memory at a few blocks of text and findings.
    /// </summary>
    private static readonly int s_inFlight = 2 * Environment.ProcessorCount;

    // C0 control characters other than tab, line feed and carriage return (see StreamedCheck.Survey).
    private static readonly SearchValues<byte> s_controls = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    private readonly LineBlocks _blocks;

    // The blocks started and not yet written, oldest first, from _head on; the first _accounted of them have been waited
    // for by Account.
    private readonly List<Task<BlockResult>> _pending = [];
    private int _head;
    private int _accounted;
    private readonly string _display;
    private readonly CheckJob _job;
    private readonly FindingFormat? _formatInWorker;
    private readonly bool _fingerprints;
    private int _line;
    private int _offset;
    private bool _first = true;
    private bool _ended;

    /// <summary>
    /// A pipeline over <paramref name="input"/> (UTF-8 plain text, a BOM is skipped; the caller keeps and disposes the
    /// stream). <paramref name="formatInWorker"/>: the format the workers write the findings in
    /// (<see cref="FindingSink.BlockFormat"/>), null to leave it to the sink; <paramref name="fingerprints"/>: compute the
    /// findings' fingerprints on the workers.
    /// </summary>
    public BlockPipeline(Stream input, string display, CheckJob job, FindingFormat? formatInWorker, bool fingerprints, int blockBytes)
    {
        _blocks = new LineBlocks(input, blockBytes, display);
        _display = display;
        _job = job;
        _formatInWorker = formatInWorker;
        _fingerprints = fingerprints;
    }

    /// <summary>Blocks started and not yet written.</summary>
    public int Pending => _pending.Count - _head;

    /// <summary>Blocks started and not yet waited for by <see cref="Account"/>.</summary>
    public int Unaccounted => _pending.Count - _head - _accounted;

    /// <summary>Bytes of the input given out in blocks so far (a BOM included).</summary>
    public long BytesRead => _blocks.Consumed;

    /// <summary>True when every block of the input has been started.</summary>
    public bool Ended => _ended;

    /// <summary>
    /// Waits for the oldest block not yet accounted for and tells what it holds: its findings, the UTF-16 units of text
    /// they keep alive, whether its bytes were valid UTF-8 and whether it holds C0 controls other than tab and line
    /// breaks. The block stays to be written.
    /// </summary>
    public (int Findings, int KeptUnits, bool Valid, bool Controls) Account()
    {
        BlockResult result = _pending[_head + _accounted].GetAwaiter().GetResult();
        _accounted++;
        return (result.Count, result.Findings.Count > 0 ? result.Units : 0, !result.Invalid, result.Controls);
    }

    /// <summary>
    /// Reads the next block and starts scanning it on the thread pool; false at the end of the input.
    /// </summary>
    /// <exception cref="CliException">The input is too large for UTF-16 offsets.</exception>
    public bool StartNext()
    {
        if (_ended || !_blocks.Next(out byte[] bytes, out int length))
        {
            _ended = true;
            return false;
        }

        int skip = 0;
        if (_first)
        {
            // The survey's test: the first block holds the BOM whole (it ends after a line feed or at the end).
            skip = bytes.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            _first = false;
        }

        ReadOnlySpan<byte> span = bytes.AsSpan(skip, length - skip);
        int units = Utf8Text.Utf16Length(span);
        var work = new BlockWork(bytes, skip, length - skip, units, _line, _offset);
        _line += span.Count((byte)'\n');
        long next = (long)_offset + units;
        _offset = next <= int.MaxValue ? (int)next : throw new CliException($"{_display}: too large (more than {int.MaxValue} UTF-16 units)");
        (string display, CheckJob job, FindingFormat? format, bool fingerprints) = (_display, _job, _formatInWorker, _fingerprints);
        _pending.Add(Task.Run(() => Scan(work, display, job, format, fingerprints)));
        return true;
    }

    /// <summary>
    /// Checks the rest of the input and writes every block's findings to <paramref name="sink"/> in file order.
    /// <paramref name="wholeText"/> gives the whole decoded text when a block shows that the rest of the findings depend
    /// on it (see <see cref="StreamedCheck"/>).
    /// </summary>
    /// <returns>The UTF-16 offset from which the whole text decided the findings; -1 when the blocks decided them all.</returns>
    /// <exception cref="CliException">The input is no longer valid UTF-8 (it changed since the survey).</exception>
    public int Finish(FindingSink sink, Func<string> wholeText)
    {
        while (true)
        {
            while (Pending < s_inFlight && StartNext())
            {
            }

            if (Pending == 0)
            {
                return -1;
            }

            if (!WriteOldest(sink))
            {
                break;
            }
        }

        // A block whose findings depend on the text before it: from its start on, the whole text decides.
        int from = _pending[_head].Result.Offset;
        Drain();
        string text = wholeText();
        List<CheckFinding> all = CheckScanner.Scan(_display, text, LocalizationText.Plain(text), _job.Expected, _job.Tag);
        sink.Write(all.Where(f => f.FileOffset >= from && !_job.Disabled.Contains(f.Rule.Id)));
        return from;
    }

    /// <summary>Waits for the blocks still running; their findings are dropped.</summary>
    public void Dispose() => Drain();

    // Writes the oldest block's findings; false (the block left in the queue) when they depend on other text.
    private bool WriteOldest(FindingSink sink)
    {
        BlockResult result = _pending[_head].GetAwaiter().GetResult();
        if (result.Invalid)
        {
            throw new CliException($"{_display}: not valid UTF-8 (the file changed while it was checked)");
        }

        if (result.DependsOnOtherText)
        {
            return false;
        }

        Dequeue();
        if (result.Formatted is { } formatted)
        {
            sink.WriteFormatted(formatted.WrittenSpan, result.Count);
        }
        else
        {
            sink.Write(result.Findings);
        }

        return true;
    }

    // Waits for the blocks still running (their buffers go back to the pool; their findings and errors are not wanted:
    // the error that stops the check has been thrown already, or the whole text decides, or the check never started).
    private void Drain()
    {
        while (Pending > 0)
        {
            try
            {
                Dequeue().Wait();
            }
            catch (AggregateException)
            {
            }
        }
    }

    private Task<BlockResult> Dequeue()
    {
        Task<BlockResult> oldest = _pending[_head];
        _pending[_head] = null!;
        _head++;
        _accounted = Math.Max(0, _accounted - 1);
        if (_head == _pending.Count)
        {
            _pending.Clear();
            _head = 0;
        }
        else if (_head >= 1024)
        {
            _pending.RemoveRange(0, _head);
            _head = 0;
        }

        return oldest;
    }

    private static BlockResult Scan(BlockWork work, string display, CheckJob job, FindingFormat? formatHere, bool fingerprints)
    {
        string? text;
        bool controls;
        try
        {
            text = Utf8Text.TryDecode(work.Bytes, work.Start, work.Length, work.Units);
            controls = work.Bytes.AsSpan(work.Start, work.Length).ContainsAny(s_controls);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(work.Bytes);
        }

        if (text is null)
        {
            return new BlockResult([], 0, null, work.Offset, work.Units, DependsOnOtherText: false, Invalid: true, controls);
        }

        List<CheckFinding> findings = CheckScanner.Scan(
            display, text, LocalizationText.Plain(text), job.Expected, job.Tag, work.Line, work.Offset, out bool dependsOnOtherText);
        if (dependsOnOtherText)
        {
            return new BlockResult([], 0, null, work.Offset, work.Units, DependsOnOtherText: true, Invalid: false, controls);
        }

        if (job.Disabled.Count > 0)
        {
            findings.RemoveAll(f => job.Disabled.Contains(f.Rule.Id));
        }

        if (formatHere is { } format)
        {
            var formatted = new ArrayBufferWriter<byte>();
            FindingSink.FormatBlock(format, findings, formatted);
            // Only the bytes and the count are kept: the findings (and the block's text, which their lines are slices of)
            // can go, which matters while a HeadStart holds the blocks.
            return new BlockResult([], findings.Count, formatted, work.Offset, work.Units, DependsOnOtherText: false, Invalid: false, controls);
        }

        if (fingerprints)
        {
            // While the block's text is at hand, on this worker rather than on the writing thread.
            foreach (CheckFinding f in findings)
            {
                _ = f.Fingerprint;
            }
        }

        return new BlockResult(findings, findings.Count, null, work.Offset, work.Units, DependsOnOtherText: false, Invalid: false, controls);
    }

    private readonly record struct BlockWork(byte[] Bytes, int Start, int Length, int Units, int Line, int Offset);

    // Findings: to be written by the sink (empty when Formatted holds them); Count: how many there are; Units: the block's
    // text length; Invalid: the bytes were not valid UTF-8 (no findings); Controls: they hold C0 controls other than tab
    // and line breaks.
    private sealed record BlockResult(
        List<CheckFinding> Findings, int Count, ArrayBufferWriter<byte>? Formatted, int Offset, int Units, bool DependsOnOtherText, bool Invalid, bool Controls);
}
