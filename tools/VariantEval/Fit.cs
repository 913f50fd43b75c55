using System.Text;
using TextRepair;

/// <summary>Fits the naive-Bayes weights, the temperatures and reads off the thresholds, on the dev half only.</summary>
internal static class Fit
{
    private static readonly VariantEvidenceKind[] s_regional =
    [
        VariantEvidenceKind.TaiwanCharacter, VariantEvidenceKind.TaiwanForm, VariantEvidenceKind.HongKongCharacter,
        VariantEvidenceKind.HongKongForm, VariantEvidenceKind.TaiwanTerm, VariantEvidenceKind.NonTaiwanTerm,
        VariantEvidenceKind.HongKongTerm, VariantEvidenceKind.NonHongKongTerm,
    ];

    public static void Run(List<Source> sources, StringBuilder md)
    {
        md.AppendLine();
        md.AppendLine("## Fitted on dev");
        md.AppendLine();

        // Script weights: token rates of Simplified-only and Traditional-only characters in each class.
        long[,] script = new long[2, 2];
        var minorityShares = new List<double>();
        foreach (Source source in sources)
        {
            int cls = source.Label == Label.Hans ? 0 : 1;
            foreach (string text in Texts.Build(source.Dev, 20))
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                int s = r.Count(VariantEvidenceKind.SimplifiedCharacter);
                int t = r.Count(VariantEvidenceKind.TraditionalCharacter);
                script[cls, 0] += s;
                script[cls, 1] += t;
                if (s + t > 0)
                {
                    minorityShares.Add((double)(cls == 0 ? t : s) / (s + t));
                }
            }
        }

        double epsS = (script[0, 1] + 1.0) / (script[0, 0] + script[0, 1] + 2.0);
        double epsT = (script[1, 0] + 1.0) / (script[1, 0] + script[1, 1] + 2.0);
        double wT = Math.Log((1 - epsT) / epsS);
        double wS = Math.Log(epsT / (1 - epsS));
        md.AppendLine($"- Script tokens in Simplified dev texts (>= 20 Han): {script[0, 0]} Simplified-only, {script[0, 1]} Traditional-only; in Traditional dev texts: {script[1, 0]} Simplified-only, {script[1, 1]} Traditional-only.");
        md.AppendLine($"- Add-one smoothed: P(Traditional-only | Simplified) = {epsS:G4}, P(Simplified-only | Traditional) = {epsT:G4}; weights: Traditional-only {wT:F3}, Simplified-only {wS:F3}.");
        minorityShares.Sort();
        md.AppendLine($"- Minority share of script evidence in clean dev texts (>= 20 Han, {minorityShares.Count} texts): 99.9th percentile {Percentile(minorityShares, 0.999):F3}, maximum {minorityShares[^1]:F3}.");

