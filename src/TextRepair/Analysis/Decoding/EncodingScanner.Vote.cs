namespace TextRepair.Analysis.Decoding;

/// <summary>The chain a text's tokens support together (see <see cref="EncodingScanner"/>).</summary>
internal static partial class EncodingScanner
{
    /// <summary>
    /// Tokens that may be damaged read for the vote (see <see cref="ElectChain"/>), the text's first ones. A text is
    /// usually damaged by one chain throughout, so its first few damaged tokens show it as well as all of them would;
    /// the bound keeps the vote's cost to that of the first tokens' searches, which the scan reuses.
    /// </summary>
    internal const int MaxVoters = 16;

    /// <summary>
    /// Tokens whose readings must support the elected chain: one token's readings are the token's own evidence, which the
    /// scan weighs anyway; a second token read alike shows the text damaged by the chain.
    /// </summary>
    internal const int MinVoters = 2;

    /// <summary>
    /// Tokens searched for the chains they propose (<see cref="TokenReading.ProposedChains"/>), the first voters: the
    /// lattice search is the vote's cost (a few milliseconds per short token, where replaying a chain costs
    /// microseconds), and a text's chain is among the few likeliest readings of its first damaged tokens. The other
    /// voters weigh the proposed chains by replaying them.
    /// </summary>
    internal const int MaxProposers = 3;

    /// <summary>
    /// Chains weighed on every token, those most proposers support (their own readings by the chain clear the
    /// thresholds), then those most propose (<see cref="TokenReading.ProposedChains"/>), of the supported ones when any
    /// is: a text's chain is among the few its tokens support most, and weighing a chain costs a replay and a choice
    /// per token.
    /// </summary>
    internal const int MaxCandidates = 6;

    /// <summary>
    /// Tokens the vote looks at, damaged or not: a text whose damage starts later than its first 64 tokens is decided
    /// chain by chain as found (<see cref="KnownChains"/>), and the vote's pre-scan stays a bounded prefix of the scan.
    /// </summary>
    internal const int MaxExamined = 64;

