namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 text read by a double-byte reader that ignores what it cannot read (Python's errors="ignore", PHP's
/// iconv //IGNORE): the bytes it dropped leave UTF-8 characters cut short and continuation bytes without a lead, and no
/// mark. The reading writes U+FFFD where the bytes went and reports the text lossy (LayerUndo's dropped bytes, session
/// 43). The sentences are written for these tests and damaged with Python's codecs; none is in an evaluation set.
/// </summary>
public sealed class IgnoredErrorsTests
{
    [Theory]
    // 闭 (E9 97 AD), 正 and 。 lose a byte each to Python's GBK reader (A1A1..A7A0 and AAA1..AFFE are no GBK pairs).
    [InlineData("璇蜂笉瑕佸叧闂杩欎釜绐楀彛锛屾ｅ湪淇濆瓨鏂囦欢銆", "请不要关\uFFFD这个窗口，\uFFFD在保存文件\uFFFD")]
    [InlineData("鎴戜滑鏄庡ぉ涓璧峰幓鍥句功棣嗙湅涔﹀惂", "我们明天\uFFFD起去图书馆看书吧")]
    // Shift-JIS drops い's and す's last bytes the same way.
    [InlineData("繝輔ぃ繧､繝ｫ繧剃ｿ晏ｭ倥＠縺ｦ縺縺ｾ縺", "ファイルを保存して\uFFFDま\uFFFD")]
    public void Utf8ReadIgnoringErrors_IsTheOriginalWithItsLosses(string garbled, string best)
    {
        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(best, result.Text);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker);
    }

    [Theory]
    // "请不要关闭这个窗口，正在保存文件。" read by Big5 and by EUC-KR ignoring errors: they drop a lead before every
    // trail of 0x80..0xA0, so little is left to restore, but the text is reported lossy.
    [InlineData("霂瑚閬喲剛銝芰嚗甇其摮隞嗚")]
    [InlineData("瑥룝誤녜瓦訝ょｏ\uF986ｅⓧ耶餓뜰")]
    public void Utf8ReadIgnoringErrorsByBig5OrEucKr_IsFlagged(string garbled)
    {
        Assert.True(EncodingRepairTests.Repair(garbled).Lossy);
    }

    [Theory]
    [InlineData("字符表：가나다라")]
    [InlineData("使用,ﾊﾟｯｹｰｼﾞﾊﾞｯｸｴﾝﾄﾞ")]
    [InlineData("｡｢｣､･ｦｧｨ")]
    [InlineData("ƒˆŠŒšœŸª")]
    public void CleanText_IsNotReadAsDroppedBytes(string text)
    {
        EncodingRepairTests.AssertUntouched(text);
    }
}
