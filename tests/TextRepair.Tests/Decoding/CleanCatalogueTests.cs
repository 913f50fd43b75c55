namespace TextRepair.Tests.Decoding;

/// <summary>
/// Clean messages of other scripts' catalogues (gettext translations installed on a Debian machine, measured by
/// tools/probe-clean-catalogs.py) must come through the encoding repair unchanged. Session 32/33: a restored run that
/// holds Shift-JIS's half-width punctuation (｡｢｣､･, U+FF61..U+FF65) is no reading's evidence, as half-width kana are not
/// (<c>RunJudge</c>): Icelandic "Eþíópía" became "E遑｢p｡a" (a Han character between two of them, by shift-jis decoded as
/// windows-1252) ("paletniñ", Crimean Tatar, became "paletni､" the same way).
/// </summary>
public sealed class CleanCatalogueTests
{
    [Theory]
    [InlineData("Eþíópía")]
    [InlineData("Boro (Eþíópía)")]
    [InlineData("Eþíópísk skrift")]
    [InlineData("Sambandsalþýðulýðveldið Eþíópía")]
    [InlineData("Lágþýska")]
    public void CleanMessageWithHalfWidthPunctuationReading_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
