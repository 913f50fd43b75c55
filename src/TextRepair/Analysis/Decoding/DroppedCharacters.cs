using System.Collections.Concurrent;
using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Losses a decoder that ignores what it cannot read leaves no mark of. A double-byte decoder asked to skip invalid
/// bytes (Python's <c>errors="ignore"</c>, a tool that drops what it cannot show) drops a character whose two bytes
/// it cannot read as a pair and cannot read alone either: UTF-8 Russian read as EUC-KR or Big5 loses р, с, т, у and
/// the rest of U+0440..U+044F whole (their trail byte 0x80..0x8F is no trail there and no character alone), and
/// "Функции" comes back as "Фнкии", which reads as Russian, with no U+FFFD to tell. The evidence is what the restored
/// text lacks: those letters are about a third of Russian text, so thirty letters without one are improbable
/// (0.7^30, about 1 in 45,000) unless the decoder dropped them. Each chain's restorations in a text are pooled and
/// tested by the language model's unigram probabilities (<see cref="AbsenceLogProb"/>); when the absence is less
/// likely than <see cref="MaxAbsenceLogProb"/>, they are reported lossy (<see cref="EncodingFinding.Dropped"/>): the
/// text is kept as restored, since where the letters stood cannot be told. Thread-safe (profiles cached per pair of
/// codecs, built once on first use).
/// </summary>
internal static class DroppedCharacters
{
    /// <summary>
    /// Log-probability under which the absence of every droppable character from a chain's restorations counts as a
    /// loss: e^-5, about 1 in 150 natural texts would lack them by chance. A text a strict reader got through lacks them
    /// by necessity, so the bound weighs how rare such a text is against how common readers that ignore errors are.
    /// Measured on the lead's dropped-characters set (session 43: lines, paragraphs and 2-8 character fields in seven
    /// languages, written in UTF-8, GBK, Big5, Shift-JIS, EUC-JP or EUC-KR and read by another of GBK, Big5, Shift-JIS
    /// or EUC-KR, strictly or ignoring errors; dev half, 994 strict and 1,762 ignoring): lossy flagged 614 (main) -> 761
    /// at e^-6, 779 at e^-5, 805 at e^-4; strict (recoverable) restorations flagged 0 at e^-5, 1 at e^-4 (a Simplified
    /// line of 60 characters read as Big5, which lacked GBK's leads C6..C8 by chance); before CJK punctuation and the
    /// private-use pairs were weighed, 2 at e^-2. Capitals weighed as well (with the session's other rules): 934 -> 941
    /// (test half 945 -> 949), strict still 0.
    /// </summary>
    internal const double MaxAbsenceLogProb = -5.0;

    // The blocks whose letters are weighed, each with the model its letters are scored by (Han and CJK punctuation by the true encoding's
    // own script, see ScriptOfHan). Blocks without a model of their own (Greek, Hebrew, Arabic) are not weighed: their
    // letters would all score as unseen alike, and the test would count letters instead of weighing them.
    private static readonly (char First, char Last, LanguageScript? Script)[] s_blocks =
    [
        ('a', 'z', LanguageScript.Latin),
        ('\u00C0', '\u024F', LanguageScript.Latin),
        ('\u0400', '\u04FF', LanguageScript.Cyrillic),
        ('\u3001', '\u303F', null),
        ('\u3041', '\u30FA', LanguageScript.Ja),
        ('\u4E00', '\u9FFF', null),
        ('\uAC00', '\uD7A3', LanguageScript.Ko),
        ('\uFF01', '\uFF5E', null),
    ];

    private static readonly ConcurrentDictionary<(int Truth, int Wrong), Profile> s_profiles = new();

    /// <summary>
    /// Marks the restorations of <paramref name="findings"/> from index <paramref name="from"/> on lossy
    /// (<see cref="EncodingFinding.Dropped"/>) where their chain's wrong decoder must have dropped characters (see the
    /// class). Only one-layer chains read by a double-byte decoder are weighed. Linear in the restored text.
    /// </summary>
    public static void Mark(List<EncodingFinding> findings, int from)
    {
        Dictionary<string, double>? evidence = null;
        List<int>? weighed = null;
        for (int i = from; i < findings.Count; i++)
        {
            if (ProfileOf(findings[i]) is { } profile)
            {
                (evidence ??= new Dictionary<string, double>(StringComparer.Ordinal)).TryGetValue(findings[i].Chain, out double sum);
                evidence[findings[i].Chain] = sum + profile.AbsenceLogProb(findings[i].Replacement);
                (weighed ??= []).Add(i);
            }
        }

        foreach (int i in weighed ?? [])
        {
            if (evidence![findings[i].Chain] < MaxAbsenceLogProb)
            {
                findings[i] = findings[i] with { Lossy = true, Dropped = true };
            }
        }
    }

    /// <summary>
    /// The log-probability that natural text of <paramref name="restored"/>'s letters lacks every character the
    /// one-layer chain <paramref name="truth"/> read by <paramref name="wrong"/> drops; 0 when the chain drops none, and
    /// positive infinity when the text holds one (then the decoder did not drop it, and nothing is shown).
    /// </summary>
    internal static double AbsenceLogProb(Codec truth, Codec wrong, ReadOnlySpan<char> restored) =>
        wrong.IsDoubleByte ? Of(truth, wrong).AbsenceLogProb(restored) : 0;

    private static Profile? ProfileOf(EncodingFinding f) =>
        f is { Lossy: false, Unread: false, Steps: [{ Wrong.IsDoubleByte: true } step] } && Of(step.Truth, step.Wrong) is { IsEmpty: false } profile
            ? profile
            : null;

