using System.Buffers;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The line's evidence for UTF-8 Latin-script text read by a double-byte decoder (GBK, Big5, EUC-KR, Shift-JIS): each
/// accented letter is one two-byte sequence (lead C2..DF, continuation 80..BF) that the decoder reads as one character
/// of its own ("durée" as "dur茅e" under GBK, "zurück" as "zur羹ck" under Big5, "données" as "donn챕es" under EUC-KR) or,
/// under Shift-JIS, as two half-width katakana ("donnﾃｩes", see <see cref="IsKanaLetterPair"/>), sandwiched between
/// the word's ASCII letters. Two bytes are under <see cref="RunJudge.MinRunBytes"/>, so such a letter alone is
/// no evidence; the word around it is. Thread-safe (pure functions).
/// </summary>
internal static partial class Utf8SequencePool
{
    private static readonly Codec[] s_latinWordDecoders = [Codec.Gbk, Codec.Big5, Codec.EucKr, Codec.ShiftJis];

    // The families of the double-byte decoders under which line holds a garbled Latin word (see LatinWordAt): one is
    // enough, as one sequence inside a word is under a single-byte decoder (MinSequences), and each letter is still
    // judged by the models' gain in its word.
    internal static int OfLatinWords(ReadOnlySpan<char> line)
    {
        int pool = 0;
        foreach (Codec decoder in s_latinWordDecoders)
        {
            for (int i = 0; i < line.Length; i++)
            {
                if (PairAt(decoder, line, i) != 0 && LatinWordAt(line, i, decoder, out bool evidence, out int end))
                {
                    if (evidence)
                    {
                        pool |= 1 << decoder.Family;
                        break;
                    }

                    i = end;
                }
            }
        }

        return pool;
    }

    // Per character, whether it is a Latin letter pair (see IsLatinLetterPair) under any of s_latinWordDecoders: 8 KiB,
    // built once from the code pages.
    private static readonly ulong[] s_latinPairs = BuildLatinPairs();

    private static ulong[] BuildLatinPairs()
    {
        var bits = new ulong[1024];
        for (int c = 0x80; c < 0x10000; c++)
        {
            foreach (Codec decoder in s_latinWordDecoders)
            {
                if (IsPairUnder(decoder, (char)c))
                {
                    bits[c >> 6] |= 1UL << c;
                }
            }
        }

        return bits;
    }

    private static readonly SearchValues<char> s_asciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// Index of the first Latin letter pair of <paramref name="text"/> in a word that proves itself garbled under a
    /// double-byte decoder (see <see cref="LatinWordAt"/>), or -1: the scanner's pre-scan passes common Han, which such
    /// words are made of. A pair counts only beside an ASCII letter, so the search jumps from one run of ASCII letters to
    /// the next (vectorised) and tests only the character before and after each run: a pass testing every character
    /// beyond ASCII took the warm check of clean text (zh-CN help, 1.15 M characters) from 2.20 to 3.99 ms, under issue
    /// 12's 300 M chars/s (session 41). The first character may be a pair: the scan resumes the search at each line's
    /// start, so a line that opens with a garbled capital ("脰ffnen" for "Öffnen") was passed over until session 42.
    /// Allocates nothing.
    /// </summary>
    internal static int IndexOfLatinWord(ReadOnlySpan<char> text)
    {
        int from = 0;
        while (from < text.Length)
        {
            int run = text[from..].IndexOfAny(s_asciiLetters);
            if (run < 0)
            {
                return -1;
            }

            run += from;
            if (run >= 1 && IsLatinWordPairAt(text, run - 1))
            {
                return run - 1;
            }

            // Runs are short (words, not lines): a plain loop finds the end sooner than a vectorised search starts.
            int after = run + 1;
            while (after < text.Length && char.IsAsciiLetter(text[after]))
            {
                after++;
            }

            if (after == text.Length)
            {
                return -1;
            }

            if (IsLatinWordPairAt(text, after))
            {
                return after;
            }

            from = after + 1;
        }

        return -1;
    }

    // True when text[i], beside an ASCII letter, is a Latin letter pair in a word that proves itself garbled.
    private static bool IsLatinWordPairAt(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c < 0x80 || ((s_latinPairs[c >> 6] >> c) & 1) == 0)
        {
            return false;
        }

