using System.Globalization;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The character classes <see cref="TextLikelihood"/> scores runs with: characters whose repeats and listings are
/// scored as such, and the alphabets no model was trained on.
/// </summary>
internal static partial class TextLikelihood
{
    /// <summary>
    /// True when a run of <paramref name="raw"/> is scored as a repeat (<see cref="RepeatLogProb"/>): any character
    /// below the CJK blocks, and any character of the CJK blocks but a letter (a symbol, a punctuation mark, a digit or
    /// numeral, a combining mark) or a Yi radical. A run of one such character (８８８８, 〇〇〇, a tone mark repeated) is a
    /// placeholder, a mask or a separator, as a run of one symbol is; scored otherwise it lost to any reading that turns
    /// it into a run below the CJK blocks: the full-width ８ written as UTF-16BE and read as UTF-16LE is U+18FF, so
    /// "８８８８８８" was read as ᣿᣿᣿᣿᣿᣿ once short fields were read as UTF-16 (<see cref="Utf16TextReading.IsField"/>).
    /// Letters (Han characters, kana, Hangul) keep the model's score: 哈哈 is the model's to know, and a repeat scored as
    /// a repeat is as cheap for the rare letter a reading writes (込込 for 哈哈, べべべ for 屯屯屯) as for the common one.
    /// Yi radicals are symbols no text repeats, and the UTF-16 reading of GBK or EUC-KR kana and jamo is a run of them:
    /// scored as repeats, "ㅋㅋㅋㅋㅋㅋㅋㅋ" became "꒻꒻꒻꒻꒻꒻꒻꒻", and a kana chart took the ASCII lines and line breaks
    /// around it with it (session 28).
    /// </summary>
    internal static bool MayRepeat(char raw) => Tables.Repeatable[raw];

    /// <summary>
    /// True when a row of <paramref name="raw"/> and the characters before it in consecutive code points is scored as
    /// a listing (<see cref="RepeatLogProb"/>): what <see cref="MayRepeat"/> allows, and the letters of the phonetic
    /// alphabets (kana, bopomofo, Hangul compatibility jamo), whose rows in code-point order (ぁあぃい, ㄱㄲㄳㄴ) are charts
    /// of the alphabet; scored as rare pairs, a chart lost to any reading that wrote a listing of symbols or Latin letters
    /// at the same bytes (the katakana chart became ァアィイǡǢǣ…). Han characters and Hangul syllables are not: no chart of
    /// them is in consecutive code points but in a code page's order, and a reading that wrote consecutive ones (①②③
    /// read as 蝀蝁蝂) would gain from it. The same characters list in a legacy code page's order
    /// (<see cref="CodePageOrder"/>); Han and Hangul syllables do not in that order either: with them, clean rows of
    /// Hangul and Han in code-point order lost to readings that wrote Han rows in JIS or Big5 order (generated charts,
    /// dev half: 26 → 39 changed, session 29).
    /// </summary>
    internal static bool MayList(char raw) => Tables.Listable[raw];

    /// <summary>
    /// The alphabet <paramref name="raw"/> is a letter (or combining mark) of, among the scripts no model was trained
    /// on (Greek, Armenian, Hebrew, Arabic, Syriac, Thaana, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Georgian,
    /// Ethiopic, Khmer, Bopomofo with its tone marks); 0 for any other character. See <see cref="UnmodelledLetterLogProb"/>.
    /// </summary>
    internal static int UnmodelledAlphabet(char raw) => Tables.Alphabet[raw];

    // Bopomofo (zhuyin), Taiwan's phonetic alphabet: annotations of readings, textbooks, and chat (ㄎㄧㄤ, 我ㄉ). The
    // zh-Hant model's training text has none, so a clean line that named its letters ("ㄅㄆㄇㄈ 是注音符號的前四個。")
    // was read as 乳事些亞.
    private const byte BopomofoAlphabet = 24;

