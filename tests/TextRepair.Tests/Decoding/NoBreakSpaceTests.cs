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
}
