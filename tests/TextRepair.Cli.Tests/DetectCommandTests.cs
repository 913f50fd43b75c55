using System.Text.Json;

namespace TextRepair.Cli.Tests;

public sealed class DetectCommandTests
{
    [Fact]
    public async Task Writes_one_json_report_per_input()
    {
        using var directory = new TempDirectory();
        string seed = Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt");
        File.WriteAllText(directory.File("clean.txt"), "这是简体中文。\n");

        ToolResult result = await Tool.RunAsync(["detect", seed, directory.File("clean.txt")]);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using JsonDocument damaged = JsonDocument.Parse(lines[0]);
        using JsonDocument clean = JsonDocument.Parse(lines[1]);
        Assert.Equal(seed, damaged.RootElement.GetProperty("file").GetString());
        Assert.NotEqual(0, damaged.RootElement.GetProperty("annotations").GetArrayLength());
        Assert.Equal(TextAnalyzer.Analyze(File.ReadAllText(seed)).Annotations.Count, damaged.RootElement.GetProperty("annotations").GetArrayLength());
        Assert.Equal("simplified", clean.RootElement.GetProperty("script").GetString());
        Assert.Equal(0, clean.RootElement.GetProperty("annotations").GetArrayLength());
    }

    [Fact]
    public async Task Detect_json_as_issue_18_documents_it_gives_the_variant_and_its_confidence()
    {
        ToolResult result = await Tool.RunAsync(["detect", "--json"], System.Text.Encoding.UTF8.GetBytes("請檢查網絡連線及打印機設定，然後重新啟動軟件，再把字符寫進檔案裏。\n"));

        Assert.Equal(0, result.ExitCode);
        using JsonDocument report = JsonDocument.Parse(result.Text);
        Assert.Equal("zh-Hant-HK", report.RootElement.GetProperty("variant").GetString());
        Assert.InRange(report.RootElement.GetProperty("variantConfidence").GetDouble(), 0.9, 1);
    }

    [Fact]
    public async Task Stdin_has_a_null_file_name()
    {
        ToolResult result = await Tool.RunAsync("detect", string.Empty);

        Assert.Equal(0, result.ExitCode);
        using JsonDocument report = JsonDocument.Parse(result.Text);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("file").ValueKind);
        Assert.Equal("none", report.RootElement.GetProperty("script").GetString());
    }

    [Fact]
    public async Task The_report_has_exactly_the_documented_schema()
    {
        // An annotation, and UTF-8 read as GBK on the next line: every nested object appears.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string garbled = System.Text.Encoding.GetEncoding("gbk").GetString(System.Text.Encoding.UTF8.GetBytes("这是一个编码问题的例子"));
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("page.txt"), "堅(jiān)強(qiáng)的黨(dǎng)組織\n" + garbled + "\n");

        ToolResult result = await Tool.RunAsync(["detect", directory.File("page.txt")]);

        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Text);
        JsonElement report = document.RootElement;
        Assert.Equal(
            ["file", "script", "hanCount", "simplifiedCount", "traditionalCount", "annotations", "evidence", "distinctAnnotatedCharacters",
             "conversionSignatures", "convertedFromSimplified", "suspectedDamage", "variant", "variantConfidence"],
            report.EnumerateObject().Select(member => member.Name));
        Assert.Contains(report.GetProperty("script").GetString(), new[] { "none", "simplified", "traditional", "mixed" });
        Assert.Contains(report.GetProperty("evidence").GetString(), new[] { "none", "weak", "strongToned", "strongToneless" });
        JsonElement annotation = report.GetProperty("annotations")[0];
        Assert.Equal(["start", "length", "characterStart", "codePoint", "syllable", "toned", "match"], annotation.EnumerateObject().Select(member => member.Name));
        Assert.Equal("jiān", annotation.GetProperty("syllable").GetString());
        Assert.Equal(0x5805, annotation.GetProperty("codePoint").GetInt32());
        Assert.Equal("reading", annotation.GetProperty("match").GetString());
        JsonElement[] damage = [.. report.GetProperty("suspectedDamage").EnumerateArray()];
        Assert.NotEmpty(damage);
        Assert.All(damage, span => Assert.Equal(["start", "length", "kind"], span.EnumerateObject().Select(member => member.Name)));
        Assert.Contains(damage, span => span.GetProperty("kind").GetString() == "mojibake");
        Assert.Equal(JsonValueKind.Number, report.GetProperty("variantConfidence").ValueKind);
    }

    [Fact]
    public async Task Help_describes_only_options_detect_has()
    {
        ToolResult help = await Tool.RunAsync(["detect", "--help"]);

        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotContain("--jsonl", help.Text, StringComparison.Ordinal);
        Assert.Contains("With Parquet input: the string column to analyse", string.Join(' ', help.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
