namespace TextRepair.Tests;

public sealed class ProtectionTests
{
    [Fact]
    public void Markup_IsCopiedWithoutItsMarkers()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.Markup);
        Assert.Equal("我們的发麪條", converter.Convert("我们的-{发}-面条"));
        Assert.Equal("後後", converter.Convert("后-{}-后"));
    }

    [Fact]
    public void Markup_Unclosed_IsOrdinaryText()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.Markup);
        Assert.Equal("-{發", converter.Convert("-{发"));
    }

    [Fact]
    public void Markup_RuleForms_AreCopiedAsWritten()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.Markup);
        Assert.Equal("zh-hans:发;zh-hant:發", converter.Convert("-{zh-hans:发;zh-hant:發}-"));
    }

    [Fact]
    public void Terms_AreNeverConvertedAndBreakPhrases()
    {
        // 头发 is a phrase (頭髮); protecting 发 keeps it and stops the phrase from applying across it.
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.None, ["发"]);
        Assert.Equal("頭发", converter.Convert("头发"));
        Assert.Equal(ProtectedText.Terms, converter.Protection);
    }

    [Fact]
    public void Urls_KeepCjkPathsAndEscapes()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.Urls);
        Assert.Equal("見 https://例子.中国/文件/发布?q=%E5%8F%91 後", converter.Convert("见 https://例子.中国/文件/发布?q=%E5%8F%91 后"));
        Assert.Equal("網址：www.example.com/发布。後", converter.Convert("网址：www.example.com/发布。后"));
    }

    [Fact]
    public void Urls_TrailingPunctuationIsNotPartOfTheUrl()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.Urls);
        Assert.Equal([new ProtectedSpan(1, 21, ProtectedText.Urls)], converter.FindProtectedSpans("(http://example.com/发布)."));
        Assert.Equal("(http://example.com/发布).", converter.Convert("(http://example.com/发布)."));
    }

    [Fact]
    public void EmailAddresses_WithInternationalDomains()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.EmailAddresses);
        Assert.Equal("寫信給 user@例子.中国 後", converter.Convert("写信给 user@例子.中国 后"));
    }

    [Fact]
    public void Paths_NeedTwoSeparatorsAtATokenStart()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.Paths);
        Assert.Equal("打開 /文件/发布 後", converter.Convert("打开 /文件/发布 后"));
        Assert.Equal("男/女", converter.Convert("男/女"));
        Assert.Equal(@"見 C:\文件\发布", converter.Convert(@"见 C:\文件\发布"));
    }

    [Fact]
    public void Kana_SentencesAreLeftAloneAndReported()
    {
        ChineseConverter converter = ChineseConverter.Get("t2s").WithProtection(ProtectedText.Kana);
        const string text = "東京の天気は晴れです。這是中國的天氣。";
        Assert.Equal("東京の天気は晴れです。这是中国的天气。", converter.Convert(text));
        Assert.Equal([new ProtectedSpan(0, 11, ProtectedText.Kana)], converter.FindProtectedSpans(text));
    }

    [Fact]
    public void WithProtection_BadTerm_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2t").WithProtection(ProtectedText.None, ["a\nb"]));
        Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2t").WithProtection(ProtectedText.None, [string.Empty]));
        Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2t").WithProtection((ProtectedText)1024));
    }

    [Fact]
    public void WithProtection_None_BehavesLikeTheConfig()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithProtection(ProtectedText.None);
        Assert.Equal(ChineseConverter.Get("s2t").Convert("头发-{发}-"), converter.Convert("头发-{发}-"));
    }

    [Fact]
    public void Repair_ScriptStep_KeepsProtectedText()
    {
        RepairResult hant = TextRepairer.Repair("见 https://例子.中国/文件/发布 后", new RepairOptions { Target = ScriptTarget.Hant, Protection = ProtectedText.Urls });
        Assert.Equal("見 https://例子.中国/文件/发布 後", hant.Text);

        RepairResult hans = TextRepairer.Repair("國王的頭髮很長。", new RepairOptions { Target = ScriptTarget.Hans, ProtectedTerms = ["頭髮"] });
        Assert.Equal("国王的頭髮很长。", hans.Text);
    }
}
