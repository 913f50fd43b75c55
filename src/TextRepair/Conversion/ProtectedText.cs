namespace TextRepair;

/// <summary>Kinds of text that a converter made with <see cref="ChineseConverter.WithProtection"/> copies unchanged.</summary>
[Flags]
public enum ProtectedText
{
    /// <summary>Nothing is protected (OpenCC's behaviour).</summary>
    None = 0,

    /// <summary>
    /// MediaWiki's <c>-{text}-</c> markup: the text between the markers is copied unchanged and the markers are
    /// dropped. Only this plain form is read: the first <c>}-</c> after <c>-{</c> closes it (no nesting), a rule such
    /// as <c>-{zh-hans:A;zh-hant:B}-</c> is copied as written without its markers, and a <c>-{</c> that is never closed
    /// is ordinary text.
    /// </summary>
    Markup = 1,

    /// <summary>
    /// URLs: <c>scheme://...</c> and <c>www....</c>, up to whitespace or CJK/full-width punctuation, without trailing
    /// <c>.,;:!?'"</c> (and <c>)</c> when the URL has no <c>(</c>). Covers <c>%E5%8F%91</c> escapes and CJK path segments.
    /// </summary>
    Urls = 2,

    /// <summary>E-mail addresses (<c>local@domain.tld</c>); an internationalized domain such as <c>例子.中国</c> included.</summary>
    EmailAddresses = 4,

    /// <summary>
    /// File paths: a token that starts with <c>/</c>, <c>\</c>, <c>~/</c>, <c>./</c>, <c>../</c> or a drive such as
    /// <c>C:\</c>, right after whitespace, punctuation or the start of the text, and holds at least two separators
    /// (<c>/文件/发布</c>; not <c>男/女</c>).
    /// </summary>
    Paths = 8,

    /// <summary>
    /// Japanese: every sentence (up to 。！？!? or a line break) that holds hiragana or katakana (U+3040..U+30FA,
    /// U+30FC..U+30FF, U+31F0..U+31FF, U+FF66..U+FF9D) is copied unchanged.
    /// </summary>
    Kana = 16,

    /// <summary>A term of the list given to <see cref="ChineseConverter.WithProtection"/> (set when the list is not empty).</summary>
    Terms = 32,
}

/// <summary>A span of text that a protecting converter leaves unchanged (see <see cref="ChineseConverter.FindProtectedSpans"/>).</summary>
/// <param name="Start">Start in UTF-16 units of the input (markers included for <see cref="ProtectedText.Markup"/>).</param>
/// <param name="Length">Length in UTF-16 units (markers included).</param>
/// <param name="Kind">Why it is protected (one flag).</param>
/// <remarks>A value type; immutable and thread-safe.</remarks>
public readonly record struct ProtectedSpan(int Start, int Length, ProtectedText Kind);
