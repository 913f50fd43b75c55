using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Lines longer than a token (<see cref="EncodingScanner.MaxTokenLength"/>): cut where no marker or surrogate pair is
/// split, and scanned in work linear in their length, counted (<see cref="EncodingScanner.MayBeDamagedChars"/>) rather
/// than timed.
/// </summary>
public sealed class ScannerLongLineTests
{
    private const string Marker = "锟斤拷";

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("中")]
    [InlineData("中文")]
    public void Cut_NeverSplitsAMarker(string prefix)
    {
        string text = prefix + string.Concat(Enumerable.Repeat(Marker, 3000));
        for (int start = 0; start < 6; start++)
        {
            int end = start + EncodingScanner.MaxTokenLength;
            int cut = EncodingScanner.CutPoint(text, start, end);
            Assert.InRange(cut, start + (EncodingScanner.MaxTokenLength / 2), end);
            Assert.True((cut - prefix.Length) % 3 == 0, $"prefix '{prefix}', start {start}: cut at {cut}");
        }
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        string text = "中" + string.Concat(Enumerable.Repeat("𠀀文", 3000));
        for (int start = 0; start < 4; start++)
        {
            int cut = EncodingScanner.CutPoint(text, start, start + EncodingScanner.MaxTokenLength);
            Assert.False(char.IsLowSurrogate(text[cut]), $"start {start}: cut at {cut}");
        }
    }

    [Fact]
    public void Cut_AfterAsciiStaysWhereItWas()
    {
        string text = new string('中', 3000) + "abc" + string.Concat(Enumerable.Repeat(Marker, 1000));
        Assert.Equal(3003, EncodingScanner.CutPoint(text, 0, EncodingScanner.MaxTokenLength));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("乱码", "是怎么来的")]
    public void MillionCharacterLineOfMarkers_IsLeftAlone_InBoundedWork(string before, string after)
    {
        // Whole markers only: a name or a quotation of them, left alone (tokens of whole markers are words). Cut in
        // the middle of a marker, each token held pieces of one and took "utf-8 decoded as gbk".
        string text = before + string.Concat(Enumerable.Repeat(Marker, 1_000_000 / 3)) + after;
        long work = EncodingScanner.MayBeDamagedChars;
        var findings = new List<EncodingFinding>();
        EncodingScanner.Find(text, findings);
        work = EncodingScanner.MayBeDamagedChars - work;

        Assert.Empty(findings);

        // The tokens are cut alike, and a token decided once is known: the first, a middle one and the last are
        // searched, not the 240 others.
        Assert.InRange(work, 0, 3 * EncodingScanner.MaxTokenLength);
    }

    [Fact]
    public void LongLineOfMarkersBetweenDamage_IsRepairedAsBefore()
    {
        // Markers in a damaged line are damage: the cut must not change that either.
        string damaged = "鏂囦欢";
        string text = damaged + " " + string.Concat(Enumerable.Repeat(Marker, 5000)) + " " + damaged;
        var findings = new List<EncodingFinding>();
        EncodingScanner.Find(text, findings);
        Assert.Contains(findings, f => f.Replacement == "文件");
    }
}
