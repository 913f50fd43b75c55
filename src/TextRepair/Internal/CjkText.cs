using System.Runtime.CompilerServices;

namespace TextRepair.Internal;

/// <summary>
/// What every layer means by a Han character, and how it reads code points out of UTF-16 text (a lone surrogate reads
/// as itself). Pure functions, thread-safe, allocation-free.
/// </summary>
internal static class CjkText
{
    /// <summary>True for CJK unified ideographs (BMP, extension A, the supplementary planes 2 and 3), compatibility ideographs and U+3007.</summary>
    public static bool IsIdeograph(int codePoint) =>
        (uint)(codePoint - 0x4E00) <= 0x9FFF - 0x4E00
        || (uint)(codePoint - 0x3400) <= 0x4DBF - 0x3400
        || (uint)(codePoint - 0xF900) <= 0xFAFF - 0xF900
        || (uint)(codePoint - 0x20000) <= 0x3FFFF - 0x20000
        || codePoint == 0x3007;

    /// <summary>True for a BMP CJK ideograph (the fast path: almost all Chinese text is BMP).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIdeograph(char c) =>
        (uint)(c - 0x4E00) <= 0x9FFF - 0x4E00
        || (uint)(c - 0x3400) <= 0x4DBF - 0x3400
        || (uint)(c - 0xF900) <= 0xFAFF - 0xF900
        || c == 0x3007;

    /// <summary>True for a BMP CJK unified ideograph of the main block (U+4E00..U+9FFF), what the Han models mostly hold.</summary>
    public static bool IsUnifiedIdeograph(char c) => (uint)(c - 0x4E00) <= 0x9FFF - 0x4E00;

    /// <summary>True for a CJK compatibility ideograph (U+F900..U+FAFF).</summary>
    public static bool IsCompatibilityIdeograph(char c) => (uint)(c - 0xF900) <= 0xFAFF - 0xF900;

    /// <summary>True for a character of the Hiragana or Katakana block (U+3040..U+30FF; full-width kana only).</summary>
    public static bool IsKanaBlock(char c) => (uint)(c - 0x3040) <= 0x30FF - 0x3040;

    /// <summary>True for a precomposed Hangul syllable (U+AC00..U+D7A3).</summary>
    public static bool IsHangulSyllable(char c) => (uint)(c - 0xAC00) <= 0xD7A3 - 0xAC00;

    /// <summary>True for Hangul: a syllable, a conjoining jamo (U+1100..U+11FF) or a compatibility jamo (U+3130..U+318F).</summary>
    public static bool IsHangul(char c) =>
        IsHangulSyllable(c) || (uint)(c - 0x1100) <= 0x11FF - 0x1100 || (uint)(c - 0x3130) <= 0x318F - 0x3130;

    /// <summary>Reads the code point at <paramref name="index"/> and its length in UTF-16 units (a lone surrogate reads as itself).</summary>
    public static int CodePointAt(ReadOnlySpan<char> text, int index, out int length)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        length = 1;
        return c;
    }

    /// <summary>Reads the code point that ends just before <paramref name="end"/>, or -1 at the start.</summary>
    public static int CodePointBefore(ReadOnlySpan<char> text, int end, out int length)
    {
        if (end <= 0)
        {
            length = 0;
            return -1;
        }

        char c = text[end - 1];
        if (char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(text[end - 2]))
        {
            length = 2;
            return char.ConvertToUtf32(text[end - 2], c);
        }

        length = 1;
        return c;
    }
}
