namespace TextRepair.Tests;

public sealed class GlossaryTests
{
    [Fact]
    public void WithGlossary_OpenCcFormat_FirstValueAndFirstLineWin()
    {
        ChineseConverter converter = ChineseConverter.Get("s2twp").WithGlossary(new StringReader("软件\t軟件 軟體\n\n软件\t套件\r\n"));
        // s2twp alone writes 軟體 (TWPhrases); the glossary wins over every stage of the chain.
        Assert.Equal("軟體", ChineseConverter.Get("s2twp").Convert("软件"));
        Assert.Equal("軟件和硬體", converter.Convert("软件和硬件"));
    }

    [Fact]
    public void WithGlossary_OpenCcFormat_BadLine_ThrowsWithItsNumber()
    {
        FormatException error = Assert.Throws<FormatException>(() => ChineseConverter.Get("s2t").WithGlossary(new StringReader("a\tb\nno tab here\n")));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ChineseConverter.Get("s2t").WithGlossary(new StringReader("\tvalue\n")));
        Assert.Throws<FormatException>(() => ChineseConverter.Get("s2t").WithGlossary(new StringReader("key\t \n")));
    }

    [Fact]
    public void WithGlossary_LongestGlossaryKeyWinsAtTheLeftmostPosition()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t").WithGlossary(new StringReader("中国\t中國\n中国人\t華人\n"));
        Assert.Equal("華人民", converter.Convert("中国人民"));
    }

    [Theory]
    [InlineData("zh-Hant", "s2t")]
    [InlineData("zh-Hans", "t2s")]
    [InlineData("zh-Hant-TW", "s2tw")]
    [InlineData("zh_hant_hk", "s2hk")]
    [InlineData("zh-TW", "s2twp")]
    [InlineData("zh-HK", "s2hkp")]
    [InlineData("zh-Hant-TW-to-zh-Hans", "tw2s")]
    [InlineData("zh-TW-to-zh-Hans", "tw2sp")]
    [InlineData("zh-Hant-to-ja", "t2jp")]
    public void Get_Bcp47Alias_MeansItsConfig(string alias, string config)
    {
        Assert.Same(ChineseConverter.Get(config), ChineseConverter.Get(alias));
    }

    [Fact]
    public void ConfigAliases_AllNameKnownConfigs()
    {
        Assert.All(ChineseConverter.ConfigAliases, alias => Assert.Contains(alias.Value, ChineseConverter.Configs));
        Assert.Equal(16, ChineseConverter.ConfigAliases.Values.Distinct().Count());
    }
}
