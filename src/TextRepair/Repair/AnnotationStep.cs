using System.Buffers;
using System.Globalization;

namespace TextRepair.Repair;

/// <summary>
/// Removes the pinyin annotations of spam converters (<c>堅(jiān)強(qiáng)</c>) when the page-level evidence is strong;
/// otherwise leaves them (they are still reported by the analysis).
/// </summary>
internal sealed class AnnotationStep : RepairStep
{
    private static readonly SearchValues<char> s_openers = SearchValues.Create("(\uFF08");

    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options) =>
        text.ContainsAny(s_openers);

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
