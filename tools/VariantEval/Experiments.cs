using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TextRepair;

/// <summary>
/// <c>--experiments</c> (dev half only, artifacts/variant-eval-experiments.md): alternative region decision rules
/// replayed on the regional evidence of the dev texts of >= 100 Han of the Traditional sources, without rebuilding the
/// library. Each item keeps the weight the library gives it; a rule scales groups of items and counts repeats
/// differently. For every rule: right / other region / no region at the library's threshold, and the best threshold
/// whose other-region share stays at or below 1.5% and 2% (of the scaled rules, the five best at 2% and the five best at 1.5%).
/// </summary>
internal static partial class Experiments
{
    private enum Group
    {
        Character,
        Form,
        Term,
        UnseenTerm,
        Usage,
    }

    private sealed record Item(Group Group, string Key, double Weight);

    private sealed record Sample(List<Item> Items, int Sign, bool Evidence, double LibraryOdds);

    public static void Run(List<Source> sources, StringBuilder md)
    {
        List<Sample> samples = Collect(sources, out int mismatches);
        md.AppendLine();
        md.AppendLine($"## Region rules replayed on {samples.Count} dev texts (>= 100 Han, answered Traditional); {samples.Count(s => s.Evidence)} with oracle evidence; item weights not matching the library's sum: {mismatches}");
        md.AppendLine();
        md.AppendLine("| rule | at threshold 0.9 (T 2): right / other / none | best at other <= 1.5%: threshold, right / other | best at other <= 2%: threshold, right / other |");
        md.AppendLine("|---|---|---|---|");
        var rules = new List<(string Name, Func<Sample, double> Score)>
        {
            ("library (sum of weights)", s => Score(s, [1, 1, 1, 1, 1], Count.All)),
            ("distinct items", s => Score(s, [1, 1, 1, 1, 1], Count.Distinct)),
            ("1 + ln(repeats)", s => Score(s, [1, 1, 1, 1, 1], Count.Log)),
        };
        // Each item's weight clipped to [-cap, cap], repeats counted three ways.
        foreach (Count count in new[] { Count.All, Count.Distinct, Count.Log })
        {
            foreach (double cap in new[] { 1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 8, 100 })
            {
                rules.Add(($"{count} cap {cap}", s => Score(s, [1, 1, 1, 1, 1], count, cap)));
            }
        }

        // Scales per group of items (terms keep 1: a factor common to all groups is the threshold's business).
        var scaled = new List<(string Name, Func<Sample, double> Score)>();
        double[] scales = [0, 0.5, 1, 2, 4];
        foreach (Count count in new[] { Count.All, Count.Log })
        {
            foreach (double c in scales)
            {
                foreach (double f in scales)
                {
                    foreach (double u in scales)
                    {
                        foreach (double g in scales)
                        {
                            double[] a = [c, f, 1, u, g];
                            scaled.Add(($"{count} scales: character {c}, form {f}, seen term 1, unseen term {u}, usage {g}", s => Score(s, a, count)));
                        }
                    }
                }
            }
        }

        var scaledResults = scaled.Select(r => (r.Name, Eval: Evaluate(samples, r.Score))).ToList();
        var results = rules.Select(r => (r.Name, Eval: Evaluate(samples, r.Score))).ToList();
        foreach (var (name, e) in results.Take(3)
            .Concat(results.Skip(3))
            .Concat(scaledResults.OrderByDescending(r => r.Eval.Best2.Right).Take(5))
            .Concat(scaledResults.OrderByDescending(r => r.Eval.Best15.Right).Take(5)))
        {
            md.AppendLine($"| {name} | {e.At09} | {e.Best15.Threshold:F2}, {e.Best15.Right:P1} / {e.Best15.Other:P1} | {e.Best2.Threshold:F2}, {e.Best2.Right:P1} / {e.Best2.Other:P1} |");
        }
    }

    private enum Count
    {
        All,
        Distinct,
        Log,
    }

    private static double Score(Sample s, double[] scale, Count count, double cap = double.PositiveInfinity)
    {
        double sum = 0;
        foreach (var group in s.Items.GroupBy(i => i.Key))
        {
            Item item = group.First();
            int n = group.Count();
            double times = count switch
            {
                Count.All => n,
                Count.Distinct => 1,
                _ => 1 + Math.Log(n),
            };
            sum += scale[(int)item.Group] * Math.Clamp(item.Weight, -cap, cap) * times;
        }

        return sum;
    }

    private sealed record Outcome(string At09, (double Threshold, double Right, double Other) Best15, (double Threshold, double Right, double Other) Best2);

