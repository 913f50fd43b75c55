namespace TextRepair.Tests;

public sealed class ChineseConverterTests
{
    [Fact]
    public void Configs_AreTheSixteenOpenCcConfigs()
    {
        Assert.Equal(
            ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"],
            ChineseConverter.Configs);
    }

    [Fact]
    public void Get_IsCachedPerConfigAndCaseInsensitive()
    {
        Assert.Same(ChineseConverter.Get("s2t"), ChineseConverter.Get("S2T"));
        Assert.NotSame(ChineseConverter.Get("t2s"), ChineseConverter.Get("t2s", ChineseConverterOptions.ExcludeTofuRiskDictionaries));
        Assert.Equal("s2t", ChineseConverter.Get("S2T").Config);
    }

    [Fact]
    public void Get_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseConverter.Get(null!));
    }

    [Fact]
    public void Get_UnknownConfig_ThrowsListingTheValidNames()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2x"));
        Assert.Contains("s2x", error.Message, StringComparison.Ordinal);
        Assert.Contains("tw2sp", error.Message, StringComparison.Ordinal);
        Assert.Equal("config", error.ParamName);
    }

    [Fact]
    public void Get_UnknownOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChineseConverter.Get("s2t", (ChineseConverterOptions)8));
    }

    [Fact]
    public void Convert_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseConverter.Get("s2t").Convert((string)null!));
    }

    [Fact]
    public void Convert_Unchanged_ReturnsTheSameInstance()
    {
        string text = string.Concat("hello, ", "world \U0001F600\r\n");
        Assert.Same(text, ChineseConverter.Get("s2t").Convert(text));
        string traditional = string.Concat("漢", "字");
        Assert.Same(traditional, ChineseConverter.Get("s2t").Convert(traditional));
    }

    [Fact]
    public void Convert_Changed_ReturnsTheConversion()
    {
        Assert.Equal("漢字", ChineseConverter.Get("s2t").Convert("汉字"));
        Assert.Equal("汉字", ChineseConverter.Get("t2s").Convert("漢字"));
        Assert.Equal("滑鼠", ChineseConverter.Get("s2twp").Convert("鼠标"));
    }

    [Theory]
    [InlineData("汉字\r\n汉字\r汉字\n")]
    [InlineData("\uFEFF汉\uFEFF字\u2028汉\u2029字\u0085\f")]
    [InlineData("汉\U0001F600字\u263A\uFE0F汉")]
    [InlineData("汉\uD800字\uDC00汉\uDBFF")]
    [InlineData("汉字")]
    public void Convert_CopiesEverythingUnconvertedExactly(string text)
    {
        string expected = text.Replace("汉", "漢", StringComparison.Ordinal);
        Assert.Equal(expected, ChineseConverter.Get("s2t").Convert(text));
    }

    [Fact]
    public void Convert_NormalizesCompatibilityIdeographs()
    {
        // U+F900 is a compatibility ideograph of U+8C48; U+2F800 one of U+4E3D.
        Assert.Equal("\u8C48\u4E3D", ChineseConverter.Get("t2tw").Convert("\uF900\U0002F800"));
    }

    [Fact]
    public void Convert_LeavesIdeographicDescriptionSequencesAlone()
    {
        // "⿰汉字" describes one character: its components are not converted, as in OpenCC.
        Assert.Equal("⿰汉字漢", ChineseConverter.Get("s2t").Convert("⿰汉字汉"));
        // An incomplete sequence is not one: the characters after the operator are converted.
        Assert.Equal("⿰漢", ChineseConverter.Get("s2t").Convert("⿰汉"));
    }

    [Fact]
    public void ExcludeTofuRiskDictionaries_LeavesOutTSCharactersExt()
    {
        // 㑮 maps (to 𫝈) through TSCharactersExt only.
        string text = string.Concat("㑮", string.Empty);
        Assert.NotEqual(text, ChineseConverter.Get("t2s").Convert(text));
        Assert.Same(text, ChineseConverter.Get("t2s", ChineseConverterOptions.ExcludeTofuRiskDictionaries).Convert(text));
    }
}
