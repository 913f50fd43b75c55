using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Clean text a hostile tester (session 28) found rewritten, with lines lost: a repeated Korean jamo (chat laughter,
/// ㅋㅋㅋ) and charts of the phonetic alphabets (kana, jamo, bopomofo in code-point order). Their two-byte codes in
/// GBK or EUC-KR, read as UTF-16, are Yi radicals, which scored as a repeated symbol or a listing; the letters
/// themselves scored as rare pairs. So the UTF-16 reading won, and took the ASCII and line breaks around it with it
/// ("# Kana\n\n…\n\nEnd.\n" became "⌠䭡湡ਊ꒡꒢…ਊ䕮搮�"). Now Yi radicals are not scored as repeats or listings, and a
/// row of consecutive letters of these alphabets is scored as a listing (<c>TextLikelihood.MayRepeat</c>, <c>MayList</c>).
/// </summary>
public sealed class ChartsAndRepeatsTests
{
    private const string Hiragana = "ぁあぃいぅうぇえぉおかがきぎくぐけげこご";

    [Theory]
    [InlineData("ㅋㅋㅋㅋㅋㅋㅋㅋ\n")]
    [InlineData("lol ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ")]
    [InlineData("ㅎㅎㅎㅎㅎㅎㅎㅎㅎㅎ")]
    [InlineData("ㅠㅠㅠㅠㅠㅠㅠㅠ\n")]
    [InlineData("오늘 진짜 웃겼어 ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ\n")]
    [InlineData("哈哈哈哈哈哈哈哈哈哈\n")]
    public void RepeatedLetter_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("# Kana\n\n" + Hiragana + "\n\nEnd.\n")]
    [InlineData("Hiragana:\n" + Hiragana + "\n")]
    [InlineData("ァアィイゥウェエォオカガキギクグケゲコゴ\n")]
    [InlineData("ㄱㄲㄳㄴㄵㄶㄷㄸ\n\n")]
    [InlineData("ㄱㄲㄳㄴㄵㄶㄷㄸ")]
    [InlineData("ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏ\n")]
    public void ChartOfAPhoneticAlphabet_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    /// <summary>
    /// Charts in a legacy code page's byte order (session 29): GB2312's pinyin row, EUC-KR's box drawing, GB2312's
    /// symbol row, Mac Roman's letters. Under another page they decode to the chart at the same bytes there (ΑΒΓΔ,
    /// チヂッツ), which scored as a listing while the input did not; a row in any page's order is a listing now
    /// (<c>CodePageOrder</c>).
    /// </summary>
    [Theory]
    [InlineData("āáǎà")]
    [InlineData("ēéěè")]
    [InlineData("ōóǒò")]
    [InlineData("ǖǘǚǜü")]
    [InlineData("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü")]
    [InlineData("─│┌┐└┘├┤┬┴┼")]
    [InlineData("表格线 ─│┌┐└┘├┤┬┴┼ 可以用来画表格")]
    [InlineData("＄¤￠￡‰§№☆★○●◎◇◆□■△▲※→←↑↓〓")]
    [InlineData("ÄÅÇÉ")]
    [InlineData("字符表：Çüéâ")]
    public void ChartInACodePagesOrder_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("①②③④⑤⑥")]
    [InlineData("ÀÁÂÃÄÅ")]
    public void ChartInCodePointOrder_StaysUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Fact]
    public void CodePageOrder_IsEachPagesByteOrder()
    {
        // GB2312's pinyin row (A8A1 A8A2), EUC-KR's box drawing (A6A1 A6A2), Mac Roman's 0x80 0x81.
        Assert.NotEqual(0, CodePageOrder.Orders('ā', 'á'));
        Assert.NotEqual(0, CodePageOrder.Orders('─', '│'));
        Assert.NotEqual(0, CodePageOrder.Orders('Ä', 'Å'));
        Assert.Equal(0, CodePageOrder.Orders('á', 'ā'));
        Assert.Equal(0, CodePageOrder.Orders('中', '文'));
    }
}
