using System.Diagnostics;
using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Log-likelihood of a span as clean text under the best-fitting script model (<see cref="CharNgramModel"/>), with two
/// refinements for symbols, which the training text has few of: a symbol the model never saw is scored as the most
/// frequent symbol of its Unicode block (or a common ASCII symbol), and a symbol repeated is as likely as repeats of
/// symbols are in the training text (separator runs). U+FFFD is scored as a lost character. Thread-safe.
/// </summary>
internal static partial class TextLikelihood
{
    /// <summary>
    /// Log-probability charged for one U+FFFD. A lost character is about as likely as a rare character: the unigram
    /// log-probability of a character seen once in the zh-Hans training text is about -15 (3.4 M characters).
    /// </summary>
    public const double LostCharLogProb = -15;

    /// <summary>
    /// Log-probability of a punctuation mark or symbol followed by itself: ln 0.378, the share of symbols followed by the
    /// same symbol in the zh-Hans training text (113,267 of 300,001, measured with tools/train-charlm.py's reader).
    /// Also used for any repeated character that is not a CJK letter (see <see cref="MayRepeat"/>; a run of one accented
    /// letter is a separator or a placeholder, not a language's text, and no single-byte reader's output of CJK text
    /// repeats one character), and
    /// for the third and later characters of a listing, a run of consecutive code points beyond ASCII ("ÀÁÂÃÄÅ", "①②③"):
    /// charset tables and enumerations, which the training text does not hold (13 of its 11,264 transitions between two
    /// characters from U+0080 to U+2E7F go to the next code point, none twice in a row) and single-byte readers of CJK
    /// text write only by chance (three consecutive bytes: about 1 in 24,000 positions of GBK text read as Latin-1). The
    /// issue's clean "ÀÁÂÃÄÅ" was read as 懒旅呐 when it was scored as six unrelated letters. A run in a legacy code
    /// page's byte order is a listing too (<see cref="CodePageOrder"/>, session 29): a chart copied from a code table
    /// ("āáǎà", GB2312's pinyin row) decodes under another page to that page's chart at the same bytes (ΑΒΓΔ, EUC-KR's
    /// Greek), which was a listing while the input was not.
    /// </summary>
    public const double RepeatLogProb = -0.97;

    /// <summary>
    /// Log-probability of two different box-drawing characters side by side that do not join (see
    /// <see cref="BoxDrawing"/>): no drawing in the training text has such a pair, so it is scored as what the training
    /// text has once, <see cref="LostCharLogProb"/>. Joined ones keep the model's score: random neighbours join often
    /// enough (╬─╝ of GBK 文件 read as cp437 joins throughout) that a joined pair is no evidence of a drawing.
    /// </summary>
    public const double UnjoinedBoxLogProb = LostCharLogProb;

    /// <summary>
    /// Log-probability of switching script: a character the script's model never saw is scored by the model that knows
    /// it best, plus this cost. ln 0.052: in the zh-Hans training text, 104,490 of 2,000,003 transitions between two
    /// letters go between a Han character and a letter of another script (measured with tools/train-charlm.py's reader).
    /// </summary>
    public const double ScriptSwitchLogProb = -2.95;

    /// <summary>
    /// Log-probability of a letter that follows a letter of its own alphabet, in an alphabet no model was trained on
    /// (<see cref="UnmodelledAlphabet"/>: Greek, Arabic, Hebrew, Thai, the Indic scripts...). With no model of which
    /// letter follows which, each is taken as equally likely: ln(1/100), an alphabet's block of 128 code points less
    /// its punctuation, digits and unassigned points. Scored as unseen characters, clean words of these alphabets
    /// lost to any CJK reading: of 300 Greek messages of Debian's translations, 195 were changed ("Ελλάδα", UTF-8, read
    /// as EUC-JP gave 了了略隆留). The first letter of a word keeps its unseen cost, so a lone letter (what a code page
    /// writes for one byte: cp437's Σ, Mac Roman's π) is no likelier than before, and no wrong decoder of this engine
    /// writes two letters of one of these alphabets in a row but by chance.
    /// </summary>
    public const double UnmodelledLetterLogProb = -4.6;

