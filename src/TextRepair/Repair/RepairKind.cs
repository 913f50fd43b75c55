namespace TextRepair;

/// <summary>What a <see cref="RepairEdit"/> repairs.</summary>
public enum RepairKind
{
    /// <summary>A pinyin annotation written by a spam converter was removed (<c>堅(jiān)</c> → <c>堅</c>).</summary>
    Annotation,

    /// <summary>Characters were converted to another script (machine-converted Traditional back to Simplified, or a forced target).</summary>
    Script,

    /// <summary>ASCII punctuation in Chinese context was restored to full width (<c>,</c> → <c>，</c>).</summary>
    Punctuation,

    /// <summary>Text decoded with the wrong encoding (mojibake) was decoded again.</summary>
    Encoding,

    /// <summary>A place where the original text was lost and cannot be restored was marked.</summary>
    LossMarker,
}
