using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>One layer of a chain: the text was written in <paramref name="Truth"/> and read with <paramref name="Wrong"/>.</summary>
/// <param name="Truth">The true encoding.</param>
/// <param name="Wrong">The wrong decoder.</param>
/// <param name="MarksLost">The wrong decoder's loss mark right after a non-ASCII character stands for a lost byte (see <see cref="LayerUndo.MayHaveLostMarks"/>).</param>
/// <param name="OtherLayout">The wrong decoder was another implementation, whose layout puts some characters at other bytes (see <see cref="CodePage.AddOtherLayout"/>).</param>
/// <param name="LostLeadOnly">The double-byte wrong decoder lost only the lead byte of a pair it could not read and read the trail as the next lead, as Python's do; under a UTF-8 wrong decoder of double-byte text, each island of characters it kept after a loss may open on the trail of a lead it lost, decided island by island (see <see cref="LayerUndo.MayHaveLostLeadsOnly"/>).</param>
internal readonly record struct LayerStep(Codec Truth, Codec Wrong, bool MarksLost, bool OtherLayout = false, bool LostLeadOnly = false);

/// <summary>
/// A reading of a token with some layers of mojibake undone: its text, the chain undone and the boundaries where it
/// corresponds to the token (pairs of positions, ascending; between two boundaries the text was decoded as a whole).
/// The reading's score is computed on first use: most readings are judged run by run (<see cref="RunJudge"/>) and
/// never need the whole text scored. Not thread-safe (one per token of one scan).
/// </summary>
internal sealed class Candidate
{
    private readonly char _before;
    private readonly char _after;
    // Bit k set: layer k of Steps was read by windows-1252 from text with C1 controls, which only ISO-8859-1 writes, so
    // it is named "decoded as iso-8859-1" (see Then). The names are built from the steps when Chain is first asked:
    // most readings are never named, and an array of names per reading cost a copy per layer of the lattice.
    private readonly int _latin1Layers;
    private SpanScore? _score;
    private string? _chain;

    private Candidate(string text, int latin1Layers, LayerStep[] steps, int[] tokenBounds, int[] textBounds, bool exact, char before, char after, SpanScore? score, bool textShown = true)
    {
        TextShown = textShown;
        Text = text;
        _latin1Layers = latin1Layers;
        Steps = steps;
        TokenBounds = tokenBounds;
        TextBounds = textBounds;
        Exact = exact;
        _before = before;
        _after = after;
        _score = score;
    }

    /// <summary>The token with the chain undone.</summary>
    public string Text { get; }

    /// <summary>The layers, in the order they happened ("utf-8 decoded as gbk"; built on first use).</summary>
    public string Chain => _chain ??= Name(Steps, _latin1Layers);

    /// <summary>The layers undone, in the order they were undone (the last that happened first).</summary>
    public LayerStep[] Steps { get; }

    /// <summary>Number of layers undone.</summary>
    public int Layers => Steps.Length;

    /// <summary>The outer layer took lost slots for lead bytes lost alone (<see cref="LayerStep.LostLeadOnly"/>).</summary>
    public bool LostLeadsOnly => Steps.Length > 0 && Steps[0].LostLeadOnly;

    /// <summary>
    /// The prior cost of this reading's assumptions when readings are ranked: its layers and how it reads losses. Lead
    /// bytes lost alone are a claim about a double-byte reader and cost <see cref="EncodingDecision.LostLeadOnlyCost"/>;
    /// under a UTF-8 reader the same reading only places each island of kept characters where its bytes show it begins
    /// (LayerUndo.IslandOpensWithTrail), which either way is as likely, so it costs nothing (on the dev half a cost of 6
    /// changed 2 lossy outputs, 1 nearer the original).
    /// </summary>
    public double PriorCost => (Layers * EncodingDecision.LayerCost) + (LostLeadsOnly && Steps[0].Wrong.Kind != CodecKind.Utf8 ? EncodingDecision.LostLeadOnlyCost : 0);

    /// <summary>Boundaries in the token.</summary>
    public int[] TokenBounds { get; }