        // Region weights: multinomial over the eight regional kinds, Taiwan against Hong Kong.
        long[,] region = new long[2, s_regional.Length];
        long[] hanCount = new long[2];
        // Fitted on the matched pairs only (CLDR and gettext: the same items in Taiwan and Hong Kong writing), so that the
        // rates differ by region and not by subject (LibreOffice's software vocabulary would otherwise look like a mark
        // of Taiwan).
        foreach (Source source in sources)
        {
            if (!source.IsRegionalPair)
            {
                continue;
            }

            int cls = source.Label == Label.Tw ? 0 : 1;
            foreach (string text in Texts.Build(source.Dev, 100))
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                hanCount[cls] += r.HanCount;
                for (int k = 0; k < s_regional.Length; k++)
                {
                    region[cls, k] += r.Count(s_regional[k]);
                }
            }
        }

        // Presence-only Poisson rates per Han character (add-one smoothed): a kind weighs ln(rate in TW / rate in HK).
        // Absence is not counted, so a text without regional evidence stays at log-odds 0 (no region).
        long nTw = hanCount[0];
        long nHk = hanCount[1];
        md.AppendLine();
        md.AppendLine($"- Han characters in the regional dev texts (>= 100 Han): Taiwan {nTw}, Hong Kong {nHk}.");
        double[] weights = new double[s_regional.Length];
        md.AppendLine();
        md.AppendLine("| regional kind | Taiwan dev tokens | Hong Kong dev tokens | dev-only kind weight ln(rate(k\\|TW) / rate(k\\|HK)), for comparison (the library weighs each item by the training pairs, RegionalWeights.g.cs) |");
        md.AppendLine("|---|---:|---:|---:|");
        for (int k = 0; k < s_regional.Length; k++)
        {
            weights[k] = Math.Log((region[0, k] + 1.0) / nTw) - Math.Log((region[1, k] + 1.0) / nHk);
            md.AppendLine($"| {s_regional[k]} | {region[0, k]} | {region[1, k]} | {weights[k]:F3} |");
        }

        // Temperatures: minimum log loss over single dev lines that hold evidence.
        var scriptOdds = new List<double>();
        var regionOdds = new List<double>();
        foreach (Source source in sources)
        {
            foreach (string line in source.Dev)
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(line);
                int s = r.Count(VariantEvidenceKind.SimplifiedCharacter);
                int t = r.Count(VariantEvidenceKind.TraditionalCharacter);
                if (s + t > 0)
                {
                    double lo = (s * wS) + (t * wT);
                    scriptOdds.Add(source.Label == Label.Hans ? -lo : lo);
                }

                if (source.Label != Label.Hans)
                {
                    int any = r.Count(VariantEvidenceKind.TaiwanUsage) + r.Count(VariantEvidenceKind.HongKongUsage);
                    for (int k = 0; k < s_regional.Length; k++)
                    {
                        any += r.Count(s_regional[k]);
                    }

                    if (any > 0)
                    {
                        // The library's region log-odds (weights of RegionalWeights.g.cs, from the training pairs).
                        regionOdds.Add(source.Label == Label.Tw ? r.RegionLogOdds : -r.RegionLogOdds);
                    }
                }
            }
        }

        double scriptTemperature = BestTemperature(scriptOdds).Temperature;
        double regionTemperature = BestTemperature(regionOdds).Temperature;
        md.AppendLine();
        md.AppendLine($"- Temperatures (minimum log loss, lower bound 1): script {scriptTemperature:F2} over {scriptOdds.Count} dev lines with script evidence, region {regionTemperature:F2} over {regionOdds.Count} dev lines with regional evidence.");
        md.AppendLine();
        md.AppendLine("| calibrated confidence threshold | script: dev lines answered | script: precision | region: dev lines answered | region: precision |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (double threshold in new[] { 0.5, 0.8, 0.9, 0.95, 0.99 })
        {
            (double sa, double sp) = Answered(scriptOdds, scriptTemperature, threshold);
            (double ra, double rp) = Answered(regionOdds, regionTemperature, threshold);
            md.AppendLine($"| {threshold} | {sa:P1} | {sp:P2} | {ra:P1} | {rp:P2} |");
        }

        RegionThresholds(sources, regionTemperature, md);
    }

    // Region answers on dev texts of >= 100 Han of the Traditional sources, per threshold: how many right, how many of
    // the other region, how many without a region (the library's log-odds, the fitted temperature).
    private static void RegionThresholds(List<Source> sources, double temperature, StringBuilder md)
    {
        var texts = new List<(double LogOdds, int Sign, bool Paired)>();
        foreach (Source source in sources.Where(s => s.Label != Label.Hans))
        {
            foreach (string text in Texts.Build(source.Dev, 100))
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                if (r.Variant is ChineseVariant.Hant or ChineseVariant.HantTW or ChineseVariant.HantHK)
                {
                    texts.Add((r.RegionLogOdds, source.Label == Label.Tw ? 1 : -1, source.IsRegionalPair));
                }
            }
        }

        md.AppendLine();
        md.AppendLine($"Dev texts of >= 100 Han answered Traditional ({texts.Count}; matched pairs only in brackets), by region threshold:");
        md.AppendLine();
        md.AppendLine("| region threshold | right | other region | no region | precision |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (double threshold in new[] { 0.5, 0.6, 0.7, 0.8, 0.85, 0.86, 0.87, 0.88, 0.9, 0.95 })
        {
            string Cell(Func<(double LogOdds, int Sign, bool Paired), bool> which)
            {
                var subset = texts.Where(which).ToList();
                int right = 0;
                int wrong = 0;
                foreach (var t in subset)
                {
                    double p = 1 / (1 + Math.Exp(-Math.Abs(t.LogOdds) / temperature));
                    if (t.LogOdds != 0 && p >= threshold)
                    {
                        right += Math.Sign(t.LogOdds) == t.Sign ? 1 : 0;
                        wrong += Math.Sign(t.LogOdds) == t.Sign ? 0 : 1;
                    }
                }

                double n = Math.Max(1, subset.Count);
                return $"{right / n:P1} | {wrong / n:P1} | {(subset.Count - right - wrong) / n:P1} | {(double)right / Math.Max(1, right + wrong):P1}";
            }

            string all = Cell(_ => true);
            string paired = Cell(t => t.Paired);
            string[] a = all.Split(" | ");
            string[] b = paired.Split(" | ");
            md.AppendLine($"| {threshold} | {a[0]} ({b[0]}) | {a[1]} ({b[1]}) | {a[2]} ({b[2]}) | {a[3]} ({b[3]}) |");
        }
    }

    private static (double Answered, double Precision) Answered(List<double> odds, double temperature, double threshold)
    {
        int answered = 0;
        int right = 0;
        foreach (double lo in odds)
        {
            double p = 1 / (1 + Math.Exp(-Math.Abs(lo) / temperature));
            if (p >= threshold)
            {
                answered++;
                right += lo > 0 ? 1 : 0;
            }
        }

        return ((double)answered / odds.Count, answered == 0 ? 0 : (double)right / answered);
    }

    internal static (double Temperature, double Loss) BestTemperature(List<double> odds)
    {
        double best = 1;
        double bestLoss = double.MaxValue;
        for (double temperature = 1; temperature <= 40; temperature += 0.25)
        {
            double loss = 0;
            foreach (double lo in odds)
            {
                // Probability given to the right answer.
                double p = 1 / (1 + Math.Exp(-lo / temperature));
                loss -= Math.Log(Math.Max(p, 1e-12));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = temperature;
            }
        }

        return (best, bestLoss);
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
