using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 text read by a double-byte reader that writes U+FFFD for each byte it cannot read and goes on at the next
/// byte, as Python's CJK codecs do with <c>errors='replace'</c> (the framework's readers write one mark for a lead
/// byte and its trail). A character then loses one, two or three bytes to as many marks, and the marks no longer say
/// how many characters were lost. The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class PerByteReplacementTests
{
    static PerByteReplacementTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// <paramref name="text"/> written in UTF-8 and read by such a reader of <paramref name="codePage"/>, and the best
    /// possible repair: the text with U+FFFD for each character that lost a byte. A byte pair is read when the code page
    /// has a character for it that is not private use (Python's tables have none of the framework's user-defined
    /// areas); anything else is one lost byte.
    /// </summary>
    internal static (string Garbled, string Best) ReadPerByte(string text, int codePage)
    {
        Encoding reader = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var garbled = new StringBuilder();
        var lost = new bool[bytes.Length];
        for (int i = 0; i < bytes.Length;)
        {
            if (bytes[i] < 0x80)
            {
                garbled.Append((char)bytes[i++]);
                continue;
            }

            string pair = i + 1 < bytes.Length ? reader.GetString(bytes, i, 2) : "";
            if (pair.Length == 1 && pair[0] != '\uFFFD' && pair[0] is < '\uE000' or > '\uF8FF')
            {
                garbled.Append(pair);
                i += 2;
            }
            else
            {
                garbled.Append('\uFFFD');
                lost[i++] = true;
            }
        }

        var best = new StringBuilder();
        int position = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int length = rune.Utf8SequenceLength;
            best.Append(Array.IndexOf(lost, true, position, length) >= 0 ? "\uFFFD" : rune.ToString());
            position += length;
        }

        return (garbled.ToString(), best.ToString());
    }

    // 修复了一个错误 was "淇�澶嶄簡涓�涓�閿欒��": undone as UTF-8 read as GBK, "�复了��错�"; a byte-swapped UTF-16 reading
    // under it, with each mark taken for one byte, was out of step with its units and wrote "�妆".
    // 数据库连接失败，请检查配置: 检 lost two bytes to two marks ("锋��鏌"), one character.
    [Theory]
    [InlineData("修复了一个错误")]
    [InlineData("数据库连接失败，请检查配置")]
    [InlineData("订单已提交，等待付款")]
    [InlineData("修改默认端口为八零八零")]
    [InlineData("这个问题已经在新版本中修复")]
    public void Utf8ReadAsGbkByteByByte_IsRecoveredToTheBestText(string text)
    {
        (string garbled, string best) = ReadPerByte(text, 936);
        Assert.Contains('\uFFFD', garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(best, result.Text);
        Assert.True(result.Lossy);
    }

    // Korean and Japanese lines read so lose a byte in most words. "날씨가" became "雮犾敤臧�": read as UTF-8 read as
    // UTF-16LE it is "?rde�", and a layer under that which changed only its one other character read "馳rde�"
    // (LayerUndo.MinLossFreeChanged).
    [Theory]
    [InlineData("오늘은 날씨가 좋네요")]
    [InlineData("파일을 찾을 수 없습니다")]
    [InlineData("設定を保存しました")]
    [InlineData("ネットワークに接続できません")]
    public void OtherScriptsReadAsGbkByteByByte_AreFlaggedAndInventNoCharacter(string text)
    {
        (string garbled, _) = ReadPerByte(text, 936);
        Assert.Contains('\uFFFD', garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.True(result.Lossy);
        EncodingRepairTests.AssertInventsNoCharacter(text, garbled, result.Text);
    }

    // Read as Big5 so, most of a Chinese line is lost, and chains of two and three layers under the one that happened
    // read the few characters left "exactly" through the losses: 修复了一个错误 ("修���个��" at best) became "芬����",
    // likelier by its length alone. Such a reading may show the damage but never writes its text.
    [Theory]
    [InlineData("修复了一个错误")]
    [InlineData("添加单元测试")]
    [InlineData("删除无用的代码")]
    [InlineData("优化查询性能")]
    [InlineData("文件上传失败")]
    [InlineData("用户登录成功")]
    public void Utf8ReadAsBig5ByteByByte_IsFlaggedAndInventsNoCharacter(string text)
    {
        (string garbled, _) = ReadPerByte(text, 950);
        Assert.Contains('\uFFFD', garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.True(result.Lossy);
        if (result.Text != garbled)
        {
            Assert.All(result.Text, c => Assert.True(c == '\uFFFD' || text.Contains(c, StringComparison.Ordinal), $"{c} is not in {text}: {result.Text}"));
        }
    }
}