    /// <summary>
    /// Log-probability at most of a line break inside a scored text (not the line's ends, <c>before</c> and <c>after</c>):
    /// as likely as a rare character (<see cref="LostCharLogProb"/>), not as the models' line boundary. Tokens are cut at
    /// line breaks, so a reading that writes one claims a line break the input hid, which only a UTF-16 reader can (in a
    /// unit); and the models, trained on lines, give the boundary the likelihood of a line's end, so a reading could cut
    /// a hard transition in two for about 4 nats: "µË×ÏÆå" (邓紫棋 written in GBK, read as windows-1252) was read
    /// "\n崎i-N" by two layers through UTF-16, which inserted a line into a song list. A text of several lines whose
    /// line breaks the input holds (a UTF-16 field read whole) is scored by <see cref="ScoreLines"/>.
    /// </summary>
    public const double InnerLineBreakLogProb = LostCharLogProb;

    /// <summary>
    /// U+FEFF, the byte order mark (zero width no-break space), is transparent to scoring: it costs nothing and the
    /// transition over it goes from the character before it. A reading of UTF-8 text that started with a BOM starts
    /// with one ("锘夸腑鏂" for BOM + 中文), and the models' training text has none, so scoring it as an unseen
    /// character would hold every such reading back by one rare character.
    /// </summary>
    public const char ByteOrderMark = '\uFEFF';

    /// <summary>Scores <paramref name="text"/> between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static SpanScore Score(ReadOnlySpan<char> text, char before, char after) => Score(text, before, after, default);

    /// <summary>
    /// <see cref="Score(ReadOnlySpan{char}, char, char)"/> of a text of several lines whose line breaks the input
    /// holds too (a UTF-16 field read whole, see <see cref="Utf16TextReading"/>): each line break is scored as the
    /// models' line boundary, not as a rare character (<see cref="InnerLineBreakLogProb"/>).
    /// </summary>
    public static SpanScore ScoreLines(ReadOnlySpan<char> text, char before, char after) => Score(text, before, after, default, linesHeld: true);

    /// <summary>
    /// <see cref="Score(ReadOnlySpan{char}, char, char)"/> of a text whose <see cref="ScoreLikeliest"/> is
    /// <paramref name="likeliest"/> (same text and context): that script is not scored again, the others are.
    /// </summary>
    public static SpanScore ScoreWithLikeliest(ReadOnlySpan<char> text, char before, char after, SpanScore likeliest)
    {
        Debug.Assert(likeliest.Script == Guess(text), "The likeliest script's score of this text.");
        return Score(text, before, after, default, likeliest: likeliest);
    }

    // The best script's score; with transitions (text.Length + 1 entries), also the log-probability of each transition
    // under that script. The likeliest script first (see Guess): every transition scores at most 0, so the others stop
    // as soon as they fall behind its total, and the tighter that total, the sooner; a script whose upper bound falls
    // behind it is not scored at all. Ties go to the lower script, as in a plain loop over the scripts. The likeliest
    // script's score, when given, is that first score (ScoreLikeliest's, which callers often have already).
    private static SpanScore Score(ReadOnlySpan<char> text, char before, char after, Span<double> transitions, bool linesHeld = false, SpanScore? likeliest = null)
    {
        int count = CharNgramModel.Shared.ScriptCount;
        int first = (int)Guess(text);
        SpanScore best = likeliest ?? Score((LanguageScript)first, text, before, after, transitions, double.NegativeInfinity, linesHeld);
        for (int s = 0; s < count; s++)
        {
            if (s == first || UpperBound(s, text, after, best.Total) < best.Total)
            {
                // An upper bound under the best score: the script can neither pass it nor tie.
                continue;
            }

            SpanScore score = Score((LanguageScript)s, text, before, after, default, best.Total, linesHeld);
            if (score.Total > best.Total || (score.Total == best.Total && s < (int)best.Script))
            {
                best = score;
            }
        }

        if (!transitions.IsEmpty && (int)best.Script != first)
        {
            Score(best.Script, text, before, after, transitions, double.NegativeInfinity, linesHeld);
        }

        return best;
    }

    /// <summary>The score of <paramref name="text"/> under <paramref name="script"/>'s model alone (what <see cref="Score(ReadOnlySpan{char}, char, char)"/> maximises).</summary>
    internal static SpanScore ScoreBy(LanguageScript script, ReadOnlySpan<char> text, char before, char after) =>
        Score(script, text, before, after, default, double.NegativeInfinity);

