using System.Globalization;

namespace TextRepair.Analysis.Decoding;

/// <summary>What a restored run is made of, which decides whether it may carry evidence (see <see cref="RunJudge"/>).</summary>
internal static partial class RunJudge
{
    // A run that restores no letter beyond ASCII (only symbols, U+FFFD, or ASCII kept in a group) restores no text: no
    // evidence of mojibake, which only ever garbles non-ASCII text.
    private static bool RestoresLetters(ReadOnlySpan<char> restored)
    {
        foreach (char c in restored)
        {
            if (c >= 0x80 && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // A run a one-layer reading restores from whole UTF-8 sequences that a single-byte reader spelled out, at least
    // MinRunBytes of them, carries its evidence in its bytes, whatever characters it restores: curly quotes, dashes and
    // ellipses of English text ("â€œ", "â€\u009D", "â€”", "â€¦"), the commonest mojibake of the web, restore punctuation
    // and no letter, so they never led a run, and another chain's letter did ("The â€œbestâ€\u009D choice" became
    // "...best丟 choice"); Greek and Cyrillic words restore letters no model knows, which a short run may not restore on
    // the models' word (RestoresUnknown), so another chain's Han did ("Ελλάδα" became 螘位位维未伪). A single-byte
    // reader's clean text holds a lead byte's letter (Â..ï) followed by continuation-range symbols (€..¿) rarely: a
    // capital or ß before a symbol; two such pairs, or a three-byte one, about once in 10^5 positions of random bytes and
    // far less in words. The run is still judged by the models' gain and fluency floor. On the dev half no output changed.
    private static bool RestoresUtf8Sequences(Candidate reading, ReadOnlySpan<char> restored)
    {
        if (reading.Layers != 1 || reading.Steps[0].Truth.Kind != CodecKind.Utf8 || !reading.Steps[0].Wrong.IsSingleByte || restored.IsEmpty)
        {
            return false;
        }

        int bytes = 0;
        foreach (char c in restored)
        {
            if (c is < '\u0080' or '\uFFFD' || char.IsSurrogate(c))
            {
                return false;
            }

            bytes += c < '\u0800' ? 2 : 3;
        }

        return bytes >= MinRunBytes;
    }

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
            bool modelled = c < 0x250 || c is (>= '\u1E00' and <= '\u1EFF') or (>= '\u2E80' and <= '\u9FFF')
                or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');
            if (!modelled && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
