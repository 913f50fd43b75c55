namespace TextRepair;

/// <summary>
/// Which written Chinese a text is: the one script vocabulary of the library. <see cref="TextAnalyzer.IdentifyVariant(ReadOnlySpan{char})"/>
/// identifies it, <see cref="TextReport.Script"/> gives its script (<see cref="None"/>, <see cref="Hans"/>, <see cref="Hant"/>
/// or <see cref="Mixed"/>), and <see cref="ScriptTarget"/> names its values as targets. The names follow the BCP-47 tags
/// that <see cref="ChineseVariantTags"/> gives (<see cref="HantTW"/> is <c>zh-Hant-TW</c>).
/// </summary>
public enum ChineseVariant
{
    /// <summary>No Chinese (no Han character): tag <c>none</c>.</summary>
    None,

    /// <summary>Chinese, but too little distinguishing evidence to tell: tag <c>undetermined</c>.</summary>
    Undetermined,

    /// <summary>Simplified and Traditional both present beyond what stray characters explain: tag <c>mixed</c>.</summary>
    Mixed,

    /// <summary>Simplified Chinese: tag <c>zh-Hans</c>.</summary>
    Hans,

    /// <summary>Traditional Chinese of no determinable region: tag <c>zh-Hant</c>.</summary>
    Hant,

    /// <summary>Traditional Chinese of Taiwan (character standard or vocabulary): tag <c>zh-Hant-TW</c>.</summary>
    HantTW,

    /// <summary>Traditional Chinese of Hong Kong: tag <c>zh-Hant-HK</c>.</summary>
    HantHK,
}

/// <summary>The BCP-47 tags of <see cref="ChineseVariant"/> values. Thread-safe; allocates nothing.</summary>
public static class ChineseVariantTags
{
    private static readonly string[] s_tags = ["none", "undetermined", "mixed", "zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"];

    /// <summary>The tag of <paramref name="variant"/> (<c>zh-Hant-TW</c>, <c>mixed</c>, ...). Returns a cached string.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined value.</exception>
    public static string ToTag(ChineseVariant variant)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)variant, (uint)ChineseVariant.HantHK, nameof(variant));
        return s_tags[(int)variant];
    }

    /// <summary>
    /// Parses a tag, case-insensitively: the seven tags of <see cref="ToTag"/>, plus <c>zh-CN</c>, <c>zh-SG</c> (Simplified),
    /// <c>zh-TW</c>, <c>zh-HK</c>, <c>zh-MO</c> (Hong Kong standard) and <c>zh-Hans-CN</c> style forms. Allocates nothing.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> tag, out ChineseVariant variant)
    {
        for (int i = 0; i < s_tags.Length; i++)
        {
            if (tag.Equals(s_tags[i], StringComparison.OrdinalIgnoreCase))
            {
                variant = (ChineseVariant)i;
                return true;
            }
        }

        variant = tag switch
        {
            _ when Is(tag, "zh-CN") || Is(tag, "zh-SG") || Is(tag, "zh-Hans-CN") || Is(tag, "zh-Hans-SG") => ChineseVariant.Hans,
            _ when Is(tag, "zh-TW") => ChineseVariant.HantTW,
            _ when Is(tag, "zh-HK") || Is(tag, "zh-MO") || Is(tag, "zh-Hant-MO") => ChineseVariant.HantHK,
            _ => ChineseVariant.None,
        };
        return variant != ChineseVariant.None;
    }

    private static bool Is(ReadOnlySpan<char> tag, string value) => tag.Equals(value, StringComparison.OrdinalIgnoreCase);
}