    /// <summary>
    /// The score of <paramref name="text"/> under the script <see cref="Guess"/> names: at most
    /// <see cref="Score(ReadOnlySpan{char}, char, char)"/>, and usually equal to it, for one script's work.
    /// </summary>
    public static SpanScore ScoreLikeliest(ReadOnlySpan<char> text, char before, char after) =>
        Score(Guess(text), text, before, after, default, double.NegativeInfinity);

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
        float[] maxInto = Tables.MaxInto[s];
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
    /// The code-point and code page orders (a bit mask: bit 0 for code points, which count for the characters
    /// <see cref="MayList"/> allows; the others as <see cref="CodePageOrder.Orders"/>) in which <paramref name="c"/>
    /// comes right after <paramref name="previous"/>: a listing is two such steps in one order.
    /// </summary>
    private static int ListingOrders(char previous, char c)
    {
        if (c < '\u0080' || !MayList(c))
        {
            return 0;
        }

        return (c == previous + 1 || NextLetterPastSymbol(previous, c) ? 1 : 0) | (c < '\u00A0' || previous < '\u00A0' ? 0 : CodePageOrder.Orders(previous, c) << 1);
    }

    // A letter two code points after a letter, past a symbol: an alphabet's row lists its letters and leaves out the
    // symbols its block holds among them (Latin-1's × between Ö and Ø, ÷ between ö and ø), so "ÒÓÔÕÖØ" is a listing.
    // Scored as unrelated letters, such clean rows were read as GBK ("ÔÕÖØ" as 桐路, "ÒÓÔÕÖØ" as 矣哉重; session 43).
    private static bool NextLetterPastSymbol(char previous, char c) =>
        c == previous + 2 && char.IsLetter(previous) && char.IsLetter(c) && !char.IsLetter((char)(previous + 1));

    /// <summary>
    /// The script to score <paramref name="text"/> by first: the one whose model gives its first non-ASCII character
    /// (else its first character) the highest log-probability on its own (see BuildLikeliest). Only an order: the score
    /// is exact whichever script comes first, but the tighter the first total, the less the others are scored.
    /// </summary>
    private static LanguageScript Guess(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAnyExceptInRange('\u0000', '\u007F');
        return text.IsEmpty ? LanguageScript.Latin : (LanguageScript)Tables.Likeliest[text[i < 0 ? 0 : i]];
    }

    /// <summary>
    /// Characters ahead of the scoring loop whose pair's slot it asks the processor for (see
    /// <see cref="CharNgramModel.ScriptModel.Prefetch"/>): far enough for the slot to arrive before the loop gets there.
    /// Scoring 7,494 lines of clean and garbled text took 0.87-0.93x main's CPU time with 3, 6 and 10 alike (session 28,
    /// alternating processes on a loaded host); 6 leaves short tokens' first pairs unfetched but stays ahead on a busy core.
    /// </summary>
    private const int PrefetchDistance = 6;

    // The score of text under script's model; stops early, with the total so far, once the total falls below bound
    // (it can only fall further).
    private static SpanScore Score(LanguageScript script, ReadOnlySpan<char> text, char before, char after, Span<double> transitions, double bound, bool linesHeld = false)
    {
        CharNgramModel.ScriptModel model = CharNgramModel.Shared.Model(script);
        char[] mapped = Tables.Mapped[(int)script];
        float[] other = Tables.Other[(int)script];
        bool latin = script == LanguageScript.Latin;
        double total = 0;
        int count = 0, unknown = 0;
        char previous = mapped[before];
        char previousRaw = before;
        int listing = 0;
        bool cyrillic = script == LanguageScript.Cyrillic;
        int capitals = cyrillic && IsCyrillicLetterCase(before, upper: true) ? 1 : 0;

        // Whether the kana before was scored as the voiced kana it makes with the sound mark at i (composedAhead), and
        // whether the character at i is such a kana (composedNext).
        bool composedAhead = false, composedNext = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char raw = i < text.Length ? text[i] : after;
            if (raw == ByteOrderMark)
            {
                // Zero width, and no evidence either way: the text reads as if it were not there.
                continue;
            }

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
                listing = 0;
                capitals = 0;
                composedAhead = false;
                continue;
            }

            char c = mapped[raw];
            if (i + PrefetchDistance < text.Length)
            {
                // The pair this loop probes PrefetchDistance characters on (when no loss or mark intervenes).
                model.Prefetch(mapped[text[i + PrefetchDistance - 1]], mapped[text[i + PrefetchDistance]]);
            }

            bool known = model.IsKnown(c);

            // Two different unseen symbols scored as the same representative are not a seen pair.
            double p = c == previous && raw != previousRaw ? model.UnigramLogProb(c) : model.LogProb(previous, c);
            if (!known)
            {
                p = Math.Max(p, other[c] + ScriptSwitchLogProb);
                if (UnmodelledAlphabet(raw) is int alphabet and > 0 && UnmodelledAlphabet(previousRaw) == alphabet)
                {
                    // A letter after a letter of its own alphabet, which no model knows (see UnmodelledLetterLogProb).
                    p = Math.Max(p, UnmodelledLetterLogProb);
                }
            }

