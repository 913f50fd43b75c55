using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>How a token's readings are chosen among (see <see cref="TokenReading"/>).</summary>
internal sealed partial class TokenReading
{
    /// <summary>
    /// Most groups a reading's accepted flags are judged in on the stack (<see cref="Choose"/>); a token of at most
    /// <see cref="CandidateSearch.ProbeLength"/> characters has at most that many groups, a longer one (read by its
    /// window's chains) gets an array.
    /// </summary>
    private const int MaxStackGroups = 256;

    /// <summary>
    /// The reading of <paramref name="token"/> among <paramref name="readings"/> whose runs (see <see cref="RunJudge"/>)
    /// clear <see cref="EncodingDecision"/>'s thresholds with the best rank, and its accepted groups; null when no
    /// reading has an accepted run. <paramref name="guess"/> is a reading that was accepted but not taken, being one
    /// guess among several (see <see cref="Guessed"/>): the token is then reported lossy as it stands.
    /// <paramref name="utf8Pool"/> is the line's <see cref="Utf8SequencePool"/> (see <see cref="RunJudge.Judge"/>).
    /// </summary>
    internal static Candidate? Choose(string token, char before, char after, List<Candidate> readings, out bool[]? bestAccepted, out Candidate? guess, int utf8Pool = 0)
    {
        guess = null;
        // Which readings have accepted runs (the runs' exact gains are not needed: readings are ranked below).
        // Most readings pass nothing: they are judged in one scratch buffer, and only a passing one keeps a copy.
        var passing = new List<(Candidate Reading, bool[] Accepted)>();
        Span<bool> scratch = stackalloc bool[MaxStackGroups];
        foreach (Candidate c in readings)
        {
            int groups = c.TokenBounds.Length - 1;
            Span<bool> accepted = groups <= MaxStackGroups ? scratch[..groups] : new bool[groups];
            accepted.Clear();
            if (RunJudge.Judge(token, before, after, c, accepted, following: false, exactGain: false, utf8Pool) > 0)
            {
                passing.Add((c, accepted.ToArray()));
            }
        }

        // A half-width kana field whose leading reading reads no better than the kana is held against every reading.
        bool[]? held = RunJudge.DropHeld(token, before, after, readings, passing, utf8Pool);
        bestAccepted = null;
        if (passing.Count == 0)
        {
            return StandsOut(token, before, after, readings, ref bestAccepted);
        }

        // Readings whose text is a guess (Candidate.TextShown) show the token damaged but are never written: the
        // others are chosen among. When none is left, the likeliest reading of the whole field may still replace the
        // guess (see Likeliest); else the token is reported lossy as it stands.
        if (passing.Exists(p => !p.Reading.TextShown) && passing.FindAll(p => p.Reading.TextShown) is { Count: > 0 } shown)
        {
            passing = shown;
        }

        Candidate chosen;
        if (passing.Count == 1)
        {
            bestAccepted = passing[0].Accepted;
            chosen = Likeliest(token, before, after, readings, passing[0].Reading, chosenRank: null, ref bestAccepted, held);
        }
        else
        {
            // Readings are compared by what applying their accepted runs makes of the whole token, not by the sum of
            // their runs' gains: a reading that cannot decode a group in the middle of the damage (cp437 has no "и" of
            // cp866's "╜и", 建) splits it into runs that each leave the group out of their sums, and would win over the
            // reading that restores it. Runs are judged without the groups a reading only loses, so of two readings that
            // restore alike, the one that loses more characters would win by its cleaner run boundaries: the losses
            // count as lost characters in the whole. Equal ranks (readings that differ only in runs not accepted): the
            // likelier reading as a whole.
            Candidate? best = null;
            double bestRank = double.NegativeInfinity;
            foreach ((Candidate c, bool[] accepted) in passing)
            {
                double rank = AppliedGain(token, before, after, c, accepted);
                if (rank > bestRank || (rank == bestRank && best is not null && c.Score.Total > best.Score.Total))
                {
                    best = c;
                    bestAccepted = accepted;
                    bestRank = rank;
                }
            }

            if ((ExactInPlaceOfLosses(passing, best!) ?? ShallowerPassing(passing, best!)) is { } exact)
            {
                (best, bestAccepted) = exact;
                chosen = Likeliest(token, before, after, readings, best, chosenRank: null, ref bestAccepted, held);
            }
            else
            {
                chosen = Likeliest(token, before, after, readings, best!, bestRank, ref bestAccepted, held);
            }
        }

        chosen = KeepUtf8Latin(token, passing, chosen, ref bestAccepted);
        if (!chosen.TextShown)
        {
            bestAccepted = null;
            guess = chosen;
            return null;
        }

        return Guessed(token, before, after, readings, chosen, ref guess);
    }

