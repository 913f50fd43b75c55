using System.Globalization;
using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>The per-character tables <see cref="TextLikelihood"/> scores with, built once from the language models.</summary>
internal static partial class TextLikelihood
{
    // Unicode blocks of symbols that appear in CJK text (first, last): an unseen symbol is scored as the likeliest known
    // symbol of its block.
    private static readonly (char First, char Last)[] s_symbolBlocks =
    [
        ('\u00A1', '\u00BF'), ('\u2000', '\u206F'), ('\u20A0', '\u20CF'), ('\u2100', '\u214F'), ('\u2150', '\u218F'),
        ('\u2190', '\u21FF'), ('\u2200', '\u22FF'), ('\u2300', '\u23FF'), ('\u2460', '\u24FF'), ('\u2500', '\u257F'),
        ('\u2580', '\u259F'), ('\u25A0', '\u25FF'), ('\u2600', '\u26FF'), ('\u2700', '\u27BF'), ('\u3000', '\u303F'),
        ('\u3200', '\u32FF'), ('\u3300', '\u33FF'), ('\uFE30', '\uFE4F'), ('\uFF00', '\uFFEF'),
    ];

    // Built on first use of a table: a type's static fields are initialised once, thread-safely, and read in optimised
    // code as constants (no Lazy<T> check per call).
    private static class Tables
    {
        // Per script, per character: the character Score maps it to, and the best unigram log-probability of the other
        // scripts (OtherScripts). Tables of 6 x 64 K entries (1.5 MB), so that scoring a character costs lookups
        // instead of a search over the symbol blocks and the other models.
        public static readonly char[][] Mapped;
        public static readonly float[][] Other;

        // Per script, per character: an upper bound on the log-probability of any transition into it (BuildMaxInto),
        // so that a script whose bound for a whole text falls behind another script's exact score is skipped without
        // scoring. 6 x 64 K floats (1.5 MB).
        public static readonly float[][] MaxInto;

        // Per character: the script whose model scores it best on its own (BuildLikeliest, see Guess). 64 KB.
        public static readonly byte[] Likeliest;

#pragma warning disable CA1810 // The tables depend on one another: built in order, once.
        static Tables()
#pragma warning restore CA1810
        {
            (Mapped, Other) = BuildTables();
            MaxInto = BuildMaxInto();
            Likeliest = BuildLikeliest();
        }
    }

    private static (char[][] Mapped, float[][] Other) BuildTables()
    {
        CharNgramModel model = CharNgramModel.Shared;
        char[,] representatives = BuildRepresentatives();
        var mapped = new char[model.ScriptCount][];
        var other = new float[model.ScriptCount][];
        for (int s = 0; s < model.ScriptCount; s++)
        {
            var script = (LanguageScript)s;
            mapped[s] = new char[65536];
            other[s] = new float[65536];
            for (int c = 0; c < 65536; c++)
            {
                mapped[s][c] = Map(model, representatives, script, (char)c);
                other[s][c] = (float)OtherScripts(model, script, (char)c);
            }
        }

        return (mapped, other);
    }

    // For each script and raw character, at least the largest log-probability Score(script, ...) can give a transition
    // into it: U+FFFD's fixed cost; else the larger of a stored pair into the character it maps to and its unigram
    // log-probability (a back-off weight is at most 0; an unseen first character has weight 0), raised to the switch
    // into another script's model for a character the model never saw and to RepeatLogProb for one that may repeat.
    // Stored rounded up to the next float, so that rounding never makes the bound fall under the score.
    private static float[][] BuildMaxInto()
    {
        CharNgramModel model = CharNgramModel.Shared;
        (char[][] mappedTable, float[][] otherTable) = (Tables.Mapped, Tables.Other);
        var bounds = new float[model.ScriptCount][];
        for (int s = 0; s < model.ScriptCount; s++)
        {
            CharNgramModel.ScriptModel scriptModel = model.Model((LanguageScript)s);
            float[] pairs = scriptModel.MaxPairInto();
            float[] bound = bounds[s] = new float[65536];
            for (int raw = 0; raw < 65536; raw++)
            {
                char c = mappedTable[s][raw];
                double p = Math.Max(pairs[c], scriptModel.UnigramLogProb(c));
                if (!scriptModel.IsKnown(c))
                {
                    p = Math.Max(p, otherTable[s][c] + ScriptSwitchLogProb);
                }

                if (raw < '\u2E80' || IsSymbol((char)raw))
                {
                    p = Math.Max(p, RepeatLogProb);
                }

                bound[raw] = raw == ByteOrderMark ? 0 : MathF.BitIncrement((float)(raw == '\uFFFD' ? LostCharLogProb : p));
            }
        }

        return bounds;
    }

