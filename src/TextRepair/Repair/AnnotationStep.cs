using System.Buffers;
using TextRepair.Analysis;
using TextRepair.Internal;

namespace TextRepair.Repair;

/// <summary>
/// Removes the pinyin annotations of spam converters (<c>堅(jiān)強(qiáng)</c>) when the page-level evidence is strong;
/// otherwise leaves them (they are still reported by the analysis). Decided in <see cref="RepairPlan"/>.
/// </summary>
internal static class AnnotationStep
{
    private static readonly SearchValues<char> s_openers = SearchValues.Create("(\uFF08");

    // An annotation needs an opening parenthesis right after a Han character and before a pinyin letter; clean text
    // with parentheses elsewhere is rejected without analysis.
    public static bool MayApply(ReadOnlySpan<char> text)
    {
        int offset = 0;
        while (true)
        {
            int found = text[offset..].IndexOfAny(s_openers);
            if (found < 0)
            {
                return false;
            }

            int open = offset + found;
            if (open > 0 && open + 1 < text.Length && Pinyin.IsSyllableChar(text[open + 1])
                && (CjkText.IsIdeograph(text[open - 1]) || char.IsLowSurrogate(text[open - 1])))
            {
                return true;
            }

            offset = open + 1;
        }
    }

    /// <summary>Removes the annotations the plan decided to remove (every one whose reading matches).</summary>
    public static void Apply(RepairState state, RepairPlan plan)
    {
        if (!plan.Annotations.Acts)
        {
            return;
        }

        var edits = new List<RepairEdit>();
        foreach (PinyinAnnotation annotation in plan.Report.Annotations)
        {
            if (annotation.Match != AnnotationMatch.Mismatch)
            {
                edits.Add(new RepairEdit(annotation.Start, annotation.Length, string.Empty, RepairKind.Annotation));
            }
        }

        state.Apply(edits);
    }
}
