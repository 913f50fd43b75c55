namespace TextRepair;

/// <summary>Which script <see cref="TextRepairer"/> writes (the CLI's <c>--to</c>).</summary>
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
    Tw,

    /// <summary>Convert to Traditional Chinese as used in Hong Kong with <c>s2hk</c>.</summary>
    Hk,
}
