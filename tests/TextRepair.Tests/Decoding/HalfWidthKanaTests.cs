using System.Text;
using TextRepair.Analysis.Decoding;

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