    private static Profile Of(Codec truth, Codec wrong) =>
        s_profiles.GetOrAdd((truth.Family, wrong.Family), static (_, pair) => Profile.Build(pair.truth, pair.wrong), (truth, wrong));

    // The script whose model scores Han written in a true encoding (the text's own language).
    private static LanguageScript ScriptOfHan(Codec truth) =>
        ReferenceEquals(truth, Codec.Big5) ? LanguageScript.ZhHant
        : ReferenceEquals(truth, Codec.ShiftJis) || ReferenceEquals(truth, Codec.EucJp) ? LanguageScript.Ja
        : ReferenceEquals(truth, Codec.EucKr) ? LanguageScript.Ko
        : LanguageScript.ZhHans;

    // The bytes of c in the true encoding (length 0 when it has none).
    private static int Encode(Codec truth, char c, Span<byte> bytes) => truth.Kind switch
    {
        CodecKind.Table => truth.Page.Encode(c, bytes),
        CodecKind.Utf8 => char.IsSurrogate(c) ? 0 : new Rune(c).EncodeToUtf8(bytes),
        _ => 0,
    };

    // True when the wrong double-byte page cannot read the pair. A reader that ignores errors drops it whole when
    // neither byte is a character alone and the trail leads no pair with the next byte, and otherwise goes out of
    // step and shows garbage, which leaves no clean restoration behind. Either way the character cannot be in a clean
    // restoration of the chain, so its absence weighs only by how likely natural text is to lack it: the test is sound
    // for any such set (a character that could have survived would have been seen), and wider sets only test more.
    // A pair the framework's table reads as a private-use character counts as unread too: code page 936 gives GBK's
    // user-defined rows (A1A1..A7A0, AAA1..AFFE, F8A1..FEFE) such characters, which strict readers reject (Big5's
    // punctuation and first Han rows, A140..A7A0, fall there when Big5 is read as GBK).
    private static bool Drops(CodePage page, byte lead, byte trail) => !page.IsStrictPair(lead, trail);

    /// <summary>What one chain drops: per weighed block, the log of the share of its letters that survive.</summary>
    private sealed class Profile
    {
        private readonly double[] _logKept;
        private readonly double[] _logKeptCapitals;
        private readonly bool[] _dropped;

        private Profile(double[] logKept, double[] logKeptCapitals, bool[] dropped, bool isEmpty)
        {
            _logKept = logKept;
            _logKeptCapitals = logKeptCapitals;
            _dropped = dropped;
            IsEmpty = isEmpty;
        }

        /// <summary>The chain drops no weighed letter or capital.</summary>
        public bool IsEmpty { get; }

        public static Profile Build(Codec truth, Codec wrong)
        {
            CodePage page = wrong.Page;
            CharNgramModel model = CharNgramModel.Shared;
            var logKept = new double[s_blocks.Length];
            var logKeptCapitals = new double[s_blocks.Length];
            var dropped = new bool[65536];
            bool isEmpty = true;
            for (int b = 0; b < s_blocks.Length; b++)
            {
                LanguageScript scoring = s_blocks[b].Script ?? ScriptOfHan(truth);
                logKept[b] = LogKept(truth, page, model, scoring, b, capitals: false, dropped);
                logKeptCapitals[b] = LogKept(truth, page, model, scoring, b, capitals: true, dropped);
                isEmpty &= logKept[b] == 0 && logKeptCapitals[b] == 0;
            }

            return new Profile(logKept, logKeptCapitals, dropped, isEmpty);
        }

        // The log of the share of block b's lower-case and caseless letters (or of its capitals) the chain keeps, by the
        // model's unigrams, bounded away from 0: a block the chain drops whole is no evidence by its absence (its letters
        // were then never there to be read). The models fold case, so a capital is weighed as its small letter among
        // the block's capitals: the share of small letters a text starts words with, which is not that of the letters
        // in words, but near it (Russian, UTF-8 read as EUC-KR: А..П dropped, 0.70 of small letters' weight).
        private static double LogKept(Codec truth, CodePage page, CharNgramModel model, LanguageScript scoring, int block, bool capitals, bool[] dropped)
        {
            (char first, char last, _) = s_blocks[block];
            Span<byte> bytes = stackalloc byte[4];
            double all = 0, lost = 0;
            for (int c = first; c <= last; c++)
            {
                char ch = (char)c;
                int length = (capitals ? IsCapital(ch) : Weighed(ch)) ? Encode(truth, ch, bytes) : 0;
                if (length == 0)
                {
                    continue;
                }

                double p = Math.Exp(model.UnigramLogProb(scoring, capitals ? char.ToLowerInvariant(ch) : ch));
                all += p;
                if (length == 2 && Drops(page, bytes[0], bytes[1]))
                {
                    dropped[c] = true;
                    lost += p;
                }
            }

            return lost > 0 && lost < all ? Math.Log(1 - (lost / all)) : 0;
        }

        // Lower-case or caseless letters (and CJK punctuation), weighed by their own unigrams.
        private static bool Weighed(char c) => !char.IsUpper(c) && (char.IsLetter(c) || c > '\u3000');

        private static bool IsCapital(char c) => char.IsUpper(c) && char.IsLetter(c);

        public double AbsenceLogProb(ReadOnlySpan<char> restored)
        {
            double sum = 0;
            foreach (char c in restored)
            {
                if (_dropped[c])
                {
                    return double.PositiveInfinity;
                }

                bool capital = IsCapital(c);
                if (capital || Weighed(c))
                {
                    for (int b = 0; b < s_blocks.Length; b++)
                    {
                        if (c >= s_blocks[b].First && c <= s_blocks[b].Last)
                        {
                            sum += capital ? _logKeptCapitals[b] : _logKept[b];
                            break;
                        }
                    }
                }
            }

            return sum;
        }
    }
}
