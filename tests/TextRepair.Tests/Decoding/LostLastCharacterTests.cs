using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Short fields cut inside their last character: the loss marker is no text, so it does not hold the restored text
/// under the fluency floor (EncodingDecision.Fluency). The texts are written for these tests, not taken from the
/// evaluation sets.
/// </summary>
public sealed class LostLastCharacterTests
{
    static LostLastCharacterTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Garble(byte[] bytes, string reader) => Encoding.GetEncoding(reader).GetString(bytes);

    [Theory]
    [InlineData("中文字", "gbk", "iso-8859-1", 5, "中文\uFFFD")]
    [InlineData("電腦檔案", "big5", "iso-8859-1", 7, "電腦檔\uFFFD")]
    [InlineData("한국어입니다", "euc-kr", "windows-1252", 11, "한국어입니\uFFFD")]
    public void ShortFieldCutInsideItsLastCharacter_IsRestoredAndFlagged(string text, string writer, string reader, int keptBytes, string expected)
    {
        // A fixed-size field (a tag, a CSV cell) cut one byte into its last character, read by a single-byte decoder.
        byte[] bytes = Encoding.GetEncoding(writer).GetBytes(text)[..keptBytes];

        RepairResult result = EncodingRepairTests.Repair(Garble(bytes, reader));

        Assert.Equal(expected, result.Text);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker);
    }

    [Theory]
    [InlineData("ÀÁÂ")]
    [InlineData("Ãé")]
    [InlineData("ファイルを保存する前に、コピーを作成してください。")]
    [InlineData("この関数は、文字列の一部を別の文字列に置き換えます。")]
    [InlineData("选择菜单中的命令，然后点击确定按钮保存文档。")]
    [InlineData("請選擇功能表中的命令，然後按一下確定。")]
    public void CleanText_IsLeftAlone(string text)
    {
        EncodingRepairTests.AssertLeftAlone(text);
    }
}
