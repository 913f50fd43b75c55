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
        // Fitted on the CLDR pair only: the same items in zh-Hant and zh-Hant-HK, so that the rates differ by region and
        // not by subject (LibreOffice's software vocabulary would otherwise look like a mark of Taiwan).
        foreach (Source source in sources)
        {
            if (source.Label == Label.Hans || !source.Name.StartsWith("cldr", StringComparison.Ordinal))
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
        md.AppendLine("| regional kind | Taiwan dev tokens | Hong Kong dev tokens | weight ln(rate(k\\|TW) / rate(k\\|HK)) |");
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
                    double lo = 0;
                    int any = 0;
                    for (int k = 0; k < s_regional.Length; k++)
                    {
                        lo += r.Count(s_regional[k]) * weights[k];
                        any += r.Count(s_regional[k]);
                    }

                    if (any > 0)
                    {
                        regionOdds.Add(source.Label == Label.Tw ? lo : -lo);
                    }
                }
            }
        }

        double scriptTemperature = BestTemperature(scriptOdds);
        double regionTemperature = BestTemperature(regionOdds);
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

    private static double BestTemperature(List<double> odds)
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

        return best;
    }

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
