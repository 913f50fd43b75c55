namespace TextRepair.Tests;

public sealed class TextRepairerTests
{
    // A short page damaged like the seed: character-level S→T, annotations on some converted characters, ASCII punctuation.
    private const string DamagedPage =
        "東莞:把基層黨組織鍛造得更加堅(jiān)強(qiáng)有力。會(huì)上,各鎮(zhèn)街黨委書記圍繞抓好基層黨建工作進(jìn)行述職。"
        + "要堅(jiān)持以習(xí)近平新時(shí)代中國特色社會(huì)主義思想為指導(dǎo),全面加強(qiáng)黨的建設(shè)。";

    private const string RepairedPage =
        "东莞：把基层党组织锻造得更加坚强有力。会上，各镇街党委书记围绕抓好基层党建工作进行述职。"
        + "要坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设。";

    [Fact]
    public void Repair_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TextRepairer.Repair(null!));
    }

    [Fact]
    public void Repair_DamagedPage_RestoresTheOriginal()
    {
        RepairResult result = TextRepairer.Repair(DamagedPage);

        Assert.Equal(RepairedPage, result.Text);
        Assert.True(result.Changed);
        Assert.Equal(result.Text, SeedTests.Apply(DamagedPage, result.Edits));
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.Annotation);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.Script);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.Punctuation);
    }

    [Fact]
    public void Repair_Keep_RemovesAnnotationsButKeepsTheScript()
    {
        RepairResult result = TextRepairer.Repair(DamagedPage, new RepairOptions { Target = ScriptTarget.Keep });

        Assert.StartsWith("東莞：把基層黨組織鍛造得更加堅強有力。會上，", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Edits, e => e.Kind == RepairKind.Script);
    }

    [Fact]
    public void Repair_AnnotationsOff_LeavesThemButStillRestoresTheScript()
    {
        RepairResult result = TextRepairer.Repair(DamagedPage, new RepairOptions { RemoveAnnotations = false });

        Assert.Contains("坚(jiān)强(qiáng)", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Edits, e => e.Kind == RepairKind.Annotation);
    }

    [Fact]
    public void Repair_PunctuationOff_KeepsAsciiPunctuation()
    {
        RepairResult result = TextRepairer.Repair(DamagedPage, new RepairOptions { RestorePunctuation = false });

        Assert.StartsWith("东莞:把基层党组织", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Edits, e => e.Kind == RepairKind.Punctuation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Plain English text, with (parentheses) and numbers: 3.14!")]
    [InlineData("今天是2021年1月21日(星期四),天气很好。")]
    [InlineData("文件格式,能够读取和写入。")]
    [InlineData("軟件包(重)構建")]
    [InlineData("各党(工)委")]
    [InlineData("国内生产总值(GDP)增长了6.5%(2021)。")]
    [InlineData("北京(Beijing)是中国的首都,长江(Yangtze River)很长。")]
    [InlineData("这篇文章(英文)很好。")]
    [InlineData("中国银行(yínháng)是一家银行。")]
    [InlineData("音樂的樂(yuè)字有兩個讀音。")]
    [InlineData("床(chuáng)前(qián)明(míng)月(yuè)光(guāng),疑(yí)是(shì)地(dì)上(shàng)霜(shuāng)。")]
    [InlineData("舉(jǔ)頭(tóu)望(wàng)明(míng)月(yuè),低(dī)頭(tóu)思(sī)故(gù)鄉(xiāng)。")]
    [InlineData("學(xué)習(xí)")]
    [InlineData("臺灣的軟體開發者聯繫我們。這是繁體中文的文章,沒有任何問題。")]
    public void Repair_TextThatMustNotBeTouched_ReturnsTheSameInstance(string text)
    {
        RepairResult result = TextRepairer.Repair(text);

        Assert.Same(text, result.Text);
        Assert.False(result.Changed);
        Assert.False(result.Lossy);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Repair_LoneSurrogatesAndControls_ReturnsTheSameInstance()
    {
        // Built in code: xunit's theory data turns lone surrogates into U+FFFD, which is a loss marker.
        string text = "\uD800 lone surrogates \uDC00 and \0 controls (\uD83D) 東(\uDC00)";
        Repair_TextThatMustNotBeTouched_ReturnsTheSameInstance(text);
    }

    [Theory]
    [InlineData("(2021)")]
    [InlineData("(GDP)")]
    [InlineData("(Beijing)")]
    [InlineData("(Yangtze River)")]
    [InlineData("(yínháng)")]
    public void Repair_DamagedPage_KeepsLegitimateParentheses(string parenthesis)
    {
        string text = DamagedPage + "長江" + parenthesis + "資料";

        RepairResult result = TextRepairer.Repair(text);

        Assert.EndsWith("长江" + parenthesis + "资料", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_DamagedPage_MakesCjkParenthesesFullWidth()
    {
        RepairResult result = TextRepairer.Repair(DamagedPage + "各黨(工)委,通過(英文)版本");

        Assert.EndsWith("各党（工）委，通过（英文）版本", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_DamagedPage_LeavesNumbersTimesUrlsAndEnglishAlone()
    {
        const string Tail = "時間: 2021-01-21 10:30,網址 https://example.com/a,b?c=1 Hello, world! 來源:i東莞";

        RepairResult result = TextRepairer.Repair(DamagedPage + Tail);

        Assert.EndsWith("时间: 2021-01-21 10:30,网址 https://example.com/a,b?c=1 Hello, world! 来源:i东莞", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_AcceptsFullWidthParenthesesNfdAndSpaceBeforeTheClosingOne()
    {
        string nfd = "jia\u0304n";
        string text = "把基層黨組織鍛造得更加堅（" + nfd + "）強(qiáng )有力,網(wǎng)絡(luò )安全是關(guān)鍵。";

        RepairResult result = TextRepairer.Repair(text);

        Assert.Equal("把基层党组织锻造得更加坚强有力，网络安全是关键。", result.Text);
    }

    [Fact]
    public void Repair_AnnotationWithTheReadingOfTheSimplifiedSource_IsValidated()
    {
        // The mirror annotates with the first kMandarin of the Simplified source: 長 carries 长's zhǎng.
        RepairResult result = TextRepairer.Repair("長(zhǎng)江是中國最長(zhǎng)的河流,發(fā)源于青藏高原。");

        Assert.Equal("长江是中国最长的河流，发源于青藏高原。", result.Text);
    }

    [Fact]
    public void Repair_RepeatedTonelessAnnotations_AreRemovedUnderStrongEvidence()
    {
        const string Text = "今年5月(yue)8日(ri)上午,我们的(de)(de)(de)学生在学(xue)校参加了考(kao)试,大(da)家都很认真。";

        RepairResult result = TextRepairer.Repair(Text);

        Assert.Equal("今年5月8日上午，我们的学生在学校参加了考试，大家都很认真。", result.Text);
        Assert.DoesNotContain(result.Edits, e => e.Kind == RepairKind.Script);
    }

    [Fact]
    public void Repair_TonelessAnnotations_DoNotProveMachineConversion()
    {
        const string Text = "今年5月(yue)8日(ri)上午,我們的(de)學生在學(xue)校參加了考(kao)試,大(da)家都很認真。";

        RepairResult result = TextRepairer.Repair(Text);

        Assert.Equal("今年5月8日上午，我們的學生在學校參加了考試，大家都很認真。", result.Text);
    }

    [Fact]
    public void Repair_ForcedTargets_UseTheConverter()
    {
        const string Simplified = "软件开发者联系我们";

        Assert.Equal("軟件開發者聯繫我們", TextRepairer.Repair(Simplified, new RepairOptions { Target = ScriptTarget.Hant }).Text);
        Assert.Equal("軟件開發者聯繫我們", TextRepairer.Repair(Simplified, new RepairOptions { Target = ScriptTarget.HantTW }).Text);
        Assert.Equal("軟件開發者聯繫我們", TextRepairer.Repair(Simplified, new RepairOptions { Target = ScriptTarget.HantHK }).Text);
        RepairResult back = TextRepairer.Repair("軟件開發者聯繫我們", new RepairOptions { Target = ScriptTarget.Hans });
        Assert.Equal(Simplified, back.Text);
        Assert.All(back.Edits, e => Assert.Equal(RepairKind.Script, e.Kind));
        Assert.Equal(back.Text, SeedTests.Apply("軟件開發者聯繫我們", back.Edits));
    }

    [Fact]
    public void Repair_CharacterConversionSignature_RestoresSimplified()
    {
        // 聯系, 關系, 注冊: a phrase-aware converter (and any Traditional writer) writes 聯繫, 關係, 註冊, and the
        // character-level one writes 系 and 注 as they are. 了解 (Taiwan writes it too) and 關于 (the character-level
        // converter writes 關於) are found but are not strong evidence.
        const string Text = "請與我們聯系,了解雙方的關系。關于這個問題,我們會再聯系你,請先注冊。";

        RepairResult result = TextRepairer.Repair(Text);

        Assert.Equal("请与我们联系，了解双方的关系。关于这个问题，我们会再联系你，请先注册。", result.Text);
        TextReport report = TextAnalyzer.Analyze(Text);
        Assert.True(report.ConvertedFromSimplified);
        Assert.Equal(AnnotationEvidence.None, report.Evidence);
        Assert.Equal(6, report.ConversionSignatureCount);
        Assert.Equal(["聯系", "了解", "關系", "關于", "聯系", "注冊"], report.SuspectedDamage.Select(d => Text.Substring(d.Start, d.Length)));
        Assert.All(report.SuspectedDamage, d => Assert.Equal(RepairKind.Script, d.Kind));
    }

    [Theory]
    [InlineData("請與我們聯繫,了解雙方的關係。關於這個問題,我們會再聯繫你。")]
    [InlineData("表面條件很好,請與我們聯系。")]
    [InlineData("請與我們聯系,了解雙方的關系。關于這個問題,我們會再聯系你。")]
    // Taiwan text (lines of Debian's zh_TW gettext catalogs): word-boundary accidents (此|系統, 這|只能) and forms Taiwan
    // writes (布景, 分布, 占用: the character-level converter writes 佔用) are not strong evidence.
    [InlineData("此系統不支援分頁。\n警告：此系統不支援 --pid。\n這只能控制游標布景的大小。\n目前的布景主題。\n磁碟空間占用過多。\n工作區所占用的空間不考慮在內。\n顯示變更的分布狀況。\n每周檢查更新。\n請連接至此系統的共享印表機。\n")]
    public void Repair_PhraseAwareTraditionalOrASingleSignature_IsLeftAlone(string text)
    {
        Assert.Same(text, TextRepairer.Repair(text).Text);
    }

    [Fact]
    public void Repair_ConversionSignatures_MustGrowWithTheText()
    {
        // The same strong signatures decide in a short text, not in a long clean one: the evidence is a rate.
        const string Signatures = "請與我們聯系,了解雙方的關系,請先注冊。";
        string clean = string.Concat(Enumerable.Repeat("這是一段由人撰寫的正體中文說明文字，用來顯示目前的設定。\n", 200));

        Assert.True(TextAnalyzer.Analyze(Signatures).ConvertedFromSimplified);
        Assert.NotSame(Signatures, TextRepairer.Repair(Signatures).Text);
        string longText = Signatures + clean;
        TextReport diluted = TextAnalyzer.Analyze(longText);
        Assert.Equal(4, diluted.ConversionSignatureCount);
        Assert.False(diluted.ConvertedFromSimplified);
        Assert.Same(longText, TextRepairer.Repair(longText).Text);
    }

    [Fact]
    public void Explain_DescribesTheDecisions()
    {
        string explanation = TextRepairer.Repair(DamagedPage).Explain();

        Assert.Contains("Annotation: evidence StrongToned", explanation, StringComparison.Ordinal);
        Assert.Contains("Script: machine conversion from Simplified detected", explanation, StringComparison.Ordinal);
        Assert.Contains("Punctuation", explanation, StringComparison.Ordinal);

        Assert.Contains("left in place", TextRepairer.Repair("音樂的樂(yuè)字有兩個讀音。").Explain(), StringComparison.Ordinal);
    }
}
