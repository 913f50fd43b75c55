namespace TextRepair;

/// <summary>
/// A place where a text departs from the variant it is expected to be in (see
/// <see cref="TextAnalyzer.CheckVariant(ReadOnlySpan{char}, ChineseVariant)"/>).
/// </summary>
/// <param name="Start">Index of the first UTF-16 unit.</param>
/// <param name="Length">Length in UTF-16 units.</param>
/// <param name="Rule">What is wrong.</param>
/// <param name="Suggestion">
/// The replacement when OpenCC's tables give exactly one; null when there are several candidates or none.
/// </param>
public readonly record struct VariantFinding(int Start, int Length, VariantRule Rule, string? Suggestion);

/// <summary>Kinds of <see cref="VariantFinding"/>.</summary>
public enum VariantRule
{
    /// <summary>A character only the other script writes (a Simplified-only character in Traditional text).</summary>
    WrongScript,

    /// <summary>A character the expected region's standard replaces (OpenCC t2tw / t2hk would change it: 裏 in Taiwan text).</summary>
    RegionCharacter,

    /// <summary>A term the expected region's vocabulary replaces (OpenCC TWPhrases / HKPhrases: 軟件 in Taiwan text).</summary>
    RegionTerm,

    /// <summary>A line holding characters of both scripts (reported at its first character of the unexpected script).</summary>
    MixedLine,
}
