using System.Text;
using TextRepair;

/// <summary>Measures the library (its built-in constants) on the test half.</summary>
internal static class Evaluate
{
    public static void Run(List<Source> sources, StringBuilder md)
    {
        md.AppendLine();
        md.AppendLine("## Simplified vs Traditional (test half)");
        md.AppendLine();
        md.AppendLine("Right: zh-Hans for Simplified sources, any zh-Hant* for Traditional ones. Texts of at least N Han characters (consecutive lines joined).");
        md.AppendLine();
        md.AppendLine("| source | N | texts | right | wrong script | mixed | undetermined |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var totals = new Dictionary<int, int[]>();
        foreach (int n in new[] { 1, 5, 10, 20, 50, 100 })
        {
            foreach (Source source in sources)
            {
                int[] c = new int[5];
                foreach (string text in Texts.Build(source.Test, n))
                {
                    ChineseVariant v = TextAnalyzer.IdentifyVariant(text).Variant;
                    c[0]++;
                    c[ScriptOutcome(source.Label, v)]++;
                }

                if (!totals.TryGetValue(n, out int[]? t))
                {
                    totals[n] = t = new int[5];
                }

                for (int i = 0; i < 5; i++)
                {
                    t[i] += c[i];
                }

                md.AppendLine(Row(source.Name, n, c));
            }

            md.AppendLine(Row("**all**", n, totals[n]));
        }

        md.AppendLine();
        md.AppendLine("## Taiwan vs Hong Kong (test half, Traditional sources)");
        md.AppendLine();
        md.AppendLine("Right: zh-Hant-TW for Taiwan sources, zh-Hant-HK for Hong Kong. `zh-Hant` (no region named) counts as not right.");
        md.AppendLine();
        md.AppendLine("| source | N | texts | right | other region | zh-Hant (no region) | other answer |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (int n in new[] { 20, 50, 100, 200 })
        {
            int[] all = new int[5];
            foreach (Source source in sources.Where(s => s.Label != Label.Hans))
            {
                int[] c = new int[5];
                foreach (string text in Texts.Build(source.Test, n))
                {
                    ChineseVariant v = TextAnalyzer.IdentifyVariant(text).Variant;
                    c[0]++;
                    c[RegionOutcome(source.Label, v)]++;
                }

                for (int i = 0; i < 5; i++)
                {
                    all[i] += c[i];
                }

                md.AppendLine(Row(source.Name, n, c));
            }

            md.AppendLine(Row("**all**", n, all));
        }

        EvidenceSplit.Run(sources, new Oracle(), md);
        Seeded(sources.First(s => s.Name == "zh-tw.txt"), ChineseVariant.HantTW, "TWPhrases", md);
        Seeded(sources.First(s => s.Name == "cldr-hk.txt"), ChineseVariant.HantHK, "HKPhrases", md);
        NoEvidence(sources, md);
        Calibration(sources, md);
        Minority(sources, md);
    }

    // Real texts with wrong-script characters and wrong-region terms inserted at random: are all of them found?
    private static void Seeded(Source source, ChineseVariant expected, string phraseFile, StringBuilder md)
    {
        string[] keys = File.ReadAllLines(Path.Combine("src", "TextRepair", "Data", "OpenCC", "dictionary", phraseFile + ".txt"))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[1].Split(' ')[0] != parts[0] && parts[0].Any(c => c >= 0x3400))
            .Select(parts => parts[0])
            .ToArray();
        int texts = 0;
        int seededChars = 0;
        int foundChars = 0;
        int seededTerms = 0;
        int foundTerms = 0;
        int extra = 0;
        foreach (string clean in Texts.Build(source.Test, 100))
        {
            var random = new Random(texts);
            texts++;
            int before = TextAnalyzer.CheckVariant(clean, expected).Count;
            char[] chars = clean.ToCharArray();
            // Traditional-only characters with a single Simplified counterpart that is Simplified-only.
            var candidates = TextAnalyzer.CheckVariant(clean, ChineseVariant.Hans)
                .Where(f => f.Rule == VariantRule.WrongScript && f.Length == 1 && f.Suggestion is { Length: 1 }
                    && TextAnalyzer.CheckVariant(f.Suggestion, ChineseVariant.Hant).Any(g => g.Rule == VariantRule.WrongScript))
                .OrderBy(_ => random.Next())
                .Take(3)
                .ToList();
            foreach (VariantFinding f in candidates)
            {
                chars[f.Start] = f.Suggestion![0];
            }

            string text = new(chars);
            int[] punctuation = Enumerable.Range(0, text.Length).Where(i => text[i] is '\uFF0C' or '\u3002' or '\n').ToArray();
            int termAt = -1;
            string key = keys[random.Next(keys.Length)];
            if (punctuation.Length > 0)
            {
                termAt = punctuation[random.Next(punctuation.Length)] + 1;
                text = string.Concat(text.AsSpan(0, termAt), key, "\uFF0C", text.AsSpan(termAt));
            }

            IReadOnlyList<VariantFinding> found = TextAnalyzer.CheckVariant(text, expected);
            foreach (VariantFinding f in candidates)
            {
                seededChars++;
                int at = f.Start >= termAt && termAt >= 0 ? f.Start + key.Length + 1 : f.Start;
                foundChars += found.Any(g => g.Rule == VariantRule.WrongScript && g.Start == at) ? 1 : 0;
            }

            if (termAt >= 0)
            {
                seededTerms++;
                bool termFound = found.Any(g => g.Rule == VariantRule.RegionTerm && g.Start == termAt && g.Length == key.Length);
                foundTerms += termFound ? 1 : 0;
                if (!termFound)
                {
                    Console.Error.WriteLine($"missed term {key} in: {text.Substring(Math.Max(0, termAt - 5), Math.Min(text.Length - Math.Max(0, termAt - 5), key.Length + 10))}");
                }
            }

            extra += Math.Max(0, found.Count(g => g.Rule != VariantRule.MixedLine) - before - candidates.Count - (termAt >= 0 ? 1 : 0));
        }

        md.AppendLine();
        md.AppendLine($"## Seeded errors: {source.Name}, expected {ChineseVariantTags.ToTag(expected)} (test half)");
        md.AppendLine();
        md.AppendLine($"- {texts} real texts of >= 100 Han; in each, up to 3 Traditional characters replaced by their Simplified counterpart at random, and one random {phraseFile} key (a term the region replaces) inserted after a random comma, full stop or line break, followed by a comma.");
        md.AppendLine($"- Wrong-script characters found: {foundChars} of {seededChars}; wrong-region terms found: {foundTerms} of {seededTerms}; other new findings (not counting mixed-line): {extra}.");
    }

    // Lines that OpenCC writes the same in both scripts carry no evidence: the answer must be "undetermined".
    private static void NoEvidence(List<Source> sources, StringBuilder md)
    {
        ChineseConverter s2t = ChineseConverter.Get("s2t");
        ChineseConverter t2s = ChineseConverter.Get("t2s");
        ChineseConverter t2tw = ChineseConverter.Get("t2tw");
        ChineseConverter t2hk = ChineseConverter.Get("t2hk");
        int lines = 0;
        int undetermined = 0;
        int traditional = 0;
        int noRegion = 0;
        foreach (Source source in sources)
        {
            foreach (string line in source.Test)
            {
                if (Texts.Han(line) < 2)
                {
                    continue;
                }

                if (s2t.Convert(line) == line && t2s.Convert(line) == line)
                {
                    lines++;
                    undetermined += TextAnalyzer.IdentifyVariant(line).Variant == ChineseVariant.Undetermined ? 1 : 0;
                }
                else if (source.Label != Label.Hans && t2tw.Convert(line) == line && t2hk.Convert(line) == line)
                {
                    VariantReport r = TextAnalyzer.IdentifyVariant(line);
                    if (r.Count(VariantEvidenceKind.TaiwanTerm) + r.Count(VariantEvidenceKind.NonTaiwanTerm)
                        + r.Count(VariantEvidenceKind.HongKongTerm) + r.Count(VariantEvidenceKind.NonHongKongTerm)
                        + r.Count(VariantEvidenceKind.TaiwanUsage) + r.Count(VariantEvidenceKind.HongKongUsage) == 0)
                    {
                        traditional++;
                        noRegion += r.Variant is ChineseVariant.HantTW or ChineseVariant.HantHK ? 0 : 1;
                    }
                }
            }
        }

        md.AppendLine();
        md.AppendLine("## No distinguishing evidence (test half)");
        md.AppendLine();
        md.AppendLine($"- Lines of at least 2 Han characters that OpenCC s2t and t2s both leave unchanged: {lines}; answered `undetermined`: {undetermined} ({(double)undetermined / Math.Max(1, lines):P2}).");
        md.AppendLine($"- Traditional lines that t2tw and t2hk both leave unchanged and that hold no regional term or usage item: {traditional}; answered without a region: {noRegion} ({(double)noRegion / Math.Max(1, traditional):P2}).");
    }

    private static void Calibration(List<Source> sources, StringBuilder md)
    {
        double[] edges = [0.87, 0.95, 0.99, 0.999, 1.01];
        int[] count = new int[edges.Length - 1];
        int[] right = new int[edges.Length - 1];
        foreach (Source source in sources)
        {
            foreach (string line in source.Test)
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(line);
                int outcome = r.Variant is ChineseVariant.HantTW or ChineseVariant.HantHK
                    ? RegionOutcome(source.Label, r.Variant)
                    : ScriptOutcome(source.Label, r.Variant);
                if (r.Variant is ChineseVariant.Undetermined or ChineseVariant.None or ChineseVariant.Mixed)
                {
                    continue;
                }

                for (int b = 0; b < count.Length; b++)
                {
                    if (r.Confidence >= edges[b] && r.Confidence < edges[b + 1])
                    {
                        count[b]++;
                        right[b] += outcome == 1 ? 1 : 0;
                    }
                }
            }
        }

        md.AppendLine();
        md.AppendLine("## Calibration (test half, single lines that got an answer)");
        md.AppendLine();
        md.AppendLine("| confidence | lines | right |");
        md.AppendLine("|---|---:|---:|");
        for (int b = 0; b < count.Length; b++)
        {
            md.AppendLine($"| [{edges[b]}, {Math.Min(1, edges[b + 1])}{(b == count.Length - 1 ? "]" : ")")} | {count[b]} | {(count[b] == 0 ? "-" : ((double)right[b] / count[b]).ToString("P2"))} |");
        }
    }

    // A Simplified paragraph (>= 50 Han) put between two Traditional ones (>= 100 Han each): is it found, and where?
    private static void Minority(List<Source> sources, StringBuilder md)
    {
        List<string> hans = Texts.Build(sources.First(s => s.Name == "zh-cn.txt").Test, 50);
        List<string> hant = Texts.Build(sources.First(s => s.Name == "zh-tw.txt").Test, 100);
        int trials = Math.Min(hans.Count, hant.Count / 2);
        int found = 0;
        int mixed = 0;
        for (int i = 0; i < trials; i++)
        {
            string before = hant[2 * i] + "\n";
            string inserted = hans[i].Replace('\n', ' ');
            string text = before + inserted + "\n" + hant[(2 * i) + 1];
            VariantReport r = TextAnalyzer.IdentifyVariant(text);
            mixed += r.Variant == ChineseVariant.Mixed ? 1 : 0;
            found += r.MinoritySpans.Any(s => s.Start == before.Length && s.Length == inserted.Length && s.Variant == ChineseVariant.Hans) ? 1 : 0;
        }

        md.AppendLine();
        md.AppendLine("## Minority spans (test half)");
        md.AppendLine();
        md.AppendLine($"- {trials} texts made of a Traditional text (>= 100 Han), one Simplified line (>= 50 Han), another Traditional text: the Simplified line reported exactly as a minority span in {found} ({(double)found / Math.Max(1, trials):P1}); whole text answered `mixed` in {mixed} ({(double)mixed / Math.Max(1, trials):P1}).");
    }

    private static int ScriptOutcome(Label label, ChineseVariant v) => v switch
    {
        ChineseVariant.Mixed => 3,
        ChineseVariant.Undetermined or ChineseVariant.None => 4,
        ChineseVariant.Hans => label == Label.Hans ? 1 : 2,
        _ => label == Label.Hans ? 2 : 1,
    };

    private static int RegionOutcome(Label label, ChineseVariant v) => v switch
    {
        ChineseVariant.HantTW => label == Label.Tw ? 1 : 2,
        ChineseVariant.HantHK => label == Label.Hk ? 1 : 2,
        ChineseVariant.Hant => 3,
        _ => 4,
    };

    private static string Row(string name, int n, int[] c)
    {
        double d = Math.Max(1, c[0]);
        return $"| {name} | {n} | {c[0]} | {c[1] / d:P2} | {c[2] / d:P2} | {c[3] / d:P2} | {c[4] / d:P2} |";
    }
}