        foreach (Codec decoder in s_latinWordDecoders)
        {
            if (IsLatinLetterPair(decoder, c) && LatinWordAt(text, i, decoder, out bool evidence, out _) && evidence)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="token"/> holds a Latin letter pair inside a Latin word (see <see cref="LatinWordAt"/>)
    /// under a double-byte decoder that <paramref name="pool"/> (its line's, see <see cref="Of"/>) holds: "caf茅" proves
    /// nothing alone (a word's last letter), beside "dur茅e" on its line it is searched. Allocates nothing.
    /// </summary>
    internal static bool HoldsLatinWordPair(ReadOnlySpan<char> token, int pool)
    {
        foreach (Codec decoder in s_latinWordDecoders)
        {
            if (!Holds(pool, decoder))
            {
                continue;
            }

            for (int i = 0; i < token.Length; i++)
            {
                if (PairAt(decoder, token, i) != 0 && LatinWordAt(token, i, decoder, out _, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="c"/> is, under the double-byte <paramref name="decoder"/>, the two bytes of one UTF-8
    /// sequence (lead C2..DF, continuation 80..BF) of a Latin letter beyond ASCII (U+00C0..U+024F): é is C3 A9, which
    /// GBK reads as 茅, Big5 as 矇, EUC-KR as 챕. About 3% of GB2312's characters are such pairs (rows C3..C9 with a
    /// trail byte A1..BF: 茅, 猫, 木, 平, 前, 全, 三).
    /// </summary>
    internal static bool IsLatinLetterPair(Codec decoder, char c) => c >= '\u0080' && ((s_latinPairs[c >> 6] >> c) & 1) != 0 && IsPairUnder(decoder, c);

    private static bool IsPairUnder(Codec decoder, char c)
    {
        if (!decoder.Page.CanEncode(c))
        {
            return false;
        }

        int value = decoder.Page.EncodedValue(c);
        int lead = value >> 8, trail = value & 0xFF;
        return IsLatinLetterBytes(lead, trail);
    }

    /// <summary>
    /// True when text[index] (a Latin letter pair, see <see cref="IsLatinLetterPair"/>) is inside a word of the Latin
    /// script as a double-byte decoder garbles it: a stretch of ASCII letters and such pairs holding at least one ASCII
    /// letter, with no other letter on either side. Clean CJK text writes Latin words beside Han with no space
    /// ("使用Windows系统", "iPhone手机", "App内购"), so a Han character next to ASCII letters is common there; but it
    /// goes on into more Han ("App前后": 前 is a pair, 后 is none, so the stretch ends at a letter and is no word).
    /// <paramref name="evidence"/> is set when the word proves itself: a pair with an ASCII letter before it and a small
    /// ASCII letter after it (inside the word: "dur茅e", "Hinzuf眉gen"), one that opens the word before two small ASCII
    /// letters ("茅dition"), one between two ASCII capitals ("V脮TI"), or two pairs ("茅t茅" for "été").
    /// <paramref name="end"/> is the index of the word's last character.
    /// </summary>
    internal static bool LatinWordAt(ReadOnlySpan<char> text, int index, Codec decoder, out bool evidence, out int end)
    {
        int start = index;
        while (start > 0)
        {
            int unit = char.IsAsciiLetter(text[start - 1]) ? 1 : PairEndingAt(decoder, text, start - 1);
            if (unit == 0)
            {
                break;
            }

            start -= unit;
        }

        end = index + Math.Max(1, PairAt(decoder, text, index)) - 1;
        while (end + 1 < text.Length)
        {
            int unit = char.IsAsciiLetter(text[end + 1]) ? 1 : PairAt(decoder, text, end + 1);
            if (unit == 0)
            {
                break;
            }

            end += unit;
        }

        evidence = false;
        if ((start > 0 && char.IsLetter(text[start - 1])) || (end + 1 < text.Length && char.IsLetter(text[end + 1])))
        {
            return false;
        }

        int pairs = 0;
        bool ascii = false;
        for (int i = start; i <= end; i++)
        {
            if (char.IsAsciiLetter(text[i]))
            {
                ascii = true;
                continue;
            }

            // The pair is text[i..last]: one character, or two half-width katakana under Shift-JIS.
            int last = i + Math.Max(1, PairAt(decoder, text, i)) - 1;
            pairs++;
            // Inside the word, or its first letter before small letters ("l'茅dition"; a word's first letter is
            // accented in French, Spanish, Icelandic, ...). A word's last letter proves nothing alone: clean text
            // writes a Han character after a Latin name ("App前，请先登录": 前 is C7 B0, "ǰ").
            // A word in capitals holds its pair between capitals ("V脮TI" for "VÕTI").
            evidence |= last < end && char.IsAsciiLetterLower(text[last + 1]) && (i > start ? char.IsAsciiLetter(text[i - 1]) : last + 2 <= end && char.IsAsciiLetterLower(text[last + 2]));
            evidence |= i > start && last < end && char.IsAsciiLetterUpper(text[i - 1]) && char.IsAsciiLetterUpper(text[last + 1]);
            i = last;
        }

        evidence = ascii && (evidence || pairs >= MinLatinWordPairs);
        return ascii;
    }

    /// <summary>
    /// Pairs (see <see cref="IsLatinLetterPair"/>) that make a word of ASCII letters and pairs evidence wherever they
    /// stand: two, as in "茅t茅" (été) or "d茅j脿" (déjà), where neither pair has ASCII letters on both sides. A word of
    /// ASCII letters and two such Han characters, with no other letter around it, is no Chinese word: session 41's
    /// clean battery (2,575 lines of zh-cn, zh-tw, ja and ko test data and lines written for it, mixing Latin words and
    /// CJK with no space) changed none.
    /// </summary>
    private const int MinLatinWordPairs = 2;
}
