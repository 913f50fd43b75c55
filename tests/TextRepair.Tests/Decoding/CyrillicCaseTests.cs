using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The case of Cyrillic letters inside a word (<c>TextLikelihood.CyrillicCaseLogProb</c>, session 39): the Cyrillic model
/// scores a capital as its small letter, so GBK read as windows-1251, which writes capitals and small letters at random,
/// read as words once the model knew Belarusian and Mongolian ("ХэИз" for 正如, "№ЬАн" for 管理 were left garbled). A
/// capital after a small letter and a small letter after two capitals are charged what the training text shows them
/// to cost; Capitalised words, CAPITALS and units (КиБ, ГГц) stay clean.
/// </summary>
public sealed class CyrillicCaseTests
{
    static CyrillicCaseTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("正如")]
    [InlineData("索引")]
    [InlineData("例外")]
    [InlineData("管理")]
    [InlineData("查找")]
    [InlineData("注意")]
    public void GbkFieldReadAsWindows1251_IsRestored(string original)
    {
        string garbled = EncodingRepairTests.Garble(original, "gbk", "windows-1251");
        Assert.NotEqual(original, garbled);

        EncodingRepairTests.AssertRepairedAs(garbled, original, lossy: false);
    }

    [Theory]
    [InlineData("Скачано 5 МиБ из 10 ГиБ")]
    [InlineData("2,4 ГГц")]
    [InlineData("ВКонтакте")]
    [InlineData("ПравкаПараметры")]
    [InlineData("ООНовский")]
    public void CleanMixedCase_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
