namespace TextRepair.Tests.Documents;

/// <summary>Markdown block structure: which lines are code (kept) and which are prose (converted), per CommonMark 0.31.</summary>
public sealed class MarkdownBlockTests
{
    private static readonly DocumentConverter s_s2t = new(ChineseConverter.Get("s2t"));

    private static string Convert(string markdown) => s_s2t.Convert(markdown, DocumentFormat.Markdown);

    [Fact]
    public void Fence_LineIndentedFourSpaces_DoesNotCloseIt()
    {
        // CommonMark 4.5: a closing fence may be indented at most three spaces. Session 29 closed the block at the
        // indented line, converted the code after it and read the real close as an opening fence.
        string markdown = "```\nvar f = \"后来\";\n    ```\nvar g = \"后来\";\n```\n\n正文 后来\n";
        Assert.Equal(markdown.Replace("正文 后来", "正文 後來", StringComparison.Ordinal), Convert(markdown));
    }

    [Theory]
    [InlineData("````\n```\n后来\n````\n\n后来\n")]
    [InlineData("```\n~~~\n后来\n```\n\n后来\n")]
    [InlineData("~~~~\n~~~ \n后来\n   ~~~~\n\n后来\n")]
    [InlineData("```\n``` x\n后来\n```\n\n后来\n")]
    public void Fence_ClosesOnlyOnSameCharacterAtLeastAsLongAndAlone(string markdown)
    {
        string expected = markdown[..^3] + "後來\n";
        Assert.Equal(expected, Convert(markdown));
    }

    [Fact]
    public void Fence_UnclosedInBlockQuote_EndsWithTheQuote()
    {
        Assert.Equal("> ```\n> 代码 后来\n\n正文 後來\n", Convert("> ```\n> 代码 后来\n\n正文 后来\n"));
    }

    [Fact]
    public void Fence_UnclosedInListItem_EndsWithTheItem()
    {
        Assert.Equal(
            "- 項\n  ```\n  代码 后来\n- 項二 後來\n\n正文 後來\n",
            Convert("- 项\n  ```\n  代码 后来\n- 项二 后来\n\n正文 后来\n"));
    }

    [Fact]
    public void Fence_InListItem_ClosesAtTheItemsIndentation()
    {
        Assert.Equal(
            "1. 項\n   ```\n   代码 后来\n\n   ```\n   項 後來\n",
            Convert("1. 项\n   ```\n   代码 后来\n\n   ```\n   项 后来\n"));
    }

    [Theory]
    [InlineData("- 项目\n\n      var d = \"后来\";\n", "- 項目\n\n      var d = \"后来\";\n")]
    [InlineData("1. 项目\n\n       后来代码\n", "1. 項目\n\n       后来代码\n")]
    [InlineData("- b\n\n\t\t后来代码\n", "- b\n\n\t\t后来代码\n")]
    [InlineData("-\t项目\n\n\t\t后来代码\n", "-\t項目\n\n\t\t后来代码\n")]
    [InlineData("> - 项目\n>\n>       后来代码\n", "> - 項目\n>\n>       后来代码\n")]
    [InlineData("-      后来代码\n  项目\n", "-      后来代码\n  項目\n")]
    public void IndentedCode_InListItem_IsKept(string markdown, string expected)
    {
        Assert.Equal(expected, Convert(markdown));
    }

    [Theory]
    [InlineData("- 后来\n\n    后来\n")]
    [InlineData("1. 后来\n\n     后来\n")]
    [InlineData("后来\n    后来\n")]
    [InlineData("> 后来\n后来\n")]
    [InlineData("- 后来\n后来\n")]
    [InlineData("> 后来\n    后来\n")]
    public void ParagraphContinuation_IsConverted(string markdown)
    {
        Assert.Equal(markdown.Replace("后来", "後來", StringComparison.Ordinal), Convert(markdown));
    }

    [Fact]
    public void ListItem_EndsAtALineIndentedLessThanItsContent()
    {
        // After the blank line, four spaces are code at the top level (the item needed two columns and got none).
        Assert.Equal("- 後來\n\n後來\n\n    后来\n", Convert("- 后来\n\n后来\n\n    后来\n"));
    }

    [Fact]
    public void ListItem_StartingWithABlankLine_EndsAtTheNextBlankLine()
    {
        // CommonMark 5.2 example 280: "foo" is a paragraph after an empty item, so the indented line after it is text.
        Assert.Equal("-\n\n  後來\n", Convert("-\n\n  后来\n"));
    }

    [Fact]
    public void FootnoteDefinition_TextIsConverted_LabelStays()
    {
        // Session 30 smoke test 06: the definition was taken for a link reference definition and kept whole.
        Assert.Equal(
            "正文軟件[^1]。\n\n[^1]: 這是腳註的軟件內容。\n",
            Convert("正文软件[^1]。\n\n[^1]: 这是脚注的软件内容。\n"));
        Assert.Equal("見[^说明]。\n\n[^说明]: 軟件\n", Convert("见[^说明]。\n\n[^说明]: 软件\n"));
    }

    [Theory]
    [InlineData("[^a]: 软件\n    后来\n", "[^a]: 軟件\n    後來\n")]
    [InlineData("[^a]: 软件\n后来\n", "[^a]: 軟件\n後來\n")]
    [InlineData("[^a]: 软件\n\n    后来\n", "[^a]: 軟件\n\n    後來\n")]
    [InlineData("[^a]:\n    后来\n", "[^a]:\n    後來\n")]
    [InlineData("> [^a]: 软件\n>     后来\n", "> [^a]: 軟件\n>     後來\n")]
    [InlineData("- [^a]: 软件\n\n      后来\n", "- [^a]: 軟件\n\n      後來\n")]
    public void FootnoteDefinition_ContinuationLines_AreConverted(string markdown, string expected)
    {
        Assert.Equal(expected, Convert(markdown));
    }

    [Theory]
    [InlineData("[^a]: 软件\n\n        后来代码\n", "[^a]: 軟件\n\n        后来代码\n")]
    [InlineData("[^a]: 软件\n\n后来\n\n    后来代码\n", "[^a]: 軟件\n\n後來\n\n    后来代码\n")]
    [InlineData("[^a]: 软件\n    ```\n    后来代码\n    ```\n", "[^a]: 軟件\n    ```\n    后来代码\n    ```\n")]
    public void FootnoteDefinition_CodeInsideOrAfterIt_IsKept(string markdown, string expected)
    {
        // Indented code inside a definition needs four columns for the definition and four for the code; an
        // unindented line after a blank line ends the definition.
        Assert.Equal(expected, Convert(markdown));
    }

    [Theory]
    [InlineData("[^]: 后来\n")]
    [InlineData("[^a b]: 后来\n")]
    public void FootnoteLikeLines_WithoutAValidLabel_AreNotDefinitions(string markdown)
    {
        // Not footnotes (empty label, a space in it): a link reference definition's shape, which is kept whole.
        Assert.Equal(markdown, Convert(markdown));
    }
}
