using TextRepair.Analysis.Variant;

namespace TextRepair;

/// <summary>Variant identification: which Chinese a text is (zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK).</summary>
public static partial class TextAnalyzer
{
    private static readonly int s_kindCount = Enum.GetValues<VariantEvidenceKind>().Length;

    /// <summary>
    /// Identifies which Chinese <paramref name="text"/> is written in, with the evidence (characters that only one script
    /// writes, characters and terms of one region's standard) and the lines written in the minority script.
    /// Thread-safe. Allocates the report, its evidence list (one entry per piece of evidence) and its spans; the tables
    /// are built once per process on first use.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>
    /// The report; <see cref="ChineseVariant.None"/> without Han characters, <see cref="ChineseVariant.Undetermined"/>
    /// when the evidence is too weak to answer (short texts, texts written the same in both scripts).
    /// </returns>
    public static VariantReport IdentifyVariant(ReadOnlySpan<char> text)
    {
        int[] counts = new int[s_kindCount];
        var evidence = new List<VariantEvidence>();
        var lines = new List<VariantScanner.LineTally>();
        double regionLogOdds = 0;
        int han = VariantScanner.Scan(text, counts, ref regionLogOdds, evidence, lines);
        return VariantModel.Decide(han, counts, regionLogOdds, evidence, lines);
    }

    /// <summary>The identification without evidence spans or minority lines (for <see cref="Analyze(ReadOnlySpan{char})"/>).</summary>
    internal static VariantReport IdentifyVariantCounts(ReadOnlySpan<char> text)
    {
        int[] counts = new int[s_kindCount];
        double regionLogOdds = 0;
        int han = VariantScanner.Scan(text, counts, ref regionLogOdds, null, null);
        return VariantModel.Decide(han, counts, regionLogOdds, null, null);
    }

    /// <summary>
    /// Finds where <paramref name="text"/> departs from <paramref name="expected"/>: characters only the other script
    /// writes, characters and terms the expected region's OpenCC conversion (t2tw / TWPhrases, t2hk / HKPhrases) would
    /// change, lines that mix both scripts. Thread-safe. Allocates the list of findings.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="expected">
    /// <see cref="ChineseVariant.Hans"/>, <see cref="ChineseVariant.Hant"/> (script only),
    /// <see cref="ChineseVariant.HantTW"/> or <see cref="ChineseVariant.HantHK"/>.
    /// </param>
    /// <returns>The findings in text order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expected"/> is not one of the four values above.</exception>
    public static IReadOnlyList<VariantFinding> CheckVariant(ReadOnlySpan<char> text, ChineseVariant expected) =>
        VariantChecker.Check(text, expected);
}
