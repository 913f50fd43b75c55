using System.Buffers;
using System.Globalization;
using TextRepair.Analysis;
using TextRepair.Internal;

namespace TextRepair.Repair;

/// <summary>
/// Removes the pinyin annotations of spam converters (<c>堅(jiān)強(qiáng)</c>) when the page-level evidence is strong;
/// otherwise leaves them (they are still reported by the analysis).
/// </summary>
internal sealed class AnnotationStep : RepairStep
{
    private static readonly SearchValues<char> s_openers = SearchValues.Create("(\uFF08");

    // An annotation needs an opening parenthesis right after a Han character and before a pinyin letter; clean text
    // with parentheses elsewhere is rejected without analysis.
    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options)
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

    public override void Run(RepairState state)
    {
        TextReport report = state.Report;
        state.ConvertedFromSimplified |= report.ConvertedFromSimplified;
        if (report.Annotations.Count == 0)
        {
            return;
        }

        bool strong = report.Evidence is AnnotationEvidence.StrongToned or AnnotationEvidence.StrongToneless;
        if (!strong || !state.Options.RemoveAnnotations)
        {
            state.Notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Annotations: {report.Annotations.Count} pinyin annotation(s) found, evidence {report.Evidence}; left in place."));
            return;
        }

        var edits = new List<RepairEdit>();
        foreach (PinyinAnnotation annotation in report.Annotations)
        {
            if (annotation.Match != AnnotationMatch.Mismatch)
            {
                edits.Add(new RepairEdit(annotation.Start, annotation.Length, string.Empty, RepairKind.Annotation));
            }
        }

        state.Notes.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Annotations: evidence {report.Evidence} ({report.DistinctAnnotatedCharacters} distinct characters); removed {edits.Count} of {report.Annotations.Count}."));
        state.AnnotationsRemoved = edits.Count > 0;
        state.Apply(edits);
    }
}
