namespace TextRepair.Tests;

public sealed class SeedTests
{
    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (string expected in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.expected.txt"))
        {
            data.Add(Path.GetFileName(expected)[..^".expected.txt".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_RepairsToTheReferenceExactly(string name)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "seeds");
        string input = File.ReadAllText(Path.Combine(directory, name + ".txt"));
        string expected = File.ReadAllText(Path.Combine(directory, name + ".expected.txt"));

        RepairResult result = TextRepairer.Repair(input);

        Assert.Equal(expected, result.Text);
        Assert.True(result.Changed);
        Assert.Equal(result.Text, Apply(input, result.Edits));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReferenceRepair_IsAFixedPoint(string name)
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", name + ".expected.txt"));

        RepairResult result = TextRepairer.Repair(expected);

        Assert.Same(expected, result.Text);
        Assert.Empty(result.Edits);
    }

    internal static string Apply(string input, IReadOnlyList<RepairEdit> edits)
    {
        var builder = new System.Text.StringBuilder();
        int position = 0;
        foreach (RepairEdit edit in edits)
        {
            Assert.True(edit.Start >= position, "edits are sorted and do not overlap");
            builder.Append(input, position, edit.Start - position).Append(edit.Replacement);
            position = edit.Start + edit.Length;
        }

        return builder.Append(input, position, input.Length - position).ToString();
    }
}
