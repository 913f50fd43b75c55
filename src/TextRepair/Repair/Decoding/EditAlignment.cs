using TextRepair.Analysis.Decoding;

namespace TextRepair.Repair.Decoding;

/// <summary>
/// Where an edit can be cut in two: pairs of positions, one in the replaced text and one in the replacement, such that
/// the replaced text before the first became the replacement before the second. Callers that must share an edit out
/// over pieces of its source (the runs of a document split by markup) cut it there. Stateless and thread-safe.
/// </summary>
internal static class EditAlignment
{
    // Layers named in RepairEdit.Chain by the encoding engine (Candidate's names); "iso-8859-1" is windows-1252 read
    // from text with C1 controls.
    private static readonly Dictionary<string, Codec> s_codecs = BuildCodecs();

    // A layer's readings: lost marks, the other layout and lost leads, each on or off (one bit each).
    private const int Variants = 8;

    /// <summary>
    /// The cut points of <paramref name="edit"/>, whose replaced text is <paramref name="replaced"/>: ascending pairs
    /// (<c>Source[i]</c>, <c>Replacement[i]</c>), the first (0, 0) and the last (<c>replaced.Length</c>,
    /// <c>edit.Replacement.Length</c>). Between two consecutive cuts the replaced text became the replacement as a whole.
    /// <list type="bullet">
    /// <item>An encoding repair (<see cref="RepairEdit.Chain"/> names layers) whose chain, undone on the replaced text,
    /// gives exactly the replacement: the boundaries of the original characters, each with the mojibake characters its
    /// bytes became (for UTF-8 read as windows-1252, <c>ä¸­|æ–‡</c> and <c>中|文</c>).</item>
    /// <item>An edit without a chain (script, punctuation) whose replacement has as many code points as the replaced
    /// text: every code point boundary (conversions and punctuation are one for one).</item>
    /// <item>Otherwise (several passes or steps merged into one edit, a loss marker): only the two ends.</item>
    /// </list>
    /// Replays the chain at most a few times per layer (each linear in the edit's length); allocates the two arrays.
    /// </summary>
    public static (int[] Source, int[] Replacement) Cuts(ReadOnlySpan<char> replaced, RepairEdit edit)
    {
        string replacement = edit.Replacement;
        if (edit.Chain is not null)
        {
            LayerStep[]? steps = Parse(edit.Chain);
            Candidate? reading = steps is null ? null : Replay(steps, 0, Candidate.Identity(replaced.ToString(), '\0', '\0'), replacement);
            if (reading is not null)
            {
                return (reading.TokenBounds, reading.TextBounds);
            }
        }
        else
        {
            int[] source = CodePointBounds(replaced);
            int[] target = CodePointBounds(replacement);
            if (source.Length == target.Length)
            {
                return (source, target);
            }
        }

        return ([0, replaced.Length], [0, replacement.Length]);
    }

    // Depth first over the readings of each layer the engine may have taken (lost marks, the other layout, lost leads:
    // the variants CandidateSearch tries, which the chain's name does not tell); the first that gives the replacement.
    private static Candidate? Replay(LayerStep[] steps, int depth, Candidate state, string replacement)
    {
        if (depth == steps.Length)
        {
            return state.Text.Equals(replacement, StringComparison.Ordinal) ? state : null;
        }

        (Codec truth, Codec wrong) = (steps[depth].Truth, steps[depth].Wrong);
        bool marks = LayerUndo.MayHaveLostMarks(state.Text, wrong);
        bool otherLayout = wrong.Kind == CodecKind.Table && wrong.Page.HasOtherLayout(state.Text);
        bool leadsOnly = depth == 0 && state.Text.Contains('\uFFFD', StringComparison.Ordinal) && LayerUndo.MayLoseLeadsOnly(truth, wrong);
        for (int variant = 0; variant < Variants; variant++)
        {
            bool lostMarks = (variant & 1) != 0;
            bool inOtherLayout = (variant & 2) != 0;
            bool lostLeadOnly = (variant & 4) != 0;
            if ((lostMarks && !marks) || (inOtherLayout && !otherLayout) || (lostLeadOnly && !leadsOnly))
            {
                continue;
            }

            LayerResult? layer = LayerUndo.Undo(state.Text, truth, wrong, lostMarks, marksAreCharacters: depth > 0, inOtherLayout, lostLeadOnly);
            if (layer is null)
            {
                continue;
            }

            Candidate? found = Replay(steps, depth + 1, state.Then(layer, new LayerStep(truth, wrong, lostMarks, inOtherLayout, lostLeadOnly)), replacement);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The layers of a chain name, in the order they are undone (the last that happened first); null when a name is unknown.</summary>
    private static LayerStep[]? Parse(string chain)
    {
        string[] layers = chain.Split(", then ");
        var steps = new LayerStep[layers.Length];
        for (int i = 0; i < layers.Length; i++)
        {
            string[] parts = layers[i].Split(" decoded as ");
            if (parts.Length != 2 || !s_codecs.TryGetValue(parts[0], out Codec? truth) || !s_codecs.TryGetValue(parts[1], out Codec? wrong))
            {
                return null;
            }

            steps[layers.Length - 1 - i] = new LayerStep(truth, wrong, MarksLost: false);
        }

        return steps;
    }

    private static Dictionary<string, Codec> BuildCodecs()
    {
        var codecs = new Dictionary<string, Codec>(StringComparer.Ordinal) { ["iso-8859-1"] = Codec.Windows1252 };
        foreach (Codec codec in Codec.TrueEncodings.Concat(Codec.WrongDecoders))
        {
            codecs[codec.Name] = codec;
        }

        return codecs;
    }

    /// <summary>0, every code point boundary, and the length (a lone surrogate counts as one code point).</summary>
    private static int[] CodePointBounds(ReadOnlySpan<char> text)
    {
        var bounds = new List<int>(text.Length + 1) { 0 };
        for (int i = 0; i < text.Length;)
        {
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            bounds.Add(i);
        }

        return [.. bounds];
    }
}
