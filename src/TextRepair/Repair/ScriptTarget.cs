namespace TextRepair;

/// <summary>
/// Which script <see cref="TextRepairer"/> writes (the CLI's <c>--to</c>, whose values <c>hans</c>, <c>hant</c>,
/// <c>tw</c>, <c>hk</c> name <see cref="Hans"/>, <see cref="Hant"/>, <see cref="HantTW"/>, <see cref="HantHK"/>). The
/// named scripts are those of <see cref="ChineseVariant"/>, with the same BCP-47-style names.
/// </summary>
public enum ScriptTarget
{
    /// <summary>
    /// Restore Simplified when the text shows it was machine-converted from Simplified (validated annotations, or a
    /// character-by-character conversion signature); otherwise keep the script.
    /// </summary>
    Auto,

    /// <summary>Never change the script.</summary>
    Keep,

    /// <summary>Convert to Simplified Chinese with OpenCC's <c>t2s</c>.</summary>
    Hans,

    /// <summary>Convert to Traditional Chinese (OpenCC standard) with <c>s2t</c>.</summary>
    Hant,

    /// <summary>Convert to Traditional Chinese as used in Taiwan with <c>s2tw</c>.</summary>
    HantTW,

    /// <summary>Convert to Traditional Chinese as used in Hong Kong with <c>s2hk</c>.</summary>
    HantHK,
}
