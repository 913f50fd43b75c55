using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The lattice of readings of one token: every chain of up to <see cref="MaxLayers"/> layers "written in X, read as Y"
/// over <see cref="Codec.TrueEncodings"/> × <see cref="Codec.WrongDecoders"/>, explored breadth-first with a beam of the
/// <see cref="BeamWidth"/> likeliest readings per depth. A layer is explored only where the wrong decoder can re-encode
/// the text (exactly, for layers after the first) and the true decoding changes something; the likelihood under the
/// language model orders the readings. Thread-safe; allocates per candidate.
/// </summary>
internal static class CandidateSearch
{
    /// <summary>Chains are at most this deep (the matrix: up to 3 layers).</summary>
    public const int MaxLayers = 3;

    /// <summary>
    /// Readings kept per depth. Deeper layers start from the likeliest exact readings of the depth before; 4 keeps the
    /// true first layer in the beam on every two- and three-layer chain of the dev half of the evaluation.
    /// </summary>
    public const int BeamWidth = 4;

    /// <summary>
    /// Longest token whose whole lattice is searched. A longer token is searched in windows of this many characters, at
    /// its start and at its most surprising stretch (see <see cref="TextLikelihood.Surprise(ReadOnlySpan{char}, char, char, double, double, out int, out int, bool)"/>),
    /// and read as a whole by the chains whose readings of a window clear the thresholds, so that a token costs the
    /// lattices of two windows plus one pass per layer of each chain found: linear in its length. On the dev half of the
    /// evaluation, the results equal those of the whole lattice (64 and 128 tried; the cut end of a window is judged as
    /// text whose continuation is unknown).
    /// 64 characters hold 21 Han characters of UTF-8 read by a single-byte decoder, and 32 of a double-byte one.
    /// </summary>
    public const int ProbeLength = 64;

    /// <summary>A first layer needs at least this many non-ASCII characters the wrong decoder can produce.</summary>
    private const int MinEncodable = 2;

    /// <summary>
    /// All readings of <paramref name="token"/> found (the token itself not included), in no particular order: the
    /// beam orders them by score, the decision by the gain of their runs.
    /// </summary>
    public static List<Candidate> Search(string token, char before, char after, SpanScore inputScore, int maxLayers = MaxLayers)
    {
        FirstLayer? none = null;
        return Search(token, before, after, inputScore, maxLayers, ref none);
    }

    /// <summary>
    /// <see cref="Search(string, char, char, SpanScore, int)"/> that shares the lattice's first layer between searches of
    /// one token: a search one layer deep of a token searched whole (not in windows) leaves that layer in
    /// <paramref name="firstLayer"/>, and a deeper search starts from it (and takes it) instead of building it again.
    /// The vote searches a token one layer deep first (TokenReading.ProposedChains), and the whole lattice after when
    /// no one-layer chain is supported. The readings are the same, in the same order, as a search from scratch.
    /// </summary>
    public static List<Candidate> Search(string token, char before, char after, SpanScore inputScore, int maxLayers, ref FirstLayer? firstLayer)
    {
        if (token.Length <= ProbeLength)
        {
            return Lattice(token, before, after, inputScore, maxLayers, ref firstLayer);
        }

        // A long token: the lattices of two windows name the chains worth reading it by: its start, where a character
        // of the true encoding starts too, and its most surprising stretch.
        TextLikelihood.Surprise(token, before, after, EncodingDecision.TypicalTransitionLogProb,
            EncodingDecision.TypicalSymbolTransitionLogProb, out int start, out _);
        var chains = new List<LayerStep[]>();
        AddWindowChains(token, before, after, 0, chains, maxLayers);
        if (start >= ProbeLength)
        {
            AddWindowChains(token, before, after, Math.Min(start, token.Length - ProbeLength), chains, maxLayers);
        }

        // The framework's double-byte decoders write a loss mark ('?', '・') for lost bytes: where the token has such a
        // mark outside the windows, the chain is also read with it lost, as the lattice of the whole token would.

        // Shallower chains first: of two chains that read the token alike, the one with fewer layers names the reading,
        // as in the lattice, which meets it first.
        chains.Sort(static (a, b) => a.Length.CompareTo(b.Length));
        var readings = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { token };
        foreach (LayerStep[] steps in chains)
        {
            Add(Candidate.Replay(token, before, after, steps));
            if (LayerUndo.MayHaveLostMarks(token, steps[0].Wrong))
            {
                LayerStep[] other = [.. steps];
                other[0] = other[0] with { MarksLost = !other[0].MarksLost };
                Add(Candidate.Replay(token, before, after, other));
            }
        }

        return readings;

        // A replayed reading is checked as the lattice's are (NeverText): a token of 116 characters of UTF-8 Korean read as
        // UTF-16LE (random chains, EncodingProperties) was read back by "utf-8 decoded as utf-16le" with a U+0005 it
        // never held, from a chain its window's lattice found.
        void Add(Candidate? reading)
        {
            if (reading is not null && !NeverText.IsAddedBy(reading, token) && seen.Add(reading.Text))
            {
                readings.Add(reading);
            }
        }
    }

