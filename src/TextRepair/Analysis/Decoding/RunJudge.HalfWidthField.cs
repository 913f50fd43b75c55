using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

internal static partial class RunJudge
{
    /// <summary>
    /// How much more fluent, in nats per transition, a Han or kana reading of a run of half-width katakana must be than
    /// the kana themselves (less their run charge), when the reading is no word and the kana are pronounceable, before it
    /// may lead (see <see cref="KanaReadAsWell"/>). With the other two tests at 0, the clean catalogue probe's Han
    /// readings of foreign places ("ｵｱﾊｶ" 当识, "ｷﾙｹﾆ" 警稿) lose, while 21 of tools/probe-halfwidth-kana.py's 1,136
    /// repaired garbled fields are left as they were (session 39, docs/encoding.md). Fluency alone (tried first) left
    /// 215 of them.
    /// </summary>
    public const double MinFluencyOverKana = 0;

    /// <summary>
    /// Most association, in nats, that a reading's adjacent pairs may show for the reading to count as no word: the sum
    /// over its inner pairs of log P(b | a) − log P(b) under the script that scores it best. A pair the model never saw
    /// backs off to P(b) times a weight of at most 1, so a reading of characters the model never saw side by side sums to
    /// at most 0, while a word the model knows sums to more (蔬食 +6, 几级 +1.5; session 39).
    /// </summary>
    public const double MaxNoWordAssociation = 0;

    /// <summary>
    /// Least association, in nats, over the inner pairs of a run of half-width kana under the Japanese model (the kana
    /// composed with their sound marks, as scored) for the kana to count as pronounceable Japanese: pairs likelier
    /// together than apart, as the katakana of IPADIC's readings taught the model. A half of the garbled fields of
    /// tools/probe-halfwidth-kana.py sum below 0, 18 of the catalogue probe's 19 clean fields above it (session 39).
    /// </summary>
    public const double MinPronounceableAssociation = 0;

    /// <summary>
    /// True when <paramref name="source"/> is a run of half-width katakana (what Shift-JIS writes in one byte) whose
    /// reading <paramref name="restored"/> (between <paramref name="left"/> and <paramref name="right"/>) carries no
    /// evidence against it: a run of fewer than <see cref="MinRunBytes"/> kana (one byte each: two bytes are some
    /// double-byte character by chance); a reading that mixes Han and Hangul (a hanja with a Hangul syllable, no Korean
    /// word of two or three characters); or a Han or kana reading that is no word (<see cref="MaxNoWordAssociation"/>)
    /// of pronounceable kana (<see cref="MinPronounceableAssociation"/>) and reads no more fluently per transition than
    /// they do (<see cref="MinFluencyOverKana"/>). A double-byte reading halves the characters of a one-byte field, so
    /// its likelihood gains by the count alone: "ﾒｷｼｺ" (メキシコ) after a comma gained 22 nats as 念성 (euc-kr decoded as
    /// shift-jis). Hangul readings keep the gain's judgement: the Korean model knows too few pairs (session 38) to tell
    /// a word from none. Linear in the run's length.
    /// </summary>
    internal static bool KanaReadAsWell(ReadOnlySpan<char> source, ReadOnlySpan<char> restored, char left, char right) =>
        Verdict(source, restored, left, right) != KanaVerdict.Evidence;

    // Why a reading of a run is no evidence against it (see KanaReadAsWell), or Evidence.
    private enum KanaVerdict
    {
        Evidence,
        ShortRun,
        HanWithHangul,
        NoBetterThanKana,
    }

    private static KanaVerdict Verdict(ReadOnlySpan<char> source, ReadOnlySpan<char> restored, char left, char right)
    {
        if (source.IsEmpty || source.ContainsAnyExceptInRange(HalfWidthKana.FirstKana, HalfWidthKana.Last))
        {
            return KanaVerdict.Evidence;
        }

        if (source.Length < MinRunBytes)
        {
            return KanaVerdict.ShortRun;
        }

        bool han = false, hangul = false;
        foreach (char c in restored)
        {
            han |= IsHan(c);
            hangul |= IsHangul(c);
        }

        if (han && hangul)
        {
            return KanaVerdict.HanWithHangul;
        }

        if (hangul)
        {
            return KanaVerdict.Evidence;
        }

        SpanScore reading = TextLikelihood.Score(restored, left, right);
        if (Association(reading.Script, restored) > MaxNoWordAssociation || KanaAssociation(source) < MinPronounceableAssociation)
        {
            return KanaVerdict.Evidence;
        }

        return EncodingDecision.Fluency(reading, restored, left, right) < KanaFluency(source, left, right) + MinFluencyOverKana
            ? KanaVerdict.NoBetterThanKana : KanaVerdict.Evidence;
    }

