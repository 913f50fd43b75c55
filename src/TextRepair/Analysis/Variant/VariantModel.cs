namespace TextRepair.Analysis.Variant;

/// <summary>
/// The decision rule of variant identification: naive-Bayes log-odds from the evidence counts (each kind of evidence
/// weighs the log of how much more often it occurs in one variant's text than in the other's), a flat prior, a
/// temperature that calibrates the log-odds into a probability, and an answer only when that probability is high
/// enough. Every number below was measured by <c>tools/VariantEval</c> on the development half of the evaluation
/// corpus (docs/variant-evaluation.md); the test half was not used to choose any of them.
/// </summary>
internal static class VariantModel
{
    // Script: ln(P(kind | Traditional) / P(kind | Simplified)). Dev texts of >= 20 Han: Simplified texts held 116,353
    // Simplified-only and 10 Traditional-only characters, Traditional texts 35 and 99,581; add-one smoothed,
    // P(Traditional-only | Simplified) = 9.5e-5 and P(Simplified-only | Traditional) = 3.6e-4.
    internal const double SimplifiedWeight = -7.925;
    internal const double TraditionalWeight = 9.266;

    // Region: the sum of the weights of the regional evidence, RegionalWeights.g.cs (each character and term weighs
    // ln(rate in Taiwan text / rate in Hong Kong text) as counted on the GNOME training pairs, shrunk towards the weight
    // of its kind; regional usage outside OpenCC's tables, such as 您 against 你, weighs the same way). Only present
    // evidence counts, so a text without regional evidence stays at 0 (no region named).

    // Calibration: confidence = sigmoid(|log-odds| / temperature); temperatures of minimum log loss on the dev lines
    // with evidence (50,420 lines for the script, 11,733 for the region; session 7, with the Cinnamon pair in the dev
    // half and the regional weights counted on the larger training pairs), searched from 1 up (never more confident
    // than the raw naive-Bayes odds). The region's is high because its evidence is many weak, correlated terms (and a
    // usage pair counts with its characters: 您的 with 您).
    internal const double ScriptTemperature = 1.25;
    internal const double RegionTemperature = 2.0;

    /// <summary>
    /// A script is named only at this calibrated confidence or more, else <c>undetermined</c>. On dev lines the script
    /// precision is 99.95% at every threshold from 0.5 to 0.99; 0.95 keeps one Traditional-only character against
    /// nothing (0.9995) an answer and leaves a lone pair of contradicting characters undetermined.
    /// </summary>
    internal const double MinConfidence = 0.95;

    /// <summary>
    /// A region is named only at this calibrated confidence or more, else plain <c>zh-Hant</c>: the lowest threshold
    /// at which, on the dev texts of >= 100 Han answered Traditional (2,595, session 12), the other region stays at or
    /// below 2% and the precision on the matched pairs alone at or above 95%. At 0.87, 66.7% right and 1.9% the other
    /// region (precision 97.2%, matched pairs 95.6%); at 0.86, 67.2% and 2.1% (pairs 94.9%); at 0.9 (sessions 6-11),
    /// 64.4% and 1.5% (pairs 96.2%); at 0.8, 67.9% and 2.7% (pairs 93.2%); at 0.5 (any evidence) 83.4% and 11.4%.
    /// Reweighting the evidence (repeats counted once or as 1 + ln n, weights clipped, per-group scales) did no better
    /// than 68.7% at 2% on dev (tools/VariantEval --experiments; docs/variant.md).
    /// </summary>
    internal const double MinRegionConfidence = 0.87;

    /// <summary>
    /// Mixed: the minority script holds at least this share of the script evidence (at least twice the 99.9th percentile
    /// of the minority share in clean dev texts of >= 20 Han: 0.100 in session 6, 0.091 with session 7's dev half)...
    /// </summary>
    internal const double MixedMinShare = 0.2;

    /// <summary>
    /// ...and at least this many characters: one or two stray characters make the share of a short text large (the
    /// maximum over clean dev texts is 1.0, from texts with a single piece of evidence).
    /// </summary>
    internal const int MixedMinCount = 3;

