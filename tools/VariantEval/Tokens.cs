using System.Text;
using TextRepair;

/// <summary>
/// Diagnostics on the dev half (<c>--tokens</c>): each regional evidence span with how often it occurs in the Taiwan
/// and the Hong Kong halves of the matched pairs, so that one can see which evidence carries weight and which misleads.
/// </summary>
internal static class Tokens
{
    public static void Run(List<Source> sources, StringBuilder md)
    {
        var counts = new Dictionary<(VariantEvidenceKind Kind, string Text), int[]>();
        foreach (Source source in sources.Where(s => s.IsRegionalPair))
        {
            int cls = source.Label == Label.Tw ? 0 : 1;
            foreach (string line in source.Dev)
            {
                VariantReport r = TextAnalyzer.IdentifyVariant(line);
                foreach (VariantEvidence e in r.Evidence)
                {
                    if (e.Kind is VariantEvidenceKind.SimplifiedCharacter or VariantEvidenceKind.TraditionalCharacter)
                    {
                        continue;
                    }

                    var key = (e.Kind, line.Substring(e.Start, e.Length));
                    if (!counts.TryGetValue(key, out int[]? c))
                    {
                        counts[key] = c = new int[2];
                    }

                    c[cls]++;
                }
            }
        }

        md.AppendLine();
        md.AppendLine("## Regional evidence spans in the dev halves of the matched pairs");
        md.AppendLine();
        md.AppendLine("| kind | span | Taiwan | Hong Kong |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var group in counts.GroupBy(p => p.Key.Kind).OrderBy(g => g.Key))
        {
            foreach (var p in group.OrderByDescending(p => p.Value[0] + p.Value[1]).Take(40))
            {
                md.AppendLine($"| {p.Key.Kind} | {p.Key.Text} | {p.Value[0]} | {p.Value[1]} |");
            }
        }
    }
}
