using System.Globalization;
using TextRepair.Analysis.Detection;
using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>What a restored run is made of, which decides whether it may carry evidence (see <see cref="RunJudge"/>).</summary>
internal static partial class RunJudge
{
    // A run that restores no letter beyond ASCII (only symbols, U+FFFD, or ASCII kept in a group) restores no text: no
    // evidence of mojibake, which a byte-oriented reader only ever writes for non-ASCII text. A UTF-16 reader (outer)
    // is the exception: it reads every two bytes as one character, ASCII too, so that ASCII is what it garbles most
    // ("Bush hid the facts" as 畂桳栠摩琠敨映捡獴, Notepad's classic); a run of ASCII letters it restores is text
    // when it reads as text (RestoresAsciiText).
    private static bool RestoresLetters(ReadOnlySpan<char> restored, Codec? outer)
    {
        bool asciiLetters = false;
        foreach (char c in restored)
        {
            if (char.IsLetter(c))
            {
                if (c >= 0x80)
                {
                    return true;
                }

                asciiLetters = true;
            }
        }

        return asciiLetters && outer is { Kind: CodecKind.Utf16Le or CodecKind.Utf16Be } && RestoresAsciiText(restored);
    }

    /// <summary>
    /// Fewest characters of a run of ASCII alone that a UTF-16 reading restores (see <see cref="RestoresAsciiText"/>):
    /// four UTF-16 units. Han characters whose two bytes are both printable ASCII (U+2020..U+7E7E with a low byte of
    /// 0x20..0x7E, a quarter of the common ones) read as ASCII whatever they are, and the short readings of random
    /// strings of them reach the fluency of words: of 3,000 random fields of 2 to 8 such characters, the readings of 4
    /// to 6 letters reached -2.9 per transition ("adan", "tzum"), those of 8 or more at most -4.41.
    /// </summary>
    public const int MinUtf16AsciiRun = 8;

    /// <summary>
    /// Least fluency (log-probability per transition, <see cref="EncodingDecision.Fluency"/>) of a run of ASCII alone
    /// that a UTF-16 reading restores. Measured on runs of 8 characters or more: English fragments from the evaluation's
    /// en-us text, 217 cuts of 8 to 20 characters and whole lines, 5th percentile -4.09, median -2.99; readings of 101
    /// random strings of Han characters made of ASCII bytes, at most -4.41, median -5.61.
    /// </summary>
    public const double MinUtf16AsciiFluency = -4.2;

    /// <summary>
    /// Fluency (per transition) by which a run of ASCII alone that a UTF-16 reading restores must read better than the
    /// same bytes in the other byte order (each pair of characters swapped): the lattice's UTF-16 reader is UTF-16LE,
    /// and text that a UTF-16BE reader garbled reads under it as its own letters swapped pair by pair ("ocvnyedeb yoy"
    /// for "covered by you"), which a character model finds almost as likely as words. A run that does not read clearly
    /// better than its swap is left alone: the byte order is in doubt. On 400 cuts of licence text (GPL-3, Apache-2.0),
    /// half garbled by each byte order, a margin of 0.5 restored 150 of 190 little-endian cuts and misread none of the
    /// 210 big-endian ones; 0.25 restored 164 and misread 3. Checked on 600 cuts of other licences (GFDL-1.3, Artistic,
    /// MPL-2.0): 252 of 307 little-endian restored, 1 of 293 big-endian misread ("entieh r", 8 characters).
    /// </summary>
    public const double MinUtf16ByteOrderMargin = 0.5;

    // True when ASCII restored by a UTF-16 reader reads as text: long enough, fluent, and clearly better than in the
    // other byte order (the three thresholds above).
    private static bool RestoresAsciiText(ReadOnlySpan<char> restored)
    {
        if (restored.Length < MinUtf16AsciiRun)
        {
            return false;
        }

        double fluency = AsciiFluency(restored);
        if (fluency < MinUtf16AsciiFluency)
        {
            return false;
        }

        Span<char> swapped = restored.Length <= 256 ? stackalloc char[restored.Length] : new char[restored.Length];
        restored.CopyTo(swapped);
        for (int i = 0; i + 1 < swapped.Length; i += 2)
        {
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
        }

        return fluency >= AsciiFluency(swapped) + MinUtf16ByteOrderMargin;
    }

