namespace TextRepair.Tests.Documents;

/// <summary>Markdown front matter: prose values are converted, values naming a URL or a file are kept like body links.</summary>
public sealed class FrontMatterTests
{
    private static readonly DocumentConverter s_s2t = new(ChineseConverter.Get("s2t"));

    private static string Convert(string markdown) => s_s2t.Convert(markdown, DocumentFormat.Markdown);

    [Fact]
    public void Yaml_UrlAndPathValues_KeptByteForByte()
    {
        // Session 29: every value was converted, so url/image pointed elsewhere and slug/permalink moved the page.
        string markdown = "---\ntitle: 后来\nslug: 后来-文章\npermalink: /博客/后来/\nurl: https://例子.中国/后来\nimage: 图片/后来.png\n---\n后来\n";
        Assert.Equal(
            "---\ntitle: 後來\nslug: 后来-文章\npermalink: /博客/后来/\nurl: https://例子.中国/后来\nimage: 图片/后来.png\n---\n後來\n",
            Convert(markdown));
    }

    [Theory]
    [InlineData("link: 后来")]
    [InlineData("og_image: \"后来.png\"")]
    [InlineData("canonicalURL: '后来'")]
    [InlineData("other: ./后来/说明.md")]
    [InlineData("other: ../后来")]
    [InlineData("other: /后来")]
    [InlineData("other: mailto:后来@例子.中国")]
    [InlineData("other: ftp://例子.中国/后来")]
    [InlineData("other: 后来/说明.md")]
    public void Yaml_LinkKeyOrUrlShapedValue_Kept(string line)
    {
        string markdown = "---\n" + line + "\n---\n";
        Assert.Equal(markdown, Convert(markdown));
    }

    [Theory]
    [InlineData("description: 前端/后端", "description: 前端/後端")]
    [InlineData("profile: 后来", "profile: 後來")]
    [InlineData("summary: 升级到Node.js后来", "summary: 升級到Node.js後來")]
    [InlineData("title: \"后来 https://例子.中国/后来 说\"", "title: \"後來 https://例子.中国/后来 說\"")]
    public void Yaml_ProseValues_Converted_UrlsInsideKept(string line, string expected)
    {
        Assert.Equal("---\n" + expected + "\n---\n", Convert("---\n" + line + "\n---\n"));
    }

    [Fact]
    public void Yaml_ListUnderLinkKey_Kept_OtherListsConverted()
    {
        string markdown = "---\naliases:\n  - 后来\n  - /后来/\ntags:\n  - 后来\n---\n";
        Assert.Equal("---\naliases:\n  - 后来\n  - /后来/\ntags:\n  - 後來\n---\n", Convert(markdown));
    }

    [Fact]
    public void Toml_LinkKeysKept_ProseConverted()
    {
        string markdown = "+++\ntitle = \"后来\"\nslug = \"后来\"\n[params]\ncover.image = \"后来.png\"\n+++\n";
        Assert.Equal("+++\ntitle = \"後來\"\nslug = \"后来\"\n[params]\ncover.image = \"后来.png\"\n+++\n", Convert(markdown));
    }
}
