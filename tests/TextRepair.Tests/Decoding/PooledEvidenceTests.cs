using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Evidence the engine adds up: the runs of one token and the tokens of one line that each gain too little alone
/// (LineDecisions.PoolUndecided), and short fields cut inside their last character, whose loss marker is no text
/// (EncodingDecision.Fluency). The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class PooledEvidenceTests
{
    static PooledEvidenceTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static RepairResult Repair(string text) => TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep });

    private static string Garble(byte[] bytes, string reader) => Encoding.GetEncoding(reader).GetString(bytes);

    [Theory]
    [InlineData("ファイルを保存する前に、コピーを作成してください。")]
    [InlineData("この設定は、ツールバーのボタンを押すと変更できます。")]
    [InlineData("メニューから項目を選び、次へを押します。")]
    public void JapaneseReadAsGbk_ShortRunsTogether_AreRestored(string text)
    {
        // EUC-JP kana are GBK kana too: only the kanji and the long vowel mark (ー as 〖) change, in runs of one or two
        // characters that no run shows damaged alone.
        string garbled = Garble(Encoding.GetEncoding("euc-jp").GetBytes(text), "gbk");
        Assert.NotEqual(text, garbled);

        RepairResult result = Repair(garbled);

        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
        Assert.Contains(result.Edits, e => e.Chain == "euc-jp decoded as gbk");
    }

    [Theory]
    [InlineData("中文字", "gbk", "iso-8859-1", 5, "中文\uFFFD")]
    [InlineData("電腦檔案", "big5", "iso-8859-1", 7, "電腦檔\uFFFD")]
    [InlineData("한국어입니다", "euc-kr", "windows-1252", 11, "한국어입니\uFFFD")]
    public void ShortFieldCutInsideItsLastCharacter_IsRestoredAndFlagged(string text, string writer, string reader, int keptBytes, string expected)
    {
        // A fixed-size field (a tag, a CSV cell) cut one byte into its last character, read by a single-byte decoder.
        byte[] bytes = Encoding.GetEncoding(writer).GetBytes(text)[..keptBytes];

        RepairResult result = Repair(Garble(bytes, reader));

        Assert.Equal(expected, result.Text);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker);
    }

    [Theory]
    [InlineData("ÀÁÀÁÀÁÀÁÀÁÀÁÀÁÀÁ")] // a repeated pair: its readings gain by being half as long, not by reading well
    [InlineData("©©©©©©©©©©©©©©©©\n输入或编辑过滤器的常规信息。")]
    [InlineData("ファイルを保存する前に、コピーを作成してください。")]
    [InlineData("この関数は、文字列の一部を別の文字列に置き換えます。")]
    [InlineData("选择菜单中的命令，然后点击确定按钮保存文档。")]
    [InlineData("請選擇功能表中的命令，然後按一下確定。")]
    public void CleanText_IsLeftAlone(string text)
    {
        RepairResult result = Repair(text);

        Assert.Same(text, result.Text);
        Assert.False(result.Lossy);
    }
}
