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
    /// Minimum log-likelihood ratio for a short field (2 to 8 characters): a short token gives little evidence either
    /// way, so it must gain less in total but see <see cref="MinShortFieldPerChar"/>.
    /// </summary>
    public const double MinShortFieldGain = 8;

    /// <summary>
    /// Minimum average log-probability per character of the reading itself (nats): the reading must read like real text
    /// of its script. Clean dev lines average about -5 (Chinese) to -3 (Latin); a random string of common Han
    /// characters averages below -10, so readings that only beat a symbol run, but are not text, stay out.
    /// </summary>
    public const double MinPerChar = -8.5;

    /// <summary>The same for short fields, where one unusual name character weighs more in the average.</summary>
    public const double MinShortFieldPerChar = -8;

    /// <summary>
    /// True when a reading scored <paramref name="reading"/> that assumes <paramref name="layers"/> layers replaces a
    /// token of <paramref name="tokenLength"/> characters scored <paramref name="input"/>.
    /// </summary>
    public static bool Accept(SpanScore reading, int layers, SpanScore input, int tokenLength)
    {
        double gain = reading.Total - input.Total - (layers * LayerCost);
        bool shortField = tokenLength <= ShortFieldMaxLength;
        return gain >= (shortField ? MinShortFieldGain : MinGain)
            && reading.PerChar >= (shortField ? MinShortFieldPerChar : MinPerChar);
    }

    /// <summary>Log-likelihood ratio of the reading against the token, less the prior cost of its layers.</summary>
    public static double Gain(Candidate reading, SpanScore input) => reading.Score.Total - input.Total - (reading.Layers * LayerCost);

    /// <summary>The reading with the highest <see cref="Gain"/>, or null.</summary>
    public static Candidate? Best(List<Candidate> readings, SpanScore input)
    {
        Candidate? best = null;
        double bestGain = double.NegativeInfinity;
        foreach (Candidate c in readings)
        {
            double gain = Gain(c, input);
            if (gain > bestGain)
            {
                best = c;
                bestGain = gain;
            }
        }

        return best;
    }
}
