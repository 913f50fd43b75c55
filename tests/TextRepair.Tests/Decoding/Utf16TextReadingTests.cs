using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-16 read by a byte-oriented decoder, undone on the whole text (<see cref="Utf16TextReading"/>): it is found in
/// both byte orders through single- and double-byte decoders, and text with control characters of its own (terminal
/// colour codes, form feeds) is left alone.
/// </summary>
public sealed class Utf16TextReadingTests
{
    private static readonly RepairOptions s_keep = new() { Target = ScriptTarget.Keep };

    static Utf16TextReadingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("utf-16LE", 1252)]
    [InlineData("utf-16LE", 437)]
    [InlineData("utf-16BE", 1252)]
    [InlineData("utf-16BE", 1251)]
    [InlineData("utf-16LE", 936)]
    public void ChineseWithAsciiWrittenAsUtf16_AndReadByAByteDecoder_IsRepaired(string writer, int reader)
    {
        string original = "打开 Settings 菜单，然后选择“网络”。\n上一步完成后，重新启动电脑即可。";
        string garbled = Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(original));
        Assert.True(Utf16TextReading.MayApply(garbled));
        RepairResult result = TextRepairer.Repair(garbled, s_keep);
        Assert.Equal(original, result.Text);
        Assert.Contains(result.Edits, e => e.Chain is not null && e.Chain.StartsWith(writer.ToLowerInvariant() + " decoded as", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utf-16le", 28591)]
    [InlineData("utf-16be", 1252)]
    public void AsciiWrittenAsUtf16_AndReadByASingleByteDecoder_IsRepaired_AndAnalyzed(string writer, int reader)
    {
        // Letters and NULs: no suspicious character, only the controls tell.
        string original = "Open the file first";
        string garbled = Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(original));
        Assert.Equal(original, TextRepairer.Repair(garbled, new RepairOptions { Target = ScriptTarget.Keep }).Text);
        Assert.Contains(TextAnalyzer.Analyze(garbled).SuspectedDamage, d => d.Kind == RepairKind.Encoding);
    }

    [Fact]
    public void TextWithControlsOfItsOwn_IsLeftAlone()
    {
        string log = string.Concat(Enumerable.Repeat("\u001B[32mINFO\u001B[0m 服务已启动，监听端口 8080\n\u001B[31mERROR\u001B[0m 连接数据库失败：超时\n\f", 40));
        Assert.True(Utf16TextReading.MayApply(log));
        Assert.Same(log, TextRepairer.Repair(log, s_keep).Text);
    }

    [Fact]
    public void OneControlInALongText_IsNoSignOfUtf16()
    {
        string text = "第一章" + new string('字', 200) + "\f" + new string('文', 200);
        Assert.False(Utf16TextReading.MayApply(text));
        Assert.False(Utf16TextReading.HasControls("没有控制字符的文本。"));

        // Short and surprising, it is a field all the same: read whole if the token search finds nothing (see
        // Utf16FieldTests). Short clean text that reads as text is not (EncodingDecision.MayBeDamaged).
        Assert.True(Utf16TextReading.IsField(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.Unicode.GetBytes("打印预览"))));
        Assert.False(Utf16TextReading.IsField("没有控制字符的文本。"));
        Assert.False(Utf16TextReading.IsField("中文字"));
        Assert.False(Utf16TextReading.IsField(text));
    }
}
