namespace TextRepair.Analysis.Decoding;

/// <summary>A deeper reading that only re-reads a passing shallower one (see <see cref="TokenReading"/>; session 40).</summary>
internal sealed partial class TokenReading
{
    // A passing reading whose chain is the outer layers of the chosen deeper one, exact and without losses, is taken
    // instead when the deeper one gains less over its text than EncodingDecision.RequiredGain asks of a reading of that
    // text on its own: the deeper chain claims that the shallower reading's text, itself clean text of its script, was
    // mojibake again, and each layer pays its way as a repair of the text below it would. Readings are ranked by their
    // gain over the token, and a double-byte reading halves the characters, so a deeper chain's two Han or kana
    // characters outranked a fluent word of one layer by a few nats: UTF-8 Uzbek "йўли" read as GBK (泄褳谢懈) became
    // "²エ" by "euc-kr decoded as cp866, then utf-8 decoded as gbk", 2.9 nats over "йўли" after its layer's cost, where
    // a field of 4 characters is repaired on 12 (MinShortFieldGain). The first such reading in the order passed.
    private static (Candidate Reading, bool[] Accepted)? ShallowerPassing(List<(Candidate Reading, bool[] Accepted)> passing, Candidate chosen)
    {
        if (chosen.Layers < 2)
        {
            return null;
        }

        foreach ((Candidate c, bool[] accepted) in passing)
        {
            if (c.Layers < chosen.Layers && c.Exact && chosen.Steps.AsSpan(0, c.Layers).SequenceEqual(c.Steps)
                && !c.Text.Contains('\uFFFD', StringComparison.Ordinal)
                && EncodingDecision.Gain(chosen.Score, chosen.Layers - c.Layers, c.Score) < EncodingDecision.RequiredGain(c.Text.Length, following: false))
            {
                return (c, accepted);
            }
        }

        return null;
    }
}