    private static double AsciiFluency(ReadOnlySpan<char> text) =>
        EncodingDecision.Fluency(TextLikelihood.Score(text, CharNgramModel.Boundary, CharNgramModel.Boundary), text, CharNgramModel.Boundary, CharNgramModel.Boundary);

    // A run a one-layer reading restores from whole UTF-8 sequences that a single-byte reader spelled out, at least
    // MinRunBytes of them, carries its evidence in its bytes, whatever characters it restores: curly quotes, dashes and
    // ellipses of English text ("â€œ", "â€\u009D", "â€”", "â€¦"), the commonest mojibake of the web, restore punctuation
    // and no letter, so they never led a run, and another chain's letter did ("The â€œbestâ€\u009D choice" became
    // "...best丟 choice"); Greek and Cyrillic words restore letters no model knows, which a short run may not restore on
    // the models' word (RestoresUnknown), so another chain's Han did ("Ελλάδα" became 螘位位维未伪). A single-byte
    // reader's clean text holds a lead byte's letter (Â..ï) followed by continuation-range symbols (€..¿) rarely: a
    // capital or ß before a symbol; two such pairs, or a three-byte one, about once in 10^5 positions of random bytes and
    // far less in words. The run is still judged by the models' gain and fluency floor. On the dev half no output changed.
    // A four-byte sequence (an emoji, "ð\u009F\u0091\u008D" for 👍) counts as the three-byte ones do (session 30): an
    // emoji restores no letter, so a token of one could not lead, and the lattice read "👍 好的" (UTF-8 read as
    // Latin-1) as "^船} 好的" by a two-layer chain that restores a letter.
    // A double-byte reader (GBK, Big5, Shift-JIS, EUC-KR) counts only a run of letters of two-byte sequences (see
    // RestoresTwoByteLetters; session 40).
    private static bool RestoresUtf8Sequences(Candidate reading, ReadOnlySpan<char> restored)
    {
        if (reading.Layers != 1 || reading.Steps[0].Truth.Kind != CodecKind.Utf8 || restored.IsEmpty)
        {
            return false;
        }

        Codec wrong = reading.Steps[0].Wrong;
        if (wrong.IsDoubleByte)
        {
            return RestoresTwoByteLetters(restored);
        }

        if (!wrong.IsSingleByte)
        {
            return false;
        }

        int bytes = 0;
        foreach (char c in restored)
        {
            if (c is < '\u0080' or '\uFFFD')
            {
                return false;
            }

            // A surrogate pair is one four-byte sequence: its high half counts the four bytes, its low half none.
            bytes += char.IsLowSurrogate(c) ? 0 : char.IsHighSurrogate(c) ? 4 : c < '\u0800' ? 2 : 3;
        }

        return bytes >= MinRunBytes;
    }

    // True when every character of restored is a letter of a two-byte UTF-8 sequence (U+0080..U+07FF): what "utf-8
    // decoded as" a double-byte decoder restores from UTF-8 Cyrillic, Greek, Armenian or Hebrew, one Han character per
    // letter, each a lead byte C2..DF and a continuation byte 80..BF ("袩褉懈胁械褌" for "Привет"). A short word of
    // it never carried evidence, as it restores letters of a script the short-run check calls unmodelled
    // (RestoresUnknown), so a wrong deeper chain's Han won or the word was left (session 40). Clean Chinese rarely has
    // such pairs throughout (see docs/encoding.md, session 40), and the run is still judged by the models' gain and
    // fluency floor; a lone letter (two bytes, under MinRunBytes) only follows its line's chain. A run of letters in
    // consecutive code points (see MinListedLetters) is a chart's row, not evidence.
    private static bool RestoresTwoByteLetters(ReadOnlySpan<char> restored)
    {
        int listed = 1;
        foreach (char c in restored)
        {
            if (c is < '\u0080' or >= '\u0800' || !char.IsLetter(c))
            {
                return false;
            }
        }

        for (int i = 1; i < restored.Length && restored[i] == restored[i - 1] + 1; i++)
        {
            listed++;
        }

        return listed < MinListedLetters || listed < restored.Length;
    }

