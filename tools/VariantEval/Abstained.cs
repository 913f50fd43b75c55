using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using TextRepair;

/// <summary>
/// Diagnostics on the dev half (<c>--abstained</c>, artifacts/variant-eval-abstained.md): the dev texts of >= 100 Han
/// of the Traditional sources that hold distinguishing evidence (<see cref="Oracle"/>) but got no region, with their
/// region log-odds and each regional item and its weight; and the items that add up most often on those texts, by
/// the sign they push, so that one can see why the confidence stays below the threshold.
/// </summary>
internal static class Abstained
{
    // With --wrong: the texts whose log-odds point to the other region at least this far instead (sigmoid(3.79 / 2) = 0.87).
    private const double WrongOdds = 3.79;

    public static void Run(List<Source> sources, StringBuilder md, bool wrong)
    {
        Dictionary<(VariantEvidenceKind, string), double> items = ItemWeights();
        Dictionary<string, double> usage = UsageWeights();
        var oracle = new Oracle();
        var sums = new Dictionary<string, (int Tw, int Hk, double Weight)>();
        var buckets = new SortedDictionary<int, int[]>();
        var listing = new StringBuilder();
        foreach (Source source in sources.Where(s => s.Label != Label.Hans))
        {
            foreach (string text in Texts.Build(source.Dev, EvidenceSplit.MinHan))
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                int sign = source.Label == Label.Tw ? 1 : -1;
                if (wrong ? sign * r.RegionLogOdds > -WrongOdds : r.Variant != ChineseVariant.Hant || !oracle.HasEvidence(text))
                {
                    continue;
                }

                int bucket = (int)Math.Floor(sign * r.RegionLogOdds);
                if (!buckets.TryGetValue(bucket, out int[]? b))
                {
                    buckets[bucket] = b = new int[1];
                }

                b[0]++;
                listing.Append($"- {source.Name} log-odds {r.RegionLogOdds:F2}:");
                foreach (VariantEvidence e in r.Evidence)
                {
                    if (e.Kind is VariantEvidenceKind.SimplifiedCharacter or VariantEvidenceKind.TraditionalCharacter)
                    {
                        continue;
                    }

                    string span = text.Substring(e.Start, e.Length);
                    double w = e.Kind is VariantEvidenceKind.TaiwanUsage or VariantEvidenceKind.HongKongUsage
                        ? usage.GetValueOrDefault(span, double.NaN)
                        : items.GetValueOrDefault((e.Kind, span), double.NaN);
                    listing.Append($" {span}({e.Kind.ToString()[..4]} {w:F1})");
                    string key = $"{e.Kind} {span}";
                    (int tw, int hk, _) = sums.GetValueOrDefault(key);
                    sums[key] = source.Label == Label.Tw ? (tw + 1, hk, w) : (tw, hk + 1, w);
                }

                listing.AppendLine();
            }
        }

        md.AppendLine();
        md.AppendLine(wrong ? $"## Dev texts (>= 100 Han) whose region log-odds point to the other region by {WrongOdds} or more" : "## Dev texts (>= 100 Han) with distinguishing evidence answered without a region");
        md.AppendLine();
        md.AppendLine("| log-odds towards the right region (floor) | texts |");
        md.AppendLine("|---:|---:|");
        foreach ((int bucket, int[] n) in buckets)
        {
            md.AppendLine($"| {bucket} | {n[0]} |");
        }

        md.AppendLine();
        md.AppendLine("| item | in Taiwan texts | in Hong Kong texts | weight |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var p in sums.OrderByDescending(p => p.Value.Tw + p.Value.Hk).Take(80))
        {
            md.AppendLine($"| {p.Key} | {p.Value.Tw} | {p.Value.Hk} | {p.Value.Weight:F2} |");
        }

        md.AppendLine();
        md.Append(listing);
    }

    private static Type Weights() =>
        typeof(TextAnalyzer).Assembly.GetType("TextRepair.Analysis.Variant.RegionalWeights", throwOnError: true)!;

    internal static Dictionary<(VariantEvidenceKind, string), double> ItemWeights()
    {
        var result = new Dictionary<(VariantEvidenceKind, string), double>();
        foreach (object o in (Array)Weights().GetField("Items", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!)
        {
            var t = (ITuple)o;
            result[((VariantEvidenceKind)t[0]!, (string)t[1]!)] = (double)t[2]!;
        }

        return result;
    }

    internal static Dictionary<string, double> UsageWeights()
    {
        var result = new Dictionary<string, double>();
        foreach (object o in (Array)Weights().GetField("Usage", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!)
        {
            var t = (ITuple)o;
            result[(string)t[0]!] = (double)t[1]!;
        }

        return result;
    }
}
