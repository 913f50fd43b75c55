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

    // Session 34: a run inside a word of the Latin script spelt as one language spells it leads no reading
    // (RunJudge.InLatinWord): Turkish, Azerbaijani and Crimean Tatar "ölçü" was "罵〟" by shift-jis decoded as cp437,
    // 468 edits of tools/probe-clean-catalogs.py (changed 581 -> 287).
    [Theory]
    [InlineData("ölçü")]
    [InlineData("Ölçü birimini seçin")]
    [InlineData("Sayfa ölçüsü")]
    [InlineData("Dosya görünümünün ölçüsü")]
    [InlineData("Pəncərənin ölçüləri")]
    [InlineData("Şəkil ölçüsü")]
    public void CleanTurkicWord_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // What the rule leaves to the engine: letters that mix alphabets or cases, or symbols, are a wrong decoder's.
    [Theory]
    [InlineData("ÎÄ¼þ ÃûÒÑ ´æÔÚ", "文件 名已 存在")]
    [InlineData("ÄãºÃ ÊÀ½ç", "你好 世界")]
    [InlineData("ŠwZ‚Ì•¶Žš", "学Zの文字")]
    [InlineData("ÀMÀÛ", "繫累")]
    [InlineData("id,ÁÍÂR,2024", "id,抵禦,2024")]
    public void MojibakeOfLatinLetters_IsStillRepaired(string garbled, string expected) =>
        Assert.Equal(expected, EncodingRepairTests.Repair(garbled).Text);

    [Theory]
    [InlineData("ölçü", true)]
    [InlineData("Ölçü", true)]
    [InlineData("ÖLÇÜ", false)]
    [InlineData("ÀMÀÛ", false)]
    [InlineData("îWÆÀ", false)]
    [InlineData("Mädchen", true)]
    [InlineData("ölçülərinə", true)]
    [InlineData("gÖrÜnÜm", false)]
    [InlineData("ÖÐÎÄ", false)]
    [InlineData("ÉÏ", false)]
    [InlineData("MÃ¼ller", false)]
    [InlineData("ŠwZ", false)]
    [InlineData("çø", false)]
    [InlineData("naïve", true)]
    [InlineData("añoß", false)]
    public void LatinWord_IsLettersOfOneAlphabetInAWordsCase(string word, bool expected) =>
        Assert.Equal(expected, TextRepair.Analysis.Detection.LatinWords.IsWord(word));
}
