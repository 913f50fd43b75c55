using System.Globalization;

namespace TextRepair;

/// <summary>
/// Which Chinese a text is, from <see cref="TextAnalyzer.IdentifyVariant(ReadOnlySpan{char})"/>: the variant, the
/// confidence, the evidence and the stretches written in the minority script. Immutable; safe to share across threads.
/// </summary>
public sealed class VariantReport
{
    internal VariantReport(
        ChineseVariant variant,
        double confidence,
        int hanCount,
        int[] counts,
        double scriptLogOdds,
        double regionLogOdds,
        IReadOnlyList<VariantEvidence> evidence,
        IReadOnlyList<VariantSpan> minoritySpans)
    {
        Variant = variant;
        Confidence = confidence;
        HanCount = hanCount;
        _counts = counts;
        ScriptLogOdds = scriptLogOdds;
        RegionLogOdds = regionLogOdds;
        Evidence = evidence;
        MinoritySpans = minoritySpans;
    }

    private readonly int[] _counts;

    /// <summary>The identified variant.</summary>
    public ChineseVariant Variant { get; }

    /// <summary>The BCP-47 tag of <see cref="Variant"/> (<c>zh-Hant-TW</c>, <c>undetermined</c>, ...).</summary>
    public string Tag => ChineseVariantTags.ToTag(Variant);

    /// <summary>
    /// How likely the answer is right, 0 to 1 (calibrated on a development split of real text, see docs/variant.md);
    /// for <see cref="ChineseVariant.Undetermined"/>, the probability of the more likely script; 1 for
    /// <see cref="ChineseVariant.None"/>.
    /// </summary>
    public double Confidence { get; }

    /// <summary>Number of Han characters (code points).</summary>
    public int HanCount { get; }

    /// <summary>Log-odds of Traditional against Simplified from the evidence counts (positive: Traditional).</summary>
    public double ScriptLogOdds { get; }

    /// <summary>
    /// Log-odds of Taiwan against Hong Kong, the sum of the weights of the regional evidence (positive: Taiwan; 0 without
    /// regional evidence).
    /// </summary>
    public double RegionLogOdds { get; }

    /// <summary>
    /// The evidence in text order: script-only characters, regional characters, regional terms. Empty when the report
    /// came from <see cref="TextAnalyzer.Analyze(ReadOnlySpan{char})"/>, which only counts.
    /// </summary>
    public IReadOnlyList<VariantEvidence> Evidence { get; }

    /// <summary>Lines (runs of lines) written in the other script than the text as a whole, in text order.</summary>
    public IReadOnlyList<VariantSpan> MinoritySpans { get; }

    /// <summary>How many pieces of evidence of <paramref name="kind"/> the text holds. Allocates nothing.</summary>
    public int Count(VariantEvidenceKind kind) => (uint)kind < (uint)_counts.Length ? _counts[(int)kind] : 0;

    /// <summary>A one-line summary. Allocates the returned string.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Tag} ({Confidence:0.###}): Han {HanCount}, Simplified-only {Count(VariantEvidenceKind.SimplifiedCharacter)}, Traditional-only {Count(VariantEvidenceKind.TraditionalCharacter)}, script log-odds {ScriptLogOdds:0.##}, region log-odds {RegionLogOdds:0.##}, {MinoritySpans.Count} minority span(s)");
}
