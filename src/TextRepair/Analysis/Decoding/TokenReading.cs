using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// One token of a line and what the lattice found for it: all readings, and the decision. A reading's changes split
/// into restorations (groups decoded to real text) and losses (groups that became U+FFFD): the decision is taken on
/// the restorations alone, so that a loss marker never earns a repair by itself (markers are damage only in damaged
/// context). Not thread-safe (one per token of one scan).
/// </summary>
internal sealed partial class TokenReading
{
    // Groups of Chosen to apply (the runs accepted by Decide), or null for all of them (DecideByChain).
    private bool[]? _accepted;

    private List<Candidate>? _readings;

    // The first layer of the lattice, left by a search one layer deep (ProposedChains) for the whole search to continue.
    private CandidateSearch.FirstLayer? _firstLayer;

    private SpanScore? _input;
    private int? _ownUtf8Pool;

    private TokenReading(int start, string token, char before, char after)
    {
        Start = start;
        Token = token;
        Before = before;
        After = after;
    }

    public int Start { get; }

    public string Token { get; }

    public char Before { get; }

    public char After { get; }

    /// <summary>
    /// The <see cref="Utf8SequencePool"/> of the token's line (set by <see cref="LineDecisions"/>): the decisions on the
    /// token's own evidence count the line's whole UTF-8 sequences with it. 0 for none, and in the text's vote.
    /// </summary>
    public int Utf8Pool { get; set; }

    /// <summary>
    /// The token's own <see cref="Utf8SequencePool"/> (computed on first use: <see cref="LineDecisions"/> asks for it
    /// up to twice per token, and only on a line that holds whole UTF-8 sequences).
    /// </summary>
    public int OwnUtf8Pool => _ownUtf8Pool ??= Utf8SequencePool.Of(Token);

    /// <summary>The token's score as it stands (computed on first use: a token skipped by the gate needs none).</summary>
    public SpanScore Input => _input ??= TextLikelihood.Score(Token, Before, After);

    /// <summary>
    /// Every reading the search finds (see <see cref="CandidateSearch.Search(string, char, char, SpanScore, int)"/>;
    /// searched on first use, or the same readings of a token searched again in its repair: see
    /// <see cref="CleanTokenCache.GetOrSearchReadings"/>). Not to be changed.
    /// </summary>
    public List<Candidate> Readings => _readings ??= CleanTokenCache.GetOrSearchReadings(Token, Before, After,
        () => CandidateSearch.Search(Token, Before, After, Input, CandidateSearch.MaxLayers, ref _firstLayer));

    /// <summary>True once <see cref="Readings"/> were searched.</summary>
    public bool IsSearched => _readings is not null;

    /// <summary>
    /// The token was found to be possibly damaged (<see cref="EncodingScanner.MayBeDamaged"/>) before the scan reached
    /// it (by <see cref="EncodingScanner.ElectChain"/>), so the scan need not ask again.
    /// </summary>
    public bool MayBeDamaged { get; set; }

    /// <summary>The reading taken, or null.</summary>
    public Candidate? Chosen { get; private set; }

    /// <summary>The chosen reading restores real text (not only loss markers).</summary>
    public bool Restores { get; private set; }

    /// <summary>The token at <paramref name="start"/>..<paramref name="end"/> of <paramref name="text"/>'s line.</summary>
    public static TokenReading Search(string text, int start, int end, int lineStart, int lineEnd) =>
        new(start, text.Substring(start, end - start),
            start > lineStart ? text[start - 1] : CharNgramModel.Boundary,
            end < lineEnd ? text[end] : CharNgramModel.Boundary);

    /// <summary>
    /// Takes the reading whose runs (see <see cref="RunJudge"/>) clear <see cref="EncodingDecision"/>'s thresholds with
    /// the largest total gain; only the accepted runs of it are applied.
    /// </summary>
    public bool Decide()
    {
        bool taken = DecideAmong(Readings, out string? guess);
        LatticeGuessChain = guess;
        return taken;
    }

