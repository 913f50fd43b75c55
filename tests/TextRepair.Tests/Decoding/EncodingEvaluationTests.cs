namespace TextRepair.Tests.Decoding;

/// <summary>
/// The checked-in evaluation (docs/encoding-evaluation.md) equals a fresh run, and every class of the set has cases.
/// With TEXTREPAIR_WRITE_EVALUATION=1 the test writes the file instead (the one command that produces the numbers).
/// </summary>
public sealed class EncodingEvaluationTests
{
    [Fact]
    public void CheckedInNumbers_EqualAFreshRun()
    {
        List<EvalCase> heldOutCases = EncodingEvaluationSet.Build(heldOut: true);
        List<EvalCase> devCases = EncodingEvaluationSet.Build(heldOut: false);
        List<EncodingEvaluation.Outcome> dev = EncodingEvaluation.Run(devCases);
        List<EncodingEvaluation.Outcome> heldOut = EncodingEvaluation.Run(heldOutCases);
        List<EncodingEvaluation.Outcome> general = EncodingEvaluation.Run(GeneralSubjectEvaluationSet.Build());
        List<EncodingEvaluation.Outcome> listsHeldOut = EncodingEvaluation.Run(FieldListEvaluationSet.Build(heldOut: true));
        List<EncodingEvaluation.Outcome> listsDev = EncodingEvaluation.Run(FieldListEvaluationSet.Build(heldOut: false));
        string report = EncodingEvaluation.Report(heldOut, dev, general) + EncodingEvaluation.ListReport(listsHeldOut, listsDev);

        // A repair never splits a surrogate pair: well-formed input gives well-formed output (a gbk > utf-8 dev paragraph
        // whose UTF-8 reading held a supplementary character lost half of it before LayerUndo kept pairs whole).
        Assert.All(dev.Concat(heldOut).Concat(general).Concat(listsHeldOut).Concat(listsDev).Where(o => EncodingEvaluationSet.WellFormed(o.Case.Input)), o => Assert.True(EncodingEvaluationSet.WellFormed(o.Output), o.Case.Input));

        // Dev failures (never held-out ones) in the test output folder, to study.
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "encoding-dev-failures.txt"), dev.Concat(listsDev).Where(o => !o.Passed).Select(o =>
            $"{o.Case.Cell} {o.Case.Length} {o.Case.Kind}\n  in:  {o.Case.Input}\n  out: {o.Output}\n  exp: {o.Case.Expected}"));
        CheckedInFile.AssertEqualsFreshRun(CheckedInFile.PathOf("docs", "encoding-evaluation.md"), report, "TEXTREPAIR_WRITE_EVALUATION");
    }

    [Fact]
    public void EveryRowColumnLengthAndScript_HasCases()
    {
        List<EvalCase> cases = EncodingEvaluationSet.Build(heldOut: true);
        foreach (var row in EncodingEvaluationSet.Rows)
        {
            Assert.Contains(cases, c => c.Kind == EvalKind.Recoverable && c.Cell.StartsWith(row.Name + " > ", StringComparison.Ordinal));
        }

        foreach (var column in EncodingEvaluationSet.Columns)
        {
            Assert.Contains(cases, c => c.Kind == EvalKind.Recoverable && c.Cell.EndsWith(" > " + column.Name, StringComparison.Ordinal));
        }

        foreach (string length in EncodingEvaluationSet.Lengths)
        {
            Assert.Contains(cases, c => c.Kind == EvalKind.Recoverable && c.Length == length);
            Assert.Contains(cases, c => c.Kind == EvalKind.Lossy && c.Length == length);
            foreach (string script in new[] { "zh-cn", "zh-tw", "ja", "ko", "de", "en-us" })
            {
                Assert.Contains(cases, c => c.Cell == "clean " + script && c.Length == length);
            }
        }

        foreach (var cls in cases.Where(c => !c.Cell.Contains(" > ", StringComparison.Ordinal)).GroupBy(c => (c.Cell, c.Length)))
        {
            Assert.NotEmpty(cls);
        }

        Assert.Contains(cases, c => c.Cell == "utf-8 x2");
        Assert.Contains(cases, c => c.Cell == "utf-8 x3");
    }

    [Fact]
    public void GeneralSubjectSet_HasEveryChineseRowAndLength()
    {
        List<EvalCase> cases = GeneralSubjectEvaluationSet.Build();
        foreach (string row in new[] { "utf-8", "gbk", "big5", "utf-16le", "utf-16be" })
        {
            foreach (string length in EncodingEvaluationSet.Lengths)
            {
                Assert.Contains(cases, c => c.Kind == EvalKind.Recoverable && c.Length == length && c.Cell.StartsWith(row + " > ", StringComparison.Ordinal));
                Assert.Contains(cases, c => c.Kind == EvalKind.Lossy && c.Length == length && c.Cell.StartsWith(row + " > ", StringComparison.Ordinal));
            }
        }

        Assert.DoesNotContain(cases, c => c.Cell.StartsWith("shift-jis", StringComparison.Ordinal) || c.Cell.StartsWith("euc-", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Cell == "clean zh-tw" && c.Input.Contains('國', StringComparison.Ordinal));
    }
}
