namespace TextRepair.Analysis.Detection;

/// <summary>
/// Words of the Latin script as their languages spell them: ASCII letters with letters of U+00C0..U+0259 that one
/// language's alphabet has together, in one of the case patterns words are written in. A wrong decoder's letters mix
/// alphabets and cases ("ÖÐÎÄ" for GBK 中文 read as Windows-1252: Ð is Icelandic, Î French, Ä German); a word of
/// Turkish, Latvian or Welsh does neither, however rarely the Latin model (English, German, French, Spanish) saw its
/// letters together. Stateless; thread-safe.
/// </summary>
internal static class LatinWords
{
    private const char First = '\u00C0';
    private const char Last = '\u0259';

    /// <summary>
    /// The letters beyond ASCII (lower case; U+0130 İ, whose lower case is ASCII, spelt out) of standard alphabets of
    /// Latin-script languages whose letters lie in U+00C0..U+0259: those <see cref="LatinOrthography"/> checks the
    /// single-byte code pages' languages against, and the languages of Windows-1254 and -1257 and others of the region
    /// (Turkish, Azerbaijani, Crimean Tatar, Kurdish, Latvian, Lithuanian, Maltese, Welsh, Esperanto, Irish,
    /// Scottish Gaelic, Faroese, Galician, Luxembourgish, Sorbian, Kashubian).
    /// One bit of a <see cref="long"/> each: at most 64.
    /// </summary>
    private static readonly string[] s_alphabets =
    [
        "\u00E1\u010D\u010F\u00E9\u011B\u00ED\u0148\u00F3\u0159\u0161\u0165\u00FA\u016F\u00FD\u017E", // cs
        "\u00E1\u00E4\u010D\u010F\u00E9\u00ED\u013A\u013E\u0148\u00F3\u00F4\u0155\u0161\u0165\u00FA\u00FD\u017E", // sk
        "\u0105\u0107\u0119\u0142\u0144\u00F3\u015B\u017A\u017C", // pl
        "\u00E1\u00E9\u00ED\u00F3\u00F6\u0151\u00FA\u00FC\u0171", // hu
        "\u010D\u0161\u017E\u0107\u0111", // sl, hr, bs, sr (Latin)
        "\u0103\u00E2\u00EE\u015F\u0163\u0219\u021B", // ro
        "\u00E4\u00F6\u00FC\u00DF\u00E9\u00EB", // de, lb
        "\u00E0\u00E2\u00E6\u00E7\u00E9\u00E8\u00EA\u00EB\u00EE\u00EF\u00F4\u0153\u00F9\u00FB\u00FC\u00FF", // fr
        "\u00E1\u00E9\u00ED\u00F3\u00FA\u00F1\u00FC", // es, gl
        "\u00E1\u00E2\u00E3\u00E0\u00E7\u00E9\u00EA\u00ED\u00F3\u00F4\u00F5\u00FA\u00FC", // pt
        "\u00E0\u00E8\u00E9\u00EC\u00ED\u00EE\u00F2\u00F3\u00F9\u00FA", // it
        "\u00E1\u00E9\u00E8\u00EB\u00ED\u00EF\u00F3\u00F6\u00FC\u00FA", // nl
        "\u00E5\u00E4\u00F6\u00E9", // sv
        "\u00E6\u00F8\u00E5\u00E9\u00F3\u00E0\u00F4", // da, nb, nn
        "\u00E4\u00F6\u00E5\u0161\u017E", // fi
        "\u00E1\u00F0\u00E9\u00ED\u00F3\u00FA\u00FD\u00FE\u00E6\u00F6", // is
        "\u00E1\u00F0\u00ED\u00F3\u00FA\u00FD\u00E6\u00F8", // fo
        "\u00E0\u00E7\u00E8\u00E9\u00ED\u00EF\u00F2\u00F3\u00FA\u00FC", // ca
        "\u00E4\u00F6\u00F5\u00FC\u0161\u017E", // et
        "\u00E7\u00EB", // sq
        "\u00E7\u011F\u0131\u0130\u00F6\u015F\u00FC\u00E2\u00EE\u00FB", // tr
        "\u00E7\u0259\u011F\u0131\u0130\u00F6\u015F\u00FC", // az
        "\u00E2\u00E7\u011F\u0131\u0130\u00F1\u00F6\u015F\u00FC", // crh
        "\u00E7\u00EA\u00EE\u015F\u00FB", // ku
        "\u0101\u010D\u0113\u0123\u012B\u0137\u013C\u0146\u0161\u016B\u017E", // lv
        "\u0105\u010D\u0119\u0117\u012F\u0161\u0173\u016B\u017E", // lt
        "\u010B\u0121\u0127\u017C\u00E0\u00E8\u00EC\u00F2\u00F9", // mt
        "\u00E2\u00EA\u00EE\u00F4\u00FB\u0175\u0177\u00E4\u00EB\u00EF\u00F6\u00FC\u00FF\u00E1\u00E9\u00ED\u00F3\u00FA\u00FD", // cy (the grave accents of loanwords left out)
        "\u0109\u011D\u0125\u0135\u015D\u016D", // eo
        "\u00E1\u00E9\u00ED\u00F3\u00FA\u00E0\u00E8\u00EC\u00F2\u00F9", // ga, gd
        "\u010D\u0107\u011B\u0142\u0144\u00F3\u0159\u0155\u0161\u017A\u017E", // hsb, dsb
        "\u0105\u00E3\u00E9\u00EB\u0142\u0144\u00F2\u00F3\u00F4\u00F9\u017C", // csb
    ];

    private static readonly Lazy<long[]> s_masks = new(() =>
    {
        long[] masks = new long[Last - First + 1];
        for (int a = 0; a < s_alphabets.Length; a++)
        {
            foreach (char letter in s_alphabets[a])
            {
                foreach (char form in (ReadOnlySpan<char>)[letter, char.ToUpperInvariant(letter)])
                {
                    if (form is >= First and <= Last)
                    {
                        masks[form - First] |= 1L << a;
                    }
                }
            }
        }

        return masks;
    });

    /// <summary>
    /// True when <paramref name="word"/> is letters only, at least one of them ASCII and one beyond it, every letter
    /// beyond ASCII in U+00C0..U+0259 and all of those in one alphabet (see <see cref="s_alphabets"/>), and its case
    /// is one a word is written in: all lower case, or a capital and lower case after it. Upper case after the first
    /// letter is no word's case here: GBK's lead bytes C0..DF are Windows-1252's capitals À..ß, so GBK read that way
    /// spells capitals ("ÀMÀÛ" for 繫累, "ÁÍÂR" for 抵禦 under cp850), and a Shift-JIS field under cp850 mixes a small
    /// letter with capitals after it ("îWÆÀ" for 係長); the hostile test of session 34 found them left garbled when
    /// such words counted.
    /// </summary>
    public static bool IsWord(ReadOnlySpan<char> word)
    {
        long fits = -1;
        bool ascii = false, upperAfterFirst = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (char.IsAsciiLetter(c))
            {
                ascii = true;
            }
            else if (c is >= First and <= Last && s_masks.Value[c - First] is long mask and not 0)
            {
                fits &= mask;
            }
            else
            {
                return false;
            }

            upperAfterFirst |= i > 0 && char.IsUpper(c);
        }

        return ascii && fits != -1 && fits != 0 && !upperAfterFirst;
    }
}