    /// <summary>
    /// Takes the best reading by one of <paramref name="known"/>, chains already found in the same text, when it clears
    /// the same thresholds as in <see cref="Decide"/>: a text damaged by one chain is usually damaged by it throughout,
    /// and replaying a chain costs one pass per layer where the lattice costs hundreds of readings.
    /// <paramref name="follows"/> tells whether some known chain reads the token exactly (see <see cref="DecideByChain"/>).
    /// </summary>
    public bool DecideByKnown(IReadOnlyList<LayerStep[]> known, out bool follows)
    {
        var readings = new List<Candidate>(known.Count);
        follows = false;
        for (int k = 0; k < known.Count; k++)
        {
            // Indexed: a foreach over the interface boxed the list's enumerator on every token of a damaged text.
            LayerStep[] steps = known[k];

            // Only a chain whose wrong decoder could have written the whole token: one that cannot may be the wrong
            // one of two that read alike (cp437 and cp866 share their box drawing, and cp437 has no "и" of "╜и", 建),
            // and the lattice, which holds the known chains' readings too, decides such a token. Groups a chain
            // cannot decode for lost bytes do not count against it.
            foreach (Candidate c in ReadingsBy(steps))
            {
                readings.Add(c);
                follows = true;
            }
        }

        return DecideAmong(readings, out _);
    }

    private bool DecideAmong(List<Candidate> readings, out string? guessChain)
    {
        if (Choose(Token, Before, After, readings, out bool[]? accepted, out Candidate? guess, Utf8Pool) is not { } best)
        {
            guessChain = guess?.Chain;
            GuessChain ??= guessChain;
            return false;
        }

        guessChain = null;

        GuessChain = null;

        Chosen = best;
        _accepted = accepted;
        Restores = true;
        return true;
    }

    /// <summary>
    /// The chain of a reading that showed the token damaged but was not taken, being one guess among several (see
    /// <see cref="Choose"/>): when no reading is chosen, the token is reported lossy as it stands. Otherwise null.
    /// </summary>
    public string? GuessChain { get; private set; }

    /// <summary>
    /// <see cref="GuessChain"/> as the last <see cref="Decide"/> found it among all the token's readings, a function of
    /// the token in its context alone (what <see cref="CleanTokenCache"/> may remember); a guess among the known chains'
    /// readings only (<see cref="DecideByKnown"/>) is not.
    /// </summary>
    public string? LatticeGuessChain { get; private set; }

    /// <summary>Takes the remembered outcome of a search that found the token damaged but its text a guess (see <see cref="CleanTokenCache.TryGetGuess"/>).</summary>
    public void TakeGuess(string chain) => GuessChain ??= chain;

    /// <summary>Forgets the decision.</summary>
    public void Reject()
    {
        Chosen = null;
        _accepted = null;
        Restores = false;
    }

    /// <summary>
    /// Takes the exact reading by <paramref name="steps"/>, a chain already found on the same line: a line damaged by one
    /// chain is likely damaged by it throughout, so a token that decodes exactly by it needs less evidence (see
    /// <see cref="EncodingDecision.MinFollowGain"/>), run by run.
    /// </summary>
    public bool DecideByChain(LayerStep[] steps)
    {
        Candidate? best = null;
        bool[]? bestAccepted = null;
        bool bestRestores = false;
        double bestRank = double.NegativeInfinity;
        foreach (Candidate c in ReadingsBy(steps))
        {
            // With the line's UTF-8 sequences (Utf8Pool): a lone pair the line vouches for follows as it leads (session 40).
            bool[] accepted = new bool[c.TokenBounds.Length - 1];
            bool restores = RunJudge.Judge(Token, Before, After, c, accepted, following: true, exactGain: false, Utf8Pool) > 0 || accepted.Contains(true);
            if (!restores && !HasLosses(c))
            {
                continue;
            }

            // Of the chain's two readings of a '?' (see ReadingsBy), the one that makes the likelier token, as Choose
            // ranks readings.
            double rank = AppliedGain(Token, Before, After, c, accepted);
            if (best is null || rank > bestRank)
            {
                (best, bestAccepted, bestRestores, bestRank) = (c, accepted, restores, rank);
            }
        }

        if (best is null)
        {
            return false;
        }

        Chosen = best;
        _accepted = bestAccepted;
        Restores = bestRestores;
        return true;
    }

