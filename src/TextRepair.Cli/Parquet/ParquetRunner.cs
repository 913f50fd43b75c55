using System.Globalization;
using System.Text.Json;
using ParquetSharp;
using TextRepair.Cli.Commands;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// Runs a command over Parquet inputs (named <c>*.parquet</c>, or any name with <c>--format parquet</c>):
/// <c>convert</c>/<c>repair</c> write a Parquet file, <c>detect</c> writes one JSON report per row.
/// </summary>
internal sealed class ParquetRunner
{
    /// <summary>Levels analysed at a time by <c>detect</c> (as <see cref="ParquetRewriter"/> does for its batches).</summary>
    private const int DetectLevelsPerBatch = 8192;

    /// <summary>Bytes read from the file at a time with the buffered stream: a few pages (Arrow's pages are about 1 MB).</summary>
    private const long ReadBufferSize = 4 << 20;

    private readonly RunSettings _settings;
    private readonly RecordMode? _mode;
    private readonly RunStats _stats;
    private readonly RecordFaults _faults;

    public ParquetRunner(RunSettings settings, RecordMode? mode, RunStats stats, RecordFaults faults)
    {
        _settings = settings;
        _mode = mode;
        _stats = stats;
        _faults = faults;
    }

    public bool Accepts(InputSource input) =>
        _mode is not null && (_settings.Corpora.FormatParquet
            || (_settings.Corpora.ParquetByName && input.Path is { } path && CorporaOptions.IsParquetName(path)));

    /// <summary>Parquet output goes to a file of its own: one input, written to --output FILE or in place.</summary>
    public void CheckSingleOutput(IReadOnlyList<InputSource> inputs)
    {
        if (_mode is not { Detect: false } || !inputs.Any(Accepts))
        {
            return;
        }

        if (_settings.Output is null && !_settings.InPlace)
        {
            throw new CliException("Parquet output needs --output FILE (or --output DIR, or --in-place): it cannot go to standard output");
        }

        if (inputs.Count > 1)
        {
            throw new CliException("several inputs cannot be written into one Parquet file: give --output a directory");
        }
    }

