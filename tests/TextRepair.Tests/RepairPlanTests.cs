using System.Text;

namespace TextRepair.Tests;

/// <summary>
/// The repairer as an object (<see cref="TextRepairer.Create"/>, <see cref="TextRepairer.Default"/>), its plan (one
/// decision per step, with its reason, in <see cref="RepairResult.Decisions"/>) and the options that turn each step off.
/// </summary>
public sealed class RepairPlanTests
{
    private static readonly string s_seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));

    private static readonly RepairKind[] s_steps = [RepairKind.Encoding, RepairKind.Annotation, RepairKind.Script, RepairKind.Punctuation];

    private static string Garbled()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gbk").GetString(Encoding.UTF8.GetBytes("这是一个编码问题的例子"));
    }

    [Fact]
    public void Create_WithTheDefaultOptions_IsTheSharedDefault_AndKeepsItsOptions()
    {
        var options = new RepairOptions { Target = ScriptTarget.Keep };

        Assert.Same(TextRepairer.Default, TextRepairer.Create(RepairOptions.Default));
        Assert.Same(TextRepairer.Default, TextRepairer.Create(new RepairOptions()));
        Assert.Same(options, TextRepairer.Create(options).Options);
        Assert.Throws<ArgumentNullException>(() => TextRepairer.Create(null!));
    }

    [Fact]
    public void OneRepairer_SharedByManyThreads_GivesTheSameResultAsTheStaticEntryPoint()
    {
        TextRepairer repairer = TextRepairer.Create(new RepairOptions { Target = ScriptTarget.Hans });
        string expected = TextRepairer.Repair(s_seed, new RepairOptions { Target = ScriptTarget.Hans }).Text;

        string[] results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = repairer.Repair(s_seed).Text);

        Assert.All(results, text => Assert.Equal(expected, text));
    }

    [Fact]
    public void TheSeed_HasOneDecisionPerStep_InPipelineOrder_WithTheirReasons()
    {
        RepairResult result = TextRepairer.Default.Repair(s_seed);

        Assert.Equal(s_steps, result.Decisions.Select(decision => decision.Step));
        Assert.False(result.Decisions[0].Acts);
        Assert.True(result.Decisions[1].Acts);
        Assert.Contains("StrongToned", result.Decisions[1].Reason, StringComparison.Ordinal);
        Assert.True(result.Decisions[2].Acts);
        Assert.Contains("machine conversion", result.Decisions[2].Reason, StringComparison.Ordinal);
        Assert.True(result.Decisions[3].Acts);
        string explanation = result.Explain();
        Assert.All(result.Decisions, decision => Assert.Contains(decision.Reason, explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void CleanText_HasDecisionsThatSayWhyNothingActed()
    {
        const string clean = "这是一段普通的简体中文，没有任何损坏。";

        RepairResult result = TextRepairer.Default.Repair(clean);

        Assert.Same(clean, result.Text);
        Assert.Equal(s_steps, result.Decisions.Select(decision => decision.Step));
        Assert.All(result.Decisions, decision => Assert.False(decision.Acts));
        Assert.All(result.Decisions, decision => Assert.NotEmpty(decision.Reason));
    }

    [Fact]
    public void EveryStep_CanBeTurnedOff()
    {
        string damaged = s_seed + "\n" + Garbled() + "\n";
        var off = new RepairOptions { RepairEncoding = false, RemoveAnnotations = false, Target = ScriptTarget.Keep, RestorePunctuation = false };

        RepairResult all = TextRepairer.Default.Repair(damaged);
        RepairResult none = TextRepairer.Create(off).Repair(damaged);

        Assert.Equal(s_steps.Order(), all.Edits.Select(edit => edit.Kind).Where(s_steps.Contains).Distinct().Order());
        Assert.Same(damaged, none.Text);
        Assert.Empty(none.Edits);
        Assert.All(none.Decisions, decision => Assert.False(decision.Acts));
    }

    [Theory]
    [InlineData(RepairKind.Encoding)]
    [InlineData(RepairKind.Annotation)]
    [InlineData(RepairKind.Script)]
    [InlineData(RepairKind.Punctuation)]
    public void TurningOneStepOff_RemovesExactlyItsEdits(RepairKind step)
    {
        string damaged = Garbled() + "\n" + s_seed;
        RepairOptions options = step switch
        {
            RepairKind.Encoding => new RepairOptions { RepairEncoding = false },
            RepairKind.Annotation => new RepairOptions { RemoveAnnotations = false },
            RepairKind.Script => new RepairOptions { Target = ScriptTarget.Keep },
            _ => new RepairOptions { RestorePunctuation = false },
        };

        RepairResult result = TextRepairer.Create(options).Repair(damaged);

        Assert.DoesNotContain(result.Edits, edit => edit.Kind == step || (step == RepairKind.Encoding && edit.Kind == RepairKind.LossMarker));
        Assert.False(result.Decisions.Single(decision => decision.Step == step).Acts);
        Assert.True(result.Changed);
        Assert.Equal(result.Text, SeedTests.Apply(damaged, result.Edits));
    }

    [Fact]
    public void Explain_GivesTheCauseOfEachLossyResult()
    {
        RepairResult ambiguous = TextRepairer.Default.Repair(s_seed);
        // Markers in damaged context (a file name whose characters were lost), not markers named in prose, which the
        // encoding step leaves alone.
        RepairResult lost = TextRepairer.Default.Repair("文件名" + new string('\uFFFD', 12) + ".txt");

        Assert.True(ambiguous.Lossy);
        Assert.Contains("several possible originals", ambiguous.Explain(), StringComparison.Ordinal);
        Assert.DoesNotContain("lost on its way", ambiguous.Explain(), StringComparison.Ordinal);
        Assert.True(lost.Lossy);
        Assert.Contains(lost.Edits, edit => edit.Kind == RepairKind.LossMarker);
        Assert.Contains("lost on its way", lost.Explain(), StringComparison.Ordinal);
        Assert.DoesNotContain("several possible originals", lost.Explain(), StringComparison.Ordinal);
    }
}
