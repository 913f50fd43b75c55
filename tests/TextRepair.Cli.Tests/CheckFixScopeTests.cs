using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>
/// <c>check --fix</c> rewrites only the text a reader sees, as <c>convert</c> finds it in the file's format, and never
/// URLs, e-mail addresses or paths; what it leaves stays a finding; the findings reported are those of the fixed text.
/// </summary>
public sealed class CheckFixScopeTests
{
    [Theory]
    [InlineData(
        "README.zh-TW.md",
        "# 說明国\n\n```python\nprint(\"国\")  # 变量\n```\n\n`国家` 與 [連結国](https://例子.中国/国)\n",
        "# 說明國\n\n```python\nprint(\"国\")  # 变量\n```\n\n`国家` 與 [連結國](https://例子.中国/国)\n")]
    [InlineData(
        "index.html",
        "<html><body><p id=\"国\" title=\"國头\">說明国</p><script>var s=\"国\";</script></body></html>\n",
        "<html><body><p id=\"国\" title=\"國頭\">說明國</p><script>var s=\"国\";</script></body></html>\n")]
    [InlineData(
        "a.txt",
        "見國头 https://例子.中国/国 和 C:\\国\\头.txt 與 user@国.com\n",
        "見國頭 https://例子.中国/国 和 C:\\国\\头.txt 與 user@国.com\n")]
    public async Task Fix_rewrites_the_text_a_reader_sees_and_leaves_code_urls_markup_addresses_and_paths(string name, string before, string after)
    {
        using var directory = new TempDirectory();
        string path = directory.File(name);
        File.WriteAllText(path, before);

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", "--fix", path]);

        Assert.Equal(after, File.ReadAllText(path, Encoding.UTF8));
        Assert.Contains("fixed ", result.Stderr, StringComparison.Ordinal);

        // What was left is reported as it stands in the fixed file, and decides the exit code.
        Assert.True(result.ExitCode == 1, result.ToString());
        ToolResult recheck = await Tool.RunAsync(["check", "--expect", "zh-Hant-TW", path]);
        Assert.Equal(recheck.Text, result.Text);
    }

    [Fact]
    public async Task Fix_of_every_finding_exits_0_with_no_stale_finding()
    {
        using var directory = new TempDirectory();
        string path = directory.File("fy.txt");
        File.WriteAllText(path, "說明国\n");

        ToolResult result = await Tool.RunAsync(["check", "--expect", "zh-Hant", "--fix", path]);

        Assert.True(result.ExitCode == 0, result.ToString() + result.Text);
        Assert.Equal(string.Empty, result.Text);
        Assert.Equal("說明國\n", File.ReadAllText(path, Encoding.UTF8));
    }
}
