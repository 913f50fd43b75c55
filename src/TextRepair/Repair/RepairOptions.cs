namespace TextRepair;

/// <summary>
/// Options of a <see cref="TextRepairer"/>. Every step can be turned off: <see cref="RepairEncoding"/>,
/// <see cref="RemoveAnnotations"/>, <see cref="Target"/> = <see cref="ScriptTarget.Keep"/>,
/// <see cref="RestorePunctuation"/>. Immutable once built; one instance can be shared by any number of threads.
/// </summary>
public sealed record RepairOptions
{
    /// <summary>The default options: every repair on, <see cref="ScriptTarget.Auto"/>.</summary>
    public static RepairOptions Default { get; } = new();

    /// <summary>Which script to write; <see cref="ScriptTarget.Auto"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ScriptTarget"/> (e.g. <c>(ScriptTarget)42</c>).</exception>
    public ScriptTarget Target
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value), value, $"{(int)value} is not a ScriptTarget; use Auto, Keep, Hans, Hant, HantTW or HantHK.");
            }

            field = value;
        }
    } = ScriptTarget.Auto;

    /// <summary>
    /// Undo encoding mojibake and report text lost on the way (default true). When false, the encoding step does not
    /// run and the text is taken as it is.
    /// </summary>
    public bool RepairEncoding { get; init; } = true;

    /// <summary>Remove pinyin annotations when the page-level evidence is strong (default true).</summary>
    public bool RemoveAnnotations { get; init; } = true;

    /// <summary>
    /// Restore full-width punctuation in Chinese context (default true). Applies only to texts where annotations were
    /// removed or machine conversion from Simplified was detected: clean text often uses ASCII punctuation on purpose.
    /// </summary>
    public bool RestorePunctuation { get; init; } = true;

    /// <summary>
    /// Text the script step leaves unchanged (see <see cref="ProtectedText"/> and
    /// <see cref="ChineseConverter.WithProtection"/>); <see cref="ProtectedText.None"/> by default.
    /// </summary>
    public ProtectedText Protection { get; init; }

    /// <summary>Terms the script step leaves unchanged (null by default); compared by reference in record equality.</summary>
    public IReadOnlyList<string>? ProtectedTerms { get; init; }
}