    /// <summary>The same boundaries in <see cref="Text"/>.</summary>
    public int[] TextBounds { get; }

    /// <summary>Every group decoded (nothing kept as it was because its bytes were invalid).</summary>
    public bool Exact { get; }

    /// <summary>
    /// False when a layer under the first was read mostly through losses (see <see cref="LayerUndo.ShownByLossFreeText"/>):
    /// the reading may show that the token is damaged, but its text is a guess and is never written.
    /// </summary>
    public bool TextShown { get; }

    /// <summary>Log-likelihood of <see cref="Text"/> as clean text, in the token's context (computed on first use).</summary>
    public SpanScore Score => _score ??= TextLikelihood.Score(Text, _before, _after);

    /// <summary>True once <see cref="Score"/> was worked out (tests: which readings a search scored whole).</summary>
    internal bool IsScored => _score is not null;

    /// <summary>
    /// True when <see cref="Score"/>'s total is below <paramref name="bound"/>, found without scoring further than it
    /// takes to fall under it (<see cref="TextLikelihood.ScoresAtMost"/>) when the score is not known yet; the partial
    /// score is not kept.
    /// </summary>
    public bool ScoresBelow(double bound) =>
        _score is { } score ? score.Total < bound : TextLikelihood.ScoresAtMost(Text, _before, _after, Math.BitDecrement(bound));

    /// <summary>
    /// The reading of <paramref name="readings"/> that explains the token best: the highest score total less its layers'
    /// cost (<see cref="EncodingDecision.LayerCost"/>), the first of equals; a reading that cannot beat the best so far
    /// is scored only until it falls under it (<see cref="ScoresBelow"/>). Null for no readings. What
    /// <c>TokenReading.StandsOut</c> replaces a whole field with and what <c>RunJudge.KanaHeldByLeading</c> holds a
    /// half-width kana field by.
    /// </summary>
    internal static Candidate? Leading(List<Candidate> readings)
    {
        if (readings.Count == 0)
        {
            return null;
        }

        Candidate leading = readings[0];
        double best = leading.Score.Total - (leading.Layers * EncodingDecision.LayerCost);
        foreach (Candidate c in readings)
        {
            double cost = c.Layers * EncodingDecision.LayerCost;
            if (c != leading && !c.ScoresBelow(best + cost) && c.Score.Total - cost > best)
            {
                (leading, best) = (c, c.Score.Total - cost);
            }
        }

        return leading;
    }

    /// <summary>The wrong decoder of the last layer that happened (the first undone): it made the token's characters.</summary>
    public Codec? Outer => Steps.Length == 0 ? null : Steps[0].Wrong;

    /// <summary>The token itself: no layer undone; every character boundary is a boundary.</summary>
    public static Candidate Identity(string token, char before, char after, SpanScore? score = null)
    {
        int[] bounds = new int[token.Length + 1];
        for (int i = 0; i < bounds.Length; i++)
        {
            bounds[i] = i;
        }

        return new(token, 0, [], bounds, bounds, true, before, after, score);
    }

    /// <summary>
    /// <paramref name="steps"/> undone on <paramref name="token"/> one after the other, or null when a layer changes
    /// nothing. Linear in the token's length per layer.
    /// </summary>
    public static Candidate? Replay(string token, char before, char after, ReadOnlySpan<LayerStep> steps)
    {
        if (steps.IsEmpty)
        {
            return Identity(token, before, after);
        }

        // The first layer straight from the token: Identity(...).Then(...) without the identity's boundary array (one
        // entry per character) and the two copies composing with it made, for a known chain is replayed on every token
        // of a damaged text (session 36, see docs/encoding.md).
        Candidate? state = null;
        foreach (LayerStep step in steps)
        {
            LayerResult? layer = LayerUndo.Undo(state?.Text ?? token, step.Truth, step.Wrong, step.MarksLost, marksAreCharacters: state is not null, otherLayout: step.OtherLayout, lostLeadOnly: step.LostLeadOnly);
            if (layer is null)
            {
                return null;
            }

            state = state is null ? FirstLayer(token, before, after, layer, step) : state.Then(layer, step);
        }

        return state;
    }

