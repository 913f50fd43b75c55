using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Short fields whose right reading is a name of uncommon or transliterated characters: below the short-field fluency
/// floor, so a wrong deeper reading won or none did (EncodingDecision.MinWholeFieldPerChar, MinWholeFieldMargin and
/// TokenReading's Likeliest and StandsOut). Each case fails on the engine of session 14.
/// </summary>
public sealed class WholeFieldTests
{
    static WholeFieldTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    internal static string Garble(string text, string writer, string reader) =>
        Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(text));

    [Theory]
    [InlineData("苏丹镑", "gbk", "windows-1252")]          // was I痴ワO: a three-layer reading that cleared the floor
    [InlineData("侧手翻", "gbk", "windows-1252")]          // was left: -8.81 per transition, gain 38 nats
    [InlineData("比什凱克", "big5", "windows-1252")]       // was left: stands out by 11 nats
    [InlineData("豌豆荚", "utf-8", "ibm437")]              // was 豌豆�: a deeper reading that loses the last character
    [InlineData("阔体", "gbk", "ibm866")]                  // was ﹎磂 by two layers
    [InlineData("厄瓜多尔", "gbk", "ibm850")]
    public void NameOfUncommonCharacters_IsRestored(string name, string writer, string reader) =>
        AssertRestoredWithoutLoss(name, writer, reader);

    // Garbles text by the chain and asserts that the repair gives it back, with nothing reported lost.
    internal static void AssertRestoredWithoutLoss(string text, string writer, string reader)
    {
        RepairResult result = EncodingRepairTests.Repair(Garble(text, writer, reader));

        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
    }

    [Fact]
    public void FieldOfSeveralLines_IsReadAsUtf16First()
    {
        // 不 (U+4E0D) writes a byte 0x0D: the field shows two lines, and its first line alone reads as something else.
        string garbled = Garble("这些选项不可用", "utf-16le", "ibm437");
        Assert.Contains('\r', garbled);

        Assert.Equal("这些选项不可用", EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("比什凯克")]
    [InlineData("卢雅语")]
    [InlineData("瓦努阿图")]
    [InlineData("Mòrókò Nicānāhuac")]
    [InlineData("tương đương")]
    public void CleanField_IsUnchanged(string text) =>
        Assert.Same(text, EncodingRepairTests.Repair(text).Text);

    [Theory]
    [InlineData("ËÕµ¤°÷", "苏丹镑", true)]
    [InlineData("ﾁ､ﾀﾇ", "정의", true)]
    [InlineData("ｵﾚﾀ", "フォルダ", true)]
    [InlineData("Ókóðuð", "鞠침", false)]           // Han and Hangul: no one script
    [InlineData("Mòrókò", "鍍难\uFFFD", false)]     // a character lost
    [InlineData("ËÕµ¤°÷", "I痴ワO", false)]         // Latin letters
    [InlineData("ËÕµ¤°÷", "第閧€", false)]          // a symbol
    [InlineData("ËÕµ¤°÷ËÕµ¤°÷ËÕµ¤°÷", "一二三四五六七八九", false)] // longer than a short field
    public void WholeField_IsOneScriptWithNothingLost(string token, string restored, bool expected) =>
        Assert.Equal(expected, RunJudge.IsWholeField(token, 0, token.Length, restored));

    [Fact]
    public void PartOfAToken_IsNoWholeField() =>
        Assert.False(RunJudge.IsWholeField("tương", 1, 3, "動董"));
}
