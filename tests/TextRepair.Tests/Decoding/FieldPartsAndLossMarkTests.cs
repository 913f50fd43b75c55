using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Session 16's changes to the encoding engine, each case failing on the engine before them: parts of a file name are
/// whole fields (RunJudge's field delimiters), Shift-JIS's own loss mark '・' (Codec.IsLossMark), the next character
/// cut by the same lost stretch (LayerUndo's UTF-8 decoder), a one-layer name reading below -10 per transition, a row
/// of quoted fields (LineDecisions: no prose around the quotes), and full-width currency signs (RunJudge.IsSymbol).
/// Every repaired case fails on the engine of session 15; the clean cases guard against the marks' other use.
/// </summary>
public sealed class FieldPartsAndLossMarkTests
{
    private static string Garble(string text, string writer, string reader) => WholeFieldTests.Garble(text, writer, reader);

    // The decoder as Python and Java use it: U+FFFD for what it cannot read.
    private static string GarbleWithReplacement(string text, string writer, string reader)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(reader, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"))
            .GetString(Encoding.GetEncoding(writer).GetBytes(text));
    }

    [Theory]
    [InlineData("稻香.mp3", "gbk", "windows-1252")]              // 稻香 reads at -8.12 per transition, under the -8 of a part of a token
    [InlineData("周杰伦-稻香.mp3", "gbk", "windows-1252")]
    [InlineData("周杰伦 - 稻香.mp3", "gbk", "windows-1252")]     // the line's chain was shown, but 稻香 stayed under the floor
    [InlineData("照片/稻香.jpg", "gbk", "ibm437")]
    public void PartOfAFileName_IsAWholeField(string name, string writer, string reader) =>
        WholeFieldTests.AssertRestoredWithoutLoss(name, writer, reader);

    [Theory]
    [InlineData("2009,卢明,55,Beijing", "gbk", "windows-1252")]    // a CSV cell between commas (session 43): kept before
    [InlineData("2012,段秀刚,28,Beijing", "gbk", "windows-1252")]
    [InlineData("2015,陈芳,30,Beijing", "gbk", "windows-1252")]
    [InlineData("id=2025;name=于洋", "gbk", "windows-1252")]
    public void CellBetweenDataSeparators_IsAWholeField(string row, string writer, string reader) =>
        WholeFieldTests.AssertRestoredWithoutLoss(row, writer, reader);

    [Theory]
    [InlineData("邓紫棋", "utf-8", "windows-1252")]               // was "Th瀇檯", three layers through UTF-16
    [InlineData("邓紫棋 - 泡沫.mp3", "utf-8", "windows-1252")]
    public void OneLayerNameBelowTenNatsPerTransition_WinsOverADeeperReading(string name, string writer, string reader) =>
        Assert.Equal(name, EncodingRepairTests.Repair(Garble(name, writer, reader)).Text);

    [Theory]
    [InlineData("ダウンロード", "ダウンロー\uFFFD")]                 // was ダウンローチE: '・' read back as the bytes 81 45
    [InlineData("ファイル名", "ファイル\uFFFD")]                     // was ファイル吁E
    [InlineData("コンテンツ", "コン\uFFFD\uFFFD\uFFFD")]             // was コンチEΦチE; Φ is the rest of ン
    public void ShiftJisLossMark_IsALoss(string text, string best)
    {
        string windows = Garble(text, "utf-8", "shift_jis");
        string replaced = GarbleWithReplacement(text, "utf-8", "shift_jis");
        Assert.Contains('\u30FB', windows);

        RepairResult fromWindows = EncodingRepairTests.Repair(windows);
        RepairResult fromReplaced = EncodingRepairTests.Repair(replaced);

        Assert.Equal(best, fromWindows.Text);
        Assert.True(fromWindows.Lossy);
        Assert.Equal(best, fromReplaced.Text);
    }

    [Fact]
    public void LostStretch_TakesTheNextCharactersLead()
    {
        // 了 (E4 BA 86) and し (E3 81 97): the decoder's one mark stands for 86 E3, and ＠ (81 97) is the rest of し.
        string garbled = Garble("ダウンロードが完了しました", "utf-8", "shift_jis");

        Assert.Equal("ダウンロードが完\uFFFD\uFFFDました", EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("日本語のテキスト・サンプル")]
    [InlineData("ファイル・フォルダ")]
    [InlineData("東京・大阪")]
    public void CleanMiddleDot_IsUnchanged(string text) =>
        Assert.Same(text, EncodingRepairTests.Repair(text).Text);

    [Fact]
    public void ShiftJisMiddleDot_IsRestoredWhenItIsText()
    {
        // Shift-JIS read as windows-1252: '・' is the bytes 81 45, read back as the text it was.
        string garbled = Garble("日本語のテキスト・サンプル", "shift_jis", "windows-1252");

        Assert.Equal("日本語のテキスト・サンプル", EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("\"产品编号\",\"产品名称\",\"库存\"", "utf-8", "gbk")]     // every field quoted: no prose around them
    [InlineData("{\"name\": \"张三\", \"city\": \"北京\"}", "utf-8", "gbk")]
    public void RowOfQuotedFields_IsNoQuotationInProse(string row, string writer, string reader) =>
        Assert.Equal(row, EncodingRepairTests.Repair(Garble(row, writer, reader)).Text);

    [Theory]
    [InlineData("价格：￥99", "utf-8", "gbk")]                        // ￥ (U+FFE5) was taken for a symbol no text restores
    public void FullWidthCurrency_IsText(string text, string writer, string reader) =>
        Assert.Equal(text, EncodingRepairTests.Repair(Garble(text, writer, reader)).Text);

    [Fact]
    public void GarbledWordQuotedInCleanProse_IsStillLeftAlone()
    {
        string text = "乱码里常见的“" + Garble("张三", "utf-8", "gbk") + "”是怎么来的";

        Assert.Same(text, EncodingRepairTests.Repair(text).Text);
    }

    [Theory]
    [InlineData("Ä1Ö")]
    [InlineData("Größe 1 Ä 2 Ö")]
    [InlineData("ÀÁ12ÂÃ")]
    [InlineData("café-crème.txt")]
    [InlineData("Ñandú_ÀÉ.doc")]
    [InlineData("Größe/Übersicht.pdf")]
    [InlineData("«ÀÉ»,«ÂÃ»")]                                      // a field in quotation marks of its own: 撬內,清倘 otherwise
    [InlineData("1001,José,Zoë,Müller")]
    [InlineData("\"Ærø\";\"Ñandú\"")]
    public void CleanLatinFields_AreUnchanged(string text) =>
        Assert.Same(text, EncodingRepairTests.Repair(text).Text);

    [Theory]
    [InlineData("?a\u7E5D?", true)]            // a mark after non-ASCII, though the text starts with '?'
    [InlineData("\u7E5D\u30FB", true)]
    [InlineData("what?", false)]
    [InlineData("\u30FB\u7E5D", false)]
    public void MayHaveLostMarks_UnderShiftJis(string text, bool expected) =>
        Assert.Equal(expected, LayerUndo.MayHaveLostMarks(text, Codec.ShiftJis));

    [Fact]
    public void MiddleDot_IsNoLossMarkUnderGbk() =>
        Assert.False(LayerUndo.MayHaveLostMarks("\u7E5D\u30FB", Codec.Gbk));
}