    /// <summary>
    /// The characters of <paramref name="token"/> (between <paramref name="before"/> and <paramref name="after"/>) whose
    /// half-width kana no reading may replace, or null: those of the runs where the token's leading reading among
    /// <paramref name="readings"/> (the likeliest less its layers' cost, as <c>TokenReading.StandsOut</c> ranks them)
    /// reads no better than the kana (<see cref="KanaReadAsWell"/>'s third test). The best explanation of the bytes
    /// reading no better than the field, a worse one cannot show the field damaged: without this, the next reading led
    /// when it passed the test by a seen pair ("ﾖﾁｵﾚ", 至第 in GBK read as Shift-JIS, became 疊式 by two layers, 1.4 nats
    /// behind). A short run and a Han reading with Hangul hold nothing: they say the reading is no evidence, not that
    /// the kana read well. Only a token with half-width kana is scored; linear in its readings.
    /// </summary>
    internal static bool[]? KanaHeldByLeading(string token, char before, char after, List<Candidate> readings)
    {
        if (readings.Count == 0 || token.AsSpan().IndexOfAnyInRange(HalfWidthKana.FirstKana, HalfWidthKana.Last) < 0)
        {
            return null;
        }

        Candidate leading = Candidate.Leading(readings)!;

        bool[]? held = null;
        int k = 0;
        while (NextRun(token, leading, skip: default, ref k, out int first))
        {
            int a = leading.TokenBounds[first], b = leading.TokenBounds[k];
            (char left, char right) = RunContext(token, before, after, leading, first, k);
            ReadOnlySpan<char> restored = leading.Text.AsSpan(leading.TextBounds[first], leading.TextBounds[k] - leading.TextBounds[first]);
            if (Verdict(token.AsSpan(a, b - a), restored, left, right) == KanaVerdict.NoBetterThanKana)
            {
                held ??= new bool[token.Length];
                held.AsSpan(a, b - a).Fill(true);
            }
        }

        return held;
    }

    /// <summary>
    /// Drops from <paramref name="passing"/> (readings of <paramref name="token"/> whose runs were accepted, with their
    /// accepted groups) what <see cref="KanaHeldByLeading"/> holds, judging the rest again without the held runs; returns
    /// the held characters (null: none, and nothing changed). Only a token with a passing reading asks (StandsOut's
    /// reading is the leading one, which KanaReadAsWell already leaves).
    /// </summary>
    internal static bool[]? DropHeld(string token, char before, char after, List<Candidate> readings, List<(Candidate Reading, bool[] Accepted)> passing, int utf8Pool)
    {
        if (passing.Count == 0 || KanaHeldByLeading(token, before, after, readings) is not { } held)
        {
            return null;
        }

        for (int i = passing.Count - 1; i >= 0; i--)
        {
            bool[] accepted = new bool[passing[i].Accepted.Length];
            if (Judge(token, before, after, passing[i].Reading, accepted, following: false, exactGain: false, utf8Pool, held) > 0)
            {
                passing[i] = (passing[i].Reading, accepted);
            }
            else
            {
                passing.RemoveAt(i);
            }
        }

        return held;
    }

    // True when the run token[a..b] of a reading that restores the text restored is held (see KanaHeldByLeading): it
    // overlaps a held stretch and is a reading the test judges, one without Hangul (Hangul readings are left to the
    // gain, see KanaReadAsWell; "ﾇｮｸｵｵﾈ", 풀링된 in EUC-KR read as Shift-JIS, leads as 钱傅等 by GBK, which is held).
    private static bool Held(ReadOnlySpan<bool> held, int a, int b, ReadOnlySpan<char> restored) =>
        !held.IsEmpty && held[a..b].Contains(true) && !HasHangul(restored);

    private static bool HasHangul(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (IsHangul(c))
            {
                return true;
            }
        }

        return false;
    }

    // The fluency of a run of half-width kana as Japanese, measured as a reading's is (EncodingDecision.Fluency: the
    // better of in its context and on its own), less the charge for being written in half-width forms, which is a prior
    // on how text is stored, not on what it says.
    private static double KanaFluency(ReadOnlySpan<char> kana, char left, char right)
    {
        SpanScore inContext = TextLikelihood.Score(kana, left, right);
        double fluency = (inContext.Total - HalfWidthKana.RunCharge(kana, 0, left, right)) / inContext.Transitions;
        if (left == CharNgramModel.Boundary && right == CharNgramModel.Boundary)
        {
            return fluency;
        }

        SpanScore own = TextLikelihood.Score(kana, CharNgramModel.Boundary, CharNgramModel.Boundary);
        return Math.Max(fluency, (own.Total - HalfWidthKana.RunCharge(kana, 0, CharNgramModel.Boundary, CharNgramModel.Boundary)) / own.Transitions);
    }

    // The sum over the inner pairs of text of log P(b | a) − log P(b) under script's model, leaving out a character
    // repeated (a, a): a repeated double-byte character is a repeated pair of bytes, which every reading of them repeats
    // and the kana show too, so the pair says nothing of whether the reading is a word. Counted, a reduplication the model
    // knows made a clean field's reading a word ("ﾏﾅﾄｩﾄｩ" 吓末末, 末末), one it never saw made a GBK word's no word
    // (一笔笔 read as "ﾒｻｱﾊｱﾊ", left as it was; session 40).
    private static double Association(LanguageScript script, ReadOnlySpan<char> text)
    {
        double sum = 0;
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] == text[i - 1])
            {
                continue;
            }

            sum += CharNgramModel.Shared.LogProb(script, text[i - 1], text[i]) - CharNgramModel.Shared.UnigramLogProb(script, text[i]);
        }

        return sum;
    }

    // Association over the inner pairs of a run of half-width kana under the Japanese model, each kana as the full-width
    // kana it stands for and composed with a sound mark after it (ﾊﾟ as パ), as TextLikelihood scores them.
    private static double KanaAssociation(ReadOnlySpan<char> kana)
    {
        double sum = 0;
        char previous = '\0';
        for (int i = 0; i < kana.Length; i++)
        {
            char c = HalfWidthKana.FullWidth(kana[i]);
            if (i + 1 < kana.Length && HalfWidthKana.IsMark(kana[i + 1]) && HalfWidthKana.Compose(kana[i], kana[i + 1]) is char voiced and not '\0')
            {
                c = voiced;
                i++;
            }

            if (previous != '\0')
            {
                sum += CharNgramModel.Shared.LogProb(LanguageScript.Ja, previous, c) - CharNgramModel.Shared.UnigramLogProb(LanguageScript.Ja, c);
            }

            previous = c;
        }

        return sum;
    }
}