    // Adds to chains the chains of the readings of the window of ProbeLength characters at start that clear the
    // thresholds there.
    private static void AddWindowChains(string token, char before, char after, int start, List<LayerStep[]> chains, int maxLayers)
    {
        if (start > 0 && char.IsLowSurrogate(token[start]))
        {
            // Never start between the halves of a surrogate pair.
            start--;
        }

        int length = Math.Min(ProbeLength, token.Length - start);
        string probe = token.Substring(start, length);
        char probeBefore = start > 0 ? token[start - 1] : before;
        bool cut = start + length < token.Length;
        char probeAfter = cut ? token[start + length] : after;
        Span<bool> accepted = stackalloc bool[ProbeLength];
        foreach (Candidate c in Lattice(probe, probeBefore, probeAfter, TextLikelihood.Score(probe, probeBefore, probeAfter), maxLayers))
        {
            // The window's end cuts the token's text, maybe a character in two: judge the window up to the cut, as text
            // whose continuation is unknown.
            int judgedLength = probe.Length;
            Candidate judged = cut ? c.WithoutTrailingLoss(out judgedLength) : c;
            string judgedProbe = judgedLength < probe.Length ? probe[..judgedLength] : probe;
            char judgedAfter = cut ? CharNgramModel.Boundary : probeAfter;
            // A window's readings have a group per character of it at most.
            int count = judged.TokenBounds.Length - 1;
            Span<bool> groups = count <= ProbeLength ? accepted[..count] : new bool[count];
            groups.Clear();
            if (RunJudge.Judge(judgedProbe, probeBefore, judgedAfter, judged, groups, following: false, exactGain: false) > 0
                && !chains.Exists(s => c.HasSteps(s)))
            {
                chains.Add(c.Steps);
            }
        }
    }

    /// <summary>
    /// Lattices built on this thread (a window's counts), for tests that a cached verdict does no search; an increment
    /// per lattice of hundreds of readings.
    /// </summary>
    [ThreadStatic]
    internal static int LatticesBuilt;

    /// <summary>
    /// The first layer of a token's lattice (see <see cref="Search(string, char, char, SpanScore, int, ref FirstLayer?)"/>):
    /// every reading of it, those <see cref="NeverText"/> drops included (they are states of deeper chains), in the
    /// order found, and the texts seen.
    /// </summary>
    internal sealed class FirstLayer(List<Candidate> found, HashSet<string> seen)
    {
        public List<Candidate> Found { get; } = found;

        public HashSet<string> Seen { get; } = seen;
    }

    /// <summary>Every reading of the lattice of the whole of <paramref name="token"/>, up to <paramref name="maxLayers"/> deep, however long.</summary>
    internal static List<Candidate> Lattice(string token, char before, char after, SpanScore inputScore, int maxLayers = MaxLayers)
    {
        FirstLayer? none = null;
        return Lattice(token, before, after, inputScore, maxLayers, ref none);
    }

