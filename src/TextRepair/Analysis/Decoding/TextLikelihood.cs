using System.Buffers;
using System.Globalization;
using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Log-likelihood of a span as clean text under the best-fitting script model (<see cref="CharNgramModel"/>), with two
/// refinements for symbols, which the training text has few of: a symbol the model never saw is scored as the most
/// frequent symbol of its Unicode block (or a common ASCII symbol), and a symbol repeated is as likely as repeats of
/// symbols are in the training text (separator runs). U+FFFD is scored as a lost character. Thread-safe.
/// </summary>
internal static class TextLikelihood
{
    /// <summary>
    /// Log-probability charged for one U+FFFD. A lost character is about as likely as a rare character: the unigram
    /// log-probability of a character seen once in the zh-Hans training text is about -15 (3.4 M characters).
    /// </summary>
    public const double LostCharLogProb = -15;

    /// <summary>
    /// Log-probability of a punctuation mark or symbol followed by itself: ln 0.378, the share of symbols followed by the
    /// same symbol in the zh-Hans training text (113,267 of 300,001, measured with tools/train-charlm.py's reader).
    /// Also used for any repeated character below the CJK blocks (a run of one accented letter is a separator or a
    /// placeholder, not a language's text, and no single-byte reader's output of CJK text repeats one character).
    /// </summary>
    public const double RepeatLogProb = -0.97;

    // Unicode blocks of symbols that appear in CJK text (first, last): an unseen symbol is scored as the likeliest known
    // symbol of its block.
    private static readonly (char First, char Last)[] s_symbolBlocks =
    [
        ('\u00A1', '\u00BF'), ('\u2000', '\u206F'), ('\u20A0', '\u20CF'), ('\u2100', '\u214F'), ('\u2150', '\u218F'),
        ('\u2190', '\u21FF'), ('\u2200', '\u22FF'), ('\u2300', '\u23FF'), ('\u2460', '\u24FF'), ('\u2500', '\u257F'),
        ('\u2580', '\u259F'), ('\u25A0', '\u25FF'), ('\u2600', '\u26FF'), ('\u2700', '\u27BF'), ('\u3000', '\u303F'),
        ('\u3200', '\u32FF'), ('\u3300', '\u33FF'), ('\uFE30', '\uFE4F'), ('\uFF00', '\uFFEF'),
    ];

    /// <summary>
    /// Log-probability of switching script: a character the script's model never saw is scored by the model that knows
    /// it best, plus this cost. ln 0.052: in the zh-Hans training text, 104,490 of 2,000,003 transitions between two
    /// letters go between a Han character and a letter of another script (measured with tools/train-charlm.py's reader).
    /// </summary>
    public const double ScriptSwitchLogProb = -2.95;

    private static readonly Lazy<char[,]> s_representatives = new(BuildRepresentatives);

    // Per script, per character: the character Map scores it as, and the best unigram log-probability of the other
    // scripts (OtherScripts). Tables of 6 x 64 K entries (1.5 MB) computed once, so that scoring a character costs
    // lookups instead of a search over the symbol blocks and the other models.
    private static readonly Lazy<(char[][] Mapped, float[][] Other)> s_tables = new(BuildTables);

    // Per script, per character: an upper bound on the log-probability of any transition into it (see MaxInto), so that
    // a script whose bound for a whole text falls behind another script's exact score is skipped without scoring.
    // 6 x 64 K floats (1.5 MB), computed once.
    private static readonly Lazy<float[][]> s_maxInto = new(BuildMaxInto);

    // Per character: the script whose model scores it best on its own (see Guess). 64 KB, computed once.
    private static readonly Lazy<byte[]> s_likeliest = new(BuildLikeliest);

    /// <summary>Scores <paramref name="text"/> between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static SpanScore Score(ReadOnlySpan<char> text, char before, char after) => Score(text, before, after, default);

