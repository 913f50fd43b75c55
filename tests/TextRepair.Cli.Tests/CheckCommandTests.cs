using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using TextRepair.Cli.Check;

namespace TextRepair.Cli.Tests;

public sealed class CheckCommandTests
{
    private const string TaiwanText = "我們的軟體資訊都放在這裡。\n這是正確的臺灣用語。\n";
    private const string DamagedTaiwanText = "我們的软体资讯放在這裡。\n軟件和信息都不是臺灣用語。\n";

    [Fact]
    public async Task Clean_text_exits_0_without_output()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("tw.txt"), TaiwanText);

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", directory.File("tw.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Text);
    }

    [Fact]
    public async Task Findings_are_listed_as_file_line_column_rule_message_and_exit_1()
    {
        using var directory = new TempDirectory();
        string path = directory.File("tw.txt");
        File.WriteAllText(path, DamagedTaiwanText);

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", path]);

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Contains($"{path}:1:4: wrong-script: '软' is not written in zh-Hant-TW text (suggestion: 軟)", lines);
        Assert.Contains($"{path}:2:1: region-term: '軟件' is not the zh-Hant-TW term (suggestion: 軟體)", lines);
        Assert.Contains($"{path}:2:4: region-term: '信息' is not the zh-Hant-TW term (suggestion: 資訊)", lines);
        Assert.Contains(lines, line => line.StartsWith($"{path}:1:4: mixed-line:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Usage_and_input_errors_exit_2()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("bad.txt"), [0xE4, 0xB8]);
        File.WriteAllText(directory.File("ok.txt"), TaiwanText);

        Assert.Equal(2, (await Tool.RunAsync(["check", directory.File("ok.txt")])).ExitCode);
        Assert.Equal(2, (await Tool.RunAsync(["check", "--expect", "fr-FR", directory.File("ok.txt")])).ExitCode);
        Assert.Equal(2, (await Tool.RunAsync(["check", "--expect", "zh-TW", "--disable", "no-such-rule", directory.File("ok.txt")])).ExitCode);
        Assert.Equal(2, (await Tool.RunAsync(["check", "--expect", "zh-TW", "--json", "--sarif", directory.File("ok.txt")])).ExitCode);
        Assert.Equal(2, (await Tool.RunAsync(["check", "--expect", "zh-TW", directory.File("missing.txt")])).ExitCode);
        ToolResult invalid = await Tool.RunAsync(["check", "--expect", "zh-TW", directory.File("bad.txt")]);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("not valid UTF-8", invalid.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_carry_positions_rule_and_suggestion()
    {
        ToolResult result = await Tool.RunAsync("check --expect zh-Hant --json", "繁體中文里有简体字\n");

        Assert.Equal(1, result.ExitCode);
        JsonDocument[] findings = result.Text.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line)).ToArray();
        JsonElement wrong = findings.Single(f => f.RootElement.GetProperty("text").GetString() == "简" && f.RootElement.GetProperty("rule").GetString() == "wrong-script").RootElement;
        Assert.Equal("<stdin>", wrong.GetProperty("file").GetString());
        Assert.Equal("wrong-script", wrong.GetProperty("rule").GetString());
        Assert.Equal(1, wrong.GetProperty("line").GetInt32());
        Assert.Equal(7, wrong.GetProperty("column").GetInt32());
        Assert.Equal("簡", wrong.GetProperty("suggestion").GetString());
        Assert.True(wrong.GetProperty("fixable").GetBoolean());
    }

    [Fact]
    public async Task Sarif_output_is_valid_sarif_2_1_0()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("tw.txt"), DamagedTaiwanText + "亂碼锟斤拷在這裡\uFFFD\n");

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", "--sarif", "tw.txt"], workingDirectory: directory.Path);

        Assert.Equal(1, result.ExitCode);
        JsonNode log = JsonNode.Parse(result.Text)!;
        Assert.Equal("2.1.0", log["version"]!.GetValue<string>());
        JsonArray results = log["runs"]![0]!["results"]!.AsArray();
        Assert.Contains(results, r => r!["ruleId"]!.GetValue<string>() == "loss-marker");
        JsonNode first = results[0]!["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("tw.txt", first["artifactLocation"]!["uri"]!.GetValue<string>());

        string schemaText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Sarif", "sarif-2.1.0-rtm.5.json"))
            .Replace("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal);
        JsonSchema schema = JsonSchema.FromText(schemaText);
        EvaluationResults evaluation = schema.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("; ", (evaluation.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        // The schema does check: a log without its required version fails.
        log.AsObject().Remove("version");
        Assert.False(schema.Evaluate(log).IsValid);
    }

    [Fact]
    public async Task Disabled_rules_and_baselines_suppress_findings()
    {
        using var directory = new TempDirectory();
        string path = directory.File("tw.txt");
        File.WriteAllText(path, DamagedTaiwanText);
        string baseline = directory.File("baseline.json");

        ToolResult noTerms = await Tool.RunAsync(["check", "--expect", "zh-TW", "--disable", "region-term", "--disable", "wrong-script,mixed-line", path]);
        Assert.Equal(0, noTerms.ExitCode);

        ToolResult written = await Tool.RunAsync(["check", "--expect", "zh-TW", "--write-baseline", baseline, path]);
        Assert.Equal(0, written.ExitCode);
        ToolResult suppressed = await Tool.RunAsync(["check", "--expect", "zh-TW", "--baseline", baseline, path]);
        Assert.Equal(0, suppressed.ExitCode);

        // A new finding, and line numbers shifted by an inserted line: only the new finding is reported.
        File.WriteAllText(path, "新的一行\n" + DamagedTaiwanText + "還有数据\n");
        ToolResult next = await Tool.RunAsync(["check", "--expect", "zh-TW", "--baseline", baseline, path]);
        Assert.Equal(1, next.ExitCode);
        string[] lines = next.Text.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.StartsWith($"{path}:4:", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fix_rewrites_unambiguous_wrong_script_characters_atomically()
    {
        using var directory = new TempDirectory();
        string path = directory.File("tw.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("我們的软体资讯放在這裡。\n軟件\n")]);

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-TW", "--fix", path]);

        byte[] after = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], after[..3]);
        Assert.Equal("我們的軟體資訊放在這裡。\n軟件\n", Encoding.UTF8.GetString(after[3..]));
        Assert.Contains("fixed 4 finding(s) in 1 file(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("region-term", result.Text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(directory.Path, "*.textrepair-tmp"));
    }

    [Theory]
    [InlineData("messages.po", "msgid \"Software\"\nmsgstr \"\"\n\"我們的\\n软体\"\n", 3, 7)]
    [InlineData("strings.json", "{\"soft软\": \"我們的\\u0020软体\"}", 1, 21)]
    [InlineData("Resources.resx", "<root><data name=\"a软\"><value>我們&amp;软体</value></data></root>", 1, 37)]
    [InlineData("strings.xml", "<resources>\n  <string name=\"a\">我們<b>的</b>软体</string>\n</resources>", 2, 30)]
    [InlineData("Localizable.strings", "/* 软 */\n\"soft软\" = \"我們的软体\";\n", 2, 15)]
    public async Task Localisation_values_are_checked_with_positions_in_the_original_file(string name, string content, int line, int column)
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File(name), content);

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", "--disable", "mixed-line", name], workingDirectory: directory.Path);

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Equal($"{name}:{line}:{column}: wrong-script: '软' is not written in zh-Hant-TW text (suggestion: 軟)", lines[0]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task A_large_file_is_streamed_with_the_positions_of_the_whole_file()
    {
        // Over StreamedCheck.MinStreamedBytes: checked in blocks. The findings are those of each copy of the text,
        // with line numbers running on through the file.
        using var directory = new TempDirectory();
        string path = directory.File("big.txt");
        int copies = StreamedCheck.MinStreamedBytes / Encoding.UTF8.GetByteCount(DamagedTaiwanText) + 10;
        File.WriteAllText(path, string.Concat(Enumerable.Repeat(DamagedTaiwanText, copies)));
        File.WriteAllText(directory.File("one.txt"), DamagedTaiwanText);

        ToolResult big = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", "--json", path]);
        ToolResult one = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", "--json", directory.File("one.txt")]);

        Assert.Equal(1, big.ExitCode);
        string[] expected = one.Text.TrimEnd('\n').Split('\n');
        string[] lines = big.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(expected.Length * copies, lines.Length);
        for (int copy = 0; copy < copies; copy += copies - 1)
        {
            for (int k = 0; k < expected.Length; k++)
            {
                JsonNode want = JsonNode.Parse(expected[k])!;
                JsonNode got = JsonNode.Parse(lines[copy * expected.Length + k])!;
                Assert.Equal((int)want["line"]! + (2 * copy), (int)got["line"]!);
                Assert.Equal((int)want["column"]!, (int)got["column"]!);
                Assert.Equal((string)want["rule"]!, (string)got["rule"]!);
            }
        }
    }

    [Fact]
    public async Task Bad_input_late_in_a_large_file_writes_one_error_line_and_no_findings()
    {
        using var directory = new TempDirectory();
        byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(DamagedTaiwanText, StreamedCheck.MinStreamedBytes / 50)));
        File.WriteAllText(directory.File("first.txt"), DamagedTaiwanText);
        File.WriteAllBytes(directory.File("invalid.txt"), [.. text, 0xE4, 0xB8, (byte)'\n', .. text]);
        File.WriteAllBytes(directory.File("surrogate.txt"), [.. text, 0xED, 0xA0, 0x80, (byte)'\n']);

        foreach (string bad in (string[])["invalid.txt", "surrogate.txt"])
        {
            ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", "--sarif", directory.File("first.txt"), directory.File(bad)]);

            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            Assert.Matches($@"^textrepair: .*{bad}: not valid UTF-8 \(byte offset \d+\)\n$", result.Stderr);
        }
    }

    [Fact]
    public async Task Bad_input_after_a_large_first_file_started_early_writes_one_error_line_and_no_findings()
    {
        // The first input's blocks are scanned while the inputs are surveyed (HeadStart); nothing may be written until
        // every input has passed, whatever the format.
        using var directory = new TempDirectory();
        byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(DamagedTaiwanText, StreamedCheck.MinStreamedBytes / 20)));
        File.WriteAllBytes(directory.File("big.txt"), text);
        File.WriteAllBytes(directory.File("invalid.txt"), [.. text, 0xE4, 0xB8, (byte)'\n', .. text]);
        string[][] runs =
        [
            [directory.File("invalid.txt")],
            [directory.File("big.txt"), directory.File("invalid.txt")],
            [directory.File("big.txt"), directory.File("missing.txt")],
        ];

        foreach (string[] paths in runs)
        {
            foreach (string[] format in (string[][])[[], ["--json"], ["--sarif"]])
            {
                ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", .. format, .. paths]);

                Assert.Equal(2, result.ExitCode);
                Assert.Empty(result.Stdout);
                Assert.Matches(@"^textrepair: .*(invalid|missing)\.txt: [^\n]+\n$", result.Stderr);
            }
        }

        // A control character late in a large first file: checked whole, the blocks started early are dropped.
        File.WriteAllBytes(directory.File("control.txt"), [.. text, 0x01, (byte)'\n']);
        ToolResult big = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", directory.File("big.txt")]);
        ToolResult control = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", directory.File("control.txt")]);
        Assert.Equal(1, control.ExitCode);
        Assert.Equal(big.Text.Replace("big.txt", "control.txt", StringComparison.Ordinal), control.Text);
    }

    [Fact]
    public async Task A_large_file_with_more_findings_than_a_head_start_holds_is_surveyed_from_where_it_stopped()
    {
        // More findings than HeadStart.MaxHeldFindings: the rest of the file is surveyed from where the held blocks end.
        // The text output is that of the same bytes read from standard input (read whole, streamed from memory); invalid
        // UTF-8 at the end still writes nothing, in every format.
        using var directory = new TempDirectory();
        int copies = (HeadStart.MaxHeldFindings / 4) + 2000;
        byte[] text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(DamagedTaiwanText, copies)));
        Assert.True(text.Length > StreamedCheck.MinStreamedBytes);
        File.WriteAllBytes(directory.File("many.txt"), text);
        File.WriteAllBytes(directory.File("bad.txt"), [.. text, 0xE4, 0xB8, (byte)'\n']);

        foreach (string[] format in (string[][])[[], ["--sarif"]])
        {
            ToolResult file = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", .. format, "many.txt"], workingDirectory: directory.Path);
            ToolResult stdin = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", .. format], text);
            ToolResult bad = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", .. format, "bad.txt"], workingDirectory: directory.Path);

            Assert.Equal(1, file.ExitCode);
            Assert.True(file.Text.Split('\n').Length > HeadStart.MaxHeldFindings);
            if (format.Length == 0)
            {
                // Text lines only: SARIF and JSON fingerprints hold the file name.
                Assert.Equal(stdin.Text.Replace("<stdin>", "many.txt", StringComparison.Ordinal), file.Text);
            }

            Assert.Equal(2, bad.ExitCode);
            Assert.Empty(bad.Stdout);
            Assert.Matches(@"^textrepair: bad\.txt: not valid UTF-8 \(byte offset \d+\)\n$", bad.Stderr);
        }
    }

    [Fact]
    public async Task Detect_json_reports_the_variant_and_its_confidence()
    {
        ToolResult result = await Tool.RunAsync("detect", "我們的軟體資訊都放在這裡，請到設定裡開啟網路功能。\n");

        using JsonDocument report = JsonDocument.Parse(result.Text);
        Assert.Equal("zh-Hant-TW", report.RootElement.GetProperty("variant").GetString());
        double confidence = report.RootElement.GetProperty("variantConfidence").GetDouble();
        Assert.InRange(confidence, 0.8, 1.0);
    }
}
