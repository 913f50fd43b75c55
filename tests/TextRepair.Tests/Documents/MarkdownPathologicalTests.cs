namespace TextRepair.Tests.Documents;

/// <summary>Inputs that made the Markdown scanner do quadratic work. Asserted by size against a generous time limit.</summary>
public sealed class MarkdownPathologicalTests
{
    private static readonly DocumentConverter s_s2t = new(ChineseConverter.Get("s2t"));

    // 1 MB on one line. Session 29 measured 240 KB of "[a](" at 40 s and the time growing fourfold per doubling, so
    // quadratic scanning would take over ten minutes here; the linear scanner takes well under a second, and 60 s
    // leaves room for a loaded machine.
    private const int Size = 1_000_000;
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("[a](")]
    [InlineData("[")]
    [InlineData("<a")]
    [InlineData("![")]
    [InlineData("[^a")]
    [InlineData("![a](")]
    [InlineData("<a href=\"")]
    [InlineData("](")]
    [InlineData("[a](<b ")]
    [InlineData("[a](b (\\)")]
    [InlineData("<!--")]
    [InlineData("` `` ")]
    [InlineData("]:")]
    [InlineData("<code>")]
    [InlineData("<kbd>a</kbd")]
    [InlineData("<code>a<code x=\"")]
    public async Task Markdown_FlatRunOfUnclosedMarkup_ConvertsInLinearTime(string unit)
    {
        string markdown = string.Concat(Enumerable.Repeat(unit + "软", Size / (unit.Length + 1)));

        string converted = await Task.Run(() => s_s2t.Convert(markdown, DocumentFormat.Markdown)).WaitAsync(s_limit, TestContext.Current.CancellationToken);

        Assert.Equal(markdown.Length, converted.Length);
    }

    [Theory]
    [InlineData("![")]
    [InlineData("<a")]
    [InlineData("` `` ")]
    [InlineData("](")]
    [InlineData("[a](")]
    [InlineData("<code>")]
    public async Task Markdown_HeadingOfUnclosedMarkup_WithAFragmentLink_ConvertsInLinearTime(string unit)
    {
        // A fragment link makes every heading's anchor computed, which reads the heading's markup again.
        string markdown = "# " + string.Concat(Enumerable.Repeat(unit + "软", Size / (unit.Length + 1))) + "\n\n[见](#软)\n";

        string converted = await Task.Run(() => s_s2t.Convert(markdown, DocumentFormat.Markdown)).WaitAsync(s_limit, TestContext.Current.CancellationToken);

        Assert.EndsWith("[見](#软)\n", converted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[[软](软)", "[[[軟](软)")]
    [InlineData("[软](<软 <软>) [软](<软>)", "[軟](<軟 <軟>) [軟](<软>)")]
    [InlineData("[软](软 \"软 [软](软)", "[軟](軟 \"軟 [軟](软)")]
    [InlineData("` 软 `` 软` 软", "` 软 `` 软` 軟")]
    [InlineData("<a x=\"软\" 软 <b>软", "<a x=\"软\" 软 <b>軟")]
    public void Markdown_AfterUnclosedMarkup_LaterMarkupStillFound(string markdown, string expected)
    {
        Assert.Equal(expected, s_s2t.Convert(markdown, DocumentFormat.Markdown));
    }
}
