using System.Text;
using System.Text.Json;

namespace TextRepair.Cli.Tests;

public sealed class RepairCommandTests
{
    private static readonly string s_seed = Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt");
    private static readonly string s_expected = Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.expected.txt");

    [Fact]
    public async Task The_seed_file_gives_exactly_the_expected_file()
    {
        ToolResult result = await Tool.RunAsync(["repair", s_seed]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(s_expected), result.Stdout);
    }

    [Fact]
    public async Task The_seed_with_crlf_and_bom_is_repaired_like_the_library_does()
    {
        string seed = File.ReadAllText(s_seed).ReplaceLineEndings("\r\n");
        byte[] input = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(seed)];

        ToolResult result = await Tool.RunAsync(["repair", "-"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TextRepairer.Repair(seed).Text, result.Text);
    }

    [Fact]
    public async Task Clean_text_comes_back_unchanged_and_stats_count_it()
    {
        string clean = "文件格式,能够(2021)正常打开。\n軟件包(重)構建\n";

        ToolResult result = await Tool.RunAsync("repair --stats", clean);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(clean, result.Text);
        Assert.Contains("documents 1, changed 0, lossy 0, edits 0", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task To_option_forces_the_target_script()
    {
        string text = "汉字的发展\n";

        ToolResult result = await Tool.RunAsync("repair --to hant", text);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Hant }).Text, result.Text);
    }

    [Theory]
    [InlineData("zh-Hans", "hans", "漢字的發展\n")]
    [InlineData("zh-Hant", "hant", "汉字的发展\n")]
    [InlineData("zh-Hant-TW", "tw", "软件的信息\n")]
    [InlineData("zh-Hant-HK", "hk", "软件的信息\n")]
    public async Task To_takes_the_bcp47_names_and_keeps_the_short_ones_as_aliases(string tag, string alias, string text)
    {
        ToolResult byTag = await Tool.RunAsync($"repair --to {tag}", text);
        ToolResult byAlias = await Tool.RunAsync($"repair --to {alias}", text);

        Assert.Equal(0, byTag.ExitCode);
        Assert.Equal(0, byAlias.ExitCode);
        Assert.NotEqual(text, byTag.Text);
        Assert.Equal(byAlias.Text, byTag.Text);
    }

    [Fact]
    public async Task Jsonl_report_lists_the_edits_in_input_coordinates()
    {
        string seed = File.ReadAllText(s_seed);
        string clean = "这是一段正常的文字。";
        string input = JsonSerializer.Serialize(new { id = 7, text = seed }) + "\n" + JsonSerializer.Serialize(new { text = clean }) + "\n";

        ToolResult result = await Tool.RunAsync("repair --jsonl --report --stats", input);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);

        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal(7, first.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(File.ReadAllText(s_expected), first.RootElement.GetProperty("text").GetString());
        JsonElement report = first.RootElement.GetProperty("textrepair");
        Assert.True(report.GetProperty("changed").GetBoolean());
        var rebuilt = new StringBuilder(seed);
        List<JsonElement> edits = [.. report.GetProperty("edits").EnumerateArray()];
        Assert.NotEmpty(edits);
        foreach (JsonElement edit in edits.OrderByDescending(e => e.GetProperty("start").GetInt32()))
        {
            rebuilt.Remove(edit.GetProperty("start").GetInt32(), edit.GetProperty("length").GetInt32());
            rebuilt.Insert(edit.GetProperty("start").GetInt32(), edit.GetProperty("replacement").GetString());
        }

        Assert.Equal(File.ReadAllText(s_expected), rebuilt.ToString());
        Assert.Contains(edits, edit => edit.GetProperty("kind").GetString() == "annotation");

        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal(clean, second.RootElement.GetProperty("text").GetString());
        Assert.Equal("{\"changed\":false,\"lossy\":false,\"edits\":[]}", second.RootElement.GetProperty("textrepair").GetRawText());
        Assert.Contains("documents 2, changed 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("annotation ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_report_replaces_an_existing_report_member()
    {
        ToolResult result = await Tool.RunAsync("repair --jsonl --report", "{\"textrepair\":{\"old\":[1,{}]},\"text\":\"正常\"}\n{}\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"textrepair\":{\"changed\":false,\"lossy\":false,\"edits\":[]},\"text\":\"正常\"}\n{}\n", result.Text);
    }

    [Fact]
    public async Task Jsonl_report_names_the_chain_an_encoding_edit_undid()
    {
        // 文件下载完成 written in UTF-8 and read as GBK: a user's JSONL report must say what was undone, as the library's
        // RepairEdit.Chain does; edits of other kinds carry no chain member.
        const string Line = "{\"text\":\"鏂囦欢涓嬭浇瀹屾垚\"}\n{\"text\":\"他們要堅(jiān)強(qiáng)地面對困難,繼續前進.\"}\n";

        ToolResult result = await Tool.RunAsync("repair --jsonl --report", Line);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("文件下载完成", first.RootElement.GetProperty("text").GetString());
        JsonElement edit = Assert.Single(first.RootElement.GetProperty("textrepair").GetProperty("edits").EnumerateArray());
        Assert.Equal("utf-8 decoded as gbk", edit.GetProperty("chain").GetString());
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        JsonElement annotationEdits = second.RootElement.GetProperty("textrepair").GetProperty("edits");
        Assert.NotEqual(0, annotationEdits.GetArrayLength());
        Assert.All(annotationEdits.EnumerateArray(),
            other => Assert.False(other.TryGetProperty("chain", out _)));
    }

    [Fact]
    public async Task Report_without_jsonl_explains_on_stderr()
    {
        ToolResult result = await Tool.RunAsync(["repair", "--report", s_seed]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(s_expected), result.Stdout);
        Assert.Contains(Path.GetFileName(s_seed), result.Stderr, StringComparison.Ordinal);
    }
}