    // A whole field that a reading of two or more layers turns into text and lost bytes is restored only when that
    // reading stands out by EncodingDecision.MinWholeFieldMargin from every exact reading that restores other text:
    // a few characters and a loss are little text to show a deep chain, and three Latin-1 letters read so under many
    // chains alike ("Æøå" became 賦� by two layers, "Ðúñ" 若�, the Yoruba "Mòrókò" 鍍难� by three). The reading cleared
    // the thresholds, so the field is damaged: it is reported lossy as it stands (guess), its text not invented. On the
    // dev half this changed 8 fields from a wrong text (매� for ス�, 亞� for か��, 网�絮� for を�制�) to the field kept
    // and flagged, and no best text; one-layer readings are left out, since there it kept 4 fields from their right
    // character (본� for "ë³¸ê°", UTF-8 read as ISO-8859-1), which a one-layer chain's structure (a whole UTF-8
    // sequence) shows better than the model can.
    private static Candidate? Guessed(string token, char before, char after, List<Candidate> readings, Candidate chosen, ref Candidate? guess)
    {
        if (chosen.Layers < 2 || before != CharNgramModel.Boundary || after != CharNgramModel.Boundary || token.Length > EncodingDecision.ShortFieldMaxLength
            || !chosen.Text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return chosen;
        }

        string kept = chosen.Text.Replace("\uFFFD", "", StringComparison.Ordinal);
        SpanScore input = TextLikelihood.Score(token, before, after);
        double gain = EncodingDecision.Gain(chosen.Score, chosen.Layers, input);
        foreach (Candidate c in readings)
        {
            if (c.Exact && c.Text.Replace("\uFFFD", "", StringComparison.Ordinal) is { Length: > 0 } other && other != kept
                && EncodingDecision.Gain(c.Score, c.Layers, input) > gain - EncodingDecision.MinWholeFieldMargin)
            {
                guess = chosen;
                return null;
            }
        }

        return chosen;
    }

    // Once a reading has shown the token damaged, the likeliest explanation of a whole field wins: a reading that reads
    // the whole token exactly as one script's text with nothing lost (RunJudge.IsWholeField), with no more layers than
    // the chosen one and a higher log-likelihood less its layers' cost, replaces it even where the fluency floor kept it
    // out. The floor asks whether a field is damaged at all; which reading explains the damage is the language model's
    // judgement. A deeper reading that loses a character (豌豆� by utf-8 decoded as gbk, then gbk decoded as cp437) or
    // restores a field of rarer characters (﹎磂 by two layers) gave way to the one-layer reading (豌豆荚, 阔体) only by
    // this: short-field dev set 963 → 968, no other output of any set changed. Without EncodingDecision.MinLikeliestPerChar,
    // a clean Yoruba word's wrong three-layer reading gave way to a wrong one-layer reading of -10.6 per transition.
    // The chosen reading's rank (AppliedGain) is computed only when a whole-field reading is there to compare with it.
    private static Candidate Likeliest(string token, char before, char after, List<Candidate> readings, Candidate chosen, double? chosenRank, ref bool[]? accepted, bool[]? held)
    {
        SpanScore? input = null;
        foreach (Candidate c in readings)
        {
            if (c == chosen || c.Layers > chosen.Layers || !c.Exact || !RunJudge.IsWholeField(token, 0, token.Length, c.Text)
                || !RunJudge.EveryRunGains(token, before, after, c, held))
            {
                continue;
            }

            // The token's own score only for a token with a whole-field reading (most tokens decided have none).
            input ??= TextLikelihood.Score(token, before, after);
            chosenRank ??= AppliedGain(token, before, after, chosen, accepted!);
            double rank = c.Score.Total - c.PriorCost;
            if (rank > chosenRank && c.Score.PerChar >= EncodingDecision.LikeliestPerChar(token)
                && EncodingDecision.Gain(c.Score, c.Layers, input.Value) >= EncodingDecision.RequiredGain(token.Length, following: false))
            {
                chosen = c;
                chosenRank = rank;
                accepted = new bool[c.TokenBounds.Length - 1];
                accepted.AsSpan().Fill(true);
            }
        }

        return chosen;
    }