    /// <summary>
    /// The chain the text's first tokens that may be damaged (up to <see cref="MaxVoters"/>) support best together, or
    /// null when no chain is supported by <see cref="MinVoters"/> of them. Each token supports each chain whose
    /// readings of it clear the thresholds by the gain of that chain's choice (<see cref="TokenReading.ChainGain"/>; the
    /// chains weighed are those the tokens propose, <see cref="TokenReading.ProposedChains"/>), and a chain's support is
    /// the sum over the tokens: the log-likelihood of the whole text under the chain, against the text as it stands. Token by token, a short token reads about as well by several chains ("¾È³ç", EUC-KR read as
    /// windows-1252, reads 照括 by EUC-JP 2 nats better than 안녕), and the first token decided would set the chain of
    /// the whole text (<see cref="KnownChains"/>); together, the text's tokens tell the chain. The tokens searched are
    /// left in <paramref name="searched"/> by their start, for the scan to reuse. Linear in the text's length.
    /// </summary>
    internal static LayerStep[]? ElectChain(string text, Dictionary<int, TokenReading> searched)
    {
        var voters = new List<TokenReading>();
        var proposed = new Dictionary<string, (LayerStep[] Steps, int Supporters, int Proposers, int Order)>(StringComparer.Ordinal);
        int position = 0, examined = 0;
        while (voters.Count < MaxVoters && examined < MaxExamined && NextLine(text, ref position, beyondAscii: false, out int lineStart, out int lineEnd))
        {
            var cursor = new Tokens(text, lineStart, lineEnd);
            while (voters.Count < MaxVoters && examined < MaxExamined && cursor.MoveNext(out int start, out int end))
            {
                examined++;
                char before = start > lineStart ? text[start - 1] : Language.CharNgramModel.Boundary;
                char after = end < lineEnd ? text[end] : Language.CharNgramModel.Boundary;

                // A token repeated in the same context is one piece of evidence, not many (a long run cut into equal
                // tokens). The clean-token cache is not asked: the vote must not depend on what the process repaired
                // before.
                if (voters.Exists(v => v.Before == before && v.After == after && v.Token.AsSpan().SequenceEqual(text.AsSpan(start, end - start)))
                    || !MayBeDamaged(text, start, end - start, before, after))
                {
                    continue;
                }

                var token = TokenReading.Search(text, start, end, lineStart, lineEnd);
                token.MayBeDamaged = true;
                voters.Add(token);
                if (voters.Count > MaxProposers)
                {
                    continue;
                }

                // The proposals are a pure function of the token in its context: remembered, a text checked again
                // costs no search (CleanTokenCache).
                if (!CleanTokenCache.TryGetProposals(token.Token, before, after, out LayerStep[][]? chains))
                {
                    chains = [.. token.ProposedChains(steps => Gain(token, steps, ChainKey(steps)) is not null)];
                    CleanTokenCache.AddProposals(token.Token, before, after, chains);
                }

                // A proposal the proposer's own readings by the chain support (they clear the thresholds) ranks first:
                // a token can propose chains whose readings of it clear nothing ("╫╩┴╧", 资料 written in GBK and read as
                // cp866, proposes cp437's alike readings, which lose to the box drawings as they stand), and such
                // proposals, counted alike, pushed a later token's supported chain out of the candidates.
                foreach (LayerStep[] steps in chains)
                {
                    string key = ChainKey(steps);
                    int supports = Gain(token, steps, key) is null ? 0 : 1;
                    proposed[key] = proposed.TryGetValue(key, out var p)
                        ? (p.Steps, p.Supporters + supports, p.Proposers + 1, p.Order)
                        : (steps, supports, 1, proposed.Count);
                }
            }
        }

        // The voters are reused by the scan (their searches, and that they may be damaged), except those the clean-token
        // cache knows, which the scan passes over as it passes over any known-clean token.
        foreach (TokenReading token in voters)
        {
            if (token.IsSearched || !CleanTokenCache.IsKnownClean(token.Token, token.Before, token.After))
            {
                searched[token.Start] = token;
            }
        }

        if (voters.Count < MinVoters)
        {
            return null;
        }

        // The chains most tokens propose are weighed on every token, also one whose search kept another chain's reading
        // of the same text (GBK and EUC-JP read kana alike). Only chains some proposer supports are weighed when there
        // are any: a chain that reads none of its own proposers well is not the chain of a text whose first tokens are
        // damaged alike, and each chain weighed costs a replay and a choice per voter (a first repair of 200 garbled
        // lines weighed 80 supports, now 22; on the dev half, one output of a lossy paragraph changed, wrong both ways).
        LayerStep[]? elected = null;
        double best = 0;
        bool anySupported = proposed.Values.Any(p => p.Supporters > 0);
        var candidates = proposed.Values.Where(p => p.Supporters > 0 || !anySupported)
            .OrderByDescending(p => p.Supporters).ThenByDescending(p => p.Proposers).ThenBy(p => p.Order);
        foreach (LayerStep[] steps in candidates.Take(MaxCandidates).Select(p => p.Steps))
        {
            double support = 0;
            int count = 0;
            string key = ChainKey(steps);
            foreach (TokenReading token in voters)
            {
                if (Gain(token, steps, key) is { } g)
                {
                    support += g;
                    count++;
                }
            }

            if (count >= MinVoters && support > best)
            {
                (elected, best) = (steps, support);
            }
        }

        return elected;
    }

    // The token's support for the chain (TokenReading.ChainGain), remembered by CleanTokenCache.
    private static double? Gain(TokenReading token, LayerStep[] steps, string key)
    {
        if (!CleanTokenCache.TryGetChainGain(token.Token, token.Before, token.After, key, out double? gain))
        {
            gain = token.ChainGain(steps);
            CleanTokenCache.AddChainGain(token.Token, token.Before, token.After, key, gain);
        }

        return gain;
    }

    // A chain's key among the proposals (and in CleanTokenCache): its layers' names and variants.
    private static string ChainKey(LayerStep[] steps) => string.Join('|', steps);
}