    /// <summary>A line is a minority line when its minority-script characters outnumber its others and reach this count.</summary>
    internal const int MinorityLineMinCount = 2;

    /// <summary>Decides from the counts (and the line tallies, for minority spans).</summary>
    public static VariantReport Decide(
        int han,
        int[] counts,
        double regionLogOdds,
        List<VariantEvidence>? evidence,
        List<VariantScanner.LineTally>? lines)
    {
        IReadOnlyList<VariantEvidence> spans = evidence is null ? [] : evidence;
        int s = counts[(int)VariantEvidenceKind.SimplifiedCharacter];
        int t = counts[(int)VariantEvidenceKind.TraditionalCharacter];
        double scriptLogOdds = (s * SimplifiedWeight) + (t * TraditionalWeight);
        if (han == 0)
        {
            return new VariantReport(ChineseVariant.None, 1.0, han, counts, scriptLogOdds, regionLogOdds, spans, []);
        }

        IReadOnlyList<VariantSpan> minority = lines is null || s + t == 0 ? [] : MinoritySpans(lines, t >= s);
        double scriptConfidence = Sigmoid(Math.Abs(scriptLogOdds) / ScriptTemperature);
        int fewer = Math.Min(s, t);
        if (fewer >= MixedMinCount && fewer >= MixedMinShare * (s + t))
        {
            // How sure we are that the minority is not a handful of stray characters: its own log-odds.
            double minorityOdds = fewer * Math.Min(Math.Abs(SimplifiedWeight), TraditionalWeight);
            return new VariantReport(
                ChineseVariant.Mixed, Sigmoid(minorityOdds / ScriptTemperature), han, counts, scriptLogOdds, regionLogOdds, spans, minority);
        }

        if (scriptConfidence < MinConfidence)
        {
            return new VariantReport(
                ChineseVariant.Undetermined, scriptConfidence, han, counts, scriptLogOdds, regionLogOdds, spans, minority);
        }

        if (scriptLogOdds < 0)
        {
            return new VariantReport(ChineseVariant.Hans, scriptConfidence, han, counts, scriptLogOdds, regionLogOdds, spans, minority);
        }

        double regionConfidence = Sigmoid(Math.Abs(regionLogOdds) / RegionTemperature);
        ChineseVariant variant = regionConfidence < MinRegionConfidence
            ? ChineseVariant.Hant
            : regionLogOdds > 0 ? ChineseVariant.HantTW : ChineseVariant.HantHK;
        double confidence = variant == ChineseVariant.Hant ? scriptConfidence : scriptConfidence * regionConfidence;
        return new VariantReport(variant, confidence, han, counts, scriptLogOdds, regionLogOdds, spans, minority);
    }

    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    // Runs of lines whose own majority is the text's minority script; lines without script evidence in between do
    // not break a run, a line of the majority script does.
    private static List<VariantSpan> MinoritySpans(List<VariantScanner.LineTally> lines, bool traditional)
    {
        var spans = new List<VariantSpan>();
        ChineseVariant minorityVariant = traditional ? ChineseVariant.Hans : ChineseVariant.Hant;
        int runStart = -1;
        int runEnd = -1;
        foreach (VariantScanner.LineTally line in lines)
        {
            int minority = traditional ? line.Simplified : line.Traditional;
            int majority = traditional ? line.Traditional : line.Simplified;
            if (minority > majority && minority >= MinorityLineMinCount)
            {
                if (runStart < 0)
                {
                    runStart = line.Start;
                }

                runEnd = line.Start + line.Length;
            }
            else if (minority <= majority && runStart >= 0)
            {
                spans.Add(new VariantSpan(runStart, runEnd - runStart, minorityVariant));
                runStart = -1;
            }
        }

        if (runStart >= 0)
        {
            spans.Add(new VariantSpan(runStart, runEnd - runStart, minorityVariant));
        }

        return spans;
    }
}
