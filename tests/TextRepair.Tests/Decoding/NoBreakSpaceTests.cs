using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 or Shift-JIS read as windows-1252 (or windows-1251) whose no-break spaces (the byte 0xA0 of 你, 标, 样, あ ...)
/// became plain spaces on the way, as in text copied from a web page (NoBreakSpace). The texts are written for these tests, not
/// taken from the evaluation sets.
/// </summary>
public sealed class NoBreakSpaceTests
{
    static NoBreakSpaceTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Garble(string text, int writer, int reader) =>
        Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(text)).Replace('\u00A0', ' ');

    [Theory]
    [InlineData("你好，请你帮我一下", 65001, 1252)] // 你 is E4 BD A0: the space is its last byte
    [InlineData("这个样本的标题", 65001, 1252)] // 样 E6 A0 B7 and 标 E6 A0 87: the space is their second byte
    [InlineData("学校的研究报告", 65001, 28591)]
    [InlineData("你们的根据在哪里", 65001, 1251)]
    [InlineData("ありがとうございました", 932, 1252)] // あ is 82 A0 in Shift-JIS: the space is its trail byte
    [InlineData("あなたの名前を入力してください", 932, 28591)]
    public void SpaceForANoBreakSpace_IsReadAsItsByte(string text, int writer, int reader)
    {
        string garbled = Garble(text, writer, reader);
        Assert.Contains(' ', garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
    }

    [Fact]
    public void RealSpaces_StayBetweenRepairedWords()
    {
        // 你 before a real space: the no-break space and the space are both there, the second stays.
        const string Text = "你 好 世界";
        string garbled = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(Text)).Replace('\u00A0', ' ');

        Assert.Equal(Text, EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("Il a dit : « C'est l'été à Paris » et il est parti.")]
    [InlineData("IRMÃ DE CARIDADE — SÃO PAULO")]
    [InlineData("Café « noir » ou thé ? À vous de choisir.")]
    [InlineData("Привет – это тест « кавычек » и ещё.")]
    public void CleanTextWithSpacesAfterAccentedLetters_IsUnchanged(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("He said \u00E2\u20AC\u0153Hello\u00E2\u20AC and left.", " and left.")] // ” whose 0x9D windows-1252 lost
    [InlineData("\u00E4\u00BB\u2013\u00E8\u00AF\u00B4\u00E2\u20AC ok", " ok")] // 他说” read so
    [InlineData("Smart quotes show up as \u00E2\u20AC\u0153 and \u00E2\u20AC in files saved as UTF-8.", " in files saved as UTF-8.")]
    public void SpaceAfterACharacterCutShort_IsNotReadAwayBeforeAWord(string garbled, string tail)
    {
        // "â€" before a space reads as † (E2 80 A0) with the space as its last byte, or as a character whose last byte
        // was lost (” is E2 80 9D, 0x9D undefined in windows-1252): without a no-break space lost elsewhere on the line
        // the space stays, the word after it is not glued on (session 32's hostile tester: "â€ in" became "†in").
        string text = EncodingRepairTests.Repair(garbled).Text;

        Assert.EndsWith(tail, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2020', text);
    }

    [Theory]
    [InlineData("\u00E8\u00B0\u00A2\u00E8\u00B0\u00A2\u00E4\u00BD ! \u00E4\u00BD \u00E5\u00A5\u00BD", "谢谢你! 你好")] // a lost one beside
    [InlineData("\u00E8\u00B0\u00A2\u00E8\u00B0\u00A2\u00E4\u00BD !", "谢谢你!")] // before a closing mark
    [InlineData("\u00E4\u00BD \u00E5\u00A5\u00BD", "你好")] // before the next character's lead byte
    public void SpaceAsALastByte_WithEvidence_IsReadAsItsByte(string garbled, string expected) =>
        Assert.Equal(expected, EncodingRepairTests.Repair(garbled).Text);
}
