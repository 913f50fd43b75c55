using System.CommandLine;
using System.Text;
using System.Text.Json;
using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;

namespace TextRepair.Cli.Tests;

/// <summary>Wraps a processor and throws on texts that contain a marker: a library failure the tests control.</summary>
internal sealed class ThrowingProcessor : DocumentProcessor
{
    public const string Marker = "💥";

    private readonly DocumentProcessor _inner;

    public ThrowingProcessor(DocumentProcessor inner)
    {
        _inner = inner;
    }

    public override bool ReportsEdits => _inner.ReportsEdits;

    public override DocumentOutcome Process(string text) =>
        text.Contains(Marker, StringComparison.Ordinal)
            ? throw new ArgumentOutOfRangeException(nameof(text), "simulated library failure")
            : _inner.Process(text);
}

public sealed class JsonLinesFaultTests
{
    [Fact]
    public void A_record_the_library_throws_on_passes_through_unchanged_with_an_error_report()
    {
        var lines = new JsonLinesProcessor(
            new ThrowingProcessor(new ConvertProcessor(ChineseConverter.Get("s2t"))), "text", report: true, skipInvalid: false);
        byte[] input = Encoding.UTF8.GetBytes("{\"text\":\"发\"}\n{\"id\":2,\"text\":\"发💥\"}\n{\"text\":\"后\"}\n");
        var stats = new RunStats();

        using BlockResult result = lines.ProcessBlock(input, new PooledBuffer(256), stats, input.Length);

        string[] output = Encoding.UTF8.GetString(result.Output.WrittenSpan).Split('\n');
        Assert.Equal(3, result.LineCount);
        Assert.Null(result.Failure);
        Assert.StartsWith("{\"text\":\"發\",\"textrepair\":{\"changed\":true", output[0], StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":2,\"text\":\"发💥\",\"textrepair\":", output[1], StringComparison.Ordinal);
        using JsonDocument failed = JsonDocument.Parse(output[1]);
        Assert.Equal(
            "ArgumentOutOfRangeException: simulated library failure (Parameter 'text')",
            failed.RootElement.GetProperty("textrepair").GetProperty("error").GetString());
        Assert.StartsWith("{\"text\":\"後\"", output[2], StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(result.Faults!).Index);
        Assert.Equal(1, stats.Failed);
        Assert.Equal(3, stats.Documents);
    }

    [Fact]
    public void Without_report_the_failed_line_is_copied_byte_for_byte()
    {
        var lines = new JsonLinesProcessor(
            new ThrowingProcessor(new ConvertProcessor(ChineseConverter.Get("s2t"))), "text", report: false, skipInvalid: false);
        byte[] input = Encoding.UTF8.GetBytes("{ \"text\" : \"发\\u53d1💥\" }\r\n");

        using BlockResult result = lines.ProcessBlock(input, new PooledBuffer(256), new RunStats(), input.Length);

        Assert.Equal(input, result.Output.WrittenSpan.ToArray());
        Assert.Single(result.Faults!);
    }
}

[CollectionDefinition(nameof(InProcessTool), DisableParallelization = true)]
public sealed class InProcessTool;

/// <summary>
/// The tool run in process with the test seam <see cref="Runner.DecorateProcessor"/>, which makes the library fail on
/// marked records: the whole path from the command line to the output file and stderr.
/// </summary>
[Collection(nameof(InProcessTool))]
public sealed class FaultIsolationTests
{
    private static (int ExitCode, string Stderr) RunInProcess(params string[] arguments)
    {
        TextWriter error = Console.Error;
        var captured = new StringWriter();
        Console.SetError(captured);
        Runner.DecorateProcessor.Value = processor => new ThrowingProcessor(processor);
        try
        {
            int exitCode = CliCommands.Build().Parse(arguments).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return (exitCode, captured.ToString());
        }
        finally
        {
            Runner.DecorateProcessor.Value = null;
            Console.SetError(error);
        }
    }

    [Fact]
    public void Jsonl_failed_records_are_reported_with_file_and_line_counted_and_the_run_exits_1()
    {
        using var directory = new TempDirectory();
        string input = directory.File("in.jsonl");
        string output = directory.File("out.jsonl");
        File.WriteAllText(input, "{\"text\":\"发\"}\n{\"text\":\"💥\"}\n{\"text\":\"后\"}\n{\"text\":\"后💥\"}\n");

        (int exitCode, string stderr) = RunInProcess("repair", "--to", "hant", "--jsonl", "--report", "--stats", input, "-o", output);

        Assert.Equal(1, exitCode);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"error\":\"ArgumentOutOfRangeException", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("{\"text\":\"後\"", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("{\"text\":\"后💥\"", lines[3], StringComparison.Ordinal);
        Assert.Contains($"{input}:2: error: ArgumentOutOfRangeException", stderr, StringComparison.Ordinal);
        Assert.Contains($"{input}:4: error:", stderr, StringComparison.Ordinal);
        Assert.Contains("failed (passed through) 2", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_errors_stops_the_run_and_leaves_no_output_file()
    {
        using var directory = new TempDirectory();
        string input = directory.File("in.jsonl");
        string output = directory.File("out.jsonl");
        File.WriteAllText(input, "{\"text\":\"💥\"}\n{\"text\":\"💥\"}\n{\"text\":\"后\"}\n");

        (int tolerated, _) = RunInProcess("convert", "-c", "s2t", "--jsonl", "--max-errors", "2", input, "-o", output);
        File.Delete(output);
        (int stopped, string stderr) = RunInProcess("convert", "-c", "s2t", "--jsonl", "--max-errors", "1", input, "-o", output);

        Assert.Equal(1, tolerated);
        Assert.Equal(1, stopped);
        Assert.Contains("stopped after 2 records failed (--max-errors 1)", stderr, StringComparison.Ordinal);
        Assert.Equal([input], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void Parquet_failed_rows_pass_through_with_an_error_report_and_their_row_number()
    {
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        string output = directory.File("out.parquet");
        ParquetFiles.Write(input, [[(1, "发", "题"), (2, null, null), (3, "发💥", null)], [(4, "后", null)]]);

        (int exitCode, string stderr) = RunInProcess("repair", "--to", "hant", "--report", input, "-o", output);

        Assert.Equal(1, exitCode);
        Assert.Equal(["發", null, "发💥", "後"], ParquetFiles.ReadStrings(output, "text"));
        Assert.Contains("\"error\":\"ArgumentOutOfRangeException", ParquetFiles.ReadStrings(output, "textrepair")[2], StringComparison.Ordinal);
        Assert.Contains($"{input}: row 3: error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parquet_max_errors_stops_the_run_while_later_batches_are_read_and_leaves_no_output_file()
    {
        // Failures in the first row group of a file whose later batches the reader thread is still reading and
        // processing: the run stops at once, the pipeline is stopped and waited for, and nothing is written.
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        string output = directory.File("out.parquet");
        (long, string?, string?)[] Group(int first) =>
            [.. Enumerable.Range(first, 5_000).Select(i => ((long)i, i % 1_000 == 1 ? "发💥" : $"发{i}", (string?)null))];
        ParquetFiles.Write(input, [Group(0), Group(5_000), Group(10_000)]);

        (int exitCode, string stderr) = RunInProcess("convert", "-c", "s2t", "--field", "text", "--max-errors", "1", input, "-o", output);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{input}: row 2: error: ArgumentOutOfRangeException", stderr, StringComparison.Ordinal);
        Assert.Contains("stopped after 2 records failed (--max-errors 1)", stderr, StringComparison.Ordinal);
        Assert.Equal([input], Directory.GetFiles(directory.Path));
    }
}
