using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A row of Latin letters beyond ASCII, as an alphabet line lists them ("áéýúíóþæðö"), is clean text, and the same row
/// written in UTF-8 and read by windows-1252 is mojibake to repair (issue 12). The Latin model saw such letters one at a
/// time inside words, so its back-off after one made a row of them cost 5-7 nats a letter more than the letters alone,
/// and a GBK, Big5 or EUC-JP reading of half as many characters won: clean rows were read as Han, and their mojibake
/// ("Ã¦Ã¸Ã¥", UTF-8 æøå read by windows-1252) as Han too. A letter after a letter beyond ASCII now scores at least its
/// own unigram (<c>LatinText.IsExtendedLetter</c>). The phrases are written for these tests; every one of
/// them failed before.
/// </summary>
public sealed class LatinLetterRowsTests
{
    [Theory]
    [InlineData("àèìòù €")]
    [InlineData("Accenti: àèìòù")]
    [InlineData("àèìòù")]
    [InlineData("áéýúíóþæðö")]
    [InlineData("Stafir: áéýúíóþæðö")]
    [InlineData("āēīōū")]
    [InlineData("ŠšŒœ")]
    [InlineData("ÿüö ÿ")]
    public void CleanRowsOfLettersBeyondAscii_AreUntouched(string text)
    {
        EncodingRepairTests.AssertUntouched(text);
    }

    [Theory]
    [InlineData("Stafir: áéýúíóþæðö")]
    [InlineData("Lettres: àâæçéèêëîïôœùûüÿ")]
    [InlineData("Merkki: åäö")]
    [InlineData("Bokstaver: æøå")]
    [InlineData("Letras: ñáéíóúü")]
    public void RowsOfLettersBeyondAscii_ReadByWindows1252_AreRestored(string text)
    {
        EncodingRepairTests.AssertRestoredFromUtf8ReadAs(text, 1252);
    }

    [Fact]
    public void LetterAfterLetterBeyondAscii_ScoresAtLeastItsUnigram()
    {
        // The Latin model scores "åä" by the back-off after å; now at least ä's own unigram. After an ASCII letter or a
        // symbol the model's pair stands.
        CharNgramModel model = CharNgramModel.Shared;
        foreach ((char previous, char c) in (ReadOnlySpan<(char, char)>)[('å', 'ä'), ('Á', 'É'), ('ð', 'Ö'), ('ŕ', 'ň')])
        {
            // An empty text between them: the one transition previous -> c.
            double p = TextLikelihood.ScoreBy(LanguageScript.Latin, string.Empty, previous, c).Total;
            Assert.True(p >= model.UnigramLogProb(LanguageScript.Latin, c) - 1e-9, $"{previous}{c}: {p}");
        }

        Assert.True(LatinText.IsExtendedLetter('Ð') && LatinText.IsExtendedLetter('ệ'));
        Assert.False(LatinText.IsExtendedLetter('®') || LatinText.IsExtendedLetter('×') || LatinText.IsExtendedLetter('a'));
    }

    [Theory]
    [InlineData("ÔÕÖØ")]
    [InlineData("ÒÓÔÕÖØ")]
    [InlineData("Characters: ÕÖØÙÚÛ")]
    [InlineData("字符：ÒÓÔÕÖØ")]
    [InlineData("õöøù õöøù")]
    public void RowsOfLettersPastLatin1sSymbols_AreUntouched(string text)
    {
        // × and ÷ stand between Ö and Ø, ö and ø: a row of the alphabet leaves them out, and is still a listing. Each
        // of these was read as GBK before (桐路, 矣哉重, [[ua瀑, 充票; session 43).
        EncodingRepairTests.AssertUntouched(text);
    }
}