            if (latin && p < model.UnigramLogProb(c) && LatinText.IsExtendedLetter(raw) && LatinText.IsExtendedLetter(previousRaw))
            {
                // A row of Latin letters beyond ASCII ("áéýúíóþæðö", an alphabet line): each scores at least as itself
                // alone. The model saw them one at a time inside words, so its back-off charged 5-7 nats more and such a
                // row (-102 nats) lost to any GBK reading of half as many characters (session 39, docs/encoding.md).
                p = model.UnigramLogProb(c);
            }

            if (HalfWidthKana.IsMark(raw))
            {
                // A sound mark makes one voiced kana with the kana before it, and what follows goes from that kana; a
                // mark after anything else is no text (see HalfWidthKana.Compose). The kana before it was scored as the
                // voiced kana already when the model knows that (below): the mark is part of it and costs nothing more.
                char composed = HalfWidthKana.Compose(previousRaw, raw);
                if (composed != '\0')
                {
                    p = composedAhead ? 0 : HalfWidthKana.VoicedMarkLogProb;
                    c = model.IsKnown(composed) ? composed : c;
                    known = true;
                }
                else
                {
                    p = Math.Min(p, LostCharLogProb);
                }
            }
            else if (HalfWidthKana.IsKana(raw))
            {
                // A kana with a sound mark after it is the voiced kana they make, scored as that kana (ﾍﾞ as ベ, not as
                // ヘ and a share of voicing: "ﾗﾍﾞﾙ" scores as ラベル), when the model knows it (see HalfWidthKana.Compose).
                char next = i + 1 < text.Length ? text[i + 1] : i < text.Length ? after : CharNgramModel.Boundary;
                char voiced = HalfWidthKana.IsMark(next) ? HalfWidthKana.Compose(raw, next) : '\0';
                if (voiced != '\0' && model.IsKnown(voiced))
                {
                    c = voiced;
                    known = true;
                    p = previous == c && previousRaw != raw ? model.UnigramLogProb(c) : model.LogProb(previous, c);
                    composedNext = true;
                }

                if (i < text.Length && !HalfWidthKana.IsKana(previousRaw))
                {
                    // The first of a run of half-width forms: written so at all, less so as a field between ASCII
                    // (see HalfWidthKana.RunLogProb and AsciiFieldLogProb).
                    p += HalfWidthKana.RunCharge(text, i, before, after);
                }
            }

            if (raw != previousRaw && BoxDrawing.Contains(raw) && BoxDrawing.Contains(previousRaw) && !BoxDrawing.Joins(previousRaw, raw))
            {
                // Two box-drawing characters side by side that do not join: no drawing puts them so (see BoxDrawing).
                p = Math.Min(p, UnjoinedBoxLogProb);
            }
            else if (BoxDrawing.ArmMeetsText(previousRaw, raw))
            {
                // An arm that ends in a letter or a code-page symbol: no drawing puts them so either (see BoxDrawing.ArmMeetsText).
                p = Math.Min(p, UnjoinedBoxLogProb);
            }

            if (raw == previousRaw && p < RepeatLogProb && MayRepeat(raw))
            {
                p = RepeatLogProb;
            }

            // A listing: the third character of a run of consecutive characters beyond ASCII, in code-point order or
            // in one code page's order, continues it as a repeat continues a run (see RepeatLogProb).
            int orders = ListingOrders(previousRaw, raw);
            if ((orders & listing) != 0 && p < RepeatLogProb)
            {
                p = RepeatLogProb;
            }

            listing = orders;
            if (cyrillic)
            {
                // A case that changes inside a word, which the folded model cannot see (see CyrillicCaseLogProb).
                p += CyrillicCaseLogProb(previousRaw, raw, capitals);
                capitals = IsCyrillicLetterCase(raw, upper: true) ? capitals + 1 : 0;
            }

            if (!linesHeld && i < text.Length && raw is '\n' or '\r')
            {
                // A line break the text holds (see InnerLineBreakLogProb), also after a line break (no repeat of a
                // symbol); at most the model's own, which keeps UpperBound an upper bound.
                p = Math.Min(p, InnerLineBreakLogProb);
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
            composedAhead = composedNext;
            composedNext = false;
        }

        return new SpanScore(script, total, count, unknown);
    }
}