    // The best script's score; with transitions (text.Length + 1 entries), also the log-probability of each transition
    // under that script. The likeliest script first (see Guess): every transition scores at most 0, so the others stop
    // as soon as they fall behind its total, and the tighter that total, the sooner; a script whose upper bound falls
    // behind it is not scored at all. Ties go to the lower script, as in a plain loop over the scripts.
    private static SpanScore Score(ReadOnlySpan<char> text, char before, char after, Span<double> transitions)
    {
        int count = CharNgramModel.Shared.ScriptCount;
        int first = (int)Guess(text);
        SpanScore best = Score((LanguageScript)first, text, before, after, transitions, double.NegativeInfinity);
        for (int s = 0; s < count; s++)
        {
            if (s == first || UpperBound(s, text, after, best.Total) < best.Total)
            {
                // An upper bound under the best score: the script can neither pass it nor tie.
                continue;
            }

            SpanScore score = Score((LanguageScript)s, text, before, after, default, best.Total);
            if (score.Total > best.Total || (score.Total == best.Total && s < (int)best.Script))
            {
                best = score;
            }
        }

        if (!transitions.IsEmpty && (int)best.Script != first)
        {
            Score(best.Script, text, before, after, transitions, double.NegativeInfinity);
        }

        return best;
    }

    /// <summary>The score of <paramref name="text"/> under <paramref name="script"/>'s model alone (what <see cref="Score(ReadOnlySpan{char}, char, char)"/> maximises).</summary>
    internal static SpanScore ScoreBy(LanguageScript script, ReadOnlySpan<char> text, char before, char after) =>
        Score(script, text, before, after, default, double.NegativeInfinity);

    /// <summary>
    /// True when <see cref="Score(ReadOnlySpan{char}, char, char)"/> of <paramref name="text"/> is at most
    /// <paramref name="bound"/>, found without scoring each script further than it takes to fall under the bound.
    /// </summary>
    public static bool ScoresAtMost(ReadOnlySpan<char> text, char before, char after, double bound)
    {
        int count = CharNgramModel.Shared.ScriptCount;
        int first = (int)Guess(text);
        for (int k = 0; k < count; k++)
        {
            // The likeliest script first: the one most likely to stay over the bound, which ends the test.
            int s = k == 0 ? first : k <= first ? k - 1 : k;
            if (UpperBound(s, text, after, bound) <= bound)
            {
                continue;
            }

            if (Score((LanguageScript)s, text, before, after, default, bound).Total > bound)
            {
                return false;
            }
        }

        return true;
    }