    // The exact readings by steps, a chain found elsewhere in the text: the chain as found and, where the token allows
    // its outer layer to be read another way, the chain read so too; the token's readings are ranked as the lattice
    // ranks them. A token that showed the chain need not show how its reader wrote losses and characters:
    // - a '?' its wrong decoder may have written for a lost byte, read the other way: the line "Title is: 浇扼捞靛 昏?"
    //   (euc-kr read as gbk, its last byte cut off) found the chain on 浇扼捞靛 and kept the '?' of 昏? as a question
    //   mark, where the lattice of 昏? alone reads both and ranks them;
    // - the wrong decoder's other layout (CodePage.AddOtherLayout): GBK text read by Python as Big5, where a line with no
    //   character of Python's rows elected the chain and the next line's ③ (请, C7EB) was read at code page 950's bytes
    //   for it, as 疲;
    // - lead bytes lost alone (LayerStep.LostLeadOnly), which a line without losses does not show either.
    private IEnumerable<Candidate> ReadingsBy(LayerStep[] steps)
    {
        if (ReadingBy(steps) is { Exact: true } c)
        {
            yield return c;
        }

        if (steps.Length == 0)
        {
            yield break;
        }

        LayerStep outer = steps[0];
        bool marks = LayerUndo.MayHaveLostMarks(Token, outer.Wrong);
        bool layout = outer.Wrong.Kind == CodecKind.Table && outer.Wrong.Page.HasOtherLayout(Token);
        bool leads = LayerUndo.MayHaveLostLeadsOnly(Token, outer.Truth, outer.Wrong);
        for (int variant = 1; variant < 8; variant++)
        {
            bool flipMarks = (variant & 1) != 0, flipLayout = (variant & 2) != 0, flipLeads = (variant & 4) != 0;
            if ((flipMarks && !marks) || (flipLayout && !layout) || (flipLeads && !leads))
            {
                continue;
            }

            LayerStep[] other = [.. steps];
            other[0] = outer with
            {
                MarksLost = outer.MarksLost ^ flipMarks,
                OtherLayout = outer.OtherLayout ^ flipLayout,
                LostLeadOnly = outer.LostLeadOnly ^ flipLeads,
            };
            if (ReadingBy(other) is { Exact: true } d)
            {
                yield return d;
            }
        }
    }

    // The reading by steps: from the lattice when it was searched, else the chain replayed on the token. A replayed
    // reading that writes a code point no text holds, or a control the token did not hold, is none, as the lattice's
    // are (NeverText, CandidateSearch): a known chain replayed on random mojibake wrote a NUL into the text
    // ("è¿ªå¬ƒ" read as "\0igD濂t" by a chain through UTF-16, found by the session-35 hostile test).
    private Candidate? ReadingBy(LayerStep[] steps)
    {
        if (_readings is not null)
        {
            foreach (Candidate c in _readings)
            {
                if (c.HasSteps(steps))
                {
                    return c;
                }
            }
        }

        return Candidate.Replay(Token, Before, After, steps) is { } replayed && !NeverText.IsAddedBy(replayed, Token) ? replayed : null;
    }

    private static bool LossOnly(ReadOnlySpan<char> replacement) => replacement.IndexOfAnyExcept('\uFFFD') < 0;

    // True when the layer's wrong decoder is a single-byte code page: a group of one of its characters is one byte.

    // True when a group next to group k of the chosen reading restores text it accepted.
    private bool RestoredBeside(Candidate c, int k)
    {
        for (int j = k - 1; j <= k + 1; j += 2)
        {
            if (j >= 0 && j + 1 < c.TokenBounds.Length && (_accepted is null || _accepted[j])
                && RunJudge.Changed(Token, c, j) && !LossOnly(c.Text.AsSpan(c.TextBounds[j], c.TextBounds[j + 1] - c.TextBounds[j])))
            {
                return true;
            }
        }

        return false;
    }

    // The reading writes U+FFFD for lost bytes somewhere (such groups follow the line's damage, see AddFindings).
    private static bool HasLosses(Candidate c) => c.Text.Contains('\uFFFD', StringComparison.Ordinal);