    /// <summary>
    /// Fewest letters of a run, all in consecutive code points, that <see cref="RestoresTwoByteLetters"/> takes for a
    /// chart's row rather than UTF-8 evidence. A row of a double-byte code page's chart is consecutive bytes, and where
    /// its lead is C2..DF and its trail bytes A1..BF it is valid UTF-8 by construction, reading as consecutive letters:
    /// EUC-KR's hanja row 鬼龜叫圭 (D0A1..D0A4) is "СТУФ" (the clean charts of the evaluation's dev half, which this
    /// changed). Three: real words hold three consecutive letters ("рст" of "государство") but are rarely only those.
    /// </summary>
    public const int MinListedLetters = 3;

    // A run of one whole two-byte UTF-8 sequence of the reading "utf-8 decoded as" a single-byte decoder under which
    // the line holds Utf8SequencePool.MinSequences of them: the line's pairs are evidence together, as two pairs within
    // one run are (RestoresUtf8Sequences). Each accented letter of a Latin-script word garbled that way is a pair of
    // its own between ASCII letters ("DÃ©jÃ  vu", "Le cafÃ© est trÃ¨s bon."), and was left garbled (session 31).
    // A run of one such sequence repeated is one piece of evidence (see Period) and counts as one: the Finnish "Ã¤Ã¤"
    // of "HyvÃ¤Ã¤" was two bytes of evidence by its period, no pooled sequence by its length, and stayed garbled
    // (session 40).
    // Under a double-byte decoder (GBK, Big5, EUC-KR) the sequence is one character of the token, a Latin letter's pair
    // inside a Latin word (Utf8SequencePool.LatinWordAt: "caf茅" beside "dur茅e" on its line; session 41); under
    // Shift-JIS it is two half-width katakana ("donnﾃｩes", Utf8SequencePool.IsKanaLetterPair; session 42).
    private static bool RestoresPooledSequence(Candidate reading, ReadOnlySpan<char> restored, int utf8Pool, string token, int a, int b) =>
        utf8Pool != 0 && !restored.IsEmpty && Period(restored).Length == 1 && restored[0] is >= '\u0080' and < '\u0800' && reading.Layers == 1
            && reading.Steps[0].Truth.Kind == CodecKind.Utf8 && Utf8SequencePool.Holds(utf8Pool, reading.Steps[0].Wrong)
            && (reading.Steps[0].Wrong.IsSingleByte || (reading.Steps[0].Wrong.IsDoubleByte && restored.Length == 1 && b - a == Utf8SequencePool.PairAt(reading.Steps[0].Wrong, token, a)
                && Utf8SequencePool.LatinWordAt(token, a, reading.Steps[0].Wrong, out _, out _)));

