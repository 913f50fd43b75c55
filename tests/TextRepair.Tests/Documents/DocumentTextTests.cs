namespace TextRepair.Tests.Documents;

public sealed class DocumentTextTests
{
    [Theory]
    [InlineData(DocumentFormat.Markdown, "說明`国`與[連結](https://例子.中国/国)\n\n```\n国\n```\n", new[] { "說明", "與", "連結" })]
    [InlineData(DocumentFormat.Html, "<p id=\"国\" title=\"標題\">說明</p><script>var s=\"国\";</script>", new[] { "標題", "說明" })]
    [InlineData(DocumentFormat.Json, "{\"国\": \"說明\"}", new[] { "說明" })]
    [InlineData(DocumentFormat.Text, "見 https://例子.中国/国", new[] { "見 https://例子.中国/国" })]
    public void FindRanges_AreWhatTheDocumentConverterConverts(DocumentFormat format, string document, string[] expected)
    {
        IReadOnlyList<Range> ranges = DocumentText.FindRanges(document, format);

        Assert.Equal(expected, ranges.Select(range => document[range]).Where(text => text.Trim().Length > 0).Select(text => text.Trim()));
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.True(pair.First.End.Value <= pair.Second.Start.Value));
    }

    [Fact]
    public void FindRanges_RefusesBinaryFormatsAndReportsMalformedDocuments()
    {
        Assert.Throws<ArgumentException>(() => DocumentText.FindRanges("x", DocumentFormat.Docx));
        Assert.Throws<InvalidDataException>(() => DocumentText.FindRanges("{\"a\": ", DocumentFormat.Json));
    }
}
