namespace TextRepair.Tests.Decoding;

/// <summary>
/// GBK text read by Python's <c>big5</c> codec, whose ETEN rows (C6-C8) put kana and circled numbers at other bytes than
/// the browsers' table and than code page 950: 请 (C7 EB) is Python's ③, 片 (C6 AC) its え, 器 (C6 F7) its ん. The inputs
/// were made with Python 3.11 (<c>text.encode('gbk').decode('big5')</c>), not taken from the evaluation sets.
/// </summary>
public sealed class PythonBig5LayoutTests
{
    [Theory]
    [InlineData("炵苀楛疆ㄛ③尕綴婬彸", "系统繁忙，请稍后再试")]
    [InlineData("芞え樓婥囮啖", "图片加载失败")]
    [InlineData("督昢ん囀窒渣昫", "服务器内部错误")]
    [InlineData("踏毞毞ァ竭疑", "今天天气很好")]
    public void GbkReadByPythonsBig5_IsRestored(string garbled, string expected) =>
        EncodingRepairTests.AssertRepairedAs(garbled, expected, lossy: false);

    // Kana in clean Japanese text are not moved to Python's layout: a layout is tried only as a reading of damage.
    [Theory]
    [InlineData("ファイルを開けません")]
    [InlineData("ありがとうございます")]
    public void CleanKana_AreUnchanged(string text) => EncodingRepairTests.AssertUntouched(text);
}
