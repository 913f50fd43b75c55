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
        // scripts (see BuildTables). Tables of 6 x 64 K entries (1.5 MB), so that scoring a character costs lookups
        // instead of a search over the symbol blocks and the other models.
        public static readonly char[][] Mapped;
        public static readonly float[][] Other;

        // Per script, per character: an upper bound on the log-probability of any transition into it (BuildMaxInto),
        // so that a script whose bound for a whole text falls behind another script's exact score is skipped without
        // scoring. 6 x 64 K floats (1.5 MB).
        public static readonly float[][] MaxInto;

        // Per character: the script whose model scores it best on its own (BuildLikeliest, see Guess). 64 KB.
        public static readonly byte[] Likeliest;

        // Per character: true when a run of it may be scored as a repeat (see MayRepeat). 64 KB.
        public static readonly bool[] Repeatable = BuildRepeatable(listing: false);

        // Per character: true when a row of it in consecutive code points may be scored as a listing (see MayList). 64 KB.
        public static readonly bool[] Listable = BuildRepeatable(listing: true);

        // Per character: the alphabet with no model it is a letter of, or 0 (see UnmodelledAlphabet). 64 KB.
        public static readonly byte[] Alphabet = BuildAlphabets();

#pragma warning disable CA1810 // The tables depend on one another: built in order, once.
        static Tables()
#pragma warning restore CA1810
        {
            (Mapped, Other) = BuildTables();
            MaxInto = BuildMaxInto();
            Likeliest = BuildLikeliest();
        }
    }

    // The Cyrillic model scores a capital as its small letter. Its training text has few words in capitals, so a
    // placeholder written in them (БРОЈ, ВЗІРЕЦЬ, ШИРОЧИНА in Debian's program messages) was a run of unseen pairs that
    // a CJK reading beat: 5 of 7,054 clean messages of 123 languages were changed (tools/import-clean-multilingual.sh),
    // none after. A word's case is no evidence of a wrong decoder: windows-1251's reading of UTF-8 is still its pairs (РџСЂ).
    // A case that changes inside a word is, and is charged apart (CyrillicCaseLogProb, session 39).
    // On the encoding dev half one lossy case kept four characters of mojibake more (Глј), nothing else changed.
    private static bool IsCyrillicCapital(char c) => c is >= '\u0400' and <= '\u042F';

    // One pass over the characters, every script at once: the best other script's unigram of a character is the
    // second best of all scripts for the best script and the best for every other, so each character's unigrams are
    // read once instead of once per script (a fifth of a tiny text's first repair went to reading them six times six
    // times, session 15), and its symbol block is looked up once (BuildBlocks). The tables are the same, bit for bit.
    private static (char[][] Mapped, float[][] Other) BuildTables()
    {
        CharNgramModel model = CharNgramModel.Shared;
        char[,] representatives = BuildRepresentatives();
        sbyte[] blocks = BuildBlocks();
        int scripts = model.ScriptCount;
        var mapped = new char[scripts][];
        var other = new float[scripts][];
        for (int s = 0; s < scripts; s++)
        {
            mapped[s] = new char[65536];
            other[s] = new float[65536];
        }

        for (int c = 0; c < 65536; c++)
        {
            double best = double.NegativeInfinity, second = double.NegativeInfinity;
            int bestScript = -1;
            for (int s = 0; s < scripts; s++)
            {
                double unigram = model.UnigramLogProb((LanguageScript)s, (char)c);
                if (unigram > best)
                {
                    (second, best, bestScript) = (best, unigram, s);
                }
                else if (unigram > second)
                {
                    second = unigram;
                }
            }

            for (int s = 0; s < scripts; s++)
            {
                var script = (LanguageScript)s;
                mapped[s][c] = script == LanguageScript.Cyrillic && IsCyrillicCapital((char)c)
                    ? char.ToLowerInvariant((char)c)
                    : Map(model, representatives, blocks, script, (char)c);
                other[s][c] = (float)(s == bestScript ? second : best);
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

                if (Tables.Repeatable[raw] || Tables.Listable[raw])
                {
                    p = Math.Max(p, RepeatLogProb);
                }

                if (Tables.Alphabet[raw] != 0 && !scriptModel.IsKnown(c))
                {
                    p = Math.Max(p, UnmodelledLetterLogProb);
                }

                if (HalfWidthKana.IsMark((char)raw))
                {
                    // A sound mark after the kana it voices, scored as that voiced kana already (see Score): free.
                    p = 0;
                }
                else if (HalfWidthKana.IsKana((char)raw))
                {
                    // A kana scored as the voiced kana it makes with a sound mark after it (see Score).
                    foreach (char mark in (ReadOnlySpan<char>)['\uFF9E', '\uFF9F'])
                    {
                        char voiced = HalfWidthKana.Compose((char)raw, mark);
                        if (voiced != '\0' && scriptModel.IsKnown(voiced))
                        {
                            p = Math.Max(p, Math.Max(pairs[voiced], scriptModel.UnigramLogProb(voiced)));
                        }
                    }
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

    private static char Map(CharNgramModel model, char[,] representatives, sbyte[] blocks, LanguageScript script, char c)
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

        if (HalfWidthKana.IsKana(c) && model.IsKnown(script, HalfWidthKana.FullWidth(c)))
        {
            // A half-width kana or mark as the full-width character it stands for (see HalfWidthKana).
            return HalfWidthKana.FullWidth(c);
        }

        if (script == LanguageScript.Ko && JamoSyllable(c) is char syllable && model.IsKnown(script, syllable))
        {
            return syllable;
        }

        int block = blocks[c];
        if (block < 0 && CharUnicodeInfo.GetDecimalDigitValue(c) is int digit and >= 0
            && !Enumerable.Range(0, model.ScriptCount).Any(s => model.IsKnown((LanguageScript)s, c)))
        {
            // A decimal digit no model ever saw (Persian ۱۰۰, Arabic-Indic, Devanagari, ...): a number, scored as the
            // ASCII digit of its value (a row of consecutive digits still counts as a listing, see MayList). Scored as
            // unseen characters, a Persian number lost to any reading of its bytes: "۱۰۰" (UTF-8 DB B1 DB B0 DB B0) read
            // as GBK gave 旁方方 in clean Persian prose (session 38: 3 messages of the clean catalogue probe, 0 after).
            // A digit some model knows keeps its scores: full-width ２ is the CJK models' to judge, and mapped to 2 in
            // the others it made a reading ("２品" for the clean half-width field ﾑﾄﾜﾗ) likelier than the text.
            return (char)('0' + digit);
        }

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

    // Per character: the index of its symbol block when it is a symbol of one (an unseen one is scored as the block's
    // likeliest known symbol), else -1. The blocks do not overlap.
    private static sbyte[] BuildBlocks()
    {
        var blocks = new sbyte[65536];
        blocks.AsSpan().Fill(-1);
        for (int b = 0; b < s_symbolBlocks.Length; b++)
        {
            for (int c = s_symbolBlocks[b].First; c <= s_symbolBlocks[b].Last; c++)
            {
                blocks[c] = c <= '\u00BF' || IsSymbol((char)c) ? (sbyte)b : (sbyte)-1;
            }
        }

        return blocks;
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
