using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Half-width katakana, what Shift-JIS writes in one byte (<c>HalfWidthKana</c>): clean words of them were rewritten as
/// GBK, Big5 or EUC-KR read as Shift-JIS ("ﾃﾞｰﾀ" became 棉袄), since the models had never seen them. The words are
/// written for these tests (software words, bank-style names); the Chinese ones are keys of OpenCC's STPhrases.txt whose
/// GBK bytes Shift-JIS reads as half-width katakana alone.
/// </summary>
public sealed class HalfWidthKanaTests
{
    [Theory]
    [InlineData("ﾃﾞｰﾀ")]
    [InlineData("ﾃﾞｰﾀﾍﾞｰｽ")]
    [InlineData("ｼｽﾃﾑ")]
    [InlineData("ﾊﾟｿｺﾝ")]
    [InlineData("ｶﾀｶﾅ ﾊﾝｶｸ")]
    [InlineData("ﾌｧｲﾙ")]
    [InlineData("ﾊﾟｽﾜｰﾄﾞ")]
    [InlineData("ﾀﾞｳﾝﾛｰﾄﾞ")]
    [InlineData("ｴﾗｰが発生しました")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("ﾐｽﾞﾎｷﾞﾝｺｳ")]
    public void CleanHalfWidthKatakana_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("的那")]
    [InlineData("酥松可口")]
    [InlineData("钟头")]
    [InlineData("说不准")]
    [InlineData("知识范围")]
    [InlineData("确有此事")]
    public void GbkReadAsShiftJisIntoHalfWidthKatakana_IsStillRepaired(string original)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string garbled = Encoding.GetEncoding(932).GetString(Encoding.GetEncoding(936).GetBytes(original));
        Assert.All(garbled, c => Assert.True(HalfWidthKana.IsHalfWidth(c)));

        Assert.Equal(original, EncodingRepairTests.Repair(garbled).Text);
    }

    // Session 35: a reading that loses a whole character at a field's end, where the text holds no mark of a loss, pays
    // for it (RunJudge.InventedLossGain). A field of an odd number of bytes read by a double-byte reader lost its last
    // kana for free: "ｱｸｼｮﾝ" after a comma became "구석�" (euc-kr decoded as shift-jis), "ｵｸﾃｯﾄ" "絡簿�"; and a reading
    // a pass had tried flagged clean fields it left as they were ("ｳｰｽﾁｰ").
    [Theory]
    [InlineData("不正,ｱｸｼｮﾝ")]
    [InlineData("ｵｸﾃｯﾄ")]
    [InlineData("出力,ｵｸﾃｯﾄ")]
    [InlineData("先頭,ｽｺｰﾌﾟ")]
    [InlineData("動作,ﾛｯｸｷｰ")]
    [InlineData("ｴﾋﾟﾛｰｸﾞ")]
    [InlineData("ﾌﾞﾑﾀﾝ")]
    [InlineData("ﾉﾙｳｪｰ")]
    [InlineData("ｳｰｽﾁｰ")]
    [InlineData("ｻﾏｾｯﾄ")]
    public void CleanHalfWidthField_LosesNoLastCharacter(string text) => EncodingRepairTests.AssertUntouched(text);

    // Session 36: half-width katakana is mostly readings (surnames and places as banks and furigana columns write them),
    // which the ja model had seen little of: these were read as a Han or Hangul pair ("ﾆｼﾑﾗ" became 銅况, "ﾌｸｵｶ" 見독,
    // "氏名,ｺﾞﾄｳ" 氏名,管議, "1,ﾐﾔｻﾞｷ" 1,來枝� flagged). The model now also learns IPADIC's katakana readings
    // (tools/train-charlm.py, IPADIC_READING_SHARE). Written for this test, not taken from the probe tuned on.
    [Theory]
    [InlineData("ｲｼｶﾜ")]
    [InlineData("ｵｵﾂｶ")]
    [InlineData("ｵｷﾅﾜ")]
    [InlineData("ｺｳﾍﾞ")]
    [InlineData("ﾆｼﾑﾗ")]
    [InlineData("ﾌｸｵｶ")]
    [InlineData("ﾏｴﾀﾞ")]
    [InlineData("ﾑﾗｶﾐ")]
    [InlineData("氏名,ｺﾞﾄｳ")]
    [InlineData("氏名,ｲｼﾀﾞ")]
    [InlineData("氏名,ﾐﾔｻﾞｷ")]
    [InlineData("氏名,ｺﾞｳｹｲ")]
    [InlineData("1,ﾖｺﾔﾏ")]
    [InlineData("1,ｵｵｻｶ")]
    [InlineData("1,ﾊｾｶﾞﾜ")]
    public void CleanHalfWidthReading_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // Session 37: a kana with a sound mark after it is scored as the voiced kana they make (ﾍﾞ as ベ), not as the plain
    // kana (ﾍ, ヘ) and the share of voicing, so a half-width word scores as its full-width word less the run's charge.
    // Scored so, "ﾗﾍﾞﾙ" after a comma lost to 勒斯 (GBK read as Shift-JIS) by 4 nats of ラヘ against ラベ. Beside a Han
    // character the run's charge is RunLogProb; between a comma and a line's end, AsciiFieldLogProb (session 38).
    [Theory]
    [InlineData("ﾗﾍﾞﾙ", "ラベル")]
    [InlineData("ﾃﾞｰﾀﾍﾞｰｽ", "データベース")]
    [InlineData("ﾊﾟｽﾜｰﾄﾞ", "パスワード")]
    [InlineData("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック")]
    public void HalfWidthWord_ScoresAsItsFullWidthWordLessTheRunCharge(string half, string full)
    {
        Assert.Equal(
            TextLikelihood.ScoreBy(LanguageScript.Ja, full, ',', CharNgramModel.Boundary).Total + HalfWidthKana.AsciiFieldLogProb,
            TextLikelihood.ScoreBy(LanguageScript.Ja, half, ',', CharNgramModel.Boundary).Total, 9);
        Assert.Equal(
            TextLikelihood.ScoreBy(LanguageScript.Ja, full, '名', CharNgramModel.Boundary).Total + HalfWidthKana.RunLogProb,
            TextLikelihood.ScoreBy(LanguageScript.Ja, half, '名', CharNgramModel.Boundary).Total, 9);
    }

    // Session 38: a half-width run is charged less for being written so when it is a field between ASCII (or a line's
    // end) on both sides, as the legacy writes fields; a run glued to a double-byte character, a loss or the half-width
    // punctuation (EUC-JP's kana read as Shift-JIS: ､ﾒ､ｩ), what mojibake mostly gives, keeps the full charge.
    [Theory]
    [InlineData("ﾗﾝﾁｬ", '\n', '\n', HalfWidthKana.AsciiFieldLogProb)]
    [InlineData("1,ﾗﾝﾁｬ", '\n', '\n', HalfWidthKana.AsciiFieldLogProb)]
    [InlineData("ﾗﾝﾁｬ 2", '\n', '\n', HalfWidthKana.AsciiFieldLogProb)]
    [InlineData("｢ﾗﾝﾁｬ｣", '\n', '\n', HalfWidthKana.RunLogProb)]
    [InlineData("､ﾗ､ﾝ", '\n', '\n', HalfWidthKana.RunLogProb)]
    [InlineData("ﾗﾝﾁｬ", ',', ';', HalfWidthKana.AsciiFieldLogProb)]
    [InlineData("名,ﾗﾝﾁｬ", '\n', '\n', HalfWidthKana.AsciiFieldLogProb)]
    [InlineData("名ﾗﾝﾁｬ", '\n', '\n', HalfWidthKana.RunLogProb)]
    [InlineData("ﾗﾝﾁｬ名", '\n', '\n', HalfWidthKana.RunLogProb)]
    [InlineData("ﾗﾝﾁｬ", '名', '\n', HalfWidthKana.RunLogProb)]
    [InlineData("ﾗﾝﾁｬ", '\n', 'ア', HalfWidthKana.RunLogProb)]
    [InlineData("\uFFFDﾗﾝﾁｬ", '\n', '\n', HalfWidthKana.RunLogProb)]
    public void HalfWidthRun_IsChargedLessAsAFieldBetweenAscii(string text, char before, char after, double expected)
    {
        int start = text.IndexOf('ﾗ', StringComparison.Ordinal);

        Assert.Equal(expected, HalfWidthKana.RunCharge(text, start, before, after));
    }

    // Session 38: clean fields a double-byte reading took while the run was charged as if glued to one (written for this
    // test; "ﾗﾝﾁｬ" after a comma was 李젯 by euc-kr decoded as shift-jis, and flagged).
    [Theory]
    [InlineData("1,ﾗﾝﾁｬ")]
    [InlineData("項目,ﾗﾝﾁｬ")]
    [InlineData("種別,ﾗﾝﾁｬ")]
    public void CleanHalfWidthFieldBetweenAscii_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("1,ﾗﾍﾞﾙ")]
    [InlineData("名称,ﾗﾍﾞﾙ")]
    public void CleanHalfWidthFieldWithVoicedKana_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // Text cut short keeps its loss: the characters before it read far better than their mojibake.
    [Theory]
    [InlineData("你好世界", 936)]
    [InlineData("文件名称", 936)]
    [InlineData("周杰伦", 936)]
    [InlineData("知识范围", 936)]
    [InlineData("東京大學", 950)]
    public void TextCutShortReadAsShiftJis_KeepsItsLoss(string original, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] bytes = Encoding.GetEncoding(codePage).GetBytes(original);
        string garbled = Encoding.GetEncoding(932).GetString(bytes, 0, bytes.Length - 1);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(original[..^1] + "\uFFFD", result.Text);
        Assert.True(result.Lossy);
    }

    [Fact]
    public void FullWidth_IsTheCompatibilityMapping()
    {
        for (char c = HalfWidthKana.First; c <= HalfWidthKana.Last; c++)
        {
            // The two sound marks decompose to combining marks; they are scored as the spacing ones (゛ ゜) instead.
            string expected = HalfWidthKana.IsMark(c) ? (c == '\uFF9E' ? "\u309B" : "\u309C") : c.ToString().Normalize(NormalizationForm.FormKC);
            Assert.Equal(expected, HalfWidthKana.FullWidth(c).ToString());
        }
    }

    [Theory]
    [InlineData('ﾃ', 'ﾞ', 'デ')]
    [InlineData('ｶ', 'ﾞ', 'ガ')]
    [InlineData('ﾁ', 'ﾞ', 'ヂ')]
    [InlineData('ﾂ', 'ﾞ', 'ヅ')]
    [InlineData('ﾎ', 'ﾞ', 'ボ')]
    [InlineData('ﾊ', 'ﾟ', 'パ')]
    [InlineData('ﾌ', 'ﾟ', 'プ')]
    [InlineData('ｳ', 'ﾞ', 'ヴ')]
    [InlineData('ﾜ', 'ﾞ', 'ヷ')]
    [InlineData('ｦ', 'ﾞ', 'ヺ')]
    [InlineData('ｱ', 'ﾞ', '\0')]
    [InlineData('ｯ', 'ﾞ', '\0')]
    [InlineData('ﾀ', 'ﾟ', '\0')]
    [InlineData('ﾝ', 'ﾞ', '\0')]
    [InlineData('A', 'ﾞ', '\0')]
    public void Compose_MakesTheVoicedKana_OrNone(char kana, char mark, char expected)
    {
        Assert.Equal(expected, HalfWidthKana.Compose(kana, mark));

        // The composition agrees with Unicode's.
        if (expected != '\0')
        {
            Assert.Equal(expected.ToString(), (kana.ToString() + mark).Normalize(NormalizationForm.FormKC));
        }
    }
}
