namespace TextRepair.Tests.Decoding;

/// <summary>
/// Double-byte text read by another double-byte reader that loses a lead byte alone where it cannot read the pair and
/// reads the trail as the next lead (Python's codecs), where .NET's and the browsers' readers lose the pair: after each
/// loss the reader is out of step with the characters until it meets ASCII (<c>LayerStep.LostLeadOnly</c>). And a chain
/// elected on one line and replayed on another that shows how its reader wrote characters (Python's Big5 rows) only
/// there. The inputs are what Python 3.11 writes for sentences written for these tests (<c>text.encode('big5')
/// .decode('gbk', 'replace')</c>; not taken from the evaluation sets); the expected texts are the originals with U+FFFD
/// exactly where a character lost a byte, worked out byte by byte.
/// </summary>
public sealed class LostLeadOnlyTests
{
    [Theory]
    // 這部電影真的很好看！ Big5: 的 AA BA is no GBK pair, so AA is lost and BA AB is read as 韩; 很 AB DC and 好 A6 6E
    // come back once the lost lead is read with its trail; 看 AC DD likewise, and ！ A1 49 stays.
    [InlineData("硂场筿紇痷\uFFFD韩堞n\uFFFD荨I", "這部電影真\uFFFD很好\uFFFD！")]
    // 請把這個檔案寄給所有的同事。 Big5: 個 AD D3, 的 AA BA and 。 A1 43 lose their leads.
    [InlineData("叫р硂\uFFFD永僧妆H倒┮Τ\uFFFD害Pㄆ\uFFFDC", "請把這\uFFFD檔案寄給所有\uFFFD同事\uFFFD")]
    public void Big5ReadAsGbkByAReaderThatLosesLeadsAlone_IsReadBackInStep(string garbled, string expected) =>
        EncodingRepairTests.AssertRepairedAs(garbled, expected, lossy: true);

    [Fact]
    public void ChainElectedOnALineWithoutPythonsBig5Rows_ReadsTheLineThatHasThemInPythonsLayout()
    {
        // A document of two chains, both written by Python: Big5 read as GBK (the first two lines: 這部電影真的很好看！
        // above and 請在下午三點以前把報告交給我們。), then GBK read as Big5. Of the last two lines, the first has no character of the rows where Python's Big5 differs from code
        // page 950 and the second has two (请 C7EB is Python's ③, 启 C6F4 its ゐ), which code page 950 writes at other
        // bytes: replayed as the first line elected it, the chain read them as 疲 and 莣.
        string garbled = "硂场筿紇痷\uFFFD韩堞n\uFFFD荨I\n叫\uFFFDb\uFFFDUと\uFFFDT翴\uFFFDH玡р厨\uFFFDiユ倒и\uFFFD獭C\n涴窒萇荌淩腔竭疑艘ㄐ\n狟婥俇傖綴③笭陔ゐ雄萇齟﹝";

        string[] lines = EncodingRepairTests.Repair(garbled).Text.Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.Equal("這部電影真\uFFFD很好\uFFFD！", lines[0]);
        Assert.Equal(["这部电影真的很好看！", "下载完成后请重新启动电脑。"], lines[2..]);
    }

    [Theory]
    // GBK text read as UTF-8 with replacement: °汾 is C2 B0 E6 B1 BE. Read as EUC-KR text read by GBK with its leads
    // lost alone, the losses beside it take A1 and EA of °汾's GBK bytes A1E3 E3EA, and 始 is read from the other two.
    [InlineData("\uFFFD\uFFFD°汾\uFFFD", "始")]
    // StoredLossMarkTests has the other case the rule was made for (输入的内容太长了 in UTF-8 read as EUC-KR, stored).
    public void TextAfterALeadLostAlone_OnlyFollowsAChainTheLineShows(string garbled, string invented)
    {
        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.All(invented, c => Assert.DoesNotContain(c, result.Text));
    }
}
