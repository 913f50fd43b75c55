using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// The letters with diacritics of the Latin script (U+00C0-U+017F) as the detector prices them: those the Latin
/// language model hardly saw are folded to their base letters for it, and all are checked against the alphabets of
/// the languages the single-byte candidates are for. Tables spelt out, not computed with string.Normalize or culture
/// data, so that the detector answers the same under invariant globalization (the tool's mode) as with ICU.
/// Stateless; thread-safe.
/// </summary>
internal static class LatinOrthography
{
    /// <summary>
    /// A letter whose unigram log-probability in the Latin model is below this is folded to its base letter: the model
    /// (English, German, French, Spanish; 12 M characters) saw it fewer than about 27 times, too few for its pairs to
    /// mean anything, and prices it near the floor whatever surrounds it. Every letter of those four languages is
    /// above it but \u00EB (-13.4) and \u00FF (-14.8); \u00E5 \u00F8 \u00E3 \u00F2 and all of Latin Extended-A are at
    /// -13.5 to -14.9. Folding only these keeps the model's view of the letters it knows ("\u00EA d" is not "\u0119 d").
    /// </summary>
    private const double RareLetterLogProb = -13;

    /// <summary>First code point of the tables.</summary>
    private const char First = '\u00C0';

    /// <summary>Last code point of the tables.</summary>
    private const char Last = '\u017F';

    /// <summary>
    /// The base letter of each code point of U+00C0-U+017F: the first character of its canonical decomposition;
    /// \u00D8 \u00F8 \u0141 \u0142 \u0110 \u0111, which have none, as O o L l D d; the other letters without one
    /// (\u00E6, \u00DF, \u00F0, \u00FE, \u0153, ...) and the signs \u00D7 \u00F7 as themselves.
    /// </summary>
    internal const string Base =
        "AAAAAA\u00C6CEEEEIIII\u00D0NOOOOO\u00D7OUUUUY\u00DE\u00DFaaaaaa\u00E6ceeeeiiii\u00F0nooooo\u00F7ouuuuy\u00FEy"
        + "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHh\u0126\u0127IiIiIiIiI\u0131\u0132\u0133JjKk\u0138LlLlLl\u013F\u0140LlNnNnNn"
        + "\u0149\u014A\u014BOoOoOo\u0152\u0153RrRrRrSsSsSsSsTtTt\u0166\u0167UuUuUuUuUuUuWwYyYZzZzZz\u017F";

    /// <summary>
    /// The letters beyond ASCII (lower case) of the Latin-script languages written in Windows-1250 and Windows-1252
    /// (and ISO-8859-1), from their standard alphabets: Czech, Slovak, Polish, Hungarian, Slovene, Croatian, Romanian
    /// (both s/t forms), German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Danish and Norwegian, Finnish,
    /// Icelandic, Catalan, Estonian, Albanian. A text in one of them uses one of these alphabets; a wrong code page
    /// mixes letters that no one alphabet has (Czech read as Windows-1252: \u00F8 \u00E8 \u00F9 \u00F2 \u00EC
    /// \u00EF; Danish read as Windows-1250: \u013A \u0107 \u0159).
    /// </summary>
    private static readonly string[] s_alphabets =
    [
        "\u00E1\u010D\u010F\u00E9\u011B\u00ED\u0148\u00F3\u0159\u0161\u0165\u00FA\u016F\u00FD\u017E", // cs
        "\u00E1\u00E4\u010D\u010F\u00E9\u00ED\u013A\u013E\u0148\u00F3\u00F4\u0155\u0161\u0165\u00FA\u00FD\u017E", // sk
        "\u0105\u0107\u0119\u0142\u0144\u00F3\u015B\u017A\u017C", // pl
        "\u00E1\u00E9\u00ED\u00F3\u00F6\u0151\u00FA\u00FC\u0171", // hu
        "\u010D\u0161\u017E\u0107\u0111", // sl, hr
        "\u0103\u00E2\u00EE\u015F\u0163", // ro
        "\u00E4\u00F6\u00FC\u00DF", // de
        "\u00E0\u00E2\u00E6\u00E7\u00E9\u00E8\u00EA\u00EB\u00EE\u00EF\u00F4\u0153\u00F9\u00FB\u00FC\u00FF", // fr
        "\u00E1\u00E9\u00ED\u00F3\u00FA\u00F1\u00FC", // es
        "\u00E1\u00E2\u00E3\u00E0\u00E7\u00E9\u00EA\u00ED\u00F3\u00F4\u00F5\u00FA", // pt
        "\u00E0\u00E8\u00E9\u00EC\u00ED\u00EE\u00F2\u00F3\u00F9", // it
        "\u00E1\u00E9\u00E8\u00EB\u00ED\u00EF\u00F3\u00F6\u00FC\u00FA", // nl
        "\u00E5\u00E4\u00F6\u00E9", // sv
        "\u00E6\u00F8\u00E5\u00E9", // da, no
        "\u00E4\u00F6\u00E5\u0161\u017E", // fi
        "\u00E1\u00F0\u00E9\u00ED\u00F3\u00FA\u00FD\u00FE\u00E6\u00F6", // is
        "\u00E0\u00E7\u00E8\u00E9\u00ED\u00EF\u00F2\u00F3\u00FA\u00FC", // ca
        "\u00E4\u00F6\u00F5\u00FC\u0161\u017E", // et
        "\u00E7\u00EB", // sq
    ];

