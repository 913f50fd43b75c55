namespace TextRepair.Tests.Decoding;

/// <summary>
/// A short restored run that puts a Hangul syllable before a Han character, or next to kana, is no evidence
/// (<c>RunJudge.MixesHangul</c>): Korean writes Han as whole words, and a few bytes read by a double-byte decoder land
/// on such mixes by chance. Found by det31's Japanese probe (session 31: a clean half-width katakana CSV field became
/// ",닫据�,", with a kana lost). Han followed by Hangul is Korean (a hanja word and its particle) and stays evidence.
/// </summary>
public sealed class MixedHangulTests
{
    [Theory]
    [InlineData("1002,ｴﾝﾋﾟﾂ,50")]
    [InlineData(",ｴﾝﾋﾟﾂ,")]
    [InlineData("1001,ﾎﾞｰﾙﾍﾟﾝ,100")]
    [InlineData("字符表：ªµºÀÁÂ")]
    public void CleanText_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("대한민국", 949)]
    [InlineData("政府는 발표했다", 949)]
    public void KoreanReadAsAnotherCodePage_IsStillRestored(string original, int codePage)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string garbled = System.Text.Encoding.GetEncoding(1252).GetString(System.Text.Encoding.GetEncoding(codePage).GetBytes(original));

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(original, result.Text);
    }
}
