namespace TextRepair.Tests.Decoding;

/// <summary>
/// Short texts of several lines with loss marks, which the whole-text UTF-16 reading looks at as one field
/// (<c>Utf16TextReading.IsField</c>), found by hostile use: a byte-swapped reading out of step after a loss gave back the
/// text shifted by one character with its line breaks merged into letters; a reading that could not decode a clean line
/// kept it but deleted one of its characters; readings wrote unassigned and private use code points
/// (<c>NeverText</c>). The texts are written for these tests.
/// </summary>
public sealed class WholeTextUtf16HarmTests
{
    [Theory]
    [InlineData("\uFFFDМосква\n\uFFFD\uFFFD\uFFFD\uFFFD僭")]
    [InlineData("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD霂\uFFFD\uFFFDファイルが見つかりません\n")]
    [InlineData("\uFFFD\uFFFD典\uFFFD\uFFFD蝥\uFFFD\nİstanbul")]
    public void LossMarksBesideOtherText_AreNotReadAsUtf16OutOfStep(string text)
    {
        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal(text, result.Text);
    }

    [Theory]
    [InlineData("İstanbul'da yağmur yağıyor.")]
    [InlineData("東京駅から新幹線で大阪へ行きます。")]
    public void CleanLineBetweenTwoLossyLines_IsKeptWhole(string clean)
    {
        // 系统正在升级，请稍后再试。 and 数据已经保存 in UTF-8, read as Big5 by Python with U+FFFD for each byte it cannot
        // read, on the lines around the clean one.
        string garbled = "蝟餌\uFFFD\uFFFD甇\uFFFD\uFFFD\uFFFD典\uFFFD\uFFFD蝥改\uFFFD\uFFFD霂瑞\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD霂\uFFFD\uFFFD\uFFFD\uFFFD"
            + "\n" + clean + "\n" + "\uFFFD\uFFFD唳\uFFFD桀歇蝏\uFFFD靽\uFFFD摮\uFFFD";

        RepairResult result = EncodingRepairTests.Repair(garbled);

        string[] lines = result.Text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(clean, lines[1]);
        Assert.True(result.Lossy);
    }

    // A whole text of three letters of a single-byte reader, as a JSON value or a CSV cell holds it: one UTF-16 unit and
    // a lost byte is no evidence (Utf16TextReading.MinFieldBytes); these were flagged lossy, and "tÃ©" became 이�.
    [Theory]
    [InlineData("ÄÖÜ")]
    [InlineData("ÀÉÈ")]
    public void ThreeLetterField_IsNotReadAsOneUtf16Character(string text) => EncodingRepairTests.AssertUntouched(text);

    // "tÃ©" is "té" written in UTF-8 and read as windows-1252: a whole UTF-8 sequence inside a word (Utf8SequencePool),
    // restored as such, never read as one UTF-16 unit and a lost byte.
    [Fact]
    public void ThreeLetterUtf8Field_IsRestoredNotReadAsUtf16()
    {
        RepairResult result = EncodingRepairTests.Repair("tÃ©");

        Assert.Equal("té", result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("ㄅㄆㄇㄈㄉㄊㄋㄌ\n")]
    [InlineData("ㄅㄆㄇㄈㄉㄊㄋㄌ")]
    public void ReadingThatWritesUnassignedCodePoints_IsNone(string text)
    {
        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.DoesNotContain(result.Text.EnumerateRunes(), r => System.Text.Rune.GetUnicodeCategory(r) == System.Globalization.UnicodeCategory.OtherNotAssigned);
        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
    }
}
