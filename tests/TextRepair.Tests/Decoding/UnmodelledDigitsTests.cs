using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A decimal digit a model never saw (Persian ۰-۹, Arabic-Indic, Devanagari) is scored by it as the ASCII digit of its
/// value (<c>TextLikelihood.Map</c>). Scored as unseen characters, Persian numbers in clean prose
/// lost to any reading of their bytes: "۱۰۰" is UTF-8 DB B1 DB B0 DB B0, a GBK pair each, and a Persian message with
/// «%s» (guillemets, what wrong decoders write) became "بین 方 و 旁方方" (session 38, the clean catalogue probe). The
/// sentences are written for the test.
/// </summary>
public sealed class UnmodelledDigitsTests
{
    [Theory]
    [InlineData("اندازه باید بین ۰ و ۱۰۰ باشد. مقدار «%s» نامعتبر است.")]
    [InlineData("اندازه باید بین ۰ و ۱۰۰ باشد؛ مقدار «%d» قابل قبول نیست.")]
    [InlineData("نسخه «%s» باید بین ۱ و ۷۹ باشد.")]
    [InlineData("عدد «%s» باید بین ٣ و ٤٥ باشد.")]
    public void CleanNumbersOfOtherScripts_AreUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("۱۰۰", "100")]
    [InlineData("۲۵", "25")]
    [InlineData("٣٩٧", "397")]
    [InlineData("१०२४", "1024")]
    public void ADigitOfAnUnmodelledScript_ScoresAsItsAsciiDigit(string digits, string ascii)
    {
        SpanScore native = TextLikelihood.Score(digits, ' ', ' ');
        SpanScore plain = TextLikelihood.Score(ascii, ' ', ' ');
        Assert.Equal(plain.Total, native.Total, 9);
    }
}