    // The lattice; a search to one layer leaves that layer in firstLayer, and a deeper one starts from it (and takes it).
    private static List<Candidate> Lattice(string token, char before, char after, SpanScore inputScore, int maxLayers, ref FirstLayer? firstLayer)
    {
        LatticesBuilt++;
        List<Candidate> found, beam;
        HashSet<string> seen;
        int start = 1;
        if (firstLayer is not null && maxLayers > 1)
        {
            // Depth 1 as a search from scratch leaves it: its readings, the texts seen, and the beam the next depth
            // starts from.
            found = [.. firstLayer.Found];
            seen = firstLayer.Seen;
            beam = Beam(found, 0);
            firstLayer = null;
            start = 2;
        }
        else
        {
            found = [];
            beam = [Candidate.Identity(token, before, after, inputScore)];
            seen = new HashSet<string>(StringComparer.Ordinal) { token };
        }

        for (int depth = start; depth <= maxLayers && beam.Count > 0; depth++)
        {
            int first = found.Count;
            foreach (Candidate state in beam)
            {
                // A double-byte reader may have lost lead bytes alone (first layer only: deeper, U+FFFD is a character
                // the layer above lost); see LayerUndo.MayHaveLostLeadsOnly.
                bool mayHaveLostLeads = depth == 1 && state.Text.Contains('\uFFFD', StringComparison.Ordinal);
                foreach (Codec wrong in Codec.WrongDecoders)
                {
                    if (!Feasible(wrong, state.Text, exact: depth > 1))
                    {
                        continue;
                    }

                    // The framework's double-byte decoders write a loss mark for bytes they lose: try both readings of it.
                    bool marks = LayerUndo.MayHaveLostMarks(state.Text, wrong);

                    // Another implementation of the wrong decoder that writes some of the text's characters at other
                    // bytes (Python's Big5): try that layout too.
                    bool otherLayout = wrong.Kind == CodecKind.Table && wrong.Page.HasOtherLayout(state.Text);
                    foreach (Codec truth in Codec.TrueEncodings)
                    {
                        if (truth.Family == wrong.Family || !Composes(state.Steps, truth, wrong))
                        {
                            continue;
                        }

                        bool leadsOnly = mayHaveLostLeads && LayerUndo.MayLoseLeadsOnly(truth, wrong);
                        int layouts = (marks ? 2 : 1) * (otherLayout ? 2 : 1);
                        for (int variant = 0; variant < layouts * (leadsOnly ? 2 : 1); variant++)
                        {
                            int lostMarks = marks ? variant & 1 : 0;
                            bool inOtherLayout = otherLayout && variant % layouts >= (marks ? 2 : 1);
                            bool lostLeadOnly = variant >= layouts;

                            // A layer after the first must decode every group: all of a token went through the same
                            // chain, so a deeper layer that leaves groups it cannot decode explains part of the token
                            // by chance ("ÀÁÂÃÄÅ", gbk read as windows-1252, gave 懒旅呐, and utf-8 read as utf-16le
                            // turned only 呐 into "PT"). The first layer may keep groups: a token can mix clean text
                            // with text one wrong decoder wrote. A deeper layer read mostly through losses stays,
                            // marked (Candidate.TextShown): it shows damage, not text.
                            LayerResult? layer = LayerUndo.Undo(state.Text, truth, wrong, lostMarks == 1, marksAreCharacters: depth > 1, otherLayout: inOtherLayout, lostLeadOnly: lostLeadOnly);
                            if (layer is not null && (depth == 1 || layer.Invalid == 0) && seen.Add(layer.Text))
                            {
                                found.Add(state.Then(layer, new LayerStep(truth, wrong, lostMarks == 1, inOtherLayout, lostLeadOnly)));
                            }
                        }
                    }
                }
            }

            beam = depth == maxLayers ? [] : Beam(found, first);
        }

        if (maxLayers == 1)
        {
            firstLayer = new FirstLayer([.. found], seen);
        }

        // A reading that writes a code point no text holds is none (NeverText); as a step of a deeper chain it stays:
        // what it wrote may have been misread again.
        found.RemoveAll(c => NeverText.IsAddedBy(c, token));
        return found;
    }

