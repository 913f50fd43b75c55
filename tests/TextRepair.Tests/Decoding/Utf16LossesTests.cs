using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-16 read by a double-byte decoder that lost bytes on the way (LayerUndo.UndoUtf16WithLosses): the framework's
/// code-page decoders write one '?' (or U+FFFD) for a lone byte and one for a lead byte with its invalid trail, so a
/// lost stretch is one or two bytes, and the units after it are read at the step of the likelier text. The texts are
/// written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class Utf16LossesTests
{
    static Utf16LossesTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // UTF-16 written, read by a code-page decoder that writes `replacement` for what it cannot decode.
    private static string Garble(string text, string writer, string reader, string replacement)
    {
        byte[] bytes = Encoding.GetEncoding(writer).GetBytes(text);
        Encoding decoder = Encoding.GetEncoding(reader, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(replacement));
        return decoder.GetString(bytes);
    }

    // Characters of `expected` found in order in `actual` (the longest common subsequence).
    private static int Kept(string expected, string actual)
    {
        int[] previous = new int[actual.Length + 1];
        foreach (char e in expected)
        {
            int[] current = new int[actual.Length + 1];
            for (int j = 1; j <= actual.Length; j++)
            {
                current[j] = e == actual[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            previous = current;
        }

        return previous[actual.Length];
    }

    [Theory]
    [InlineData("在選定的儲存格範圍中建立區域名稱，每一列都會接受分隔的名稱與儲存格參照。", "utf-16be", "big5", "?")]
    [InlineData("当您为单元格添加批注时，会出现一个标注，您可以在此输入文字。", "utf-16le", "shift_jis", "?")]
    [InlineData("如果要在自动更正的替换表中套用字组，请选择自动更正选项。", "utf-16be", "ks_c_5601-1987", "\uFFFD")]
    [InlineData("选择各个列表中的所有段落，然后点击插入。", "utf-16le", "big5", "\uFFFD")]
    public void LinesWithLostBytes_AreRestoredBetweenTheLossesAndFlagged(string text, string writer, string reader, string replacement)
    {
        string garbled = Garble(text, writer, reader, replacement);
        Assert.Contains(replacement[0], garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        // The characters between the losses come back, and nothing else: every character of the result but U+FFFD is
        // the original's, in order, and they are most of it (each lost stretch takes one or two characters).
        Assert.True(result.Lossy);
        Assert.Contains('\uFFFD', result.Text);
        int restored = result.Text.Count(c => c != '\uFFFD');
        Assert.Equal(restored, Kept(text, result.Text));
        Assert.True(restored >= text.Length / 2, result.Text);
    }

    [Theory]
    [InlineData("你好吗?")]
    [InlineData("什么? 不是这样")]
    [InlineData("Is it? Yes.")]
    [InlineData("이것은 무엇입니까?")]
    [InlineData("¿Qué? ¡Nada!")]
    public void CleanTextWithQuestionMarks_IsUnchanged(string text) => EncodingRepairTests.AssertUntouched(text);

    [Fact]
    public void QuestionMarkOfAsciiWrittenAsUtf16_IsKept()
    {
        // "?" of ASCII written as UTF-16LE is 0x3F 0x00: the '?' beside a NUL is a question mark, not a loss.
        string garbled = Garble("是否保存文档?\u0007", "utf-16le", "windows-1252", "?");
        Assert.Contains("?\0", garbled, StringComparison.Ordinal);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal("是否保存文档?\u0007", result.Text);
        Assert.False(result.Lossy);
    }
}
