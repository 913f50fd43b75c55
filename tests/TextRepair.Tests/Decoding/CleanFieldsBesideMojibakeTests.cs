namespace TextRepair.Tests.Decoding;

/// <summary>
/// Clean fields of a Latin script in the same line as mojibake, as in a CSV export whose Chinese column went through a
/// wrong decoder and whose names did not: once the line is damaged, its other tokens follow the chain, and a UTF-8 or
/// GBK reading cuts a lone é or ç short (a lead byte before ASCII), which was written as a loss ("José" became "Jos�",
/// "François" "Fran�ois"). One byte cut short with no restoration beside it is no evidence of a loss; at a line's end
/// it is (text cut short ends in a lead byte, see LostLastCharacterTests). And the prices such exports hold, whose
/// currency signs a short run may restore. Rows written for these tests.
/// </summary>
public sealed class CleanFieldsBesideMojibakeTests
{
    private static readonly (string Name, string City, string Note)[] Rows =
    [
        ("Müller", "Zürich", "客户已付款"),
        ("José García", "Málaga", "请尽快发货"),
        ("François", "Genève", "无"),
        ("Ana Peña", "Cádiz", "已退款"),
    ];

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gbk")]
    public void LatinNamesInALineWhoseChineseFieldIsMojibake_AreKept(string writer)
    {
        string garbled = string.Join('\n', Rows.Select(r => $"{r.Name},{r.City},{EncodingRepairTests.Garble(r.Note, writer, "windows-1252")}"));

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(string.Join('\n', Rows.Select(r => $"{r.Name},{r.City},{r.Note}")), result.Text);
        Assert.False(result.Lossy);
    }

    // A word ending in a letter that is a UTF-8 lead byte under windows-1252 (é is E9), then a space, then GBK mojibake:
    // the scanner joins them at the space, which may stand for a no-break space inside a UTF-8 character, and the GBK
    // reading took é and the space as the pair E9 A0 (闋): "Café 北京" became "Caf闋北京". A space is A0 only inside a
    // UTF-8 or Shift-JIS character (LayerUndo.Undo).
    [Theory]
    [InlineData("Café", "北京")]
    [InlineData("José", "感谢您的购买")]
    [InlineData("Résumé", "北京")]
    public void AccentedWordBeforeGbkMojibakeAfterASpace_IsKept(string word, string chinese)
    {
        string garbled = word + " " + EncodingRepairTests.Garble(chinese, "gbk", "windows-1252");

        EncodingRepairTests.AssertRepairedAs(garbled, word + " " + chinese, lossy: false);
    }

    // A currency sign before a digit in a short restored run is a price, not a chance symbol (RunJudge.RestoresSymbols):
    // these were left garbled for their ¥, £ or €.
    [Theory]
    [InlineData("价格：¥120")]
    [InlineData("原价：¥120")]
    [InlineData("总价：¥99")]
    [InlineData("价格：£120")]
    [InlineData("价格：€120")]
    public void PriceReadAsWindows1252_IsRestored(string price) =>
        EncodingRepairTests.AssertRepairedAs(EncodingRepairTests.Garble(price, "utf-8", "windows-1252"), price, lossy: false);
}
