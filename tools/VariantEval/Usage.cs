using System.Globalization;
using System.Text;
using TextRepair;

/// <summary>
/// <c>--train</c>, second part: regional usage. Counts every Han character and every pair of adjacent Han characters
/// outside the regional evidence of OpenCC's tables (the positions <see cref="TextAnalyzer.IdentifyVariant(ReadOnlySpan{char})"/>
/// reports as regional characters or terms) in the Taiwan and Hong Kong halves of the training pairs, keeps those whose
/// two counts differ with a log-likelihood ratio statistic G of at least a threshold, and weighs each by
/// ln(rate in Taiwan / rate in Hong Kong) with a pseudo-count added to both counts. The threshold and the pseudo-count
/// are the pair of least log loss on the dev texts of >= 100 Han of every Traditional source (a text without evidence
/// costs ln 2; Taiwan and Hong Kong texts weigh half each, as Taiwan's are eight times as many), at the best
/// temperature; only the dev half is read.
/// </summary>
internal static class Usage
{
    /// <summary>An item must occur at least this often in the training pairs (below, G is no test).</summary>
    internal const int MinCount = 5;

    private static readonly double[] s_minG = [10.83, 19.51, 32.84, 41.8, 60, 80, 120, 160];

    internal sealed record Table(double MinG, double Alpha, Dictionary<string, double> Weights);

    public static Table Choose(
        string[][] training, List<Source> sources, Func<string, VariantReport, double> tableOdds, double[] strengths, StringBuilder md)
    {
        var counts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long[] total = new long[2];
        for (int cls = 0; cls < 2; cls++)
        {
            foreach (string line in training[cls])
            {
                foreach (string item in Items(line, TextAnalyzer.IdentifyVariant(line)))
                {
                    if (!counts.TryGetValue(item, out long[]? c))
                    {
                        counts[item] = c = new long[2];
                    }

                    c[cls]++;
                    total[cls]++;
                }
            }
        }

        var dev = new List<(string Text, VariantReport Report, double TableOdds, int Sign)>();
        foreach (Source source in sources.Where(s => s.Label != Label.Hans))
        {
            foreach (string text in Texts.Build(source.Dev, 100))
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                dev.Add((text, r, tableOdds(text, r), source.Label == Label.Tw ? 1 : -1));
            }
        }

        md.AppendLine();
        md.AppendLine($"## Regional usage");
        md.AppendLine();
        md.AppendLine($"Training items (characters and pairs outside regional evidence): {counts.Count}, {total[0]} Taiwan and {total[1]} Hong Kong occurrences. Dev texts of >= 100 Han (Traditional sources): {dev.Count}.");
        md.AppendLine();
        md.AppendLine("| G >= | pseudo-count | items | dev log loss per text (best temperature) | temperature |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        (double baseTemperature, double baseLoss) = BalancedTemperature(dev.Select(d => (d.Sign * d.TableOdds, d.Sign)).ToList());
        md.AppendLine($"| (no usage) | | 0 | {baseLoss:F4} | {baseTemperature:F2} |");
        Table? best = null;
        double bestLoss = double.MaxValue;
        foreach (double minG in s_minG)
        {
            foreach (double alpha in strengths)
            {
                Dictionary<string, double> weights = Weights(counts, total, minG, alpha);
                var odds = dev.Select(d => (d.Sign * (d.TableOdds + Odds(d.Text, d.Report, weights)), d.Sign)).ToList();
                (double temperature, double loss) = BalancedTemperature(odds);
                md.AppendLine($"| {minG} | {alpha} | {weights.Count} | {loss:F4} | {temperature:F2} |");
                if (loss < bestLoss)
                {
                    bestLoss = loss;
                    best = new Table(minG, alpha, weights);
                }
            }
        }

        md.AppendLine();
        md.AppendLine($"Chosen G >= {best!.MinG}, pseudo-count {best.Alpha}: {best.Weights.Count} items.");
        md.AppendLine();
        md.AppendLine("| item | Taiwan | Hong Kong | weight |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach ((string item, double w) in best.Weights.OrderByDescending(p => Math.Abs(p.Value)).Select(p => (p.Key, p.Value)))
        {
            md.AppendLine($"| {item} | {counts[item][0]} | {counts[item][1]} | {w.ToString("F3", CultureInfo.InvariantCulture)} |");
        }

        return best;
    }

    // The usage items of a text as the library scans them: BMP ideographs not inside regional evidence, alone and in
    // adjacent pairs.
    internal static IEnumerable<string> Items(string text, VariantReport r)
    {
        bool[] covered = new bool[text.Length];
        foreach (VariantEvidence e in r.Evidence)
        {
            if (Array.IndexOf(Train.s_regional, e.Kind) >= 0)
            {
                Array.Fill(covered, true, e.Start, e.Length);
            }
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (covered[i] || !IsIdeograph(text[i]))
            {
                continue;
            }

            yield return text[i].ToString();
            if (i + 1 < text.Length && !covered[i + 1] && IsIdeograph(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    // Minimum over temperatures of the mean log loss, the mean of the Taiwan texts' and the Hong Kong texts' means.
    private static (double Temperature, double Loss) BalancedTemperature(List<(double Odds, int Sign)> odds)
    {
        List<double> tw = odds.Where(o => o.Sign > 0).Select(o => o.Odds).ToList();
        List<double> hk = odds.Where(o => o.Sign < 0).Select(o => o.Odds).ToList();
        double best = 1;
        double bestLoss = double.MaxValue;
        for (double temperature = 1; temperature <= 40; temperature += 0.25)
        {
            double loss = (Loss(tw, temperature) / tw.Count / 2) + (Loss(hk, temperature) / hk.Count / 2);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = temperature;
            }
        }

        return (best, bestLoss);
    }

    private static double Loss(List<double> odds, double temperature) =>
        odds.Sum(lo => -Math.Log(Math.Max(1 / (1 + Math.Exp(-lo / temperature)), 1e-12)));

    private static double Odds(string text, VariantReport r, Dictionary<string, double> weights) =>
        Items(text, r).Sum(item => weights.TryGetValue(item, out double w) ? w : 0);

    private static Dictionary<string, double> Weights(Dictionary<string, long[]> counts, long[] total, double minG, double alpha)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string item, long[] c) in counts)
        {
            if (c[0] + c[1] >= MinCount && G(c[0], c[1], total) >= minG)
            {
                weights[item] = Math.Log((c[0] + alpha) / total[0]) - Math.Log((c[1] + alpha) / total[1]);
            }
        }

        return weights;
    }

    // The log-likelihood ratio statistic of a 2x2 table: the item's count against the rest, Taiwan against Hong Kong.
    private static double G(long a, long b, long[] total)
    {
        double n = a + b;
        double ea = n * total[0] / (total[0] + total[1]);
        double eb = n * total[1] / (total[0] + total[1]);
        double g = (a > 0 ? a * Math.Log(a / ea) : 0) + (b > 0 ? b * Math.Log(b / eb) : 0);
        return 2 * g;
    }

    // The ideographs of CjkText.IsIdeograph(char) without U+3007 (the library's usage table holds no other).
    private static bool IsIdeograph(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