    /// <summary>
    /// The findings of the chosen reading, in one walk of its groups: restorations (and a guess's text not told) to
    /// <paramref name="restorations"/>, losses alone (lossy findings of U+FFFD only) to <paramref name="losses"/>, or
    /// left out when it is null. The scanner asked for a token's restorations and, by a second walk that copied every
    /// replacement again, its losses (session 37).
    /// </summary>
    public void AddFindings(List<EncodingFinding> restorations, List<EncodingFinding>? losses)
    {
        bool lossesToo = losses is not null;
        if (Chosen is not { } c)
        {
            if (GuessChain is { } guess)
            {
                restorations.Add(EncodingFinding.TextNotTold(Start, Token, guess));
            }

            return;
        }

        // Adjacent groups join into one finding, built once: a token of thousands of groups would otherwise copy its
        // replacement so far for every group. Groups are adjacent in the token only when they are consecutive (the
        // boundaries ascend strictly), so their replacements are consecutive in the reading's text too: the finding's
        // replacement is the stretch of it from the first group's to the last one's (joinText..joinTextEnd).
        int joinStart = -1, joinEnd = -1, joinText = -1, joinTextEnd = -1;
        bool joinLossy = false, joinLossOnly = false;
        for (int k = 0; k + 1 < c.TokenBounds.Length; k++)
        {
            int a = c.TokenBounds[k], b = c.TokenBounds[k + 1];
            ReadOnlySpan<char> replacement = c.Text.AsSpan(c.TextBounds[k], c.TextBounds[k + 1] - c.TextBounds[k]);
            if (Token.AsSpan(a, b - a).SequenceEqual(replacement))
            {
                continue;
            }

            bool lossy = replacement.Contains('\uFFFD');
            bool lossOnly = LossOnly(replacement);
            if (_accepted is not null && !_accepted[k] && (!lossy || !lossOnly))
            {
                // A group of a run that was not accepted (loss-only groups follow the line's damage, as below).
                continue;
            }

            if (lossy && !lossesToo && lossOnly)
            {
                continue;
            }

            if (lossOnly && b - a == 1 && Token[a] >= 0x80 && c.Steps[0].Wrong.IsSingleByte && !RestoredBeside(c, k)
                && (b < Token.Length || After != CharNgramModel.Boundary))
            {
                // One byte a reading cuts short inside a line, with no restoration beside it: a lead byte whose every
                // other byte was lost, or what clean text in a Latin script has ("François", "José" beside
                // mojibake: ç and é are UTF-8 and GBK leads before ASCII). Not evidence of a loss. At a line's end it
                // is: text cut short there ends in a lead byte.
                continue;
            }

            if (lossOnly && RereadsMarkedLoss(c, k))
            {
                // A loss the text marks already, read again with the good text beside it (see RereadsMarkedLoss).
                continue;
            }

            if (lossOnly && KeepsUnmarkedText(c, k))
            {
                // Text that reads better than the bytes the reading says a reader dropped (see KeepsUnmarkedText).
                continue;
            }

            if (lossOnly && LosesWordLetter(c, k))
            {
                // A letter of a word the reading keeps, taken for a UTF-8 character cut short (see LosesWordLetter).
                continue;
            }

            // Adjacent groups join, but never a loss-only group with one that restores text too: the scanner keeps
            // loss-only findings for damaged lines only, and would drop the loss with the restoration.
            if (joinStart < 0 || joinEnd != Start + a || joinLossy != lossy || joinLossOnly != lossOnly)
            {
                Flush();
                (joinStart, joinText, joinLossy, joinLossOnly) = (Start + a, c.TextBounds[k], lossy, lossOnly);
            }

            joinEnd = Start + b;
            joinTextEnd = c.TextBounds[k + 1];
        }

        Flush();

        void Flush()
        {
            if (joinStart >= 0)
            {
                // A loss alone (lossy, U+FFFD only) goes to the losses, anything else to the restorations.
                List<EncodingFinding> findings = joinLossy && joinLossOnly ? losses! : restorations;
                findings.Add(new EncodingFinding(joinStart, joinEnd - joinStart, c.Text.Substring(joinText, joinTextEnd - joinText), c.Chain, joinLossy) { Steps = c.Steps });
                joinStart = -1;
            }
        }
    }
}
