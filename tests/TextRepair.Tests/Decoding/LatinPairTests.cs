using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Latin-script text written in UTF-8 and read by a single-byte decoder, where each accented letter is a two-byte
/// sequence of its own between ASCII letters ("DÃ©jÃ  vu"): the line's whole sequences inside words are its evidence
/// (<see cref="Utf8SequencePool"/>). Before session 31 a run of one pair was no evidence, so "Le cafÃ© est trÃ¨s bon."
/// was left garbled and "DÃ©jÃ  vu, garÃ§on, cÅ“ur." became "酷协 vu, garÃ§on� cÅ“ur." (a three-layer chain's Han, and
/// the comma lost). Sentences written for the test. Also mojibake shown beside its own text (prose that explains it),
/// which is quoted, not damaged (<c>LineDecisions.IsExplained</c>).
/// </summary>
public sealed class LatinPairTests
{
    static LatinPairTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("Déjà vu, garçon, cœur.", 1252)]
    [InlineData("Le café est très bon.", 1252)]
    [InlineData("L'été à Paris était chaud.", 1252)]
    [InlineData("Niño, año, señor", 1252)]
    [InlineData("Er wohnt in München, nicht in Köln.", 1252)]
    [InlineData("Une opération simple", 1252)]
    [InlineData("Das Mädchen liest ein Buch.", 1252)]
    [InlineData("Le café est très bon.", 28591)]
    [InlineData("Une opération simple", 10000)]
    [InlineData("Der Bär schläft.", 850)]
    public void Utf8ReadBySingleByteDecoder_IsRestored(string original, int codePage)
    {
        string garbled = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(original));
        Assert.NotEqual(original, garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(original, result.Text);
        Assert.False(result.Lossy);
        Assert.All(result.Edits, e => Assert.Contains("utf-8 decoded as", e.Chain, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Müller → MÃ¼ller, Grüße → GrÃ¼ÃŸe")]
    [InlineData("例如“ä¸­æ–‡”就是“中文”。")]
    [InlineData("UTF-8 读成 Latin-1 会得到 â€œ 这样的序列，例如“ä¸­æ–‡”就是“中文”。")]
    [InlineData("Ã© and â€™ are classic mojibake patterns")]
    [InlineData("À bientôt, Ã‰tienne? Non: Étienne.")]
    public void MojibakeExplainedBesideItsText_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // Clean Cyrillic read back as windows-1251 bytes holds sequences inside words (its capitals are lead bytes, its
    // і, ї, ў, ё continuation bytes): they read as the script's own words and are no evidence. Found by the session's
    // hostile tester before it landed ("Рўйхат тайёр." became "Т�хат та�р.").
    [Theory]
    [InlineData("Рўйхат тайёр.")]
    [InlineData("Рўйхатдан ўтиш")]
    [InlineData("Він сказав, що її немає.")]
    [InlineData("Её нет дома.")]
    public void CleanCyrillic_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // A word quoted clean on a line garbled elsewhere is damaged with the rest: 失败 shows the line's chain, and the
    // garbled 保存 beside the clean one follows it.
    [Fact]
    public void ExplainedWord_OnALineDamagedElsewhere_IsRestored()
    {
        string garbled = Garble("保存", 1252) + " 保存 " + Garble("失败", 1252);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal("保存 保存 失败", result.Text);
    }

    // A token found clean on a line without sequences inside words is decided again on a line with them: the cache of
    // clean tokens does not answer for a line with a pool (same token, same neighbours).
    [Fact]
    public void TokenKnownClean_IsDecidedAgainOnALineWithSequencesInWords()
    {
        string text = "Ã© and more\nLe cafÃ© est trÃ¨s bon. Ã© and more";

        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal("Ã© and more\nLe café est très bon. é and more", result.Text);
    }

    [Theory]
    [InlineData("Le cafÃ© est trÃ¨s bon.", true)]
    [InlineData("cafÃ©", true)]
    [InlineData("Ã© and â€™ are patterns", false)]
    [InlineData("ÀÉÈ ÄÖÜ ß µ", false)]
    [InlineData("plain ASCII", false)]
    [InlineData("Рўйхат тайёр.", false)]
    public void Pool_HoldsASingleByteDecoder_OnlyForSequencesInsideWords(string line, bool holds) =>
        Assert.Equal(holds, Utf8SequencePool.Holds(Utf8SequencePool.Of(line), Codec.Windows1252) || Utf8SequencePool.Holds(Utf8SequencePool.Of(line), Codec.Windows1251));

    private static string Garble(string text, int codePage) => Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(text));
}
