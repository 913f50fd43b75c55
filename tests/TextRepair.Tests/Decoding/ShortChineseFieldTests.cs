using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Short Chinese fields written in UTF-8 and read by a single-byte page (session 41): a CSV cell of a name opened by
/// Excel as windows-1252, a tag read by a DOS or Cyrillic page. A run of two or more Han characters restored from whole
/// three-byte sequences is held to <see cref="EncodingDecision.MinUtf8HanPerChar"/>, and a deeper chain that re-reads
/// those characters as double-byte text gives way to it. Before, main read "èµµç£Š" (赵磊) as 略자 by "euc-kr decoded
/// as gbk, then utf-8 decoded as windows-1252", and left 史龙鑫 garbled under every page. And accented Latin letters of
/// a clean line stay the word's letters when other lines of the text elected a chain that reads them as Han: main
/// turned "主演：Zoë Saldaña" into "主演：Zo毛 Saldaña" beside lines of GBK read as UTF-8. Names and lines written for the
/// test.
/// </summary>
public sealed class ShortChineseFieldTests
{
    static ShortChineseFieldTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("赵磊", 1252)]
    [InlineData("赵磊", 437)]
    [InlineData("宋磊", 1252)]
    [InlineData("廖辉", 850)]
    [InlineData("史龙鑫", 850)]
    [InlineData("史龙鑫", 866)]
    [InlineData("沈晨霞", 10000)]
    [InlineData("覃艳娜", 1251)]
    [InlineData("乌鲁木齐", 437)]
    public void Utf8ChineseCell_ReadBySingleBytePage_IsRestored(string original, int codePage)
    {
        string garbled = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(original));
        Assert.NotEqual(original, garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(original, result.Text);
        Assert.All(result.Edits, e => Assert.Contains("utf-8 decoded as", e.Chain, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("赵磊,宋磊,13800138000,廖辉", 1252)]
    [InlineData("覃艳娜,沈晨霞,A12,乌鲁木齐", 850)]
    public void Utf8CsvLine_ReadBySingleBytePage_IsRestored(string original, int codePage)
    {
        string garbled = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(original));

        Assert.Equal(original, EncodingRepairTests.Repair(garbled).Text);
    }

    [Theory]
    [InlineData("赵磊")]
    [InlineData("史龙鑫,沈晨霞,42")]
    [InlineData("Zoë Saldaña,Björk,São Paulo")]
    [InlineData("Müller,Łukasz Żak,2024-05-06,12.50")]
    [InlineData("Nguyễn Văn Thành")]
    [InlineData("Она пришла домой")]
    [InlineData("Для дії")]
    public void CleanCells_AreUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("主演：Zoë Saldaña、Sam Worthington")]
    [InlineData("演员表：Chloë Sevigny，Renée Zellweger")]
    [InlineData("所在地：Citroën")]
    [InlineData("甜点：Crème brûlée")]
    [InlineData("出演：Joël Robuchon")]
    public void AccentedLatinLine_BesideGbkReadAsUtf8_IsUntouched(string clean)
    {
        Encoding gbk = Encoding.GetEncoding(936);
        string[] damaged = ["这部电影在中国上映后获得了很高的评价", "观众们都说演员的表演非常精彩"];
        string text = Encoding.UTF8.GetString(gbk.GetBytes(damaged[0])) + "\n" + clean + "\n" + Encoding.UTF8.GetString(gbk.GetBytes(damaged[1]));

        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal(clean, result.Text.Split('\n')[1]);
        Assert.NotEqual(text, result.Text);
    }
}
