using System.Text;
using TextRepair;

/// <summary>
/// The Taiwan / Hong Kong answers on texts of >= 100 Han, split by <see cref="Oracle"/> into texts that hold
/// distinguishing evidence and texts that hold none. The headline stays "right over all texts"; the split says how much
/// of the rest is abstention where there is nothing to go on.
/// </summary>
internal static class EvidenceSplit
{
    public const int MinHan = 100;

    public static void Run(List<Source> sources, Oracle oracle, StringBuilder md)
    {
        md.AppendLine();
        md.AppendLine($"## Taiwan vs Hong Kong by distinguishing evidence (test half, texts of >= {MinHan} Han)");
        md.AppendLine();
        md.AppendLine("\"With evidence\": OpenCC t2tw and t2hk write the text differently, or it holds one of the "
            + $"{oracle.TermCount} TWPhrases / HKPhrases terms the two tables give different roles (tools/VariantEval/Oracle.cs; "
            + "decided without the identifier). Regional usage items (您, 群組, 變更...) are not part of the oracle: a text whose "
            + "only evidence is usage counts as without. Right / other region / no region (`zh-Hant`) are shares of each part.");
        md.AppendLine();
        md.AppendLine("| source | texts | with evidence | right | other region | no region | without evidence | right | other region | no region |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int[,] all = new int[2, 4];
        int flat = 0;
        int byUsage = 0;
        foreach (Source source in sources.Where(s => s.Label != Label.Hans))
        {
            int[,] c = new int[2, 4];
            foreach (string text in Texts.Build(source.Test, MinHan))
            {
                int part = oracle.HasEvidence(text) ? 0 : 1;
                VariantReport r = TextAnalyzer.IdentifyVariant(text);
                ChineseVariant v = r.Variant;
                int outcome = v switch
                {
                    ChineseVariant.HantTW => source.Label == Label.Tw ? 1 : 2,
                    ChineseVariant.HantHK => source.Label == Label.Hk ? 1 : 2,
                    _ => 3,
                };
                flat += part == 0 && outcome == 3 && Math.Abs(r.RegionLogOdds) < FlatLogOdds ? 1 : 0;
                byUsage += part == 1 && outcome != 3
                    && r.Count(VariantEvidenceKind.TaiwanUsage) + r.Count(VariantEvidenceKind.HongKongUsage) > 0 ? 1 : 0;
                c[part, 0]++;
                c[part, outcome]++;
                all[part, 0]++;
                all[part, outcome]++;
            }

            md.AppendLine(Row(source.Name, c));
        }

        md.AppendLine(Row("**all**", all));
        md.AppendLine();
        md.AppendLine($"- Texts with evidence answered without a region: {all[0, 3]}; of them {flat} ({(double)flat / Math.Max(1, all[0, 3]):P1}) have a region "
            + $"log-odds below {FlatLogOdds} either way: their evidence is OpenCC Taiwan vocabulary that the Hong Kong translators of the training "
            + "pairs write as often as the Taiwan ones (儲存, 資料, 物件, 檔案, 設定: weights near 0), so no threshold names a region for them.");
        md.AppendLine($"- Texts without evidence that were named a region: {all[1, 1] + all[1, 2]}; of them {byUsage} hold a regional usage item (您, 你, 寬...), which the oracle does not count.");
    }

    // A region log-odds this small is a confidence under sigmoid(1 / 2) = 0.62: evidence that weighs next to nothing.
    private const double FlatLogOdds = 1.0;

    private static string Row(string name, int[,] c)
    {
        string Part(int p)
        {
            double n = Math.Max(1, c[p, 0]);
            return $"{c[p, 0]} | {c[p, 1] / n:P2} | {c[p, 2] / n:P2} | {c[p, 3] / n:P2}";
        }

        return $"| {name} | {c[0, 0] + c[1, 0]} | {Part(0)} | {Part(1)} |";
    }
}
