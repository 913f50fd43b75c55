namespace TextRepair.Internal;

/// <summary>
/// What the encoding engine means by a letter of the Latin script. Pure functions, thread-safe, allocation-free.
/// </summary>
internal static class LatinText
{
    /// <summary>
    /// True for a letter of Basic Latin, Latin-1, Latin Extended-A and -B (U+0000..U+024F) or Latin Extended Additional
    /// (U+1E00..U+1EFF, Vietnamese). Includes the Latin-1 letters below U+00C0 (ª, µ, º).
    /// </summary>
    public static bool IsLetter(char c) => char.IsLetter(c) && (c <= '\u024F' || (uint)(c - 0x1E00) <= 0x1EFF - 0x1E00);

    /// <summary>True for a Latin letter outside ASCII and outside Latin-1's symbol rows (U+00A0..U+00BF, which hold ª, µ and º): À..ɏ and Latin Extended Additional.</summary>
    public static bool IsExtendedLetter(char c) => c >= '\u00C0' && IsLetter(c);

    /// <summary>
    /// True for what a Latin-script word's whole UTF-8 sequences restore: a letter beyond ASCII from U+00C0 through IPA
    /// Extensions (À..ʯ, with Azerbaijani ə), of Latin Extended Additional (Vietnamese), or a combining diacritical mark
    /// (U+0300..U+036F: Yoruba and Vietnamese written with them). Wider than <see cref="IsExtendedLetter"/> by the IPA
    /// letters and the marks.
    /// </summary>
    public static bool IsWordLetterOrMark(char c) =>
        (char.IsLetter(c) && c is (>= '\u00C0' and < '\u02B0') or (>= '\u1E00' and <= '\u1EFF')) || c is >= '\u0300' and <= '\u036F';
}
