using System.Text;
using TextRepair.Analysis.Detection;

namespace TextRepair.Tests;

/// <summary>
/// Windows-1250, Windows-1252 and Windows-1251 sentences of session 26's confusion set (SingleByteConfusionSet): the
/// table in docs/encoding-detection.md must be what the library does now, and the targets must hold.
/// </summary>
public sealed class SingleByteConfusionTests
{
    /// <summary>Confidence from which a wrong answer counts as a sure one.</summary>
    private const double Sure = 0.9;

    [Fact]
    public void ConfusionTable_MatchesTheDocs_AndMeetsTheTargets()
    {
        List<SingleByteSample> samples = SingleByteConfusionSet.Build(Path.Combine(AppContext.BaseDirectory, "Data"));

        string report = SingleByteConfusionSet.Report(samples, sample => EncodingDetector.Detect(sample.Bytes), Sure, out int wrong, out int wrongAndSure);

        string[] doc = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "encoding-detection.md"));
        foreach (string row in report.Split('\n').Where(line => line.StartsWith("| windows-", StringComparison.Ordinal)))
        {
            Assert.Contains(row, doc);
        }

        Assert.True(wrong <= 15, report);
        Assert.True(wrongAndSure <= 9, report);
    }

    [Theory]
    [InlineData("Příliš žluťoučký kůň úpěl ďábelské ódy.\n")]
    [InlineData("Árvíztűrő tükörfúrógép\n")]
    [InlineData("Zażółć gęślą jaźń\n")]
    [InlineData("Pchnąć w tę łódź jeża lub ośm skrzyń fig.")]
    [InlineData("Kŕdeľ šťastných ďatľov učí pri ústí Váhu mĺkveho koňa obhrýzať kôru.")]
    public void Detect_ShortWindows1250_IsWindows1250(string text)
    {
        byte[] bytes = DetectionEvaluationSet.Strict("windows-1250").GetBytes(text);

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal("windows-1250", detection.Name);
        Assert.Equal(text, decoded);
    }

    [Theory]
    [InlineData("Vi ses på måndag efter skolan.")]
    [InlineData("Der står et gammelt træ ved søen.")]
    [InlineData("Não há pão na padaria hoje.")]
    public void Detect_ShortWindows1252_IsNotReadAsWindows1250(string text)
    {
        byte[] bytes = DetectionEvaluationSet.Strict("windows-1252").GetBytes(text);

        Assert.Equal(text, EncodingDetector.Decode(bytes, out _));
    }

    [Fact]
    public void LatinOrthography_BaseLetters_AreTheCanonicalDecompositions()
    {
        // The table is spelt out so that invariant globalization gives the same answers; here (ICU) it is checked.
        for (char c = '\u00C0'; c <= '\u017F'; c++)
        {
            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            char expected = decomposed[0] < 0x80 ? decomposed[0] : c switch
            {
                '\u00D8' => 'O',
                '\u00F8' => 'o',
                '\u0141' => 'L',
                '\u0142' => 'l',
                '\u0110' => 'D',
                '\u0111' => 'd',
                _ => c,
            };
            Assert.True(expected == LatinOrthography.Base[c - 0xC0], $"U+{(int)c:X4}");
        }

        Assert.Equal(0x17F - 0xC0 + 1, LatinOrthography.Base.Length);
    }

    // A Windows-1252 symbol between words read as Windows-1251 is a Cyrillic word of one letter among Latin ones
    // ('Add \u0405 cup'): detected as windows-1251 (0.56) before session 32.
    [Theory]
    [InlineData("windows-1252", "Add ½ cup flour and ¼ tsp salt.\n")]
    [InlineData("windows-1252", "Add ½ cup\n")]
    [InlineData("windows-1252", "Il est à Paris.\n")]
    [InlineData("windows-1251", "Витамин C и D в таблетках, а также я и он.\n")]
    [InlineData("windows-1251", "Он сказал: я знаю.\n")]
    public void Detect_OneLetterWordOfAnotherAlphabet_IsTheOtherCodePagesSymbol(string encoding, string text)
    {
        byte[] bytes = DetectionEvaluationSet.Strict(encoding).GetBytes(text);

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal(encoding, detection.Name);
        Assert.Equal(text, decoded);
    }
}
