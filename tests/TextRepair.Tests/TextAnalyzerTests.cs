namespace TextRepair.Tests;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("", ChineseVariant.None)]
    [InlineData("Hello, world.", ChineseVariant.None)]
    [InlineData("人民", ChineseVariant.None)]
    [InlineData("这是简体中文的文章，没有任何问题。", ChineseVariant.Hans)]
    [InlineData("這是繁體中文的文章，沒有任何問題。", ChineseVariant.Hant)]
    [InlineData("这是简体中文。這是繁體中文。", ChineseVariant.Mixed)]
    public void Analyze_FindsTheScript(string text, ChineseVariant script)
    {
        TextReport report = TextAnalyzer.Analyze(text);

        Assert.Equal(script, report.Script);
    }

    [Fact]
    public void Analyze_CountsScriptSpecificCharacters()
    {
        TextReport report = TextAnalyzer.Analyze("这是简体。這是繁體。");

        Assert.Equal(8, report.HanCount);
        Assert.Equal(3, report.SimplifiedCount);
        Assert.Equal(2, report.TraditionalCount);
    }

    [Fact]
    public void Analyze_Seed_FindsStrongTonedEvidence()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));

        TextReport report = TextAnalyzer.Analyze(seed);

        Assert.Equal(ChineseVariant.Hant, report.Script);
        Assert.Equal(AnnotationEvidence.StrongToned, report.Evidence);
        Assert.True(report.ConvertedFromSimplified);
        Assert.Equal(241, report.Annotations.Count);
        Assert.All(report.Annotations, a => Assert.Equal(AnnotationMatch.Reading, a.Match));
        Assert.Equal(66, report.DistinctAnnotatedCharacterCount);
        PinyinAnnotation first = report.Annotations[0];
        Assert.Equal("堅(jiān)", seed.Substring(first.CharacterStart, first.Start + first.Length - first.CharacterStart));
        Assert.Equal(new System.Text.Rune('堅'), first.Character);
        Assert.Equal("jiān", first.Syllable);
        Assert.True(first.Toned);
        Assert.Equal(report.Annotations.Count, report.SuspectedDamage.Count(d => d.Kind == RepairKind.Annotation));
    }

    [Fact]
    public void Analyze_SingleGloss_IsWeak()
    {
        TextReport report = TextAnalyzer.Analyze("音樂的樂(yuè)字有兩個讀音。");

        PinyinAnnotation annotation = Assert.Single(report.Annotations);
        Assert.Equal(AnnotationMatch.Reading, annotation.Match);
        Assert.Equal(AnnotationEvidence.Weak, report.Evidence);
        Assert.False(report.ConvertedFromSimplified);
        Assert.Empty(report.SuspectedDamage);
    }

    [Fact]
    public void Analyze_EveryCharacterGlossed_IsWeak()
    {
        TextReport report = TextAnalyzer.Analyze("舉(jǔ)頭(tóu)望(wàng)明(míng)月(yuè)，低(dī)頭(tóu)思(sī)故(gù)鄉(xiāng)。");

        Assert.Equal(10, report.Annotations.Count);
        Assert.Equal(AnnotationEvidence.Weak, report.Evidence);
    }

    [Theory]
    [InlineData("日(ri)", AnnotationMatch.ToneMissing, false)]
    [InlineData("月(yuè)", AnnotationMatch.Reading, true)]
    [InlineData("月(yuè )", AnnotationMatch.Reading, true)]
    [InlineData("月（yuè）", AnnotationMatch.Reading, true)]
    [InlineData("月(yue\u0300)", AnnotationMatch.Reading, true)]
    [InlineData("月(yuē)", AnnotationMatch.Mismatch, true)]
    [InlineData("月(shān)", AnnotationMatch.Mismatch, true)]
    [InlineData("綠(lǜ)", AnnotationMatch.Reading, true)]
    [InlineData("綠(lv\u0300)", AnnotationMatch.Reading, true)]
    [InlineData("綠(lu\u0308\u0300)", AnnotationMatch.Reading, true)]
    [InlineData("們(men)", AnnotationMatch.Reading, false)]
    public void Analyze_ClassifiesAnnotations(string text, AnnotationMatch match, bool toned)
    {
        PinyinAnnotation annotation = Assert.Single(TextAnalyzer.Analyze(text).Annotations);

        Assert.Equal(match, annotation.Match);
        Assert.Equal(toned, annotation.Toned);
        Assert.Equal(1, annotation.Start);
        Assert.Equal(text.Length - 1, annotation.Length);
    }

    [Theory]
    [InlineData("(2021)")]
    [InlineData("中国(GDP)")]
    [InlineData("北京(Beijing)")]
    [InlineData("银行(yínháng)")]
    [InlineData("各党(工)委")]
    [InlineData("A(yuè)")]
    [InlineData("月(")]
    [InlineData("月(yuè")]
    public void Analyze_NotAnAnnotation(string text)
    {
        Assert.Empty(TextAnalyzer.Analyze(text).Annotations);
    }

    [Fact]
    public void Analyze_RepeatedAnnotation_IsOne()
    {
        const string Text = "我的(de)(de)(de)书";

        PinyinAnnotation annotation = Assert.Single(TextAnalyzer.Analyze(Text).Annotations);

        Assert.Equal(2, annotation.Start);
        Assert.Equal("(de)(de)(de)".Length, annotation.Length);
    }

    [Fact]
    public void Analyze_LostVowelWordPinyin_IsReported()
    {
        const string Text = "经济发展(fzhn)很快";

        TextReport report = TextAnalyzer.Analyze(Text);

        SuspectedDamage damage = Assert.Single(report.SuspectedDamage);
        Assert.Equal(RepairKind.LostVowelPinyin, damage.Kind);
        Assert.Equal("发展(fzhn)", Text.Substring(damage.Start, damage.Length));
        Assert.Empty(report.Annotations);
    }

    [Fact]
    public void Analyze_SupplementaryPlaneCharacters_AreHan()
    {
        TextReport report = TextAnalyzer.Analyze("\U00020000\U0002A6D6 \uD800");

        Assert.Equal(2, report.HanCount);
    }

    [Fact]
    public void ToString_Summarises()
    {
        Assert.Contains("script zh-Hant ", TextAnalyzer.Analyze("這是繁體").ToString(), StringComparison.Ordinal);
    }
}
