using System.Globalization;
using System.Text;
using TextRepair.Repair.Mojibake;

namespace TextRepair.Tests;

/// <summary>
/// Runs the mojibake engine over the evaluation set (see <see cref="MojibakeEvaluationSet"/>) and checks the targets of
/// issue 7 on the held-back half. Writes per-class numbers to mojibake-evaluation.md in the test output folder.
/// </summary>
public sealed class MojibakeEvaluationTests
{
    public sealed record ClassResult(string Class, MojibakeCaseKind Kind, int Cases, int Exact, int Flagged, int Changed);

    public static List<ClassResult> Evaluate(List<MojibakeCase> cases, List<string>? failures = null)
    {
        var results = new List<ClassResult>();
        foreach (IGrouping<string, MojibakeCase> group in cases.GroupBy(c => c.Class))
        {
            int exact = 0, flagged = 0, changed = 0;
            foreach (MojibakeCase c in group)
            {
                var findings = new List<MojibakeFinding>();
                MojibakeRepair.Find(c.Input, findings);
                string output = MojibakeRepair.Apply(c.Input, findings);
                bool isExact = output == c.Expected;
                bool isFlagged = findings.Any(f => f.Lossy);
                exact += isExact ? 1 : 0;
                flagged += isFlagged ? 1 : 0;
                changed += findings.Count > 0 ? 1 : 0;
                bool failed = c.Kind switch
                {
                    MojibakeCaseKind.Recoverable => !isExact,
                    MojibakeCaseKind.Lossy => !isExact || !isFlagged,
                    _ => findings.Count > 0,
                };
                if (failed && failures is not null && failures.Count(f => f.StartsWith(c.Class + ":", StringComparison.Ordinal)) < 3)
                {
                    failures.Add($"{c.Class}:\n  in:  {c.Input}\n  out: {output}\n  exp: {c.Expected}\n  findings: {string.Join("; ", findings.Select(f => $"{f.Start}+{f.Length} {f.Chain} lossy={f.Lossy}"))}");
                }
            }

            results.Add(new ClassResult(group.Key, group.First().Kind, group.Count(), exact, flagged, changed));
        }

        return results;
    }

    public static string Report(List<ClassResult> results)
    {
        var sb = new StringBuilder();
        int Sum(MojibakeCaseKind k, Func<ClassResult, int> f) => results.Where(r => r.Kind == k).Sum(f);
        int rec = Sum(MojibakeCaseKind.Recoverable, r => r.Cases), recExact = Sum(MojibakeCaseKind.Recoverable, r => r.Exact);
        int lossy = Sum(MojibakeCaseKind.Lossy, r => r.Cases), lossyFlagged = Sum(MojibakeCaseKind.Lossy, r => r.Flagged), lossyExact = Sum(MojibakeCaseKind.Lossy, r => r.Exact);
        int clean = Sum(MojibakeCaseKind.Clean, r => r.Cases), cleanChanged = Sum(MojibakeCaseKind.Clean, r => r.Cases - r.Exact), cleanFlagged = Sum(MojibakeCaseKind.Clean, r => r.Changed);
        sb.AppendLine(CultureInfo.InvariantCulture, $"{results.Count} classes, {results.Sum(r => r.Cases)} cases");
        sb.AppendLine(CultureInfo.InvariantCulture, $"recoverable fixed exactly: {recExact}/{rec} ({100.0 * recExact / rec:F1}%)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"lossy flagged: {lossyFlagged}/{lossy} ({100.0 * lossyFlagged / lossy:F1}%), recovered to the best possible text: {lossyExact}/{lossy} ({100.0 * lossyExact / lossy:F1}%)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"clean changed: {cleanChanged}/{clean}, clean with any finding: {cleanFlagged}/{clean}");
        sb.AppendLine();
        sb.AppendLine("| class | kind | cases | exact | flagged lossy | any finding |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (ClassResult r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Class} | {r.Kind} | {r.Cases} | {r.Exact} | {r.Flagged} | {r.Changed} |");
        }

        return sb.ToString();
    }

    [Fact]
    public void HeldBackSet_MeetsTargets()
    {
        List<MojibakeCase> cases = MojibakeEvaluationSet.Build(heldBack: true);
        List<ClassResult> results = Evaluate(cases);
        var devFailures = new List<string>();
        List<ClassResult> dev = Evaluate(MojibakeEvaluationSet.Build(heldBack: false), devFailures);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "mojibake-evaluation.md"),
            "# held-back half\n\n" + Report(results) + "\n# development half\n\n" + Report(dev) + "\n# development failures\n\n" + string.Join("\n", devFailures));

        List<ClassResult> recoverable = results.Where(r => r.Kind == MojibakeCaseKind.Recoverable).ToList();
        List<ClassResult> lossy = results.Where(r => r.Kind == MojibakeCaseKind.Lossy).ToList();
        List<ClassResult> clean = results.Where(r => r.Kind == MojibakeCaseKind.Clean).ToList();
        Assert.True(cases.Count >= 1000, $"only {cases.Count} cases");
        Assert.Equal(0, clean.Sum(r => r.Cases - r.Exact));
        Assert.Equal(0, clean.Sum(r => r.Changed));
        Assert.True(recoverable.Sum(r => r.Exact) >= 0.95 * recoverable.Sum(r => r.Cases), Report(results));
        Assert.True(lossy.Sum(r => r.Flagged) >= 0.95 * lossy.Sum(r => r.Cases), Report(results));
        Assert.True(lossy.Sum(r => r.Exact) >= 0.5 * lossy.Sum(r => r.Cases), Report(results));
    }
}