    // A Hangul syllable followed by a Han character, or next to kana, in a short restored run: Korean writes Han as
    // whole words, followed by particles in Hangul ("政府는", which stays evidence), and never writes kana; a run of a
    // few bytes read by a double-byte decoder lands on such mixes by chance: ",ｴﾝﾋﾟﾂ," (a clean half-width katakana
    // field) became ",닫据�," by "euc-kr decoded as shift-jis". Measured on the evaluation (session 31): clean charts
    // flagged dev 59 -> 57, held-out 49 -> 49; Japanese words fixed dev 6,013 -> 6,015, test 5,956 -> 5,960; lossy
    // context cases flagged (dev) 4,876 -> 4,877; no other table changed. Han followed by Hangul too (both
    // directions) also fixed "粤公" (read as "讀무") and 2 more charts, but lost Korean particles after hanja and lossy
    // field lists (287 -> 286 of 294 flagged).
    private static bool MixesHangul(ReadOnlySpan<char> restored)
    {
        for (int i = 0; i + 1 < restored.Length; i++)
        {
            char a = restored[i], b = restored[i + 1];
            if ((IsHangul(a) && (IsHan(b) || IsKana(b))) || (IsKana(a) && IsHangul(b)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHangul(char c) => CjkText.IsHangul(c);

    private static bool IsHan(char c) => CjkText.IsUnifiedIdeograph(c) || CjkText.IsCompatibilityIdeograph(c);

    private static bool IsKana(char c) => CjkText.IsKanaBlock(c);

    // A non-ASCII symbol (box drawing, shapes, math, currency, modifiers) in a short restored run: text restored from
    // mojibake is letters and punctuation. On the dev half, 0 of 2,762 correct runs restore one, while the spurious
    // short readings of clean Traditional text do ("車輛" read as "┏序" by euc-jp decoded as big5, "銖和" as "按㎝").
    // U+FFFD (category So) is a loss inside a group, not a restored symbol.
    // A currency sign before a digit is a price, not a chance symbol: "价格：¥120" (UTF-8 read as windows-1252) was left
    // garbled for its ¥, which Chinese prices are written with as often as with ￥. next is the token's character
    // after the run.
    private static bool RestoresSymbols(ReadOnlySpan<char> restored, char next)
    {
        for (int i = 0; i < restored.Length; i++)
        {
            char c = restored[i];
            char following = i + 1 < restored.Length ? restored[i + 1] : next;
            if (c != '\uFFFD' && IsSymbol(c) && !(char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol && char.IsAsciiDigit(following)))
            {
                return true;
            }
        }

        return false;
    }

    // A non-ASCII symbol: math, currency, modifier or other symbol (box drawing, shapes). The full-width signs of
    // U+FFE0..U+FFE6 (￥, ￡, ￠, ￢, ￣, ￤, ￦) are none: they are CJK typography, what a Chinese price is written with
    // ("价格：￥99", UTF-8 read as GBK, was left garbled for its ￥).
    private static bool IsSymbol(char c) =>
        c >= '\u0080' && c is < '\uFFE0' or > '\uFFE6' && char.GetUnicodeCategory(c) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;

    // A letter of a script without a model (Cyrillic, Greek, ...) in a short restored run: the models cannot judge it
    // (their scripts are Han, kana, Hangul and Latin, those of the matrix), and spurious short readings land there
    // ("均勻" of clean Traditional text read as Cyrillic "гв" by utf-8 decoded as euc-kr, 19.2 nats).
    private static bool RestoresUnknown(ReadOnlySpan<char> restored)
    {
        foreach (char c in restored)
        {
            bool modelled = c < 0x250 || c is (>= '\u1E00' and <= '\u1EFF') or (>= '\u2E80' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFFEF')
                || CjkText.IsHangulSyllable(c) || CjkText.IsCompatibilityIdeograph(c);
            if (!modelled && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // A run inside a word of the Latin script spelt as its language spells it (LatinWords.IsWord: letters of one
    // alphabet, in a word's case) leads no reading: the Latin model learned four languages, so a Turkish, Latvian or
    // Crimean Tatar word scores -8 to -10 per transition, and a double-byte reading, which halves the characters,
    // cleared the gain asked with any Han pair of about -10 ("ölçü" read as "罵〟" by shift-jis decoded as cp437, 468
    // edits of tools/probe-clean-catalogs.py). A wrong single-byte decoder's letters mix alphabets and cases. The run
    // still follows a chain its line has shown.
    private static bool InLatinWord(string token, int a, int b)
    {
        while (a > 0 && char.IsLetter(token[a - 1]))
        {
            a--;
        }

        while (b < token.Length && char.IsLetter(token[b]))
        {
            b++;
        }

        return LatinWords.IsWord(token.AsSpan(a, b - a));
    }

    // True when text is Latin letters and marks beyond ASCII only (see LatinText.IsWordLetterOrMark), and not empty.
    private static bool IsLatinLetters(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!LatinText.IsWordLetterOrMark(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    // True for a single-byte page without the Cyrillic alphabet (windows-1252, Latin-1, Mac Roman, cp437, cp850): its
    // letters are the Latin script's, and Mac Roman's π and Ω are symbols there.
    private static bool IsLatinPage(Codec wrong) => wrong.IsSingleByte && !wrong.Page.CanEncode('\u0414');

    // True when the character before token[a..b] or after it is a letter of another script than Latin.
    private static bool BesideOtherScript(string token, int a, int b) =>
        (a > 0 && char.IsLetter(token[a - 1]) && !LatinText.IsLetter(token[a - 1])) || (b < token.Length && char.IsLetter(token[b]) && !LatinText.IsLetter(token[b]));

    // True when every character of text is a letter.
    private static bool AllLetters(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
