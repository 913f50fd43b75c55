using System.Globalization;
using System.Text;
using TextRepair;

/// <summary>
/// <c>--train</c>: the per-term regional weights. Counts every piece of regional evidence (a character or a term, as
/// <see cref="TextAnalyzer.IdentifyVariant(ReadOnlySpan{char})"/> finds it) in the Taiwan and Hong Kong halves of the
/// training pairs (GNOME and other GTK-based catalogues, train-tw.txt / train-hk.txt: never evaluated on), and weighs it by
/// ln(rate in Taiwan text / rate in Hong Kong text) per Han character, shrunk towards the weight of its kind by
/// <c>m</c> pseudo-tokens (an item never seen in training weighs what its kind weighs). <c>m</c> is the one of least
/// log loss on the single dev lines of the evaluation pairs that hold regional evidence (dev half only). Writes
/// src/TextRepair/Analysis/Variant/RegionalWeights.g.cs.
/// </summary>
internal static class Train
{
    internal static readonly VariantEvidenceKind[] s_regional =
    [
        VariantEvidenceKind.TaiwanCharacter, VariantEvidenceKind.TaiwanForm, VariantEvidenceKind.HongKongCharacter,
        VariantEvidenceKind.HongKongForm, VariantEvidenceKind.TaiwanTerm, VariantEvidenceKind.NonTaiwanTerm,
        VariantEvidenceKind.HongKongTerm, VariantEvidenceKind.NonHongKongTerm,
    ];

    private static readonly double[] s_strengths = [0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128];

    public static void Run(string corpus, List<Source> sources, string output, StringBuilder md)
    {
        string[][] training = [File.ReadAllLines(Path.Combine(corpus, "train-tw.txt")), File.ReadAllLines(Path.Combine(corpus, "train-hk.txt"))];
        var items = new Dictionary<(VariantEvidenceKind Kind, string Text), long[]>();
        long[,] kinds = new long[s_regional.Length, 2];
        long[] han = new long[2];
        for (int cls = 0; cls < 2; cls++)
        {
            foreach (string line in training[cls])
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(line);
                han[cls] += r.HanCount;
                foreach ((VariantEvidenceKind kind, string text) in Regional(line, r))
                {
                    if (!items.TryGetValue((kind, text), out long[]? c))
                    {
                        items[(kind, text)] = c = new long[2];
                    }

                    c[cls]++;
                    kinds[Array.IndexOf(s_regional, kind), cls]++;
                }
            }
        }

        // The dev lines that decide m: single lines of the evaluation pairs with regional evidence (+1 Taiwan, -1 Hong Kong).
        var dev = new List<(List<(VariantEvidenceKind, string)> Items, int Sign)>();
        foreach (Source source in sources.Where(s => s.IsRegionalPair))
        {
            foreach (string line in source.Dev)
            {
                var found = Regional(line, TextAnalyzer.IdentifyVariant(line)).ToList();
                if (found.Count > 0)
                {
                    dev.Add((found, source.Label == Label.Tw ? 1 : -1));
                }
            }
        }

