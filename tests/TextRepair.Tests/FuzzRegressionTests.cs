namespace TextRepair.Tests;

/// <summary>
/// Inputs on which the fuzzers (tools/fuzz.sh) made the library throw, kept as regression tests whatever the cause:
/// repair must not throw, and its edits applied to the input must give its text.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> RepairCrashes() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "repair")).Select(path => Path.GetFileName(path)).Order()];

    // Found by the repair harness in its first 240 s (AFL++ 4.04c, this session): all ten throw
    // ArgumentOutOfRangeException from EditComposer.Apply via MojibakeStep (overlapping encoding edits), the root cause
    // being fixed by the encoding engine rework (issue 12). The lead removes Skip when that fix is merged (it was merged
    // into integ and passed all ten, then reverted there at b3e5cb7 with the engine merge).
    [Theory(Skip = "Fails until the encoding engine fix (issue 12) is merged: remove this Skip then.")]
    [MemberData(nameof(RepairCrashes))]
    public void Repair_does_not_throw_and_its_edits_give_its_text(string file)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "repair", file));

        RepairResult result = TextRepairer.Repair(text);

        var builder = new System.Text.StringBuilder();
        int position = 0;
        foreach (RepairEdit edit in result.Edits.OrderBy(edit => edit.Start))
        {
            builder.Append(text, position, edit.Start - position).Append(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        builder.Append(text, position, text.Length - position);
        Assert.Equal(result.Text, builder.ToString());
    }
}
