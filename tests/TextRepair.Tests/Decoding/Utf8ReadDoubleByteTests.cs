using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Double-byte text read by a UTF-8 reader, the commonest loss in console logs (a Windows program's GBK output shown as
/// UTF-8): the reader loses every byte that begins no valid UTF-8 sequence and keeps islands of characters between the
/// losses, and an island may open on the trail of a lead the reader lost (<c>LayerUndo.IslandOpensWithTrail</c>).
/// Nothing can bring the lost bytes back; the repair must flag the text lossy, restore the characters whose bytes
/// survive, and invent none beyond GBK's reading of the bytes the reader kept. The sentences are written for these tests (not taken from the evaluation sets) and garbled
/// by the framework's readers.
/// </summary>
public sealed class Utf8ReadDoubleByteTests
{
    private static readonly string[] GbkLog =
    [
        "[ERROR] 无法连接数据库：连接超时",
        "配置文件格式错误，程序退出",
        "今天下午三点在会议室开会，请准时参加。",
        "系统检测到您的账户存在异常登录行为",
        "保存失败：磁盘空间不足",
        "警告：证书已过期，连接不安全",
        "网络连接已断开，正在尝试重新连接……",
        "服务器启动成功，端口 8080",
    ];

    [Fact]
    public void GbkLogReadAsUtf8_IsFlaggedAndInventsNoCharacter()
    {
        string garbled = string.Join('\n', GbkLog.Select(line => EncodingRepairTests.Garble(line, "gbk", "utf-8")));

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.True(result.Lossy);
        string[] lines = result.Text.Split('\n');
        Assert.Equal(GbkLog.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            AssertReadsOnlyKeptBytes(GbkLog[i], garbled.Split('\n')[i], lines[i]);
        }
    }

    [Theory]
    // 数据库： is CA FD BE DD BF E2 A3 BA: BE is lost and the island ݿ⣺ (DD BF E2 A3 BA) opens on 据's trail DD, so
    // 库： comes back; read from DD as a lead it was 菘猓, and a EUC-JP reading invented 歐癸 in its place. 时 (CA B1)
    // is an island that opens on a lead.
    [InlineData("[ERROR] 无法连接数据库：连接超时", "库：", "时")]
    // 请准时参加 (C7 EB D7 BC CA B1 B2 CE BC D3): the island ׼ʱ opens on the lead of 准, μӡ (CE BC D3 A1) on 参's trail.
    [InlineData("今天下午三点在会议室开会，请准时参加。", "准时", "加")]
    [InlineData("保存失败：磁盘空间不足", "空间", "")]
    public void GbkLineReadAsUtf8_RestoresTheCharactersWhoseBytesSurvive(string line, string restored, string alsoRestored)
    {
        string garbled = EncodingRepairTests.Garble(line, "gbk", "utf-8");

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.True(result.Lossy);
        Assert.Contains(restored, result.Text, StringComparison.Ordinal);
        Assert.Contains(alsoRestored, result.Text, StringComparison.Ordinal);
        AssertReadsOnlyKeptBytes(line, garbled, result.Text);
    }

    // Each character of the repair is a loss, the original's, the input's, or GBK's reading of two bytes the reader kept
    // side by side: an island of one pair between losses is one character or the halves of two, and only its
    // likelihood can tell (session 41, ReplacedDoubleByteLine.DroppedHalfCharge); "ӳ" of 接超 (D3 B3) reads as 映.
    // What this guards against is a character of another chain (歐癸 by EUC-JP, session 26).
    private static void AssertReadsOnlyKeptBytes(string original, string garbled, string repaired)
    {
        var gbk = Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var kept = new HashSet<char>();
        foreach (string island in garbled.Split('\uFFFD'))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(island);
            for (int i = 0; i + 1 < bytes.Length; i++)
            {
                string pair = gbk.GetString(bytes, i, 2);
                if (pair.Length == 1)
                {
                    kept.Add(pair[0]);
                }
            }
        }

        Assert.All(repaired, c => Assert.True(
            c == '\uFFFD' || original.Contains(c, StringComparison.Ordinal) || garbled.Contains(c, StringComparison.Ordinal) || kept.Contains(c),
            $"{c} is in neither {original} nor {garbled}, nor GBK's reading of its kept bytes: {repaired}"));
    }
}
