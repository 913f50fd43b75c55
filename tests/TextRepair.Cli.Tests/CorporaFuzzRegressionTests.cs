using System.Text;
using TextRepair.Cli.IO;
using TextRepair.Cli.Jsonl;

namespace TextRepair.Cli.Tests;

/// <summary>
/// Inputs the jsonl fuzz harness (fuzz/TextRepair.Fuzz, tools/fuzz.sh) reported as crashes or hangs, kept as regression
/// tests whatever the cause: the JSONL processor with repair, <c>--report</c> and <c>--skip-invalid</c> (the harness's
/// settings) gives one output line per input line, with no tool failure and no library fault, in process and end to end.
/// </summary>
/// <remarks>
/// crash-00.jsonl (session 7, AFL++ 4.04c): reported as sig:02 two seconds into a resumed session at load average
/// 10-14, while afl-fuzz ran with a timeout it had chosen itself (120 ms; tools/fuzz.sh then passed "-t 10000+", whose
/// '+' makes 10 s only the maximum). SharpFuzz reports a harness process that died as a crash (status 2); replayed
/// alone on the uninstrumented build it passes. hang-00 to hang-05 (session 6) and hang-06 (session 7): inputs over
/// that self-chosen timeout (100-700 ms); replayed alone on the uninstrumented build, each takes 0.3-2.2 s in a fresh
/// process, the start of the runtime and the loading of the models included (session 7, load average 10-14).
/// crash-01.jsonl (session 7, found by CI's 60 s run once the fixed timeout let the harness run at full speed): a key
/// escaped as a lone surrogate ("t\uDDDD..."); Utf8JsonReader.ValueTextEquals threw InvalidOperationException, which
/// the processor took for a failure of the tool and stopped. Reproduced alone before the fix.
/// </remarks>
public sealed class CorporaFuzzRegressionTests
{
    public static TheoryData<string> JsonlFindings() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "jsonl")).Select(path => Path.GetFileName(path)).Order()];

    [Theory]
    [MemberData(nameof(JsonlFindings))]
    public void The_jsonl_processor_passes_every_line_without_a_failure(string file)
    {
        // As the harness does: the bytes read as UTF-8 (invalid bytes become U+FFFD) and written back.
        byte[] input = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "jsonl", file))));
        var lines = new JsonLinesProcessor(new RepairProcessor(RepairOptions.Default), "text", report: true, skipInvalid: true);

        using BlockResult result = lines.ProcessBlock(input, new PooledBuffer(input.Length + 256), new RunStats(), input.Length);

        Assert.Null(result.Failure);
        Assert.Null(result.Error);
        Assert.True(result.Faults is null or { Count: 0 }, "the library failed on a record");
        Assert.Equal(LineCount(input), LineCount(result.Output.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(JsonlFindings))]
    public async Task The_tool_repairs_the_input_with_one_output_line_per_input_line(string file)
    {
        byte[] input = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "jsonl", file))));

        ToolResult result = await Tool.RunAsync(["repair", "--jsonl", "--report", "--skip-invalid"], stdin: input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(LineCount(input), LineCount(result.Stdout));
    }

    /// <summary>Lines as the tool counts them: a last line without a newline counts too.</summary>
    private static int LineCount(ReadOnlySpan<byte> text) =>
        text.Count((byte)'\n') + (text.Length > 0 && text[^1] != (byte)'\n' ? 1 : 0);
}
