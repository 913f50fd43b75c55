using System.Diagnostics;
using System.Globalization;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A dev-half-only run of the encoding evaluation for engine work: writes the dev summary, the time taken and every
/// dev case's output to <c>encoding-dev-run.txt</c> in the test output folder, so that two builds can be compared
/// case by case without looking at the held-out half. Explicit: run it with
/// <c>dotnet test --project tests/TextRepair.Tests -c Release -- --filter-method '*DevHalf_Outputs*' --explicit on</c>.
/// </summary>
public sealed class EncodingDevRunTests
{
    [Fact(Explicit = true)]
    public void DevHalf_Outputs()
    {
        List<EvalCase> cases = EncodingEvaluationSet.Build(heldOut: false);
        var watch = Stopwatch.StartNew();
        List<EncodingEvaluation.Outcome> dev = EncodingEvaluation.Run(cases);
        watch.Stop();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"dev cases {cases.Count}, {watch.Elapsed.TotalSeconds:F1} s"),
            EncodingEvaluation.Summary(dev),
        };
        lines.AddRange(dev.Select(o => $"{(o.Passed ? "ok  " : "FAIL")} {o.Case.Cell} | {o.Case.Length} | {o.Case.Kind}{(o.Case.Kind == EvalKind.Lossy && !o.Lossy ? " unflagged" : "")}\n  in:  {o.Case.Input}\n  out: {o.Output}\n  exp: {o.Case.Expected}"));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "encoding-dev-run.txt"), lines, new System.Text.UTF8Encoding(false, false));
        Assert.NotEmpty(dev);
    }
}
