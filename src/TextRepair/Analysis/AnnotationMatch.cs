namespace TextRepair;

/// <summary>How the pinyin in a <see cref="PinyinAnnotation"/> relates to the readings of the annotated character.</summary>
public enum AnnotationMatch
{
    /// <summary>The syllable, tone included, is a Mandarin reading of the character or of a Simplified counterpart.</summary>
    Reading,

    /// <summary>The syllable has no tone mark and matches a reading only when tones are ignored (<c>月(yue)</c>).</summary>
    ToneMissing,

    /// <summary>A well-formed syllable that is not a reading of the character.</summary>
    Mismatch,
}
