namespace TextRepair;

/// <summary>
/// The one damage vocabulary: the kind of damage a <see cref="SuspectedDamage"/> span shows
/// (<see cref="TextAnalyzer.Analyze(ReadOnlySpan{char})"/>), the kind of repair a <see cref="RepairEdit"/> made, and
/// the step a <see cref="RepairDecision"/> is about. A span the analyser reports is repaired, when the plan decides
/// so, by an edit of the same kind.
/// </summary>
public enum RepairKind
{
    /// <summary>A pinyin annotation written by a spam converter (<c>堅(jiān)</c>), removed by the annotation step.</summary>
    Annotation,

    /// <summary>
    /// Script: a character that only a character-by-character Simplified→Traditional conversion leaves (<c>聯系</c>
    /// for <c>聯繫</c>), as reported; as an edit, characters converted to another script (machine-converted
    /// Traditional back to Simplified, or a forced <see cref="ScriptTarget"/>).
    /// </summary>
    Script,

    /// <summary>ASCII punctuation in Chinese context restored to full width (<c>,</c> → <c>，</c>); edits only.</summary>
    Punctuation,

    /// <summary>Text decoded with the wrong encoding (mojibake), decoded again by the encoding step.</summary>
    Encoding,

    /// <summary>
    /// A place where the original text was lost for good (<c>锟斤拷</c>, <c>烫烫烫</c>, U+FFFD, <c>?</c> for
    /// unencodable characters): reported, and marked by the encoding step, never invented.
    /// </summary>
    LossMarker,

    /// <summary>Word-level pinyin whose tone-marked vowels were lost (<c>发展(fzhn)</c>); reported, never repaired.</summary>
    LostVowelPinyin,
}
