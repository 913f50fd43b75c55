using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Session 41 (loss41): a later pass must not delete a character an earlier pass restored beside a loss
/// (<c>TokenReading.RereadsMarkedLoss</c>); a field of symbols is no UTF-16 text (<c>Utf16TextReading</c>: a reading
/// with no letter and no digit of a field without controls is none); and a character repeated on both sides of a reading counts once (<c>RunJudge.RepeatsOnBothSides</c>).
/// The lines are written for these tests, damaged the way the tools users meet damage them (Python's codecs with
/// errors='replace', a GBK file opened as Big5).
/// </summary>
public sealed class LossesAndRepeatsTests
{
    private static readonly RepairOptions s_keep = new() { Target = ScriptTarget.Keep };

    static LossesAndRepeatsTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // "初始化完成，监听端口八零八" written in UTF-8 and read by Python's GBK codec with errors='replace' (one U+FFFD for
    // each lead byte it could not pair), and the same line as the step's first pass leaves it.
    [Theory]
    [InlineData("鍒濆\uFFFD嬪寲瀹屾垚锛岀洃鍚\uFFFD绔\uFFFD鍙ｅ叓闆跺叓")]
    [InlineData("初\uFFFD化完成，监\uFFFD\uFFFD鍙ｅ叓闆跺叓")]
    public void ARestoredCharacterBesideALoss_IsKept(string line)
    {
        RepairResult result = TextRepairer.Repair(line, s_keep);

        Assert.StartsWith("初\uFFFD化完成，监", result.Text, StringComparison.Ordinal);
        Assert.True(result.Lossy);
        Assert.Equal(result.Text, TextRepairer.Repair(result.Text, s_keep).Text);
    }

    [Fact]
    public void ALossBesideGarbledText_IsStillMarked()
    {
        // The rule keeps only characters between text: a loss among marks still swallows the garbled bytes beside it.
        string line = new UTF8Encoding(false, false).GetString(Encoding.GetEncoding(936).GetBytes("请在这里输入你的名字和地址"));

        RepairResult result = TextRepairer.Repair(line, s_keep);

        Assert.Equal(result.Text, TextRepairer.Repair(result.Text, s_keep).Text);
        Assert.DoesNotContain(result.Text, c => c is >= '\uAC00' and <= '\uD7A3');
    }

    [Theory]
    [InlineData("™ © ®")]
    [InlineData("¾ / £ / §")]
    [InlineData("€ £ ¥")]
    [InlineData("← → ↑ ↓")]
    [InlineData("§ ¶")]
    [InlineData("° ±")]
    [InlineData("× ÷")]
    [InlineData("∞ ≈ ≠")]
    [InlineData("• · …")]
    [InlineData("¹ ² ³")]
    [InlineData("★★★☆☆")]
    [InlineData("© 2024 ACME™")]
    [InlineData("±5%")]
    public void CleanSymbolFields_AreKept(string field)
    {
        RepairResult result = TextRepairer.Repair(field, s_keep);

        Assert.Equal(field, result.Text);
        Assert.False(result.Lossy);
    }

    [Fact]
    public void DigitsReadAsUtf16OfTheOtherByteOrder_AreStillRestored()
    {
        // "2.147.483." written in UTF-16LE and read as UTF-16BE: a reading of digits and punctuation is text.
        string garbled = Encoding.BigEndianUnicode.GetString(Encoding.Unicode.GetBytes("2.147.483."));

        Assert.Equal("2.147.483.", TextRepairer.Repair(garbled, s_keep).Text);
    }

    [Theory]
    [InlineData("用户名：烫烫烫烫烫烫烫烫烫")]
    [InlineData("日志：烫烫烫烫烫烫烫烫烫烫烫烫烫烫")]
    [InlineData("值：屯屯屯屯屯")]
    [InlineData("用户名：屯屯屯屯屯屯屯屯屯屯屯屯屯屯")]
    public void DebugFillsInLogLines_AreKept(string line)
    {
        RepairResult result = TextRepairer.Repair(line, s_keep);

        Assert.Equal(line, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("用户名：烫烫烫烫烫烫烫烫烫")]
    [InlineData("值：是是是是是是是是是")]
    [InlineData("值：屯屯屯屯屯")]
    public void RepeatedCharactersReadAsBig5_AreRestored(string line)
    {
        // GBK bytes read as Big5: the repeated character is a repeated pair of bytes, read again and again alike.
        string garbled = Encoding.GetEncoding(950).GetString(Encoding.GetEncoding(936).GetBytes(line));

        RepairResult result = TextRepairer.Repair(garbled, s_keep);

        Assert.Equal(line, result.Text);
    }

    [Theory]
    [InlineData("哈哈哈哈哈哈")]
    [InlineData("谢谢谢谢")]
    [InlineData("好好好好好，明天见")]
    public void RepeatedWords_AreKept(string line)
    {
        Assert.Equal(line, TextRepairer.Repair(line, s_keep).Text);
    }
}
