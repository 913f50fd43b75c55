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
        List<EvalCase> cases = [.. EncodingEvaluationSet.Build(heldOut: false), .. FieldListEvaluationSet.Build(heldOut: false)];
        var watch = Stopwatch.StartNew();
        List<EncodingEvaluation.Outcome> dev = EncodingEvaluation.Run(cases);
        watch.Stop();
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"dev cases {cases.Count}, {watch.Elapsed.TotalSeconds:F1} s"),
            EncodingEvaluation.Summary([.. dev.Where(o => o.Case.Length != FieldListEvaluationSet.Length)]),
            "field lists:",
            EncodingEvaluation.Summary([.. dev.Where(o => o.Case.Length == FieldListEvaluationSet.Length)]),
        };
        lines.AddRange(dev.Select(o => $"{(o.Passed ? "ok  " : "FAIL")} {o.Case.Cell} | {o.Case.Length} | {o.Case.Kind}{(o.Case.Kind == EvalKind.Lossy && !o.Lossy ? " unflagged" : "")}\n  in:  {o.Case.Input}\n  out: {o.Output}\n  exp: {o.Case.Expected}"));
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "encoding-dev-run.txt"), lines, new System.Text.UTF8Encoding(false, false));
        Assert.NotEmpty(dev);
    }

    /// <summary>
    /// The original texts of the matrix cells (the recoverable cases' expected text) of both halves and of the
    /// general-subject set, as JSON lines, for <c>tools/eval-other-decoders.sh</c>, which garbles them again with
    /// other implementations of the decoders (Python's). Explicit: run by that script.
    /// </summary>
    [Fact(Explicit = true)]
    public void MatrixTexts_Outputs()
    {
        var sets = new (string Set, List<EvalCase> Cases)[]
        {
            ("dev", EncodingEvaluationSet.Build(heldOut: false)),
            ("held-out", EncodingEvaluationSet.Build(heldOut: true)),
            ("general", GeneralSubjectEvaluationSet.Build()),
        };
        var lines = new List<string>();
        foreach ((string set, List<EvalCase> cases) in sets)
        {
            foreach (EvalCase c in cases.Where(c => c.Kind == EvalKind.Recoverable && c.Cell.Contains(" > ", StringComparison.Ordinal)))
            {
                lines.Add(System.Text.Json.JsonSerializer.Serialize(new { set, cell = c.Cell, length = c.Length, text = c.Expected }));
            }
        }

        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "matrix-texts.jsonl"), lines, new System.Text.UTF8Encoding(false, false));
        Assert.NotEmpty(lines);
    }
}
