using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Detection;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Mojibake made by decoders other than Windows' and the framework's (browsers, Python, Java, macOS): the characters
/// they write for a byte sequence where the framework writes another map back to the same bytes (CodePageFlavours).
/// The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class CodePageFlavoursTests
{
    static CodePageFlavoursTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("mac-roman", '\u03A9', 0xBD)] // Apple's Ω (the framework: U+2126)
    [InlineData("shift-jis", '\u301C', 0x8160)] // JIS X 0208's wave dash (code page 932: U+FF5E)
    [InlineData("shift-jis", '\u2212', 0x817C)] // JIS X 0208's minus sign (code page 932: U+FF0D)
    [InlineData("gbk", '\u01F9', 0xA8BF)] // GB18030's ǹ (code page 936: a private-use character)
    [InlineData("big5", '\u43F0', 0x8740)] // HKSCS, which browsers' Big5 reads and code page 950 does not
    public void OtherDecodersCharacters_MapBackToTheirBytes(string codec, char c, int value)
    {
        CodePage page = Codec.WrongDecoders.Single(d => d.Name == codec).Page;

        Assert.True(page.CanEncode(c));
        Assert.Equal(value, page.EncodedValue(c));
    }

    [Fact]
    public void CharactersThatHaveBytes_KeepThem()
    {
        // '€' is 0x80 in code page 936; GB18030 also reads it at 0xA2E3, which must not move it.
        Assert.Equal(0x80, Codec.Gbk.Page.EncodedValue('€'));

        // Decoding is the framework's: 0xBD is still read as U+2126.
        Assert.Equal('\u2126', Codec.MacRoman.Page.DecodeSingle(0xBD));
    }

    [Theory]
    [InlineData("请在功能设置中打开自动保存")]
    [InlineData("能否发送到我的邮箱")]
    public void Utf8ReadByApplesMacRoman_IsRepaired(string text)
    {
        string framework = Encoding.GetEncoding(10000).GetString(Encoding.UTF8.GetBytes(text));
        string apple = framework.Replace('\u2126', '\u03A9');
        Assert.NotEqual(framework, apple);

        Assert.Equal(text, EncodingRepairTests.Repair(apple).Text);
    }

    [Theory]
    [InlineData("请在功能设置中打开自动保存")]
    [InlineData("文件已成功上传到服务器")]
    public void GbkReadByABrowsersBig5_IsRepaired(string text)
    {
        // A browser's Big5 (WHATWG, with HKSCS) reads some of these GBK pairs as kana (ワ, け) where code page 950
        // writes private-use characters.
        byte[] bytes = Encoding.GetEncoding(936).GetBytes(text);
        string browser = new Big5Encoding().GetString(bytes);
        string windows = Encoding.GetEncoding(950).GetString(bytes);
        Assert.NotEqual(windows, browser);

        Assert.Equal(text, EncodingRepairTests.Repair(browser).Text);
    }
}
