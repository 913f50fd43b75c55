using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-16 read by a byte decoder in a short field (a name, a title, a cell), where no C0 control shows the layer and
/// the token search has too little to go on (Utf16TextReading.IsField): read whole once the token search found
/// nothing. The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class Utf16FieldTests
{
    static Utf16FieldTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Garble(string text, string writer, string reader, int dropLastBytes = 0)
    {
        byte[] bytes = Encoding.GetEncoding(writer).GetBytes(text);
        return Encoding.GetEncoding(reader).GetString(bytes, 0, bytes.Length - dropLastBytes);
    }

    [Theory]
    [InlineData("儲存文件", "utf-16be", "windows-1252")]
    [InlineData("表格屬性", "utf-16be", "iso-8859-1")]
    [InlineData("拼写检查", "utf-16le", "windows-1252")]
    [InlineData("插入新的工作表", "utf-16le", "iso-8859-1")]
    public void FieldWithoutControls_IsRead(string text, string writer, string reader)
    {
        string garbled = Garble(text, writer, reader);
        Assert.DoesNotContain(garbled, c => c < 0x20);

        Assert.Equal(text, EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("上传文件", "utf-16le", "windows-1252")]
    [InlineData("伊尔库茨克时间", "utf-16be", "iso-8859-1")]
    [InlineData("不可用的菜单", "utf-16le", "cp437")]
    public void FieldWithALineBreakByte_IsRead(string text, string writer, string reader)
    {
        // 上 (U+4E0A), 伊 (U+4F0A) and 不 (U+4E0D) have a byte 0x0A or 0x0D: the field shows a line break that is half
        // of a character, not the end of a line.
        string garbled = Garble(text, writer, reader);
        Assert.True(garbled.Contains('\n', StringComparison.Ordinal) || garbled.Contains('\r', StringComparison.Ordinal));

        Assert.Equal(text, EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("打印预览", "utf-16le", "windows-1252", "打印预\uFFFD")]
    [InlineData("其他数据", "utf-16be", "windows-1252", "其他数\uFFFD")]
    [InlineData("字符间距", "utf-16le", "cp437", "字符间\uFFFD")]
    public void FieldCutInsideItsLastCharacter_IsRestoredAndFlagged(string text, string writer, string reader, string expected)
    {
        // An odd number of bytes: the last character's second byte is lost.
        string garbled = Garble(text, writer, reader, dropLastBytes: 1);
        Assert.DoesNotContain(garbled, c => c < 0x20);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(expected, result.Text);
        Assert.True(result.Lossy);
    }

    [Fact]
    public void LossMarkerTheReadingKeeps_IsStillReported()
    {
        // The wrong decoder's own U+FFFD, left as it is by the UTF-16 reading around it, is a loss all the same.
        byte[] bytes = Encoding.BigEndianUnicode.GetBytes("数据透视表");
        string garbled = Encoding.Latin1.GetString(bytes, 0, 6) + "\u0007\uFFFD" + Encoding.Latin1.GetString(bytes, 6, 4);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.True(result.Lossy);
        Assert.Contains('\uFFFD', result.Text);
    }

    [Fact]
    public void FieldTheTokenSearchExplains_KeepsThatReading()
    {
        // UTF-8 read as Mac Roman, cut inside its last character: a byte chain explains it, and a UTF-16 reading of
        // the same characters must not replace it.
        string garbled = Garble("オフ", "utf-8", "macintosh", dropLastBytes: 1);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal("オ\uFFFD", result.Text);
    }

    [Theory]
    [InlineData("Café")]
    [InlineData("Größe")]
    [InlineData("São Paulo")]
    [InlineData("Москва")]
    [InlineData("Jalapeño piñata")]
    [InlineData("温度 25°C")]
    [InlineData("价格：¥100")]
    public void CleanField_IsLeftAlone(string text)
    {
        EncodingRepairTests.AssertLeftAlone(text);
    }
}
