namespace TextRepair;

/// <summary>Which Chinese script a text is written in, as judged by <see cref="TextAnalyzer"/>.</summary>
public enum TextScript
{
    /// <summary>No character that exists only in one script (no Chinese, or only characters common to both).</summary>
    None,

    /// <summary>Simplified-only characters and (almost) no Traditional-only ones.</summary>
    Simplified,

    /// <summary>Traditional-only characters and (almost) no Simplified-only ones.</summary>
    Traditional,

    /// <summary>Both kinds in sizeable numbers (each at least 5% of the script-specific characters).</summary>
    Mixed,
}