    private static Outcome Evaluate(List<Sample> samples, Func<Sample, double> score)
    {
        var scored = samples.Select(s => (Score: score(s), s.Sign)).ToList();
        (double Right, double Other) At(double threshold)
        {
            int right = 0;
            int other = 0;
            foreach (var (lo, sign) in scored)
            {
                if (lo != 0 && Math.Abs(lo) >= threshold)
                {
                    right += Math.Sign(lo) == sign ? 1 : 0;
                    other += Math.Sign(lo) == sign ? 0 : 1;
                }
            }

            return ((double)right / scored.Count, (double)other / scored.Count);
        }

        // Library: sigmoid(|lo| / 2) >= 0.9, that is |lo| >= 2 ln 9.
        (double r9, double o9) = At(2 * Math.Log(9));
        (double, double, double) best15 = (0, 0, 0);
        (double, double, double) best2 = (0, 0, 0);
        // Sweep the thresholds from high to low: each text is answered from its |score| down.
        var order = scored.Where(x => x.Score != 0).OrderByDescending(x => Math.Abs(x.Score)).ToList();
        int right = 0;
        int other = 0;
        for (int i = 0; i < order.Count; i++)
        {
            right += Math.Sign(order[i].Score) == order[i].Sign ? 1 : 0;
            other += Math.Sign(order[i].Score) == order[i].Sign ? 0 : 1;
            if (i + 1 < order.Count && Math.Abs(order[i + 1].Score) == Math.Abs(order[i].Score))
            {
                continue;
            }

            double r = (double)right / scored.Count;
            double o = (double)other / scored.Count;
            if (o <= 0.015 && r > best15.Item2)
            {
                best15 = (Math.Abs(order[i].Score), r, o);
            }

            if (o <= 0.02 && r > best2.Item2)
            {
                best2 = (Math.Abs(order[i].Score), r, o);
            }
        }

        return new Outcome($"{r9:P1} / {o9:P1} / {1 - r9 - o9:P1}", best15, best2);
    }

    private static List<Sample> Collect(List<Source> sources, out int mismatches)
    {
        Dictionary<(VariantEvidenceKind, string), double> items = Abstained.ItemWeights();
        Dictionary<string, double> usage = Abstained.UsageWeights();
        double[] kindWeights = KindWeights();
        var oracle = new Oracle();
        var samples = new List<Sample>();
        mismatches = 0;
        foreach (Source source in sources.Where(s => s.Label != Label.Hans))
        {
            foreach (string text in Texts.Build(source.Dev, EvidenceSplit.MinHan))
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                if (r.Variant is not (ChineseVariant.Hant or ChineseVariant.HantTW or ChineseVariant.HantHK))
                {
                    continue;
                }

                var list = new List<Item>();
                foreach (VariantEvidence e in r.Evidence)
                {
                    string span = text.Substring(e.Start, e.Length);
                    Item? item = e.Kind switch
                    {
                        VariantEvidenceKind.TaiwanUsage or VariantEvidenceKind.HongKongUsage => new Item(Group.Usage, "u" + span, usage[span]),
                        VariantEvidenceKind.TaiwanCharacter or VariantEvidenceKind.HongKongCharacter => Regional(Group.Character, e.Kind, span),
                        VariantEvidenceKind.TaiwanForm or VariantEvidenceKind.HongKongForm => Regional(Group.Form, e.Kind, span),
                        VariantEvidenceKind.SimplifiedCharacter or VariantEvidenceKind.TraditionalCharacter => null,
                        _ => Regional(Group.Term, e.Kind, span),
                    };
                    if (item is not null)
                    {
                        list.Add(item);
                    }
                }

                if (Math.Abs(list.Sum(i => i.Weight) - r.RegionLogOdds) > 1e-6)
                {
                    mismatches++;
                }

                samples.Add(new Sample(list, source.Label == Label.Tw ? 1 : -1, oracle.HasEvidence(text), r.RegionLogOdds));
            }
        }

        return samples;

        Item Regional(Group group, VariantEvidenceKind kind, string span) =>
            items.TryGetValue((kind, span), out double w)
                ? new Item(group, kind + span, w)
                : new Item(group == Group.Term ? Group.UnseenTerm : group, kind + span, kindWeights[kind - VariantEvidenceKind.TaiwanCharacter]);
    }

    // RegionalWeights.KindWeights is a span property (not reachable by reflection): read from the generated source.
    private static double[] KindWeights()
    {
        string code = File.ReadAllText("src/TextRepair/Analysis/Variant/RegionalWeights.g.cs");
        Match m = KindWeightsPattern().Match(code);
        return m.Groups[1].Value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    }

    [GeneratedRegex(@"KindWeights => \[([^\]]*)\]")]
    private static partial Regex KindWeightsPattern();
}
