using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Session 39: a double-byte reading of a clean field of half-width katakana halves its characters, so its likelihood
/// gains by the count alone, and names of places whose kana the Japanese model rates no better than a pair of Han or
/// Hangul were read as that pair (<c>RunJudge.KanaReadAsWell</c>). The names are written for this test, not taken from
/// the probes tuned on; each was changed on main.
/// </summary>
public sealed class HalfWidthFieldReadingTests
{
    [Theory]
    [InlineData("ﾎﾆｱﾗ")]
    [InlineData("地名,ﾎﾆｱﾗ")]
    [InlineData("ﾅﾇﾒｱ")]
    [InlineData("ﾁｸﾗﾖ")]
    [InlineData("1,ﾁｸﾗﾖ")]
    [InlineData("地名,ﾓﾛｶｲ")]
    [InlineData("地名,ﾋﾟｳﾗ")]
    [InlineData("1,ﾏﾆﾋｷ")]
    [InlineData("1,ﾜﾝｶﾖ")]
    public void CleanHalfWidthPlaceName_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // The three kinds of reading that carry no evidence against the kana, and readings that do.
    [Theory]
    [InlineData("ﾘﾏ", "显", true)] // two kana are two bytes: some GBK character by chance
    [InlineData("ﾎﾆｱﾗ", "廣그", true)] // a hanja with a Hangul syllable
    [InlineData("ﾁｸﾗﾖ", "粮字", true)] // no word, and less fluent than チクラヨ
    [InlineData("ﾎﾆｱﾗ", "박작", false)] // Hangul alone: the gain decides
    [InlineData("ﾘ羹", "显", false)] // no half-width field
    public void KanaReadAsWell_TellsReadingsWithoutEvidence(string kana, string reading, bool expected) =>
        Assert.Equal(expected, RunJudge.KanaReadAsWell(kana, reading, CharNgramModel.Boundary, CharNgramModel.Boundary));

    // Words whose GBK bytes Shift-JIS reads as half-width kana alone (keys of OpenCC's STPhrases.txt) are words: their
    // readings keep the gain's judgement.
    [Theory]
    [InlineData("的那")]
    [InlineData("钟头")]
    [InlineData("知识范围")]
    [InlineData("确有此事")]
    public void GbkWordReadAsHalfWidthKana_IsNoReadingWithoutEvidence(string original)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string garbled = Encoding.GetEncoding(932).GetString(Encoding.GetEncoding(936).GetBytes(original));

        Assert.False(RunJudge.KanaReadAsWell(garbled, original, CharNgramModel.Boundary, CharNgramModel.Boundary));
        Assert.False(RunJudge.KanaReadAsWell(garbled, original, ',', CharNgramModel.Boundary));
    }
}
