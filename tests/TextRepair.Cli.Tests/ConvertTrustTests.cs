using System.Text.Json;

namespace TextRepair.Cli.Tests;

public sealed class ConvertTrustTests
{
    private const string Paragraph = "头发和发展，后来的皇后在台上发言。\n我干了一杯，面条里只有一只鸡蛋。\n";

    [Fact]
    public async Task Ambiguities_AreWrittenAsJsonLinesWithTheIssuesFields()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("in.txt"), Paragraph);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--ambiguities", directory.File("a.jsonl"), directory.File("in.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChineseConverter.Get("s2t").Convert(Paragraph), result.Text);
        string[] lines = File.ReadAllLines(directory.File("a.jsonl"));
        var expected = new List<ConversionAmbiguity>();
        ChineseConverter.Get("s2t").Convert(Paragraph, expected);
        Assert.Equal(expected.Count, lines.Length);
        Assert.NotEmpty(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            JsonElement root = line.RootElement;
            Assert.Equal(
                ["start", "length", "source", "chosen", "alternatives", "outputStart", "outputLength", "dictionary"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(expected[i].SourceStart, root.GetProperty("start").GetInt32());
            Assert.Equal(Paragraph.Substring(expected[i].SourceStart, expected[i].SourceLength), root.GetProperty("source").GetString());
            Assert.Equal(expected[i].Chosen, root.GetProperty("alternatives")[0].GetString());
            Assert.Equal(expected[i].Chosen, root.GetProperty("chosen").GetString());
        }

        Assert.Contains(lines, l => l.Contains("\"source\":\"里\",\"chosen\":\"裏\",\"alternatives\":[\"裏\",\"里\",\"哩\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ambiguities_DoNotChangeTheOutput()
    {
        using var directory = new TempDirectory();
        ToolResult plain = await Tool.RunAsync("convert -c s2twp", Paragraph);
        ToolResult reported = await Tool.RunAsync(["convert", "-c", "s2twp", "--ambiguities", directory.File("a.jsonl")], System.Text.Encoding.UTF8.GetBytes(Paragraph));

        Assert.Equal(0, reported.ExitCode);
        Assert.Equal(plain.Stdout, reported.Stdout);
    }

    [Fact]
    public async Task Ambiguities_Summary_CountsPerCharacterOverTheInputs()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "发，发\n");
        File.WriteAllText(directory.File("b.txt"), "发，后\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--ambiguities", directory.File("s.jsonl"), "--summary", directory.File("a.txt"), directory.File("b.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["{\"source\":\"发\",\"count\":3,\"chosen\":\"發\",\"alternatives\":[\"發\",\"髮\"],\"dictionary\":\"STCharacters\"}",
             "{\"source\":\"后\",\"count\":1,\"chosen\":\"後\",\"alternatives\":[\"後\",\"后\"],\"dictionary\":\"STCharacters\"}"],
            File.ReadAllLines(directory.File("s.jsonl")));
    }

    [Fact]
    public async Task Ambiguities_InJsonlMode_GoIntoTheReport()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl --report --ambiguities", "{\"text\":\"发\"}\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\"text\":\"發\",\"textrepair\":{\"changed\":true,\"lossy\":false,\"edits\":[],\"ambiguities\":[{\"start\":0,\"length\":1,\"source\":\"发\",\"chosen\":\"發\",\"alternatives\":[\"發\",\"髮\"],\"outputStart\":0,\"outputLength\":1,\"dictionary\":\"STCharacters\"}]}}\n",
            result.Text);
    }

    [Theory]
    [InlineData("convert -c s2t --ambiguities")]
    [InlineData("convert -c s2t --summary")]
    [InlineData("convert -c s2t --report")]
    [InlineData("convert -c s2t --jsonl --ambiguities")]
    [InlineData("convert -c s2t --phrases /nonexistent/glossary.txt")]
    [InlineData("convert -c zh-Hant-XX")]
    public async Task BadCombinations_FailWithOneLine(string arguments)
    {
        ToolResult result = await Tool.RunAsync(arguments, "发\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task ProtectMarkupAndUrls_LeaveThemUnchanged()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --protect-markup --protect-urls --protect-paths", "见 -{发}- https://例子.中国/文件/发布 /文件/发布\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("見 发 https://例子.中国/文件/发布 /文件/发布\n", result.Text);
    }

    [Fact]
    public async Task ProtectFile_KeepsTermsAndBreaksPhrases()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("terms.txt"), "发\n\n乾安县\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--protect", directory.File("terms.txt")], System.Text.Encoding.UTF8.GetBytes("头发，乾安县\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("頭发，乾安县\n", result.Text);
    }

    [Fact]
    public async Task Phrases_GlossaryWinsOverTheRegionalVocabulary()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("glossary.txt"), "软件\t軟件\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "zh-TW", "--phrases", directory.File("glossary.txt")], System.Text.Encoding.UTF8.GetBytes("软件和硬件\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("軟件和硬體\n", result.Text);
    }

    [Fact]
    public async Task Phrases_BadLine_IsReportedWithItsNumber()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("glossary.txt"), "软件\t軟件\nbroken\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--phrases", directory.File("glossary.txt")], System.Text.Encoding.UTF8.GetBytes("软件\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Line 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectKana_LeavesJapaneseAndReportsIt()
    {
        ToolResult result = await Tool.RunAsync("convert -c t2s --protect-kana", "東京の天気は晴れです。這是中國的天氣。\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("東京の天気は晴れです。这是中国的天气。\n", result.Text);
        Assert.Contains("1 kana-bearing span", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_AcceptsBcp47Aliases()
    {
        ToolResult result = await Tool.RunAsync("convert -c zh-Hant-TW", "着\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChineseConverter.Get("s2tw").Convert("着\n"), result.Text);
    }
}
