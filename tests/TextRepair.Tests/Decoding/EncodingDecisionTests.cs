using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The gate in front of the lattice search (<see cref="EncodingDecision.MayBeDamaged"/>): clean text that the pre-scan
/// flags is not searched, mojibake is, and a token the gate leaves out is still repaired when its line is damaged.
/// </summary>
public sealed class EncodingDecisionTests
{
    static EncodingDecisionTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // OpenCC's s2t writes 爲 and 啓, which the pre-scan flags (they are rare in Big5 text).
    [Theory]
    [InlineData("使用控件的屬性對話框，將全部字符串編輯爲其他語言。")]
    [InlineData("分別爲「個人」「共享」或「文檔內嵌」。它們存儲在")]
    [InlineData("第一章────正文")]
    public void CleanText_IsNotSearched(string text)
    {
        Assert.True(SuspiciousChars.IndexOf(text) >= 0);
        Assert.False(EncodingDecision.MayBeDamaged(text, '\n', '\n'));
    }

    [Theory]
    [InlineData(65001, 936, "以下函數用於將日期轉換為可計算的數字")]
    [InlineData(65001, 1252, "中文")]
    [InlineData(936, 1252, "选择菜单中的命令")]
    [InlineData(950, 936, "發生錯誤時啟用錯誤處理")]
    public void Mojibake_IsSearched(int written, int read, string original)
    {
        string garbled = Encoding.GetEncoding(read).GetString(Encoding.GetEncoding(written).GetBytes(original));
        Assert.True(EncodingDecision.MayBeDamaged(garbled, '\n', '\n'), garbled);
    }

    [Fact]
    public void Surprise_IsZeroForTypicalText_AndGrowsWithMojibake()
    {
        string clean = "选择菜单中的命令";
        string garbled = Encoding.GetEncoding(936).GetString(Encoding.UTF8.GetBytes(clean));
        double cleanSurprise = TextLikelihood.Surprise(clean, '\n', '\n', EncodingDecision.TypicalTransitionLogProb, EncodingDecision.TypicalSymbolTransitionLogProb);
        double garbledSurprise = TextLikelihood.Surprise(garbled, '\n', '\n', EncodingDecision.TypicalTransitionLogProb, EncodingDecision.TypicalSymbolTransitionLogProb);
        Assert.True(cleanSurprise >= 0);
        Assert.True(garbledSurprise > cleanSurprise + EncodingDecision.MinSurprise, $"{garbledSurprise} vs {cleanSurprise}");
    }
}