    private static byte[] BuildAlphabets()
    {
        // Blocks of one alphabet each; an alphabet's number is its first block's index plus one.
        ReadOnlySpan<(char First, char Last, byte Alphabet)> blocks =
        [
            ('\u0370', '\u03FF', 1), ('\u1F00', '\u1FFF', 1), ('\u0530', '\u058F', 2), ('\u0590', '\u05FF', 3),
            ('\u0600', '\u06FF', 4), ('\u0750', '\u077F', 4), ('\u08A0', '\u08FF', 4), ('\uFB50', '\uFDFF', 4),
            ('\uFE70', '\uFEFF', 4), ('\u0700', '\u074F', 5), ('\u0780', '\u07BF', 6), ('\u0900', '\u097F', 7),
            ('\u0980', '\u09FF', 8), ('\u0A00', '\u0A7F', 9), ('\u0A80', '\u0AFF', 10), ('\u0B00', '\u0B7F', 11),
            ('\u0B80', '\u0BFF', 12), ('\u0C00', '\u0C7F', 13), ('\u0C80', '\u0CFF', 14), ('\u0D00', '\u0D7F', 15),
            ('\u0D80', '\u0DFF', 16), ('\u0E00', '\u0E7F', 17), ('\u0E80', '\u0EFF', 18), ('\u0F00', '\u0FFF', 19),
            ('\u1000', '\u109F', 20), ('\u10A0', '\u10FF', 21), ('\u1C90', '\u1CBF', 21), ('\u1200', '\u139F', 22),
            ('\u1780', '\u17FF', 23), ('\u3100', '\u312F', BopomofoAlphabet), ('\u31A0', '\u31BF', BopomofoAlphabet),
        ];
        var alphabets = new byte[65536];
        foreach ((char first, char last, byte alphabet) in blocks)
        {
            for (int c = first; c <= last; c++)
            {
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory((char)c);
                bool letter = char.IsLetter((char)c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
                alphabets[c] = letter && c != TextLikelihood.ByteOrderMark ? alphabet : (byte)0;
            }
        }

        // Bopomofo's tone marks (ˊ ˇ ˋ ˙), which follow a syllable's letters: ㄋㄧˇ is 你.
        foreach (char tone in "\u02CA\u02C7\u02CB\u02D9")
        {
            alphabets[tone] = BopomofoAlphabet;
        }

        // Hebrew's geresh and gershayim (׳ ״), punctuation written inside a word: abbreviations (ע״י, צה״ל) and letters
        // of loanwords (ג׳). Scored as a symbol, the letter after one started a new word at an unseen letter's cost, and
        // the clean catalogue message "נשלט ע״י ‚איכות הדפסה’" was read as GBK, 注状讬 (session 39).
        foreach (char mark in "\u05F3\u05F4")
        {
            alphabets[mark] = alphabets['\u05D0'];
        }

        return alphabets;
    }

    // The phonetic alphabets of the CJK blocks (U+3040-U+31FF: hiragana, katakana, bopomofo, Hangul compatibility
    // jamo), whose charts count as listings (see MayList), and the Yi radicals, which never count (see MayRepeat).
    private const char PhoneticFirst = '\u3040', PhoneticLast = '\u31FF', YiRadicalFirst = '\uA490', YiRadicalLast = '\uA4CF';

    // The BMP's private use area, which never counts as a repeat or a listing (see MayRepeat).
    private const char PrivateUseFirst = '\uE000', PrivateUseLast = '\uF8FF';

    private static bool[] BuildRepeatable(bool listing)
    {
        var repeatable = new bool[65536];
        for (int c = 0; c < repeatable.Length; c++)
        {
            bool symbolLike = c < '\u2E80' || (!char.IsLetter((char)c) && c is not (>= YiRadicalFirst and <= YiRadicalLast or >= PrivateUseFirst and <= PrivateUseLast));
            repeatable[c] = symbolLike || (listing && c is >= PhoneticFirst and <= PhoneticLast);
        }

        return repeatable;
    }
}