    // The BeamWidth likeliest exact readings of found[first..]: the states the next depth starts from. Only they need
    // their score as a whole: a reading is scored only until it is known to fall under the BeamWidth-th best score seen
    // so far (Candidate.ScoresBelow), which most of a depth's readings do within a few characters. The beam is what
    // sorting every exact reading by score (List.Sort, not stable) gives: when two of the likeliest scores tie, or the
    // last one kept ties with one left out, the order among them is the sort's, and the beam is taken by that sort.
    internal static List<Candidate> Beam(List<Candidate> found, int first)
    {
        var exact = new List<Candidate>();
        var top = new List<Candidate>(BeamWidth + 1);
        double leftOut = double.NegativeInfinity;
        for (int i = first; i < found.Count; i++)
        {
            Candidate c = found[i];
            if (!c.Exact)
            {
                continue;
            }

            exact.Add(c);
            if (top.Count == BeamWidth && c.ScoresBelow(top[^1].Score.Total))
            {
                continue;
            }

            // Scored whole: into the best BeamWidth, the one it pushes out (or itself) left out.
            int at = top.Count;
            while (at > 0 && top[at - 1].Score.Total < c.Score.Total)
            {
                at--;
            }

            top.Insert(at, c);
            if (top.Count > BeamWidth)
            {
                leftOut = Math.Max(leftOut, top[^1].Score.Total);
                top.RemoveAt(BeamWidth);
            }
        }

        if (!Distinct(top, leftOut))
        {
            exact.Sort(static (a, b) => b.Score.Total.CompareTo(a.Score.Total));
            return exact.Count > BeamWidth ? exact.GetRange(0, BeamWidth) : exact;
        }

        return top;
    }

    // True when the scores of top (descending) are pairwise different and all above leftOut, the best score of the
    // readings scored whole and left out (readings left out unscored are below the last of top): then every sort by
    // score puts top first, in this order.
    private static bool Distinct(List<Candidate> top, double leftOut)
    {
        for (int k = 0; k < top.Count; k++)
        {
            double score = top[k].Score.Total;
            if (double.IsNaN(score) || score <= leftOut || (k > 0 && score == top[k - 1].Score.Total))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// False when the layer "written in <paramref name="truth"/>, read as <paramref name="wrong"/>", happening before
    /// the layers <paramref name="undone"/> (the last undone happened right after it), makes a chain that is no
    /// mojibake:
    /// <list type="bullet">
    /// <item>a round trip: the layer after it writes the text back in <paramref name="wrong"/>, which gives the same
    /// bytes, and reads them as <paramref name="truth"/>, which gives the same text; the pair changes nothing but the
    /// bytes a reader lost, so its only "repair" is dropping characters next to loss markers;</item>
    /// <item>a second UTF-16 layer: two UTF-16 readings of different byte order with any layer between them swap the
    /// bytes of every pair of characters, which turns plain ASCII into permuted ASCII ("-15" into "1-5"), and a UTF-16
    /// reader's output (characters from the whole of the BMP) cannot be written in any legacy code page again.</item>
    /// </list>
    /// Both were found by repairing the engine's own output again: on a GBK reading of UTF-8 text with lost bytes, a
    /// second pass took such chains, and a third undid them.
    /// </summary>
    internal static bool Composes(ReadOnlySpan<LayerStep> undone, Codec truth, Codec wrong)
    {
        if (undone.IsEmpty)
        {
            return true;
        }

        LayerStep after = undone[^1];
        if (after.Truth.Family == wrong.Family && after.Wrong.Family == truth.Family)
        {
            return false;
        }

        if (IsUtf16(truth) || IsUtf16(wrong))
        {
            foreach (LayerStep step in undone)
            {
                if (IsUtf16(step.Truth) || IsUtf16(step.Wrong))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsUtf16(Codec codec) => codec.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be;

    private static bool Feasible(Codec wrong, string text, bool exact)
    {
        if (wrong.Kind != CodecKind.Table)
        {
            // UTF-8 and UTF-16 readers: the text must hold something they could have produced from wrong bytes.
            foreach (char c in text)
            {
                if (c >= 0x80)
                {
                    return true;
                }
            }

            return false;
        }

        CodePage page = wrong.Page;
        int encodable = 0;
        foreach (char c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            if (c == '\uFFFD' || page.CanEncode(c))
            {
                encodable++;
            }
            else if (exact)
            {
                return false;
            }
        }

        // A Latin word with one accented letter that a double-byte decoder garbled holds one such character ("f酶rste"):
        // its word is the evidence (Utf8SequencePool.LatinWordAt; session 41).
        return encodable >= MinEncodable || (encodable == 1 && !exact && wrong.IsDoubleByte && HoldsLatinWord(wrong, text));
    }

    private static bool HoldsLatinWord(Codec wrong, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (Utf8SequencePool.PairAt(wrong, text, i) != 0)
            {
                return Utf8SequencePool.LatinWordAt(text, i, wrong, out _, out _);
            }
        }

        return false;
    }
}
