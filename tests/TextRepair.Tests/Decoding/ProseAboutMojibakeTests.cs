namespace TextRepair.Tests.Decoding;

/// <summary>
/// Latin-script prose about mojibake, as an issue thread or a help page writes it, and clean accented words on lines
/// damaged elsewhere (session 36). Before, a thread of such lines elected "utf-8 decoded as windows-1252" for the text,
/// and a line that named "Ã©" beside "é" was repaired by it and its clean "é?" read as a UTF-8 character cut short:
/// "Why does my page show é instead of �". On a line whose smart quotes were garbled ("â€œReportâ€"), the clean "café"
/// and "José?" at the line's end became "caf�" and "Jos�" the same way. Sentences written for the test.
/// </summary>
public sealed class ProseAboutMojibakeTests
{
    // The lines of a thread about mojibake; the last names the garbled letter beside the clean one.
    private static readonly string[] Thread =
    [
        "If you see \"â€œ\" instead of a quote, the page was read as Windows-1252.",
        "The sequence \"Ã©\" is what \"é\" looks like when UTF-8 is read as Latin-1.",
        "Encoding problem: Ã¼ should be ü",
        "Müller shows as MÃ¼ller in Excel",
        "I get \"ä¸­æ–‡\" instead of \"中文\" when I open the CSV",
        "Chinese text shows as ä¸­æ–‡ in Excel",
        "Why does my page show Ã© instead of é?",
    ];

    [Fact]
    public void ThreadAboutMojibake_KeepsLettersNamedBesideTheirGarbledForm()
    {
        RepairResult result = EncodingRepairTests.Repair(string.Join('\n', Thread));

        string[] lines = result.Text.Split('\n');
        Assert.Equal(Thread[1], lines[1]);
        Assert.Equal(Thread[2], lines[2]);
        Assert.Equal(Thread[6], lines[6]);
        Assert.DoesNotContain('\uFFFD', result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("Encoding problem: Ã¼ should be ü")]
    [InlineData("Why does my page show Ã© instead of é?")]
    [InlineData("Isto Ã© o que aparece, mas devia ser é.")]
    public void LetterShownGarbledAndClean_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // The garbled quotes are repaired (the closing one lost its last byte, 0x9D, which windows-1252 does not define);
    // the clean word at the end keeps its accented letter.
    [Theory]
    [InlineData("Rename â€œReportâ€ to café", "Rename \u201CReport\uFFFD to café")]
    [InlineData("The title â€œHelloâ€ shows wrong, right José?", "The title \u201CHello\uFFFD shows wrong, right José?")]
    [InlineData("Is the file name â€œreport.docâ€ or did José? write it", "Is the file name \u201Creport.doc\uFFFD or did José? write it")]
    public void CleanAccentedWordOnDamagedLine_KeepsItsLetter(string text, string expected)
    {
        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal(expected, result.Text);
        Assert.Equal(1, result.Text.Count(c => c == '\uFFFD'));
    }

    // A character cut short still reads as the loss it is: after garbled text, and inside a word when its lead byte may
    // start a letter of the word's alphabet (Ã, 0xC3, starts U+00C0..U+00FF: "café" cut inside é). Found by the
    // session-36 hostile tester in a first version that refused every such reading.
    [Theory]
    [InlineData("ä¸­æ–‡ æ", "中文 \uFFFD")]
    [InlineData("ä½ å¥½ä¸–ç•Œ cafÃ", "你好世界 caf\uFFFD")]
    [InlineData("cafÃ© cafÃ", "café caf\uFFFD")]
    [InlineData("Rename â€œReportâ€ to cafÃ", "Rename \u201CReport\uFFFD to caf\uFFFD")]
    public void CutCharacter_IsStillALoss(string text, string expected)
    {
        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal(expected, result.Text);
        Assert.True(result.Lossy);
    }

    // The reading that takes é for a lead byte stays chosen and only its loss goes unreported: turning it down let another
    // reading of the same token write "caf└" (euc-jp decoded as gbk) beside cells of GBK mojibake (the hostile tester's
    // tab-separated line).
    [Fact]
    public void CleanWordBesideMojibakeCells_IsKept()
    {
        const string Line = "caf\u00E9\t\u00E4\u00BC\u0161\u00E8\u00AE\u00AE\u00E8\u00AE\u00B0\u00E5\u00BD\u2022\t"
            + "\uFF83\uFF77\uFF7D\uFF84\t\u7736\u76D4\u5C38\u8001\t\u9289\u55D0\u5054\u9288\u5E7F\u5113";

        RepairResult result = EncodingRepairTests.Repair(Line);

        Assert.StartsWith("café\t", result.Text, StringComparison.Ordinal);
    }
}
