using System.Text;

namespace TextRepair.Cli.Tests;

public sealed class JsonlTests
{
    private static string S2t(string text) => ChineseConverter.Get("s2t").Convert(text);

    [Fact]
    public async Task The_field_is_converted_and_everything_else_is_kept_byte_for_byte()
    {
        string input =
            "{ \"id\" : 1.50e+1, \"text\":\"发展\\n\\u540e来 \\\"引号\\\"\", \"meta\": {\"text\": \"发\"}, \"u\":\"\\u53d1\" }\n";

        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", input);

        Assert.Equal(0, result.ExitCode);
        string expectedText = S2t("发展\n后来 \"引号\"");
        Assert.Equal(
            "{ \"id\" : 1.50e+1, \"text\":\"" + expectedText.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            + "\", \"meta\": {\"text\": \"发\"}, \"u\":\"\\u53d1\" }\n",
            result.Text);
    }

    [Fact]
    public async Task Unchanged_lines_are_copied_exactly_and_crlf_is_kept()
    {
        string input = "{\"text\":\"abc \\u0041\",   \"x\":[1, 2]}\r\n{\"other\":\"发\"}\r\n{\"text\":null}\r\n\r\n{\"text\":\"后\"}";

        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl --stats", input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\"text\":\"abc \\u0041\",   \"x\":[1, 2]}\r\n{\"other\":\"发\"}\r\n{\"text\":null}\r\n\r\n{\"text\":\"" + S2t("后") + "\"}",
            result.Text);
        Assert.Contains("documents 2, changed 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("lines without the field 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Field_option_selects_the_field()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl --field body", "{\"text\":\"发\",\"body\":\"发\"}\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"text\":\"发\",\"body\":\"" + S2t("发") + "\"}\n", result.Text);
    }

    [Fact]
    public async Task Control_characters_and_lone_surrogates_survive_the_round_trip()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", "{\"text\":\"发\\u0001\\t\\ud800\\\\/😀\"}\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"text\":\"" + S2t("发") + "\\u0001\\t\\ud800\\\\/😀\"}\n", result.Text);
    }

    [Fact]
    public async Task A_malformed_line_stops_with_its_line_number()
    {
        string input = "{\"text\":\"发\"}\n{\"text\":\"后\"}\n{\"text\": \"unterminated}\n{\"text\":\"来\"}\n";

        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("<stdin>:3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--skip-invalid", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"text\":\"发\"} {\"text\":\"发\"}")]
    [InlineData("{\"text\":\"发\"")]
    [InlineData("{\"text\":\"发\",}")]
    public async Task Lines_that_are_not_one_json_object_are_malformed(string line)
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", "{\"text\":\"后\"}\n" + line + "\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":2:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_passes_bad_lines_through_and_counts_them()
    {
        string input = "{\"text\":\"发\"}\nnot json at all\n{\"text\":\"后\"}\n";

        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl --skip-invalid --stats", input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"text\":\"" + S2t("发") + "\"}\nnot json at all\n{\"text\":\"" + S2t("后") + "\"}\n", result.Text);
        Assert.Contains("invalid lines passed through 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_is_preserved_across_many_parallel_blocks()
    {
        var input = new StringBuilder();
        var expected = new StringBuilder();
        for (int i = 0; input.Length < 3_000_000; i++)
        {
            string text = i % 3 == 0 ? "发展后来" + i : "plain " + i;
            input.Append("{\"id\":").Append(i).Append(",\"text\":\"").Append(text).Append("\"}\n");
            expected.Append("{\"id\":").Append(i).Append(",\"text\":\"").Append(S2t(text)).Append("\"}\n");
        }

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl"], Encoding.UTF8.GetBytes(input.ToString()));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.ToString(), result.Text);
    }

    [Fact]
    public async Task A_line_of_several_megabytes_is_processed()
    {
        string text = string.Concat(Enumerable.Repeat("发展中国家的后来", 150_000));

        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", "{\"text\":\"" + text + "\"}\n{\"text\":\"后\"}\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"text\":\"" + S2t(text) + "\"}\n{\"text\":\"" + S2t("后") + "\"}\n", result.Text);
    }

    [Fact]
    public async Task Lines_from_a_pipe_come_out_before_the_input_ends()
    {
        using System.Diagnostics.Process process = Tool.Start(["convert", "-c", "s2t", "--jsonl"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await process.StandardInput.WriteLineAsync("{\"text\":\"发\"}".AsMemory(), timeout.Token);
        await process.StandardInput.FlushAsync(timeout.Token);
        string? first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        process.StandardInput.Close();
        string rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal("{\"text\":\"" + S2t("发") + "\"}", first);
        Assert.Empty(rest);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Empty_input_gives_empty_output()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", string.Empty);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Bom_before_the_first_line_is_skipped()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"text\":\"发\"}\n")];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"text\":\"" + S2t("发") + "\"}\n", result.Text);
    }

    [Fact]
    public async Task A_duplicate_key_takes_its_last_value()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl", "{\"text\":\"发\",\"text\":\"后\"}\n{\"text\":\"发\",\"text\":null}\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"text\":\"发\",\"text\":\"" + S2t("后") + "\"}\n{\"text\":\"发\",\"text\":null}\n", result.Text);
    }

    [Fact]
    public async Task Nesting_200_deep_is_read_and_2000_deep_is_too_deep()
    {
        static string Nested(int depth) => "{\"text\":\"发\",\"n\":" + new string('[', depth) + new string(']', depth) + "}\n";

        ToolResult deep = await Tool.RunAsync("convert -c s2t --jsonl", Nested(200));
        ToolResult tooDeep = await Tool.RunAsync("convert -c s2t --jsonl", Nested(2000));

        Assert.Equal(0, deep.ExitCode);
        Assert.Equal(Nested(200).Replace("发", S2t("发"), StringComparison.Ordinal), deep.Text);
        Assert.Equal(2, tooDeep.ExitCode);
        Assert.Contains("<stdin>:1:", tooDeep.Stderr, StringComparison.Ordinal);
        Assert.Contains("too deep", tooDeep.Stderr, StringComparison.Ordinal);
    }
}
