namespace TextRepair.Analysis.Decoding;

/// <summary>A line that shows more than one chain (see <see cref="ReadByLineChains"/>).</summary>
internal sealed partial class LineDecisions
{
    /// <summary>
    /// Re-decides, on a line whose tokens took readings by more than one chain, each token taken by one of them by the
    /// line's chain that reads it best. Tokens are decided in order, and a token before the line's own damage shows
    /// itself is read by the chains found on earlier lines first (<see cref="KnownChains"/>): in a file list that mixes
    /// GBK and Big5 names, all read as windows-1252, a Big5 line's first word "¥»³¡¤À¤¶" (本部分介紹) cleared the
    /// thresholds by GBK, the earlier lines' chain, as "セ场だざ", and only the words after it were read as Big5. A chain
    /// found on the line itself is the line's own evidence, and a line is damaged alike throughout: each token takes the
    /// chain of those the line shows whose choice gains most over the token as it stands (<see cref="TokenReading.ChainGain"/>,
    /// the measure the text's vote weighs chains by), and keeps its reading when none gains more. Replays only the line's
    /// few chains on its taken tokens, and only on lines that show two or more.
    /// </summary>
    private void ReadByLineChains(List<TokenReading> tokens)
    {
        if (_chains.Count < 2)
        {
            return;
        }

        foreach (TokenReading token in tokens)
        {
            if (token.Chosen is not { } chosen || !token.Restores || _quoted.Contains(token))
            {
                continue;
            }

            LayerStep[]? best = null;
            double bestGain = token.ChainGain(chosen.Steps) ?? double.NegativeInfinity;
            foreach (LayerStep[] chain in _chains)
            {
                if (!chosen.HasSteps(chain) && token.ChainGain(chain) is { } gain && gain > bestGain)
                {
                    (best, bestGain) = (chain, gain);
                }
            }

            // ChainGain found a choice by the chain, and DecideByKnown makes the same choice; were it to find none, the
            // reading taken first would stand (a failed choice leaves Chosen as it was).
            if (best is not null)
            {
                token.DecideByKnown([best], out _);
            }
        }
    }
}