    /// <summary>
    /// This reading without its last group when that group ends with U+FFFD, else this reading: what a reading of a
    /// window cut out of a longer token says about the text before the cut (a character cut in two by the window's end
    /// reads as a lost one, which the token as a whole does not have).
    /// </summary>
    public Candidate WithoutTrailingLoss(out int tokenLength)
    {
        int groups = TokenBounds.Length - 1;
        tokenLength = groups < 0 ? 0 : TokenBounds[groups];
        if (groups < 1 || !Text.EndsWith('\uFFFD') || TextBounds[groups - 1] == Text.Length)
        {
            return this;
        }

        tokenLength = TokenBounds[groups - 1];
        return new Candidate(Text[..TextBounds[groups - 1]], _latin1Layers, Steps, TokenBounds[..groups], TextBounds[..groups], Exact, _before, _after, null, TextShown);
    }

    /// <summary>True when this reading undid exactly <paramref name="steps"/>.</summary>
    public bool HasSteps(ReadOnlySpan<LayerStep> steps) => Steps.AsSpan().SequenceEqual(steps);

    /// <summary>This candidate with one more layer undone (<paramref name="layer"/> applied to <see cref="Text"/> by <paramref name="step"/>).</summary>
    public Candidate Then(LayerResult layer, LayerStep step)
    {
        if (Steps.Length == 0)
        {
            // Every character boundary of the token is one of the identity's: the composed maps are the layer's own.
            return FirstLayer(Text, _before, _after, layer, step);
        }

        // Compose the boundary maps: a boundary survives when it is a boundary of both layers.
        int capacity = Math.Min(TextBounds.Length, layer.OldBounds.Length);
        int[] token = new int[capacity];
        int[] text = new int[capacity];
        int count = 0, i = 0, j = 0;
        while (i < TextBounds.Length && j < layer.OldBounds.Length)
        {
            int a = TextBounds[i], b = layer.OldBounds[j];
            if (a == b)
            {
                token[count] = TokenBounds[i];
                text[count] = layer.NewBounds[j];
                count++;
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        if (count < capacity)
        {
            Array.Resize(ref token, count);
            Array.Resize(ref text, count);
        }

        int latin1 = step.Wrong == Codec.Windows1252 && HasC1(Text) ? _latin1Layers | (1 << Steps.Length) : _latin1Layers;
        bool shown = TextShown && (Steps.Length == 0 || LayerUndo.ShownByLossFreeText(layer));
        return new Candidate(layer.Text, latin1, [.. Steps, step], token, text, Exact && layer.Invalid == 0, _before, _after, null, shown);
    }

    // The token with one layer undone: Then of the token's identity (Identity), whose boundaries are every character
    // boundary, so that composing them with the layer's keeps the layer's (the arrays are the layer's own, which
    // nothing changes). The first layer is named as read by ISO-8859-1 when the token has C1 controls (see Then).
    private static Candidate FirstLayer(string token, char before, char after, LayerResult layer, LayerStep step) =>
        new(layer.Text, step.Wrong == Codec.Windows1252 && HasC1(token) ? 1 : 0, [step], layer.OldBounds, layer.NewBounds, layer.Invalid == 0, before, after, null);

    // The layers in the order they happened (the last undone first), each named by its true encoding and wrong decoder.
    private static string Name(LayerStep[] steps, int latin1Layers)
    {
        var names = new string[steps.Length];
        for (int k = 0; k < steps.Length; k++)
        {
            names[steps.Length - 1 - k] = (latin1Layers & (1 << k)) != 0 ? steps[k].Truth.AsReadBy("iso-8859-1") : steps[k].Truth.AsReadBy(steps[k].Wrong);
        }

        return string.Join(", then ", names);
    }

    private static bool HasC1(string text)
    {
        foreach (char c in text)
        {
            // C1 controls other than windows-1252's five undefined bytes: an ISO-8859-1 reader.
            if (c is >= '\u0080' and < '\u00A0' and not ('\u0081' or '\u008D' or '\u008F' or '\u0090' or '\u009D'))
            {
                return true;
            }
        }

        return false;
    }
}