    public void Process(InputSource input, Stream output)
    {
        if (input.Path is null)
        {
            throw new CliException("Parquet input must be a file, not standard input");
        }

        ParquetFileReader reader;
        try
        {
            // Read column chunks page by page through a small buffer, not each chunk whole: memory stays bounded by the
            // batch being processed (measured on 1.1 GB with 50,000-row groups: see docs/corpora.md).
            using ReaderProperties properties = ReaderProperties.GetDefaultReaderProperties();
            properties.EnableBufferedStream();
            properties.BufferSize = ReadBufferSize;
            reader = new ParquetFileReader(input.Path, properties);
        }
        catch (ParquetException exception)
        {
            throw new CliException($"{input.DisplayName}: not a readable Parquet file ({NativeMessage(exception)})", ExitCodes.BadInput, exception);
        }

        using (reader)
        {
            RefuseOversizedPages(reader, input);
            ParquetSchemaField field = ParquetSchemaField.Find(reader.FileMetaData.Schema, _settings.Field, input.DisplayName);
            var sink = new ParquetRecordSink(input.DisplayName, _stats, _faults);
            var recorded = new FailureRecordingStream(output);
            try
            {
                if (_mode!.Processor is { } processor)
                {
                    processor = Runner.DecorateProcessor.Value?.Invoke(processor) ?? processor;
                    ParquetRewriter.Rewrite(reader, field, recorded, new ValueProcessor(processor, _settings.Report), _settings.Report, sink);
                }
                else
                {
                    Detect(reader, field, output, input, sink);
                }
            }
            catch (ParquetException) when (recorded.Failure is { } failure)
            {
                // The output failed (a full disk, say), not the input: its own error, not "damaged Parquet file".
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
            catch (ParquetException exception)
            {
                throw new CliException($"{input.DisplayName}: damaged Parquet file ({NativeMessage(exception)})", ExitCodes.BadInput, exception);
            }
        }
    }

    /// <summary>
    /// Refuses a file with a page larger than its column chunk before any page is read (Arrow would allocate the declared
    /// size first: up to 2 GB for a 1 KB file; see <see cref="PageSizeCheck"/>).
    /// </summary>
    private static void RefuseOversizedPages(ParquetFileReader reader, InputSource input)
    {
        if (PageSizeCheck.Find(input.Path!) is not { } page)
        {
            return;
        }

        SchemaDescriptor schema = reader.FileMetaData.Schema;
        string column = page.Column < schema.NumColumns ? $"column '{schema.Column(page.Column).Path.ToDotString()}'" : $"column {page.Column + 1}";
        throw new CliException(string.Create(
            CultureInfo.InvariantCulture,
            $"{input.DisplayName}: damaged Parquet file (row group {page.RowGroup + 1}, {column}: the page at byte {page.Offset} declares {page.PageSize} bytes, but its column chunk has {Math.Max(0, page.BytesLeft)} left)"));
    }

    /// <summary>
    /// The message of a ParquetSharp exception without the mangled C++ type name it starts with
    /// (<c>N7parquet16ParquetExceptionE (message: '...')</c>, found by the fuzzer in session 7).
    /// </summary>
    internal static string NativeMessage(ParquetException exception)
    {
        const string Prefix = "(message: '";
        string message = Program.OneLine(exception.Message);
        int start = message.IndexOf(Prefix, StringComparison.Ordinal);
        return start >= 0 && message.EndsWith("')", StringComparison.Ordinal) ? message[(start + Prefix.Length)..^2] : message;
    }

    /// <summary>One JSON object per non-null value, in order: <c>{"file":...,"row":N,...the report}</c>.</summary>
    private static void Detect(ParquetFileReader reader, ParquetSchemaField field, Stream output, InputSource input, ParquetRecordSink sink)
    {
        long rowsBefore = 0;
        var processor = new ValueProcessor(text => DetectReport.Serialize(TextAnalyzer.Analyze(text)));
        byte[] file = JsonSerializer.SerializeToUtf8Bytes(input.Path, DetectReport.StringInfo);
        using var pipeline = new TextColumnPipeline(reader, field.Index, field.Descriptor.MaxDefinitionLevel, DetectLevelsPerBatch, processor.Process);
        for (int group = 0; group < reader.FileMetaData.NumRowGroups; group++)
        {
            foreach ((TextColumnChunk chunk, ValueProcessor.Results results) in pipeline.NextRowGroup())
            {
                sink.Collect(results, chunk, rowsBefore);
                for (int i = 0; i < chunk.ValueCount; i++)
                {
                    if (results.Buffer[i] < 0)
                    {
                        continue;
                    }

                    output.Write("{\"file\":"u8);
                    output.Write(file);
                    output.Write(",\"row\":"u8);
                    output.Write(System.Text.Encoding.UTF8.GetBytes((rowsBefore + chunk.ValueRows[i]).ToString(CultureInfo.InvariantCulture)));
                    ReadOnlySpan<byte> report = results.Buffers[results.Buffer[i]]!.WrittenSpan.Slice(results.Start[i], results.Length[i]);
                    output.WriteByte((byte)',');
                    output.Write(report[1..]);
                    output.WriteByte((byte)'\n');
                }
            }

            using RowGroupReader groupReader = reader.RowGroup(group);
            rowsBefore += groupReader.MetaData.NumRows;
        }
    }
}

/// <summary>Takes the results of each row group in order: merges the counters and reports the faults with their rows.</summary>
internal sealed class ParquetRecordSink
{
    private readonly RunStats _stats;
    private readonly RecordFaults _faults;

    public ParquetRecordSink(string displayName, RunStats stats, RecordFaults faults)
    {
        DisplayName = displayName;
        _stats = stats;
        _faults = faults;
    }

    public string DisplayName { get; }

    public void Collect(ValueProcessor.Results results, TextColumnChunk chunk, long rowsBefore)
    {
        foreach (RunStats stats in results.Stats)
        {
            _stats.Merge(stats);
        }

        // Nulls (and rows with an empty list) carry no text.
        _stats.WithoutField += chunk.LevelCount - chunk.ValueCount;
        foreach (List<RecordFault>? faults in results.Faults)
        {
            foreach (RecordFault fault in faults ?? [])
            {
                // Rows are counted from 1, like lines.
                _faults.Report(
                    string.Create(CultureInfo.InvariantCulture, $"{DisplayName}: row {rowsBefore + chunk.ValueRows[fault.Index] + 1}"),
                    fault.Message,
                    fault.BadInput);
            }
        }
    }
}