    /// <summary>
    /// Of each alphabet of <see cref="s_alphabets"/>, the letters that are a word by themselves (French and Portuguese
    /// \u00E0, Italian \u00E8, Portuguese \u00E9 \u00F3, Swedish and Danish \u00E5, Danish \u00F8, Icelandic \u00E1
    /// \u00ED). A letter with a diacritic standing alone fits no other alphabet: no word of Czech, Slovak, Polish,
    /// Hungarian, Slovene, Croatian or Romanian is one such letter, and Italian "\u00E8" read as Windows-1250 is
    /// "\u010D", which no Czech or Slovak sentence has.
    /// </summary>
    private static readonly string[] s_singleLetterWords =
    [
        "", "", "", "", "", "", "", "\u00E0", "", "\u00E0\u00E9\u00F3", "\u00E8", "\u00E9", "\u00E5", "\u00E5\u00F8", "",
        "\u00E1\u00ED", "", "", "",
    ];

    /// <summary>Per code point of U+00C0-U+017F, one bit per alphabet of <see cref="s_alphabets"/> that has it (either case).</summary>
    private static readonly Lazy<int[]> s_alphabetMasks = new(() => Masks(s_alphabets));

    /// <summary>Per code point of U+00C0-U+017F, one bit per alphabet whose language has it as a word by itself (see <see cref="s_singleLetterWords"/>).</summary>
    private static readonly Lazy<int[]> s_wordMasks = new(() => Masks(s_singleLetterWords));

    /// <summary>Per code point of U+00C0-U+017F, what the language model is shown: the base letter of a rare letter, else the letter.</summary>
    private static readonly Lazy<char[]> s_shown = new(() =>
    {
        CharNgramModel model = CharNgramModel.Shared;
        char[] shown = new char[Last - First + 1];
        for (int i = 0; i < shown.Length; i++)
        {
            char c = (char)(First + i);
            shown[i] = model.UnigramLogProb(LanguageScript.Latin, c) < RareLetterLogProb ? Base[i] : c;
        }

        return shown;
    });

    /// <summary>
    /// Copies <paramref name="text"/> with every rare letter of U+00C0-U+017F (see <see cref="RareLetterLogProb"/>) replaced by its base letter;
    /// <paramref name="folded"/> counts them, and <paramref name="misfits"/> counts the letters of that range that the
    /// best-fitting alphabet lacks (the fewest over all alphabets).
    /// </summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> destination, out int folded, out int misfits)
    {
        int[] masks = s_alphabetMasks.Value;
        int[] wordMasks = s_wordMasks.Value;
        char[] shown = s_shown.Value;
        Span<int> fits = stackalloc int[s_alphabets.Length];
        fits.Clear();
        int letters = 0;
        folded = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is < First or > Last)
            {
                destination[i] = c;
                continue;
            }

            char b = shown[c - First];
            destination[i] = b;
            folded += b != c ? 1 : 0;
            int mask = masks[c - First];
            if (c is '\u00D7' or '\u00F7')
            {
                continue;
            }

            if (i > 0 && i + 1 < text.Length && !char.IsLetter(text[i - 1]) && !char.IsLetter(text[i + 1]))
            {
                // A word by itself (not at an end of the sample, where a word may be cut).
                mask &= wordMasks[c - First];
            }

            letters++;
            for (int a = 0; mask != 0; a++, mask >>= 1)
            {
                fits[a] += mask & 1;
            }
        }

        int best = 0;
        foreach (int fit in fits)
        {
            best = Math.Max(best, fit);
        }

        misfits = letters - best;
    }

    private static int[] Masks(string[] letterSets)
    {
        int[] masks = new int[Last - First + 1];
        for (int a = 0; a < letterSets.Length; a++)
        {
            foreach (char letter in letterSets[a])
            {
                masks[letter - First] |= 1 << a;
                masks[char.ToUpperInvariant(letter) - First] |= 1 << a;
            }
        }

        return masks;
    }
}
