using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Decides whether a reading of a token replaces it: by the log-likelihood ratio of the reading against the token under
/// the language model, minus a prior cost per layer of damage assumed, and by the reading's own fluency. Every
/// threshold of the encoding engine that is not a search limit lives here. The measurements quoted are from
/// <c>EncodingEvaluation</c>'s dev half (see docs/encoding-evaluation.md); the held-out half was never used to set them.
/// </summary>
internal static class EncodingDecision
{
    /// <summary>Tokens of at most this many characters are short fields (file names, tags, CSV cells) with their own thresholds.</summary>
    public const int ShortFieldMaxLength = 8;

    /// <summary>
    /// Prior cost, in nats, of assuming one layer of mojibake: a reading must explain the token this much better per
    /// layer it assumes. Deeper chains need more evidence, so a one-layer reading wins over a three-layer one that
    /// scores about the same.
    /// </summary>
    public const double LayerCost = 4;

    /// <summary>
    /// Minimum log-likelihood ratio (nats, after <see cref="LayerCost"/>) for a token longer than a short field. On the
    /// dev half, clean tokens' best readings reach at most about +8 nats while damaged lines gain tens to hundreds.
    /// </summary>
    public const double MinGain = 12;

    /// <summary>
    /// Minimum log-likelihood ratio for a run of at most <see cref="ShortFieldMaxLength"/> characters. Short runs are
    /// where the search's many readings (about a hundred per layer) find spurious gains: the largest on clean dev text is
    /// 10.9 nats ("各黨" read as "世于" by gbk decoded as euc-kr), while 90% of correct 2-character runs and 99% of
    /// 3-character runs of the dev half gain at least 12.
    /// </summary>
    public const double MinShortFieldGain = 12;

    /// <summary>
    /// Minimum average log-probability per character of the reading itself (nats): the reading must read like real text
    /// of its script. Clean dev lines average about -5 (Chinese) to -3 (Latin); a random string of common Han
    /// characters averages below -10, so readings that only beat a symbol run, but are not text, stay out.
    /// </summary>
    public const double MinPerChar = -8.5;

    /// <summary>The same for short fields, where one unusual name character weighs more in the average.</summary>
    public const double MinShortFieldPerChar = -8;

    /// <summary>
    /// Minimum log-likelihood ratio (after <see cref="LayerCost"/>) of a run on a line that another token already showed
    /// damaged by the same chain: the line's damage is the evidence, the run must only read at least as well as it
    /// stands. Clean Han text read by a Han-to-Han chain (euc-jp decoded as gbk) loses likelihood on almost every run.
    /// </summary>
    public const double MinFollowGain = 0;

    /// <summary>
    /// True when a reading scored <paramref name="reading"/> that assumes <paramref name="layers"/> layers replaces a
    /// run of <paramref name="runLength"/> characters scored <paramref name="input"/>; with <paramref name="following"/>
    /// the line is already damaged by the reading's chain.
    /// </summary>
    public static bool Accept(SpanScore reading, int layers, SpanScore input, int runLength, bool following)
    {
        double gain = Gain(reading, layers, input);
        bool shortField = runLength <= ShortFieldMaxLength;
        double minGain = following ? MinFollowGain : shortField ? MinShortFieldGain : MinGain;
        return gain >= minGain && reading.PerChar >= (shortField ? MinShortFieldPerChar : MinPerChar);
    }

    /// <summary>Log-likelihood ratio of a reading scored <paramref name="reading"/> against the input, less the prior cost of its layers.</summary>
    public static double Gain(SpanScore reading, int layers, SpanScore input) => reading.Total - input.Total - (layers * LayerCost);
}