        md.AppendLine("# Regional weights: training");
        md.AppendLine();
        md.AppendLine($"Training pairs: {training[0].Length} Taiwan and {training[1].Length} Hong Kong lines, {han[0]} and {han[1]} Han characters; {items.Count} distinct regional items. Dev lines with regional evidence: {dev.Count}.");
        md.AppendLine();
        md.AppendLine("| m | dev log loss per line (best temperature) | temperature |");
        md.AppendLine("|---:|---:|---:|");
        double bestM = 0;
        double bestLoss = double.MaxValue;
        foreach (double m in s_strengths)
        {
            Dictionary<(VariantEvidenceKind, string), double> weights = Weights(items, kinds, han, m, out _);
            var odds = dev.Select(d => d.Sign * d.Items.Sum(i => Weight(weights, kinds, han, i))).ToList();
            (double temperature, double loss) = Fit.BestTemperature(odds);
            md.AppendLine($"| {m} | {loss / odds.Count:F4} | {temperature:F2} |");
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestM = m;
            }
        }

        Dictionary<(VariantEvidenceKind, string), double> best = Weights(items, kinds, han, bestM, out double[] kindWeights);
        md.AppendLine();
        md.AppendLine($"Chosen m = {bestM}.");
        md.AppendLine();
        md.AppendLine("| kind | Taiwan tokens | Hong Kong tokens | kind weight |");
        md.AppendLine("|---|---:|---:|---:|");
        for (int k = 0; k < s_regional.Length; k++)
        {
            md.AppendLine($"| {s_regional[k]} | {kinds[k, 0]} | {kinds[k, 1]} | {kindWeights[k]:F3} |");
        }

        double[] strengths = [0.5, 1, 2, 4, 8, 16];
        Usage.Table usage = Usage.Choose(training, sources, (line, r) => Regional(line, r).Sum(i => Weight(best, kinds, han, i)), strengths, md);
        WriteCode(output, best, kindWeights, bestM, training, han, usage);
    }

    // The regional evidence of a line as (kind, text) pairs.
    internal static IEnumerable<(VariantEvidenceKind Kind, string Text)> Regional(string line, VariantReport r) =>
        r.Evidence.Where(e => Array.IndexOf(s_regional, e.Kind) >= 0).Select(e => (e.Kind, line.Substring(e.Start, e.Length)));

    private static double Weight(Dictionary<(VariantEvidenceKind, string), double> weights, long[,] kinds, long[] han, (VariantEvidenceKind Kind, string Text) item) =>
        weights.TryGetValue(item, out double w) ? w : KindWeight(kinds, han, Array.IndexOf(s_regional, item.Kind));

    private static double KindWeight(long[,] kinds, long[] han, int k) =>
        Math.Log((kinds[k, 0] + 1.0) / han[0]) - Math.Log((kinds[k, 1] + 1.0) / han[1]);

    private static Dictionary<(VariantEvidenceKind, string), double> Weights(
        Dictionary<(VariantEvidenceKind Kind, string Text), long[]> items, long[,] kinds, long[] han, double m, out double[] kindWeights)
    {
        kindWeights = new double[s_regional.Length];
        for (int k = 0; k < s_regional.Length; k++)
        {
            kindWeights[k] = KindWeight(kinds, han, k);
        }

        var weights = new Dictionary<(VariantEvidenceKind, string), double>();
        foreach (var ((kind, text), c) in items)
        {
            int k = Array.IndexOf(s_regional, kind);
            double share = (kinds[k, 0] + 1.0) / (kinds[k, 0] + kinds[k, 1] + 2.0);
            weights[(kind, text)] = Math.Log((c[0] + (m * share)) / han[0]) - Math.Log((c[1] + (m * (1 - share))) / han[1]);
        }

        return weights;
    }

    private static void WriteCode(
        string path,
        Dictionary<(VariantEvidenceKind Kind, string Text), double> weights,
        double[] kindWeights,
        double m,
        string[][] training,
        long[] han,
        Usage.Table usage)
    {
        var code = new StringBuilder();
        code.AppendLine("// <auto-generated>");
        code.AppendLine("// Generated by `dotnet run -c Release --project tools/VariantEval -- --train` (tools/VariantEval/Train.cs) from the");
        code.AppendLine("// training pairs of tools/import-variant-eval.sh (zh_TW / zh_HK gettext catalogues of GNOME and other GTK-based packages, Debian;");
        code.AppendLine($"// {training[0].Length} Taiwan and {training[1].Length} Hong Kong messages, {han[0]} and {han[1]} Han characters). Do not edit.");
        code.AppendLine("// </auto-generated>");
        code.AppendLine("namespace TextRepair.Analysis.Variant;");
        code.AppendLine();
        code.AppendLine("/// <summary>");
        code.AppendLine("/// Per-item regional weights: ln(rate in Taiwan text / rate in Hong Kong text) per Han character of each regional");
        code.AppendLine($"/// character or term seen in the training pairs, shrunk towards its kind's weight by {m.ToString(CultureInfo.InvariantCulture)} pseudo-tokens (the strength of");
        code.AppendLine("/// least log loss on the dev half of the evaluation pairs). Items not listed weigh what their kind weighs.");
        code.AppendLine("/// </summary>");
        code.AppendLine("internal static class RegionalWeights");
        code.AppendLine("{");
        code.AppendLine("    /// <summary>Weight of each regional kind, in <see cref=\"VariantEvidenceKind\"/> order from TaiwanCharacter.</summary>");
        code.AppendLine($"    internal static ReadOnlySpan<double> KindWeights => [{string.Join(", ", kindWeights.Select(w => w.ToString("F3", CultureInfo.InvariantCulture)))}];");
        code.AppendLine();
        code.AppendLine("    /// <summary>The items: kind, text, weight.</summary>");
        code.AppendLine("    internal static readonly (VariantEvidenceKind Kind, string Text, double Weight)[] Items =");
        code.AppendLine("    [");
        foreach (var ((kind, text), w) in weights.OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Text, StringComparer.Ordinal))
        {
            code.AppendLine($"        (VariantEvidenceKind.{kind}, \"{Escape(text)}\", {w.ToString("F3", CultureInfo.InvariantCulture)}),");
        }

        code.AppendLine("    ];");
        code.AppendLine();
        code.AppendLine($"    /// <summary>");
        code.AppendLine($"    /// Regional usage: Han characters and pairs outside the regional evidence whose Taiwan and Hong Kong counts in the");
        code.AppendLine($"    /// training pairs differ with a log-likelihood ratio statistic G >= {usage.MinG.ToString(CultureInfo.InvariantCulture)} (and >= {Usage.MinCount} occurrences); weight");
        code.AppendLine($"    /// ln(rate in Taiwan / rate in Hong Kong), each count plus {usage.Alpha.ToString(CultureInfo.InvariantCulture)}. G and the smoothing are the ones of least log loss on");
        code.AppendLine($"    /// the dev texts of >= 100 Han (tools/VariantEval/Usage.cs).");
        code.AppendLine($"    /// </summary>");
        code.AppendLine("    internal static readonly (string Text, double Weight)[] Usage =");
        code.AppendLine("    [");
        foreach ((string text, double w) in usage.Weights.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)))
        {
            code.AppendLine($"        (\"{Escape(text)}\", {w.ToString("F3", CultureInfo.InvariantCulture)}),");
        }

        code.AppendLine("    ];");
        code.AppendLine("}");
        File.WriteAllText(path, code.ToString());
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            sb.Append(c is >= ' ' and < '\u007f' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return sb.ToString();
    }
}
