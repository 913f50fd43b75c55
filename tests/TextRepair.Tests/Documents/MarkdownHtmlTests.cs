namespace TextRepair.Tests.Documents;

/// <summary>Raw HTML in Markdown is read as the HTML reader reads it: text attributes converted, code-like elements kept.</summary>
public sealed class MarkdownHtmlTests
{
    private static readonly DocumentConverter s_s2t = new(ChineseConverter.Get("s2t"));

    private static string Markdown(string markdown) => s_s2t.Convert(markdown, DocumentFormat.Markdown);

    private static string Html(string html) => s_s2t.Convert(html, DocumentFormat.Html);

    [Theory]
    [InlineData("code")]
    [InlineData("kbd")]
    [InlineData("samp")]
    [InlineData("var")]
    [InlineData("pre")]
    [InlineData("CODE")]
    [InlineData("script")]
    public void InlineCodeLikeElement_IsKeptLikeACodeSpan(string name)
    {
        Assert.Equal($"發佈<{name}>发布</{name}>發佈\n", Markdown($"发布<{name}>发布</{name}>发布\n"));
        Assert.Equal($"發佈 <{name} class=\"x\">发布 *发布*</{name}> 發佈\n", Markdown($"发布 <{name} class=\"x\">发布 *发布*</{name}> 发布\n"));
    }

    [Fact]
    public void InlineCodeLikeElement_AcrossLinesOfAParagraph_IsKept()
    {
        Assert.Equal("發佈 <code>发布\n发布</code> 發佈\n", Markdown("发布 <code>发布\n发布</code> 发布\n"));
        Assert.Equal("> 發佈 <kbd>发布\n> 发布</kbd> 發佈\n", Markdown("> 发布 <kbd>发布\n> 发布</kbd> 发布\n"));
    }

    [Fact]
    public void InlineCodeLikeElement_Nested_EndsAtItsOwnEndTag()
    {
        Assert.Equal("<code>发<code>发</code>发</code>發\n", Markdown("<code>发<code>发</code>发</code>发\n"));
    }

    [Theory]
    [InlineData("发 <code>发\n\n发\n", "發 <code>发\n\n發\n")]
    [InlineData("发 <code>发\n# 发\n", "發 <code>发\n# 發\n")]
    [InlineData("# 发 <code>发\n发\n", "# 發 <code>发\n發\n")]
    public void InlineCodeLikeElement_LeftOpen_EndsWithItsParagraphOrHeading(string markdown, string expected)
    {
        Assert.Equal(expected, Markdown(markdown));
    }

    [Fact]
    public void InlineCodeLikeElement_InLinkText_IsKept()
    {
        Assert.Equal("[發<code>发</code>發](u) 發\n", Markdown("[发<code>发</code>发](u) 发\n"));
    }

    [Fact]
    public void CodeSpanHoldingATag_IsNotAnElement()
    {
        Assert.Equal("`<code>` 發\n", Markdown("`<code>` 发\n"));
    }

    [Fact]
    public void InlineTextAttributes_AreConverted_AsInHtml()
    {
        string markdown = "发 <abbr title=\"发布\" class=\"发\">发</abbr> <img alt=\"图书\" src=\"图.png\"> <input placeholder=\"发\" aria-label=\"发\" name=\"发\">\n";
        string expected = "發 <abbr title=\"發佈\" class=\"发\">發</abbr> <img alt=\"圖書\" src=\"图.png\"> <input placeholder=\"發\" aria-label=\"發\" name=\"发\">\n";
        Assert.Equal(expected, Markdown(markdown));
        Assert.Equal(expected, Html(markdown));
    }

    [Fact]
    public void AttributesInsideKeptElements_AreKept()
    {
        Assert.Equal("<kbd><abbr title=\"发\">发</abbr></kbd> 發\n", Markdown("<kbd><abbr title=\"发\">发</abbr></kbd> 发\n"));
    }

    [Fact]
    public void UnterminatedTag_IsText_AndItsAttributesAreConvertedOnce()
    {
        // Not a tag (no '>'): all of it is text, converted once (the attribute is not also a side group).
        Assert.Equal("發 <abbr title=\"發佈\" 發\n", Markdown("发 <abbr title=\"发布\" 发\n"));
    }

    [Theory]
    [InlineData("<div title=\"发布\">\n<var>发布</var> 发布 <pre>发布</pre> <img alt=\"发布\">\n</div>\n")]
    [InlineData("<p><code>发布</code> <kbd>发布</kbd> <samp>发布</samp> <abbr title=\"发布\">发布</abbr></p>\n")]
    public void HtmlBlock_ConvertsAsTheHtmlReaderDoes(string html)
    {
        string converted = Html(html);
        Assert.NotEqual(html, converted);
        Assert.Equal(converted, Markdown(html));
    }

    [Fact]
    public void Html_VarIsKept_AsInMarkdown()
    {
        // <var> names a variable or a placeholder of a command (cp <var>源文件</var>): kept with code, kbd and samp.
        Assert.Equal("<p>發佈 <var>发布</var></p>", Html("<p>发布 <var>发布</var></p>"));
    }
}
