using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Latin-script words and lines written in UTF-8 and read by a single-byte decoder whose letters the Latin model knows
/// badly (session 40): a run of whole UTF-8 sequences is held to the floor of text at all
/// (<see cref="EncodingDecision.MinUtf8SequencePerChar"/>), a repeated pair counts as one pooled sequence, a pair
/// follows its line's chain with the line's sequences, and a deeper chain that reads the restored Latin letters on
/// into CJK gives way to the Latin reading. Before, main left "cosÃ¬" and "ÅºdÅºbÅ‚o" garbled beside repaired words
/// of the same line, "PÃ„IVÃ„Ã„" and "Huá»³nh" garbled alone. Sentences and words written for the test.
/// </summary>
public sealed class Utf8LatinWordTests
{
    static Utf8LatinWordTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("Lui andò là, però qui è così; poi partì.", 1252)]
    [InlineData("Lui andò là, però qui è così; poi partì.", 10000)]
    [InlineData("Wziął źdźbło i zaciśnął pięść.", 1252)]
    [InlineData("Wziął źdźbło i zaciśnął pięść.", 850)]
    [InlineData("Ėjo į mokyklą.", 1252)]
    [InlineData("PÄIVÄÄ", 1252)]
    [InlineData("Huỳnh", 1252)]
    public void Utf8LatinText_IsRestoredWhole(string original, int codePage)
    {
        string garbled = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(original));
        Assert.NotEqual(original, garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(original, result.Text);
        Assert.All(result.Edits, e => Assert.Contains("utf-8 decoded as", e.Chain, StringComparison.Ordinal));
    }

    // A word of capitals with a lead byte's letter before a symbol: a lone pair leading on its own keeps the
    // short-field floor, and the word stays (with the floor of text at all for every pair, "MODELLÃ¯" became "MODELLï").
    [Theory]
    [InlineData("MODELLÃ¯ 2023")]
    [InlineData("Größe±2 cm")]
    public void CleanCapitalsBesideSymbols_AreUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
