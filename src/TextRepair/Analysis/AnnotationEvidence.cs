namespace TextRepair;

/// <summary>How strongly a text shows the pinyin-annotation damage of spam mirrors.</summary>
public enum AnnotationEvidence
{
    /// <summary>No pinyin annotation at all.</summary>
    None,

    /// <summary>
    /// Annotations exist but do not look like machine damage (a gloss in a lesson, every character of a poem glossed,
    /// readings that do not fit): they are reported and left alone.
    /// </summary>
    Weak,

    /// <summary>
    /// Toned annotations on at least two distinct characters, validated against Unihan, almost all on characters whose
    /// Traditional form differs from the Simplified one, annotated consistently: the spam-converter pattern.
    /// </summary>
    StrongToned,

    /// <summary>Many validated toneless annotations (<c>月(yue)8日(ri)</c>) on several distinct characters.</summary>
    StrongToneless,
}
