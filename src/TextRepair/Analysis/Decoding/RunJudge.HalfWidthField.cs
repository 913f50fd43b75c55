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
    internal static bool KanaReadAsWell(ReadOnlySpan<char> source, ReadOnlySpan<char> restored, char left, char right)
    {
        if (source.IsEmpty || source.ContainsAnyExceptInRange(HalfWidthKana.FirstKana, HalfWidthKana.Last))
        {
            return false;
        }

        if (source.Length < MinRunBytes)
        {
            return true;
        }

        bool han = false, hangul = false;
        foreach (char c in restored)
        {
            han |= IsHan(c);
            hangul |= IsHangul(c);
        }

        if (han && hangul)
        {
            return true;
        }

        if (hangul)
        {
            return false;
        }

        SpanScore reading = TextLikelihood.Score(restored, left, right);
        if (Association(reading.Script, restored) > MaxNoWordAssociation || KanaAssociation(source) < MinPronounceableAssociation)
        {
            return false;
        }

        return EncodingDecision.Fluency(reading, restored, left, right) < KanaFluency(source, left, right) + MinFluencyOverKana;
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

    // The sum over the inner pairs of text of log P(b | a) − log P(b) under script's model.
    private static double Association(LanguageScript script, ReadOnlySpan<char> text)
    {
        double sum = 0;
        for (int i = 1; i < text.Length; i++)
        {
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