    // A whole line of one token that no reading's runs clear: the likeliest reading still replaces it when it reads the whole token
    // exactly as one script's text with nothing lost (RunJudge.IsWholeField), clears the gain a short field needs, is
    // text at all (EncodingDecision.MinLikeliestPerChar), and stands out from every exact reading of another text by
    // EncodingDecision.MinWholeFieldMargin. Names transliterated from other languages (比什凱克, 卢雅语) read below the
    // fluency floor whatever the chain; a clean word of a language the models know badly gains under many readings
    // alike ("Mòrókò": 19.2, 18.9 and 18.6 nats by three chains), a damaged field under one.
    private static Candidate? StandsOut(string token, char before, char after, List<Candidate> readings, ref bool[]? accepted)
    {
        if (before != CharNgramModel.Boundary || after != CharNgramModel.Boundary)
        {
            return null;
        }

        // No reading to take: none is a whole field (nothing is scored then; most lines searched in vain have none).
        if (!readings.Exists(c => c.Exact && RunJudge.IsWholeField(token, 0, token.Length, c.Text)))
        {
            return null;
        }

        SpanScore input = TextLikelihood.Score(token, before, after);
        Candidate? best = Candidate.Leading(readings);
        double bestGain = best is null ? double.NegativeInfinity : EncodingDecision.Gain(best.Score, best.Layers, input);

        if (best is null || !best.Exact || bestGain < EncodingDecision.RequiredGain(token.Length, following: false)
            || best.Score.PerChar < EncodingDecision.LikeliestPerChar(token) || !RunJudge.IsWholeField(token, 0, token.Length, best.Text)
            || !RunJudge.EveryRunGains(token, before, after, best))
        {
            return null;
        }

        foreach (Candidate c in readings)
        {
            // A reading with bytes its decoder could not read explains only part of the field: no rival.
            if (c.Exact && c.Text != best.Text && EncodingDecision.Gain(c.Score, c.Layers, input) > bestGain - EncodingDecision.MinWholeFieldMargin)
            {
                return null;
            }
        }

        accepted = new bool[best.TokenBounds.Length - 1];
        accepted.AsSpan().Fill(true);
        return best;
    }

    /// <summary>
    /// The chains the token proposes for the text's vote (see <see cref="EncodingScanner.ElectChain"/>): those of its
    /// <see cref="MaxVotedChains"/> likeliest distinct exact readings by one or more layers whose text is shown
    /// (<see cref="Candidate.TextShown"/>), among the readings of one layer when one of those chains is supported
    /// (<paramref name="supports"/>: the vote's support, see <see cref="ChainGain"/>, which the vote remembers and asks
    /// again), else among all. Searches the token (one layer deep first).
    /// </summary>
    public List<LayerStep[]> ProposedChains(Predicate<LayerStep[]> supports)
    {
        // One layer first: when a one-layer chain it proposes is supported (its own readings clear the thresholds), the
        // token is damaged by a chain of one layer as far as the vote needs to know, and the lattice's deeper layers
        // (about 8 of every 9 readings, each scored for the beam) are left to the scan, which searches the token only when
        // the elected chain does not read it. On the dev half and every evaluation set, no output changed.
        if (!IsSearched)
        {
            List<LayerStep[]> shallow = Proposed(CandidateSearch.Search(Token, Before, After, Input, maxLayers: 1, ref _firstLayer));
            if (shallow.Exists(supports))
            {
                return shallow;
            }
        }

        return Proposed(Readings);
    }

