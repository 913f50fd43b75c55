namespace TextRepair.Tests.Documents;

/// <summary>Fragment links to a heading of the same Markdown document follow the heading's converted anchor (GitHub's slug).</summary>
public sealed class MarkdownAnchorTests
{
    private static readonly DocumentConverter s_s2t = new(ChineseConverter.Get("s2t"));

    private static string Convert(string markdown) => s_s2t.Convert(markdown, DocumentFormat.Markdown);

    [Theory]
    [InlineData("## 安装说明\n\n[见下文](#安装说明)\n", "## 安裝說明\n\n[見下文](#安裝說明)\n")]
    [InlineData("[见下文](#安装说明 \"安装\")\n\n# 安装说明 #\n", "[見下文](#安裝說明 \"安裝\")\n\n# 安裝說明 #\n")]
    [InlineData("## 安装说明\n\n[见下文](<#安装说明>)\n", "## 安裝說明\n\n[見下文](<#安裝說明>)\n")]
    [InlineData("安装说明\n========\n\n[见下文](#安装说明)\n", "安裝說明\n========\n\n[見下文](#安裝說明)\n")]
    [InlineData("> - ## 安装说明\n\n[见][下文]\n\n[下文]: #安装说明\n", "> - ## 安裝說明\n\n[見][下文]\n\n[下文]: #安裝說明\n")]
    [InlineData("## 安装说明\n\n<div>\n<a href=\"#安装说明\">见下文</a>\n</div>\n", "## 安裝說明\n\n<div>\n<a href=\"#安裝說明\">見下文</a>\n</div>\n")]
    [InlineData("## 安装说明\n\n见 <a href=\"#安装说明\">下文</a>\n", "## 安裝說明\n\n見 <a href=\"#安裝說明\">下文</a>\n")]
    public void FragmentNamingAHeading_FollowsTheConvertedHeading(string markdown, string expected)
    {
        Assert.Equal(expected, Convert(markdown));
    }

    [Fact]
    public void Fragment_IsTheHeadingsSlug_AsGitHubWritesIt()
    {
        // Lower case, punctuation (also full-width) dropped, spaces to '-', code by its content, no emphasis or
        // link destination.
        string markdown = "## 使用 `npm` 安装 **软件**：[API](https://例.com/发)！\n\n[见](#使用-npm-安装-软件api)\n";
        string expected = "## 使用 `npm` 安裝 **軟件**：[API](https://例.com/发)！\n\n[見](#使用-npm-安裝-軟件api)\n";
        Assert.Equal(expected, Convert(markdown));
    }

    [Fact]
    public void RepeatedHeadings_AreNumbered_AfterConversionToo()
    {
        Assert.Equal(
            "## 說明\n## 說明\n[a](#說明) [b](#說明-1)\n",
            Convert("## 说明\n## 说明\n[a](#说明) [b](#说明-1)\n"));

        // t2s merges two headings into one text: the second becomes "发-1", and its fragment follows it.
        var t2s = new DocumentConverter(ChineseConverter.Get("t2s"));
        Assert.Equal("## 发\n## 发\n[a](#发) [b](#发-1)\n", t2s.Convert("## 髮\n## 發\n[a](#髮) [b](#發)\n", DocumentFormat.Markdown));
    }

    [Theory]
    [InlineData("## 安装说明\n\n[见](#不存在的标题)\n", "## 安裝說明\n\n[見](#不存在的标题)\n")]
    [InlineData("## 安装说明\n\n[见](other.md#安装说明)\n", "## 安裝說明\n\n[見](other.md#安装说明)\n")]
    [InlineData("## 安装说明\n\n[见](#安装说明-1)\n", "## 安裝說明\n\n[見](#安装说明-1)\n")]
    [InlineData("```\n## 安装说明\n```\n\n[见](#安装说明)\n", "```\n## 安装说明\n```\n\n[見](#安装说明)\n")]
    public void FragmentNamingNothingInTheDocument_StaysAsWritten(string markdown, string expected)
    {
        Assert.Equal(expected, Convert(markdown));
    }

    [Theory]
    [InlineData("## 安装说明 {#安装说明}\n\n[见](#安装说明)\n", "## 安裝說明 {#安装说明}\n\n[見](#安装说明)\n")]
    [InlineData("## 安装 {#安装说明 .说明}\n\n[见](#安装说明) [见](#安装)\n", "## 安裝 {#安装说明 .说明}\n\n[見](#安装说明) [見](#安装)\n")]
    [InlineData("<a id=\"安装说明\"></a>\n## 安装说明\n\n[见](#安装说明)\n", "<a id=\"安装说明\"></a>\n## 安裝說明\n\n[見](#安装说明)\n")]
    [InlineData("## 安装说明 <a name=\"安装说明\"></a>\n\n[见](#安装说明)\n", "## 安裝說明 <a name=\"安装说明\"></a>\n\n[見](#安装说明)\n")]
    public void ExplicitIds_AndFragmentsNamingThem_AreKept(string markdown, string expected)
    {
        Assert.Equal(expected, Convert(markdown));
    }

    [Theory]
    [InlineData("%E5%AE%89%E8%A3%85")]
    [InlineData("%e5%ae%89%e8%a3%85")]
    public void PercentEncodedFragment_IsEncodedAgain(string fragment)
    {
        string converted = Uri.EscapeDataString("安裝");
        string expected = fragment[1] == 'e' ? converted.ToLowerInvariant() : converted;
        Assert.Equal($"## 安裝\n[見](#{expected})\n", Convert($"## 安装\n[见](#{fragment})\n"));
    }

    [Fact]
    public void RepairMode_FragmentFollowsTheRepairedHeading()
    {
        var hans = new DocumentConverter(new RepairOptions { Target = ScriptTarget.Hans });
        Assert.Equal(
            "## 软体安装\n\n见[下文](#软体安装)。\n",
            hans.Convert("## 軟體安裝\n\n见[下文](#軟體安裝)。\n", DocumentFormat.Markdown));
    }

    [Fact]
    public void FindRanges_DoesNotListTheExplicitId()
    {
        const string Markdown = "## 安装 {#安装}\n";
        Assert.Equal([new Range(2, 6)], DocumentText.FindRanges(Markdown, DocumentFormat.Markdown));
    }
}
