using System.Text;
using System.Text.Json;

namespace TextRepair.Cli.Tests;

/// <summary><c>textrepair serve</c>: one process running request after request (the Dask integration's tool process).</summary>
public sealed class CorporaServeTests
{
    private const string Records = "{\"id\":1,\"text\":\"发展(fā zhǎn)经济,保障民生。\"}\n{\"id\":2,\"text\":\"鼠标里面的硅二极管坏了!\"}\n";

    private static async Task<(ToolResult Result, List<(int Exit, string Stderr)> Answers)> ServeAsync(params string[][] requests)
    {
        string lines = string.Concat(requests.Select(request => JsonSerializer.Serialize(request) + "\n"));
        ToolResult result = await Tool.RunAsync(["serve"], Encoding.UTF8.GetBytes(lines));
        var answers = new List<(int, string)>();
        foreach (string line in result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using JsonDocument answer = JsonDocument.Parse(line);
            answers.Add((answer.RootElement.GetProperty("exit").GetInt32(), answer.RootElement.GetProperty("stderr").GetString()!));
        }

        return (result, answers);
    }

    [Fact]
    public async Task Each_request_gives_the_output_and_exit_code_of_a_fresh_process_and_a_failed_one_does_not_stop_the_next()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.jsonl"), Records);
        File.WriteAllText(directory.File("bad.jsonl"), "{\"text\":\"发展\"}\nnot json\n");
        string[] repair = ["repair", "--jsonl", "--to", "hant", "--report"];
        string[] convert = ["convert", "-c", "s2t", "--jsonl"];

        var (result, answers) = await ServeAsync(
            [.. repair, directory.File("a.jsonl"), "-o", directory.File("a.repaired")],
            [.. repair, directory.File("bad.jsonl"), "-o", directory.File("bad.repaired")],
            [.. repair, directory.File("missing.jsonl"), "-o", directory.File("missing.repaired")],
            [.. convert, directory.File("a.jsonl"), "-o", directory.File("a.converted")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(4, answers.Count);
        ToolResult freshBad = await Tool.RunAsync([.. repair, directory.File("bad.jsonl"), "-o", directory.File("bad.fresh")]);
        ToolResult freshMissing = await Tool.RunAsync([.. repair, directory.File("missing.jsonl"), "-o", directory.File("missing.fresh")]);
        Assert.Equal((0, string.Empty), answers[0]);
        Assert.Equal((freshBad.ExitCode, freshBad.Stderr.TrimEnd()), answers[1]);
        Assert.Equal(2, answers[1].Exit);
        Assert.Contains("bad.jsonl:2: malformed JSON line", answers[1].Stderr, StringComparison.Ordinal);
        Assert.Equal((freshMissing.ExitCode, freshMissing.Stderr.TrimEnd()), answers[2]);
        Assert.Equal((0, string.Empty), answers[3]);
        Assert.False(File.Exists(directory.File("bad.repaired")));

        ToolResult freshRepair = await Tool.RunAsync([.. repair, directory.File("a.jsonl")]);
        ToolResult freshConvert = await Tool.RunAsync([.. convert, directory.File("a.jsonl")]);
        Assert.Equal(freshRepair.Stdout, File.ReadAllBytes(directory.File("a.repaired")));
        Assert.Equal(freshConvert.Stdout, File.ReadAllBytes(directory.File("a.converted")));
        Assert.Contains("\"textrepair\":{\"changed\":true", File.ReadAllText(directory.File("a.repaired")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_that_would_touch_the_protocol_streams_or_are_not_corpus_runs_are_refused_and_serving_goes_on()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.jsonl"), Records);
        string lines = string.Join('\n',
            "[\"repair\",\"--jsonl\",\"" + directory.File("a.jsonl") + "\"]",
            "[\"repair\",\"--jsonl\",\"-\",\"-o\",\"" + directory.File("stdin.out") + "\"]",
            "[\"check\",\"" + directory.File("a.jsonl") + "\"]",
            "not a request",
            "[\"repair\",1]",
            "[]",
            "[\"repair\",\"\\uDDDD\"]",
            "[\"convert\",\"-c\",\"s2t\",\"--jsonl\",\"" + directory.File("a.jsonl") + "\",\"-o\",\"" + directory.File("last.out") + "\"]") + "\n";

        ToolResult result = await Tool.RunAsync(["serve"], Encoding.UTF8.GetBytes(lines));

        string[] answers = result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8, answers.Length);
        Assert.Equal(
            [2, 2, 2, 2, 2, 2, 2, 0],
            answers.Select(answer => JsonDocument.Parse(answer).RootElement.GetProperty("exit").GetInt32()).ToArray());
        Assert.Contains("--output or --in-place", answers[0], StringComparison.Ordinal);
        Assert.Contains("standard input is closed", answers[1], StringComparison.Ordinal);
        Assert.Contains("a request runs convert, repair or detect", answers[2], StringComparison.Ordinal);
        Assert.Contains("JSON array of strings", answers[3], StringComparison.Ordinal);
        Assert.Contains("JSON array of strings", answers[4], StringComparison.Ordinal);
        Assert.Contains("a request runs convert, repair or detect", answers[5], StringComparison.Ordinal);

        // A string escaped as a lone surrogate: the reader throws InvalidOperationException, not JsonException.
        Assert.Contains("JSON array of strings", answers[6], StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("stdin.out")));
        Assert.Contains("發展", File.ReadAllText(directory.File("last.out")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/stdout")]
    [InlineData("/dev/fd/1")]
    public async Task A_request_writing_to_standard_output_by_name_is_refused_as_usage_not_as_a_closed_stream(string output)
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("s.txt"), "后来\n");

        (ToolResult result, List<(int Exit, string Stderr)> answers) = await ServeAsync(["convert", "-c", "s2t", directory.File("s.txt"), "-o", output]);

        Assert.Equal(0, result.ExitCode);
        (int exit, string stderr) = Assert.Single(answers);
        Assert.Equal(2, exit);
        Assert.Equal($"textrepair: serve: a request must write to files (--output or --in-place), not {output}: standard output carries the answers", stderr);
    }

    [Fact]
    public async Task The_server_exits_0_with_no_answer_when_its_input_is_empty()
    {
        ToolResult result = await Tool.RunAsync(["serve"], []);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
    }
}
