namespace TextRepair;

/// <summary>Kinds of suspected damage reported by <see cref="TextAnalyzer"/>.</summary>
public enum DamageKind
{
    /// <summary>A pinyin annotation that fits the character (see <see cref="PinyinAnnotation"/>).</summary>
    PinyinAnnotation,

    /// <summary>Word-level pinyin whose tone-marked vowels were lost (<c>发展(fzhn)</c>); reported, never repaired.</summary>
    LostVowelPinyin,

    /// <summary>
    /// A spot where a character-by-character Simplified→Traditional conversion left a character that a phrase-aware
    /// converter would have changed (<c>聯系</c> for <c>聯繫</c>).
    /// </summary>
    CharacterConversion,

    /// <summary>Text decoded with the wrong encoding (mojibake) that <see cref="TextRepairer"/> decodes again.</summary>
    Mojibake,

    /// <summary>A loss marker (<c>锟斤拷</c>, <c>烫烫烫</c>, U+FFFD, <c>?</c> for unencodable characters): text lost for good.</summary>
    EncodingLoss,
}
