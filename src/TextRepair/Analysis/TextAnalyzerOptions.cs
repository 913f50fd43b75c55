namespace TextRepair;

/// <summary>
/// Which parts of the analysis <see cref="TextAnalyzer.Analyze(ReadOnlySpan{char}, TextAnalyzerOptions)"/> runs. The
/// script counts (<see cref="TextReport.HanCount"/>, <see cref="TextReport.SimplifiedCount"/>,
/// <see cref="TextReport.TraditionalCount"/>, <see cref="TextReport.Script"/>) are always there: one table lookup per
/// character. A part left out leaves its members of the report empty, zero or false.
/// </summary>
[Flags]
public enum TextAnalyzerOptions
{
    /// <summary>The script counts only: the cheap analysis.</summary>
    ScriptOnly = 0,

    /// <summary>
    /// Pinyin annotations and lost-vowel pinyin: <see cref="TextReport.Annotations"/>, <see cref="TextReport.Evidence"/>,
    /// <see cref="TextReport.DistinctAnnotatedCharacterCount"/>, and their <see cref="TextReport.SuspectedDamage"/>.
    /// </summary>
    Annotations = 1,

    /// <summary>
    /// Words only a character-by-character converter writes: <see cref="TextReport.ConversionSignatureCount"/> and
    /// their <see cref="TextReport.SuspectedDamage"/>. <see cref="TextReport.ConvertedFromSimplified"/> weighs these and
    /// toned annotations (<see cref="Annotations"/>); without either it is false.
    /// </summary>
    ConversionSignatures = 2,

    /// <summary>
    /// Encoding damage: <see cref="RepairKind.Encoding"/> and <see cref="RepairKind.LossMarker"/> spans in
    /// <see cref="TextReport.SuspectedDamage"/>.
    /// </summary>
    Encoding = 4,

    /// <summary>
    /// The variant (<see cref="TextReport.Variant"/>, <see cref="TextReport.VariantConfidence"/>); without it they are
    /// <c>undetermined</c> and 0.
    /// </summary>
    Variant = 8,

    /// <summary>Every part: what <see cref="TextAnalyzer.Analyze(ReadOnlySpan{char})"/> runs.</summary>
    All = Annotations | ConversionSignatures | Encoding | Variant,
}
