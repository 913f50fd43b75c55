using System.Globalization;
using System.Text;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;
using TextRepair.Cli.Parquet;

namespace TextRepair.Cli.Commands;

/// <summary>
/// Runs a command over its inputs: resolves them, opens the outputs (standard output, <c>--output</c>, or each input
/// in place; see <see cref="OutputTarget"/>), feeds the bytes through the chosen processing in the right encodings and
/// prints the statistics. The rules on what may be written where are in <see cref="OutputRules"/>.
/// </summary>
internal sealed class Runner
{
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
        IReadOnlyList<InputSource> inputs = InputSource.Resolve(_settings.Inputs, _settings.Recursive, _settings.Walk);
        OutputRules.Check(_settings, inputs);
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
                var directory = OutputDirectory.Plan(_settings.Output!, inputs);
                foreach (InputSource input in inputs)
                {
                    using OutputTarget? target = directory.Open(input, _settings.SkipExisting, _stats);
                    // A skipped (binary) or refused input gets no output file: its temporary file is deleted uncommitted.
                    if (target is not null
                        && ProcessOwnOutput(input, target.Stream, Path.Combine(_settings.Output!, input.RelativePath), handler, parquet, inPlace: null))
                    {
                        target.Commit();
                    }
                }
            }
            else if (_settings.InPlace)
            {
                foreach (InputSource input in inputs)
                {
                    using OutputTarget target = OutputTarget.InPlace(input.Path!);

                    // A skipped (binary) or refused input is left as it was: its temporary file is deleted uncommitted.
                    if (ProcessOwnOutput(input, target.Stream, input.Path!, handler, parquet, inPlace: target))
                    {
                        target.Commit();
                    }
                }
            }
            else
            {
                parquet.CheckSingleOutput(inputs);
                using OutputTarget target = _settings.Output is null
                    ? OutputTarget.StandardOutput()
                    : OutputTarget.ForOutput(_settings.Output);
                foreach (InputSource input in inputs)
                {
                    ProcessAny(input, target.Stream, _settings.Output ?? "standard output", handler, parquet, inPlace: null);
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

        // Inputs refused as bad input were named one by one and the others processed: the run is done, but not all of it.
        if (_stats.Refused > 0)
        {
            return ExitCodes.BadInput;
        }

        // Records the library failed on (or bad records) were passed through and reported one by one: the run is
        // complete, not clean.
        return _faults.ExitCode;
    }

    /// <summary>
    /// Processes an input that has an output of its own (a file under <c>--output DIR</c>, or itself in place): bad input
    /// (an invalid byte, an unknown format: exit code 2) is named on stderr in one line and the run goes on with the
    /// next input, as <c>grep -r</c> and <c>check</c> do, since no other output depends on it; false then, so that its
    /// output is discarded. Failures of the tool (exit 1, a closed pipe) still stop the run.
    /// </summary>
    private bool ProcessOwnOutput(InputSource input, Stream output, string outputName, InputHandler handler, ParquetRunner parquet, OutputTarget? inPlace)
    {
        try
        {
            return ProcessAny(input, output, outputName, handler, parquet, inPlace);
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.BadInput)
        {
            // The message a run that stops at it would give; the input is left intact (in place) or gets no output file.
            Console.Error.WriteLine($"textrepair: {Program.OneLine(exception.Message)}");
            _stats.Refused++;
            return false;
        }
    }

    /// <summary>
    /// Processes one input as Parquet or text; false when it was skipped (binary, with <c>--encoding auto</c>).
    /// <paramref name="inPlace"/> is the input's own file replaced in place, null for any other output.
    /// </summary>
    private bool ProcessAny(InputSource input, Stream output, string outputName, InputHandler handler, ParquetRunner parquet, OutputTarget? inPlace)
    {
        if (parquet.Accepts(input))
        {
            parquet.Process(input, output);
            _progress?.Advance(input.Length ?? 0);
            return true;
        }

        return Process(input, output, outputName, handler, inPlace);
    }

    /// <summary>Processes one input; false when it was skipped (binary, with <c>--encoding auto</c>).</summary>
    private bool Process(InputSource input, Stream output, string outputName, InputHandler handler, OutputTarget? inPlace)
    {
        using DecodedInput? decoded = Open(input);
        if (decoded is null)
        {
            return false;
        }

        var reader = new BlockReader(decoded.Utf8, _settings.BlockSize, decoded.StartOffset, input.DisplayName);
        OutputEncoding? encoded = null;
        Stream destination = output;
        if (!_settings.WritesReport)
        {
            (Encoding encoding, bool bom) = OutputEncodingFor(decoded, inPlace is not null);
            destination = encoded = new OutputEncoding(output, encoding, bom, outputName);
            if (inPlace is not null && _settings.OutputEncoding is null)
            {
                // Written back in its own encoding: the same text in other bytes is no change (see OutputTarget.SameTextIn).
                inPlace.SameTextIn = decoded.Encoding;
            }
        }

        try
        {
            handler(input, reader, destination, _stats);
        }
        catch (Exception exception) when (exception is not CliException && !IoErrors.IsBrokenPipe(exception))
        {
            // A fault in the library (or here): name the input, exit 1; the output of this input is discarded when it
            // is a file (its temporary file is deleted).
            throw new CliException($"{input.DisplayName}: failed: {exception.GetType().Name}: {Program.OneLine(exception.Message)}", ExitCodes.Failed, exception);
        }

        if (encoded is not null)
        {
            encoded.Complete();
        }
        else
        {
            destination.Flush();
        }

        if (decoded.Encoding.CodePage == 950 && decoded.PrivateUseRead > 0)
        {
            // Code page 950 reads its user-defined area as private use, and Big5-HKSCS puts the Hong Kong characters
            // there: 哋 became U+E5A2 with exit 0 (found in session 33). Kept (they are what the code page says, and written back
            // in cp950 they are the same bytes), but never silently.
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{input.DisplayName}: note: {decoded.PrivateUseRead} character(s) read as private use by cp950 (its user-defined area, where Big5-HKSCS has the Hong Kong characters; for Hong Kong text use --encoding big5)"));
        }

        return true;
    }

    private DecodedInput? Open(InputSource input)
    {
        if (!_settings.AutoEncoding)
        {
            return InputDecoding.Open(input.OpenRaw(), input.DisplayName, _settings.Encoding, _settings.ReplaceInvalid);
        }

        DecodedInput? decoded = InputDecoding.OpenDetected(input.OpenRaw(), input.DisplayName, _settings.ReplaceInvalid, out EncodingDetection detection);
        if (decoded is null)
        {
            Console.Error.WriteLine($"{input.DisplayName}: binary file, skipped");
            _stats.SkippedBinary++;
            return null;
        }

        _stats.AddEncoding(detection.Name);
        if (_settings.Report)
        {
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{input.DisplayName}: read as {detection.Name} (detected, confidence {detection.Confidence:0.00}{(detection.HasBom ? ", byte order mark" : string.Empty)})"));
        }

        return decoded;
    }

    // In place, the file keeps its encoding and byte order mark; elsewhere UTF-8 unless --output-encoding says otherwise.
    private (Encoding Encoding, bool Bom) OutputEncodingFor(DecodedInput input, bool inPlace)
    {
        if (_settings.OutputEncoding is { } chosen)
        {
            return (chosen, EncodingNames.IsWide(chosen.CodePage));
        }

        return inPlace || _settings.OutputEncodingSame ? (input.Encoding, input.HadBom) : (new UTF8Encoding(false), false);
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

    /// <summary>
    /// The most characters one document may have: the longest .NET string (2^30 - 33 UTF-16 code units). A larger
    /// input read whole failed after the whole read with OutOfMemoryException (a 1.2 GB ASCII file: 14.7 s, 3.3 GB of
    /// memory, "Insufficient memory", on a machine with 17 GB free; session 12); it is now refused as soon as it
    /// crosses the limit, naming it.
    /// </summary>
    internal const long DefaultMaxDocumentChars = 0x3FFFFFDF;

    /// <summary>Test seam: the document limit (<see cref="DefaultMaxDocumentChars"/>); only in-process tests lower it.</summary>
    internal long MaxDocumentChars { get; init; } = DefaultMaxDocumentChars;

    /// <summary>Text mode, whole document: the input is read completely, then processed as one text.</summary>
    public string ReadDocument(InputSource input, BlockReader reader)
    {
        using var all = new PooledBuffer(64 * 1024);
        using var replacement = new PooledBuffer(0);
        long chars = 0;
        while (reader.Read() is { } block)
        {
            using (block)
            {
                ReadOnlySpan<byte> valid = Utf8Input.Validate(
                    block.Data, block.Offset, input.DisplayName, _settings.ReplaceInvalid, replacement, out int replaced);
                chars += Encoding.UTF8.GetCharCount(valid);
                if (chars > MaxDocumentChars || (long)all.Length + valid.Length > Array.MaxLength)
                {
                    throw new CliException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{input.DisplayName}: too large to process as one document (more than {MaxDocumentChars:N0} characters; this command reads each file whole): split it, or use --jsonl"));
                }

                all.Write(valid);
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
}