    // An upper bound on script s's score of text (whatever comes before it), or a value under bound as soon as the
    // bound is known to fall under it: every term is at most 0, so a partial sum can only fall.
    private static double UpperBound(int s, ReadOnlySpan<char> text, char after, double bound)
    {
        float[] maxInto = s_maxInto.Value[s];
        double total = maxInto[after];
        foreach (char c in text)
        {
            total += maxInto[c];
            if (total < bound)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// The script to score <paramref name="text"/> by first: the one whose model gives its first non-ASCII character
    /// (else its first character) the highest log-probability on its own (see BuildLikeliest). Only an order: the score
    /// is exact whichever script comes first, but the tighter the first total, the less the others are scored.
    /// </summary>
    private static LanguageScript Guess(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAnyExceptInRange('\u0000', '\u007F');
        return text.IsEmpty ? LanguageScript.Latin : (LanguageScript)s_likeliest.Value[text[i < 0 ? 0 : i]];
    }

    /// <summary>
    /// The surprise of the most surprising stretch of <paramref name="text"/>: the largest sum, over consecutive
    /// transitions, of how much less likely each is than a typical one (natural log), under the script model that fits
    /// the whole text best. A transition into a character from U+0080 to U+2E7F (Latin-1, Latin Extended, Greek,
    /// Cyrillic, symbols, box drawing: what single-byte readers write) is typical at <paramref name="typicalSymbol"/>,
    /// any other at <paramref name="typical"/>; the transition out of the text goes with its last character. Clean text
    /// dips below a typical transition at a rare character or an unseen pair and recovers at once; mojibake stays
    /// improbable for as long as it lasts. U+FFFD (a loss already marked) adds nothing and ends a stretch. Linear in the text's length; allocates nothing for texts up to
    /// <see cref="StackLimit"/> characters.
    /// </summary>
    public static double Surprise(ReadOnlySpan<char> text, char before, char after, double typical, double typicalSymbol) =>
        Surprise(text, before, after, typical, typicalSymbol, out _, out _);

    /// <summary>
    /// <see cref="Surprise(ReadOnlySpan{char}, char, char, double, double)"/>, with the stretch that gives it: the
    /// characters from <paramref name="start"/> up to <paramref name="end"/> (exclusive; both 0 when nothing is
    /// surprising).
    /// </summary>
    public static double Surprise(ReadOnlySpan<char> text, char before, char after, double typical, double typicalSymbol, out int start, out int end)
    {
        double[]? rented = null;
        Span<double> transitions = text.Length < StackLimit ? stackalloc double[StackLimit + 1] : (rented = ArrayPool<double>.Shared.Rent(text.Length + 1));
        transitions = transitions[..(text.Length + 1)];
        Score(text, before, after, transitions);
        double best = 0, current = 0;
        int currentStart = 0;
        start = end = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = text.IsEmpty ? after : text[Math.Min(i, text.Length - 1)];
            if (i < text.Length && c == '\uFFFD')
            {
                // A loss already marked is no sign of a wrong decoder, and no stretch runs across it: the text on
                // either side starts or ends there (repaired text keeps U+FFFD where bytes were lost).
                current = 0;
                continue;
            }

            if (current == 0)
            {
                currentStart = i;
            }

            current = Math.Max(0, current + ((c is >= '\u0080' and < '\u2E80' ? typicalSymbol : typical) - transitions[i]));
            if (current > best)
            {
                best = current;
                start = currentStart;
                end = Math.Min(i + 1, text.Length);
            }
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return best;
    }

    /// <summary>Longest text whose transitions <c>Surprise</c> keeps on the stack.</summary>
    private const int StackLimit = 256;

    // The score of text under script's model; stops early, with the total so far, once the total falls below bound
    // (it can only fall further).
    private static SpanScore Score(LanguageScript script, ReadOnlySpan<char> text, char before, char after, Span<double> transitions, double bound)
    {
        CharNgramModel.ScriptModel model = CharNgramModel.Shared.Model(script);
        (char[][] mappedTable, float[][] otherTable) = s_tables.Value;
        char[] mapped = mappedTable[(int)script];
        float[] other = otherTable[(int)script];
        double total = 0;
        int count = 0, unknown = 0;
        char previous = mapped[before];
        char previousRaw = before;
        for (int i = 0; i <= text.Length; i++)
        {
            char raw = i < text.Length ? text[i] : after;
            if (raw == '\uFFFD')
            {
                // A lost character: a fixed cost, and the text after it starts afresh.
                total += LostCharLogProb;
                if (!transitions.IsEmpty)
                {
                    transitions[i] = LostCharLogProb;
                }
                else if (total < bound)
                {
                    return new SpanScore(script, total, count + 1, unknown);
                }

                previous = previousRaw = CharNgramModel.Boundary;
                continue;
            }

            char c = mapped[raw];
           
            bool known = model.IsKnown(c);

            // Two different unseen symbols scored as the same representative are not a seen pair.
            double p = c == previous && raw != previousRaw ? model.UnigramLogProb(c) : model.LogProb(previous, c);
            if (!known)
            {
                p = Math.Max(p, other[c] + ScriptSwitchLogProb);
            }

            if (raw == previousRaw && p < RepeatLogProb && (raw < '\u2E80' || IsSymbol(raw)))
            {
                p = RepeatLogProb;
            }

            total += p;
            if (!transitions.IsEmpty)
            {
                transitions[i] = p;
            }
            else if (total < bound)
            {
                return new SpanScore(script, total, count + 1, unknown);
            }

            count++;
            unknown += i < text.Length && !known ? 1 : 0;
            previous = c;
            previousRaw = raw;
        }

        return new SpanScore(script, total, count, unknown);
    }

    private static (char[][] Mapped, float[][] Other) BuildTables()
    {
        CharNgramModel model = CharNgramModel.Shared;
        char[,] representatives = s_representatives.Value;
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
        (char[][] mappedTable, float[][] otherTable) = s_tables.Value;
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

                bound[raw] = MathF.BitIncrement((float)(raw == '\uFFFD' ? LostCharLogProb : p));
            }
        }

        return bounds;
    }

    // For each character, the script whose model gives it the highest log-probability on its own: its unigram
    // log-probability, or for a character the model never saw, the other models' best plus the cost of switching.
    private static byte[] BuildLikeliest()
    {
        CharNgramModel model = CharNgramModel.Shared;
        (char[][] mappedTable, float[][] otherTable) = s_tables.Value;
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

        int block = BlockOf(c);
        return block < 0 ? c : representatives[(int)script, block];
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
