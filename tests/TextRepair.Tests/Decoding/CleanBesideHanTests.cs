namespace TextRepair.Tests.Decoding;

/// <summary>
/// Clean lines a hostile tester (session 27) and the lead wrote that the engine rewrote: Bopomofo, which the zh-Hant
/// model never saw (now an alphabet without a model, like Greek: <c>TextLikelihood.UnmodelledAlphabet</c>), and a
/// kaomoji beside Han, whose whole-field reading sacrificed the Han to explain the kaomoji
/// (<c>RunJudge.EveryRunGains</c>).
/// </summary>
public sealed class CleanBesideHanTests
{
    [Theory]
    [InlineData("ㄅㄆㄇㄈ 是注音符號的前四個。")]
    [InlineData("ㄓㄨˋ ㄧㄣ ㄈㄨˊ ㄏㄠˋ")]
    [InlineData("ㄋㄧˇ ㄏㄠˇ")]
    [InlineData("ㄅㄆㄇ")]
    [InlineData("我今天很ㄎㄧㄤ")]
    [InlineData("你好（ㄋㄧˇ ㄏㄠˇ）")]
    public void Bopomofo_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("哈哈(·±ツ)")]
    [InlineData("哈哈(·±ツ)\n")]
    [InlineData("これはﾊﾟｿｺﾝです\n")]
    public void WholeFieldReadingThatMakesCleanHanWorse_IsNone(string text) => EncodingRepairTests.AssertUntouched(text);

    // 你好世界 in Big5 read as Shift-JIS, after a clean full-width colon: the colon's bytes (0x81 0x46) read as Big5 are
    // a user-defined code (U+EEBE), and the reading took the colon with the mojibake (LayerUndo.IsFillerPrivateUse).
    [Fact]
    public void CleanColonBeforeBig5ReadAsShiftJis_IsKept()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string garbled = "备注：" + System.Text.Encoding.GetEncoding(932).GetString(System.Text.Encoding.GetEncoding(950).GetBytes("你好世界")) + " 完。";

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal("备注：你好世界 完。", result.Text);
    }
}
