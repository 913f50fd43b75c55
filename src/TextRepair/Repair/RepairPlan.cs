using System.Globalization;

namespace TextRepair.Repair;

/// <summary>
/// What the Chinese steps will do, decided once from one analysis of the text (after the encoding step): one decision
/// per step with its reason. The steps only apply it; nothing is signalled from one step to another. Immutable.
/// </summary>
internal sealed class RepairPlan
{
    private RepairPlan(TextReport report, RepairDecision annotations, RepairDecision script, RepairDecision punctuation, string? scriptConfig)
    {
        Report = report;
        Annotations = annotations;
        Script = script;
        Punctuation = punctuation;
        ScriptConfig = scriptConfig;
    }

    /// <summary>The one analysis the plan was made from (of the text as the encoding step left it).</summary>
    public TextReport Report { get; }

    public RepairDecision Annotations { get; }

    public RepairDecision Script { get; }

    public RepairDecision Punctuation { get; }

    /// <summary>
    /// The OpenCC config of a forced target, or null when <see cref="Script"/> restores Simplified character by
    /// character (machine conversion detected) or does not act.
    /// </summary>
    public string? ScriptConfig { get; }

    public static RepairPlan Create(TextReport report, RepairOptions options)
    {
        RepairDecision annotations = DecideAnnotations(report, options);
        bool converted = report.ConvertedFromSimplified;
        (RepairDecision script, string? config) = DecideScript(converted, options.Target);

        RepairDecision punctuation;
        if (!options.RestorePunctuation)
        {
            punctuation = new RepairDecision(RepairKind.Punctuation, false, "turned off (RestorePunctuation is false).");
        }
        else if (annotations.Acts || converted)
        {
            punctuation = new RepairDecision(
                RepairKind.Punctuation,
                true,
                annotations.Acts ? "the document is damaged (annotations removed): ASCII marks in Chinese context are made full-width." : "the document is damaged (machine conversion): ASCII marks in Chinese context are made full-width.");
        }
        else
        {
            punctuation = new RepairDecision(RepairKind.Punctuation, false, "no damage found: ASCII punctuation may be intended, left as it is.");
        }

        return new RepairPlan(report, annotations, script, punctuation, config);
    }

    private static RepairDecision DecideAnnotations(TextReport report, RepairOptions options)
    {
        int found = report.Annotations.Count;
        if (found == 0)
        {
            return new RepairDecision(RepairKind.Annotation, false, "no pinyin annotation found.");
        }

        bool strong = report.Evidence is AnnotationEvidence.StrongToned or AnnotationEvidence.StrongToneless;
        int matching = 0;
        foreach (PinyinAnnotation annotation in report.Annotations)
        {
            matching += annotation.Match != AnnotationMatch.Mismatch ? 1 : 0;
        }

        CultureInfo c = CultureInfo.InvariantCulture;
        if (!options.RemoveAnnotations)
        {
            return new RepairDecision(RepairKind.Annotation, false, string.Create(c, $"{found} pinyin annotation(s) found, evidence {report.Evidence}; left in place (RemoveAnnotations is false)."));
        }

        if (!strong || matching == 0)
        {
            return new RepairDecision(RepairKind.Annotation, false, string.Create(c, $"{found} pinyin annotation(s) found, evidence {report.Evidence}; left in place."));
        }

        return new RepairDecision(
            RepairKind.Annotation,
            true,
            string.Create(c, $"evidence {report.Evidence} ({report.DistinctAnnotatedCharacterCount} distinct characters); removing {matching} of {found}."));
    }

    private static (RepairDecision Decision, string? Config) DecideScript(bool converted, ScriptTarget target)
    {
        if (target == ScriptTarget.Keep)
        {
            return (new RepairDecision(RepairKind.Script, false, "target Keep: the script is never changed."), null);
        }

        if (converted && target is ScriptTarget.Auto or ScriptTarget.Hans)
        {
            return (new RepairDecision(RepairKind.Script, true, "machine conversion from Simplified detected; restoring Simplified character by character."), null);
        }

        string? config = target switch
        {
            ScriptTarget.Hans => "t2s",
            ScriptTarget.Hant => "s2t",
            ScriptTarget.HantTW => "s2tw",
            ScriptTarget.HantHK => "s2hk",
            _ => null,
        };
        return config is null
            ? (new RepairDecision(RepairKind.Script, false, "target Auto and no machine conversion from Simplified detected: the script is kept."), null)
            : (new RepairDecision(RepairKind.Script, true, string.Create(CultureInfo.InvariantCulture, $"target {target}: converting with OpenCC {config}.")), config);
    }
}
