using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// A reading of a token with some layers of mojibake undone: its text, the chain undone and the boundaries where it
/// corresponds to the token (pairs of positions, ascending; between two boundaries the text was decoded as a whole).
/// </summary>
/// <param name="Text">The token with the chain undone.</param>
/// <param name="Chain">The layers, in the order they happened ("utf-8 decoded as gbk").</param>
/// <param name="Layers">Number of layers undone.</param>
/// <param name="TokenBounds">Boundaries in the token.</param>
/// <param name="TextBounds">The same boundaries in <paramref name="Text"/>.</param>
/// <param name="Exact">Every group decoded (nothing kept as it was because its bytes were invalid).</param>
/// <param name="Score">Log-likelihood of <paramref name="Text"/> as clean text, in the token's context.</param>
internal sealed record Candidate(string Text, string Chain, int Layers, int[] TokenBounds, int[] TextBounds, bool Exact, SpanScore Score)
{
    /// <summary>The wrong decoder of the last layer that happened (the first undone): it made the token's characters.</summary>
    public Codec? Outer { get; private init; }

    /// <summary>The token itself: no layer undone; every character boundary is a boundary.</summary>
    public static Candidate Identity(string token, SpanScore score)
    {
        int[] bounds = new int[token.Length + 1];
        for (int i = 0; i < bounds.Length; i++)
        {
            bounds[i] = i;
        }

        return new(token, string.Empty, 0, bounds, bounds, true, score);
    }

    /// <summary>This candidate with one more layer undone (<paramref name="layer"/> applied to <see cref="Text"/>).</summary>
    public Candidate Then(LayerResult layer, Codec trueEncoding, Codec wrongDecoder, SpanScore score)
    {
        // Compose the boundary maps: a boundary survives when it is a boundary of both layers.
        var token = new List<int>();
        var text = new List<int>();
        int i = 0, j = 0;
        while (i < TextBounds.Length && j < layer.OldBounds.Length)
        {
            int a = TextBounds[i], b = layer.OldBounds[j];
            if (a == b)
            {
                token.Add(TokenBounds[i]);
                text.Add(layer.NewBounds[j]);
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

        string name = $"{trueEncoding.Name} decoded as {(wrongDecoder == Codec.Windows1252 && HasC1(Text) ? "iso-8859-1" : wrongDecoder.Name)}";
        string chain = Chain.Length == 0 ? name : $"{name}, then {Chain}";
        return new Candidate(layer.Text, chain, Layers + 1, [.. token], [.. text], Exact && layer.Invalid == 0, score)
        {
            Outer = Outer ?? wrongDecoder,
        };
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
