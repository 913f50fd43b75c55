using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 read by a windows-1252 or windows-1251 reader that ignores the bytes its code page leaves undefined (Python's
/// errors='ignore', iconv -c): 不 (E4 B8 8D) loses 0x8D and is "ä¸". The character is lost, and is marked so
/// (CodePage.DropsContinuationBytes). Also such text stored as ISO-8859-1 afterwards, where each '?' is one lost byte
/// (LayerUndo.MayHaveLostMarks). The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class IgnoredBytesTests
{
    static IgnoredBytesTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // The reader's decoding with what it cannot read dropped (the framework reads those bytes as C1 controls).
    private static string ReadIgnoring(string text, int codePage)
    {
        string read = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(text));
        return new string(read.Where(c => c is < '\u0080' or > '\u009F').ToArray());
    }

    [Theory]
    [InlineData("指定不要转换的文档类型，然后单击确定。", "指定��转�的文档类型，然��击确定。", 1252)] // 不 E4 B8 8D, 要 E8 A6 81, 换 E6 8D A2 ...
    [InlineData("請在下面的欄位中輸入您的名稱", "請在下�的欄�中輸入您的�稱", 1252)]
    [InlineData("今天天气很好", "今天天气很好", 1252)] // no undefined byte: nothing lost
    public void CharactersThatLostAByte_AreMarkedLost(string text, string expected, int codePage)
    {
        string garbled = ReadIgnoring(text, codePage);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(expected, result.Text);
        Assert.Equal(expected != text, result.Lossy);
    }

    [Theory]
    [InlineData("中文字符测试", "中��符��")] // 文 E6 96 87 is "æ–‡", stored as "æ??"
    [InlineData("请输入正确的用户名和密码", "请��正确���名��码")] // 名 E5 90 8D: the framework reads 0x90 and 0x8D as C1 controls, which ISO-8859-1 keeps
    [InlineData("我们正在讨论人工智能的发展", "�们正�讨论人工�����")]
    public void Utf8ReadAsWindows1252ThenStoredAsLatin1_EachMarkIsALostByte(string text, string expected)
    {
        // What windows-1252 has beyond ISO-8859-1 (–, ‡, ‹, •, ...) became '?' (MySQL's latin1 columns).
        string read = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(text));
        Encoding latin1 = Encoding.GetEncoding(28591, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
        string stored = latin1.GetString(latin1.GetBytes(read));
        Assert.Contains('?', stored);

        RepairResult result = EncodingRepairTests.Repair(stored);

        Assert.Equal(expected, result.Text);
        Assert.True(result.Lossy);
    }

    [Theory]
    [InlineData("Très bien, merci. À bientôt à Paris.")]
    [InlineData("Ñandú, pingüino, acción")]
    public void CleanLatinText_IsUnchanged(string text) => EncodingRepairTests.AssertUntouched(text);
}
