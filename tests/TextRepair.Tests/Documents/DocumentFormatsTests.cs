using System.Text;

namespace TextRepair.Tests.Documents;

public sealed class DocumentFormatsTests
{
    [Theory]
    [InlineData("[2024-05-01 10:00:00] INFO 用户登录后来\n")]
    [InlineData("[公告] 后来的头发\n")]
    [InlineData("[1] fixed a bug\n")]
    [InlineData("{ not json }\n")]
    [InlineData("[1, 2\n")]
    public void TryDetect_TextOpeningWithABracketThatIsNoJson_IsText(string content)
    {
        Assert.True(DocumentFormats.TryDetect("CHANGELOG", Encoding.UTF8.GetBytes(content), out DocumentFormat format));
        Assert.Equal(DocumentFormat.Text, format);
    }

    [Theory]
    [InlineData("[\"后来\", 1]\n")]
    [InlineData("\uFEFF {\"a\": [\"后来\",], // comment\n \"b\": null}")]
    [InlineData("{\"键\": \"后来\"}\n{\"键\": \"里面\"}\n")]  // JSON Lines: text before session 30, its keys converted
    public void TryDetect_Json_IsJson(string content)
    {
        Assert.True(DocumentFormats.TryDetect(null, Encoding.UTF8.GetBytes(content), out DocumentFormat format));
        Assert.Equal(DocumentFormat.Json, format);
    }

    [Fact]
    public void TryDetect_HeadOfALargerJsonDocument_IsJsonWhenItStartsValidly()
    {
        // 4 KB of a longer document, cut in the middle of a string: a valid start is all that can be asked of it.
        byte[] head = Encoding.UTF8.GetBytes("[" + string.Concat(Enumerable.Repeat("\"后来的头发\", ", 400)))[..4096];

        Assert.True(DocumentFormats.TryDetect(null, head, out DocumentFormat format));
        Assert.Equal(DocumentFormat.Json, format);
    }

    [Theory]
    [InlineData("data.jsonl")]
    [InlineData("data.ndjson")]
    public void TryDetect_JsonLinesExtension_IsJson(string name)
    {
        Assert.True(DocumentFormats.TryDetect(name, "{\"a\": 1}\n{\"a\": 2}\n"u8, out DocumentFormat format));
        Assert.Equal(DocumentFormat.Json, format);
    }

    [Fact]
    public void TryDetect_JsonExtension_IsJsonWhateverTheContent()
    {
        Assert.True(DocumentFormats.TryDetect("app.json", "[2024-05-01] x"u8, out DocumentFormat format));
        Assert.Equal(DocumentFormat.Json, format);
    }
}
