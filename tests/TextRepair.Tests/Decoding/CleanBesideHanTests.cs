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
}