    private static List<LayerStep[]> Proposed(List<Candidate> readings)
    {
        var chains = new List<LayerStep[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Candidate c in readings.Where(c => c.Exact && c.TextShown && c.Layers > 0).OrderByDescending(c => c.Score.Total - (c.Layers * EncodingDecision.LayerCost)))
        {
            if (chains.Count == MaxVotedChains)
            {
                break;
            }

            if (seen.Add(c.Chain))
            {
                chains.Add(c.Steps);
            }
        }

        return chains;
    }

    /// <summary>
    /// The gain over the token as it stands of the choice among the readings by <paramref name="steps"/> (replayed
    /// when the search kept another chain's reading of the same text), or null when none clears the thresholds (see
    /// <see cref="Choose"/>): the token's vote for the chain.
    /// </summary>
    public double? ChainGain(LayerStep[] steps)
    {
        var readings = ReadingsBy(steps).ToList();
        return Choose(Token, Before, After, readings, out bool[]? accepted, out _) is { } chosen && accepted is not null
            ? AppliedGain(Token, Before, After, chosen, accepted) - Input.Total
            : null;
    }

    /// <summary>
    /// Chains a token proposes at most (see <see cref="ProposedChains"/>): a short token reads about as well by two or
    /// three chains (EUC-KR, EUC-JP and GBK of "¾È³ç" within 4 nats), and a chain further down its readings does not
    /// decide the text's vote; the bound keeps the vote's replays to a few per token.
    /// </summary>
    internal const int MaxVotedChains = 4;

    // The log-likelihood of the token with the accepted groups of the reading applied, less the prior cost of the
    // reading's layers (the token's own score is the same for every reading, so it is left out). Groups the reading
    // only loses are applied too, each U+FFFD scored as a lost character (see RunJudge.LostGain, which weighs them the
    // same way when runs are compared).
    private static double AppliedGain(string token, char before, char after, Candidate reading, bool[] accepted)
    {
        var segment = new System.Text.StringBuilder(token.Length + 8);
        double total = 0;
        char left = before;
        for (int k = 0; k < accepted.Length; k++)
        {
            int a = reading.TokenBounds[k], b = reading.TokenBounds[k + 1];
            ReadOnlySpan<char> replacement = reading.Text.AsSpan(reading.TextBounds[k], reading.TextBounds[k + 1] - reading.TextBounds[k]);
            if (!replacement.IsEmpty && replacement.IndexOfAnyExcept('\uFFFD') < 0 && RunJudge.Changed(token, reading, k)
                && token.AsSpan(a, b - a).IndexOfAnyExcept('?', '\u30FB') < 0)
            {
                // A '?' (or Shift-JIS's '・') a framework decoder wrote for a lost byte, read as the loss it stands for: one marker for
                // another, at the cost that keeps real question marks (see EncodingDecision.QuestionMarkLossCost); the
                // text starts afresh after it. Other losses are scored as lost characters.
                total += TextLikelihood.Score(segment.ToString(), left, CharNgramModel.Boundary).Total - EncodingDecision.QuestionMarkLossCost;
                segment.Clear();
                left = CharNgramModel.Boundary;
                continue;
            }

            if (accepted[k] || (!replacement.IsEmpty && replacement.IndexOfAnyExcept('\uFFFD') < 0))
            {
                segment.Append(replacement);
            }
            else
            {
                segment.Append(token, a, b - a);
            }
        }

        total += TextLikelihood.Score(segment.ToString(), left, after).Total;
        return total - reading.PriorCost;
    }
}
