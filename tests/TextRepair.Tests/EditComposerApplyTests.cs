using TextRepair.Repair;

namespace TextRepair.Tests;

/// <summary>
/// <see cref="EditComposer.Apply"/> writes the edited text at its computed length (session 37): edits that lengthen,
/// shorten, delete and insert, at the text's ends and side by side, give what applying them one by one gives.
/// </summary>
public sealed class EditComposerApplyTests
{
    private static readonly (string Text, (int Start, int Length, string Replacement)[] Edits)[] Cases =
    [
        ("abcdef", [(0, 1, "XYZ")]),
        ("abcdef", [(5, 1, "")]),
        ("abcdef", [(0, 0, "<"), (6, 0, ">")]),
        ("abcdef", [(1, 2, "中"), (3, 0, "文字"), (3, 3, "")]),
        ("\u00E4\u00B8\u00AD\u00E6\u2013\u2021 ok", [(0, 3, "中"), (3, 3, "文")]),
        ("", [(0, 0, "x")]),
    ];

    [Fact]
    public void Apply_GivesTheEditsAppliedOneByOne()
    {
        foreach ((string text, (int Start, int Length, string Replacement)[] edits) in Cases)
        {
            Check(text, edits);
        }
    }

    private static void Check(string text, (int Start, int Length, string Replacement)[] edits)
    {
        var list = edits.Select(e => new RepairEdit(e.Start, e.Length, e.Replacement, RepairKind.Encoding)).ToArray();
        string expected = text;
        for (int i = list.Length - 1; i >= 0; i--)
        {
            // From the last edit back, so that the earlier ones' offsets still hold.
            expected = expected.Remove(list[i].Start, list[i].Length).Insert(list[i].Start, list[i].Replacement);
        }

        Assert.Equal(expected, EditComposer.Apply(text, list));
    }

    [Fact]
    public void Apply_WithoutEdits_ReturnsTheText()
    {
        string text = "unchanged";
        Assert.Same(text, EditComposer.Apply(text, []));
    }
}