    // For each character, the script whose model gives it the highest log-probability on its own: its unigram
    // log-probability, or for a character the model never saw, the other models' best plus the cost of switching.
    private static byte[] BuildLikeliest()
    {
        CharNgramModel model = CharNgramModel.Shared;
        (char[][] mappedTable, float[][] otherTable) = (Tables.Mapped, Tables.Other);
        byte[] likeliest = new byte[65536];
        for (int raw = 0; raw < 65536; raw++)
        {
            double bestLogProb = double.NegativeInfinity;
            for (int s = 0; s < model.ScriptCount; s++)
            {
                CharNgramModel.ScriptModel scriptModel = model.Model((LanguageScript)s);
                char c = mappedTable[s][raw];
                double p = scriptModel.IsKnown(c) ? scriptModel.UnigramLogProb(c) : Math.Max(scriptModel.UnigramLogProb(c), otherTable[s][c] + ScriptSwitchLogProb);
                if (p > bestLogProb)
                {
                    bestLogProb = p;
                    likeliest[raw] = (byte)s;
                }
            }
        }

        return likeliest;
    }

    // The best unigram log-probability of c in the models of the other scripts.
    private static double OtherScripts(CharNgramModel model, LanguageScript script, char c)
    {
        double best = double.NegativeInfinity;
        for (int s = 0; s < model.ScriptCount; s++)
        {
            if (s != (int)script)
            {
                best = Math.Max(best, model.UnigramLogProb((LanguageScript)s, c));
            }
        }

        return best;
    }

    private static char Map(CharNgramModel model, char[,] representatives, LanguageScript script, char c)
    {
        if (c < 0x80 || model.IsKnown(script, c))
        {
            return c;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
        {
            // A space the model never saw (no-break, en, em, thin): layout, scored as the space it stands for.
            return ' ';
        }

        if (script == LanguageScript.Ko && JamoSyllable(c) is char syllable && model.IsKnown(script, syllable))
        {
            return syllable;
        }

        int block = BlockOf(c);
        return block < 0 ? c : representatives[(int)script, block];
    }

    // A Hangul compatibility jamo written alone (chat: ㅋㅋ, ㅎㅇ, ㅠㅠ) as the syllable it is read as: a consonant
    // with the vowel ㅡ (ㅋ as 크), a vowel after the silent ㅇ (ㅠ as 유). The Korean model, trained on manuals, has no
    // jamo, so they scored as unseen characters and any reading of a chat line beat them ("오늘 날씨 좋다ㅋㅋㅋ" became
    // "오늘 날씨 瞬e房0[0[0"). Null for a jamo that starts no syllable (ㄳ, archaic letters).
    private static char? JamoSyllable(char c)
    {
        const string Initials = "\u3131\u3132\u3134\u3137\u3138\u3139\u3141\u3142\u3143\u3145\u3146\u3147\u3148\u3149\u314A\u314B\u314C\u314D\u314E";
        const int VowelCount = 21, FinalCount = 28, VowelEu = 18, InitialSilent = 11;
        int initial = Initials.IndexOf(c, StringComparison.Ordinal);
        if (initial >= 0)
        {
            return (char)(0xAC00 + (((initial * VowelCount) + VowelEu) * FinalCount));
        }

        return c is >= '\u314F' and <= '\u3163' ? (char)(0xAC00 + (((InitialSilent * VowelCount) + (c - 0x314F)) * FinalCount)) : null;
    }

    private static int BlockOf(char c)
    {
        for (int b = 0; b < s_symbolBlocks.Length; b++)
        {
            if (c >= s_symbolBlocks[b].First && c <= s_symbolBlocks[b].Last)
            {
                return c <= '\u00BF' || IsSymbol(c) ? b : -1;
            }
        }

        return -1;
    }

    private static bool IsSymbol(char c)
    {
        if (c < 0x80)
        {
            return c > ' ' && !char.IsAsciiLetterOrDigit(c);
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol or UnicodeCategory.DashPunctuation or UnicodeCategory.OtherPunctuation
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation;
    }

    private static char[,] BuildRepresentatives()
    {
        CharNgramModel model = CharNgramModel.Shared;
        var table = new char[model.ScriptCount, s_symbolBlocks.Length];
        for (int s = 0; s < model.ScriptCount; s++)
        {
            var script = (LanguageScript)s;

            // Fallback: the likeliest common ASCII symbol.
            char fallback = '-';
            foreach (char c in "-=*#~_+")
            {
                if (model.UnigramLogProb(script, c) > model.UnigramLogProb(script, fallback))
                {
                    fallback = c;
                }
            }

            for (int b = 0; b < s_symbolBlocks.Length; b++)
            {
                char best = fallback;
                double bestLogProb = double.NegativeInfinity;
                for (int c = s_symbolBlocks[b].First; c <= s_symbolBlocks[b].Last; c++)
                {
                    if (model.IsKnown(script, (char)c) && IsSymbol((char)c) && model.UnigramLogProb(script, (char)c) > bestLogProb)
                    {
                        best = (char)c;
                        bestLogProb = model.UnigramLogProb(script, (char)c);
                    }
                }

                table[s, b] = best;
            }
        }

        return table;
    }
}
