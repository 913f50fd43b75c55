using System.Text;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;
using TextRepair.Cli.Parquet;

namespace TextRepair.Cli.Commands;

/// <summary>
/// Runs a command over its inputs: resolves them, opens the outputs (standard output, <c>--output</c>, or each input
/// in place, always atomically for files), feeds the bytes through the chosen processing and prints the statistics.
/// </summary>
internal sealed class Runner
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly RunSettings _settings;
    private readonly RunStats _stats = new();
    private readonly RecordFaults _faults;
    private Progress? _progress;

    public Runner(RunSettings settings)
    {
        _settings = settings;
        _faults = new RecordFaults(settings.MaxErrors);
    }

    /// <summary>
    /// Test seam: wraps the record processor of runs started in this async flow (e.g. to make it throw on a marker).
    /// Only tests set it, in process, through InternalsVisibleTo; no option or variable of the tool reaches it.
    /// </summary>
    internal static AsyncLocal<Func<DocumentProcessor, DocumentProcessor>?> DecorateProcessor { get; } = new();

    /// <summary>How records are processed when an input is Parquet (set by the commands that accept it).</summary>
    public RecordMode? Records { get; init; }

    /// <summary>Processes one input into one output stream.</summary>
    public delegate void InputHandler(InputSource input, BlockReader reader, Stream output, RunStats stats);

    public int Run(InputHandler handler, bool statsWithEdits)
    {
        IReadOnlyList<InputSource> inputs = InputSource.Resolve(_settings.Inputs, _settings.Recursive);
        if (_settings.InPlace)
        {
            if (_settings.Output is not null)
            {
                throw new CliException("--in-place and --output cannot be used together");
            }

            if (inputs.Any(input => input.Path is null))
            {
                throw new CliException("--in-place needs input files, not standard input");
            }
        }

        long? total = 0;
        foreach (InputSource input in inputs)
        {
            total = input.Length is { } length ? total + length : null;
        }

        _progress = Progress.Create(total);
        var parquet = new ParquetRunner(_settings, Records, _stats, _faults);
        try
        {
            if (OutputDirectory.Applies(_settings, inputs))
            {
                var directory = new OutputDirectory(_settings.Output!);
                foreach (InputSource input in inputs)
                {
                    using OutputTarget? target = directory.Open(input, _settings.SkipExisting, _stats);
                    if (target is not null)
                    {
                        ProcessAny(input, target.Stream, handler, parquet, preserveBom: false);
                        target.Commit();
                    }
                }
            }
            else if (_settings.InPlace)
            {
                foreach (InputSource input in inputs)
                {
                    using OutputTarget target = OutputTarget.AtomicFile(input.Path!);
                    ProcessAny(input, target.Stream, handler, parquet, preserveBom: true);
                    target.Commit();
                }
            }
            else
            {
                parquet.CheckSingleOutput(inputs);
                using OutputTarget target = _settings.Output is null
                    ? OutputTarget.StandardOutput()
                    : OutputTarget.AtomicFile(_settings.Output);
                foreach (InputSource input in inputs)
                {
                    ProcessAny(input, target.Stream, handler, parquet, preserveBom: false);
                }

                target.Commit();
            }
        }
        finally
        {
            _progress?.Finish();
        }

        if (_settings.Stats)
        {
            Console.Error.WriteLine("textrepair: " + _stats.Format(statsWithEdits));
        }

        // Records the library failed on were passed through and reported one by one: the run is complete, not clean.
        return _faults.Count > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private void ProcessAny(InputSource input, Stream output, InputHandler handler, ParquetRunner parquet, bool preserveBom)
    {
        if (parquet.Accepts(input))
        {
            parquet.Process(input, output);
            _progress?.Advance(input.Length ?? 0);
        }
        else
        {
            Process(input, output, handler, preserveBom);
        }
    }

    private void Process(InputSource input, Stream output, InputHandler handler, bool preserveBom)
    {
        Stream stream;
        try
        {
            stream = input.Open(_settings.Encoding);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliException($"{input.DisplayName}: {exception.Message}", ExitCodes.BadInput, exception);
        }

        using (stream)
        {
            var reader = new BlockReader(stream, _settings.BlockSize, skipBom: true);
            Stream destination = preserveBom ? new BomRestoringStream(output, reader) : output;
            try
            {
                handler(input, reader, destination, _stats);
            }
            catch (DecoderFallbackException exception)
            {
                throw new CliException(
                    $"{input.DisplayName}: not valid {_settings.EncodingName} ({exception.Message})", ExitCodes.BadInput, exception);
            }

            destination.Flush();
        }
    }

    /// <summary>Text mode, streaming: each block is processed on its own (for conversion, which is line-local).</summary>
    public void RunBlocks(InputSource input, BlockReader reader, Stream output, Func<ReadOnlySpan<byte>, PooledBuffer, bool> convert)
    {
        bool changed = false;
        OrderedPipeline.Run(
            reader,
            block => ProcessValidated(input, block, (data, stats) =>
            {
                var buffer = new PooledBuffer(data.Length + (data.Length / 8) + 64);
                if (convert(data, buffer))
                {
                    stats.Changed = 1;
                }

                return new BlockResult(buffer, stats, block.Length, 0);
            }),
            result =>
            {
                output.Write(result.Output.WrittenSpan);
                changed |= result.Stats.Changed > 0;
                _stats.ReplacedInvalid += result.Stats.ReplacedInvalid;
                _progress?.Advance(result.InputLength);
            },
            OrderedPipeline.DefaultMaxInFlight);
        _stats.Documents++;
        if (changed)
        {
            _stats.Changed++;
        }
    }

    /// <summary>Runs <paramref name="body"/> on a worker thread over the block's bytes once they are known to be valid UTF-8.</summary>
    private BlockResult ProcessValidated(InputSource input, InputBlock block, Func<ReadOnlySpan<byte>, RunStats, BlockResult> body)
    {
        var stats = new RunStats();
        using var replacement = new PooledBuffer(0);
        ReadOnlySpan<byte> data = Utf8Input.Validate(
            block.Data, block.Offset, input.DisplayName, _settings.ReplaceInvalid, replacement, out int replaced);
        stats.ReplacedInvalid = replaced;
        return body(data, stats);
    }

    /// <summary>Text mode, whole document: the input is read completely, then processed as one text.</summary>
    public string ReadDocument(InputSource input, BlockReader reader)
    {
        using var all = new PooledBuffer(64 * 1024);
        using var replacement = new PooledBuffer(0);
        while (reader.Read() is { } block)
        {
            using (block)
            {
                all.Write(Utf8Input.Validate(
                    block.Data, block.Offset, input.DisplayName, _settings.ReplaceInvalid, replacement, out int replaced));
                _stats.ReplacedInvalid += replaced;
                _progress?.Advance(block.Length);
            }
        }

        return Encoding.UTF8.GetString(all.WrittenSpan);
    }

    /// <summary>JSONL mode: blocks of lines processed in parallel, written in order.</summary>
    public void RunJsonLines(InputSource input, BlockReader reader, Stream output, DocumentProcessor processor)
    {
        var lines = new JsonLinesProcessor(
            DecorateProcessor.Value?.Invoke(processor) ?? processor, _settings.Field, _settings.Report, _settings.SkipInvalid);
        long linesBefore = 0;
        OrderedPipeline.Run(
            reader,
            block => ProcessValidated(input, block, (data, stats) =>
                lines.ProcessBlock(data, new PooledBuffer(data.Length + (data.Length / 4) + 256), stats, block.Length)),
            result =>
            {
                output.Write(result.Output.WrittenSpan);
                _stats.Merge(result.Stats);
                foreach (RecordFault fault in result.Faults ?? [])
                {
                    _faults.Report($"{input.DisplayName}:{linesBefore + fault.Index + 1}", fault.Message);
                }

                linesBefore += result.LineCount;
                if (result.Failure is { } failure)
                {
                    throw new CliException($"{input.DisplayName}:{linesBefore + 1}: {failure.Message}", ExitCodes.Failed, failure);
                }

                if (result.Error is not null)
                {
                    throw new CliException($"{input.DisplayName}:{linesBefore + 1}: malformed JSON line: {result.Error} (use --skip-invalid to pass such lines through)");
                }

                _progress?.Advance(result.InputLength);
            },
            OrderedPipeline.DefaultMaxInFlight);
    }

    /// <summary>Writes a UTF-8 byte order mark before the first bytes when the input had one (for --in-place).</summary>
    private sealed class BomRestoringStream : Stream
    {
        private readonly Stream _inner;
        private readonly BlockReader _reader;
        private bool _started;

        public BomRestoringStream(Stream inner, BlockReader reader)
        {
            _inner = inner;
            _reader = reader;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
            StartIfNeeded();
            _inner.Flush();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            StartIfNeeded();
            _inner.Write(buffer);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void StartIfNeeded()
        {
            if (!_started)
            {
                _started = true;
                if (_reader.HadBom)
                {
                    _inner.Write(Utf8Bom);
                }
            }
        }
    }
}
