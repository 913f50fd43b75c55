using System.Buffers;

namespace TextRepair.Analysis.Decoding;

/// <summary>How surprising a span is under the scoring of <see cref="TextLikelihood"/> (the gate before a search).</summary>
internal static partial class TextLikelihood
{
    /// <summary>
    /// The surprise of the most surprising stretch of <paramref name="text"/>: the largest sum, over consecutive
    /// transitions, of how much less likely each is than a typical one (natural log), under the script model that fits
    /// the whole text best. A transition into a character from U+0080 to U+2E7F (Latin-1, Latin Extended, Greek,
    /// Cyrillic, symbols, box drawing: what single-byte readers write) is typical at <paramref name="typicalSymbol"/>,
    /// any other at <paramref name="typical"/>; the transition out of the text goes with its last character. Clean text
    /// dips below a typical transition at a rare character or an unseen pair and recovers at once; mojibake stays
    /// improbable for as long as it lasts. U+FFFD (a loss already marked) adds nothing and ends a stretch. Linear in the text's length; allocates nothing for texts up to
    /// <see cref="StackLimit"/> characters.
    /// </summary>
    public static double Surprise(ReadOnlySpan<char> text, char before, char after, double typical, double typicalSymbol, bool linesHeld = false) =>
        Surprise(text, before, after, typical, typicalSymbol, out _, out _, linesHeld);

    /// <summary>
    /// <see cref="Surprise(ReadOnlySpan{char}, char, char, double, double, bool)"/>, with the stretch that gives it: the
    /// characters from <paramref name="start"/> up to <paramref name="end"/> (exclusive; both 0 when nothing is
    /// surprising).
    /// </summary>
    public static double Surprise(ReadOnlySpan<char> text, char before, char after, double typical, double typicalSymbol, out int start, out int end, bool linesHeld = false)
    {
        double[]? rented = null;
        Span<double> transitions = text.Length < StackLimit ? stackalloc double[StackLimit + 1] : (rented = ArrayPool<double>.Shared.Rent(text.Length + 1));
        transitions = transitions[..(text.Length + 1)];
        Score(text, before, after, transitions, linesHeld);
        double best = 0, current = 0;
        int currentStart = 0;
        start = end = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = text.IsEmpty ? after : text[Math.Min(i, text.Length - 1)];
            if (i < text.Length && c == ByteOrderMark)
            {
                // Transparent (see ByteOrderMark): no transition of its own.
                continue;
            }

            if (i < text.Length && c == '\uFFFD')
            {
                // A loss already marked is no sign of a wrong decoder, and no stretch runs across it: the text on
                // either side starts or ends there (repaired text keeps U+FFFD where bytes were lost).
                current = 0;
                continue;
            }

            if (current == 0)
            {
                currentStart = i;
            }

            current = Math.Max(0, current + ((c is >= '\u0080' and < '\u2E80' ? typicalSymbol : typical) - transitions[i]));
            if (current > best)
            {
                best = current;
                start = currentStart;
                end = Math.Min(i + 1, text.Length);
            }
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return best;
    }

    /// <summary>Longest text whose transitions <c>Surprise</c> keeps on the stack.</summary>
    private const int StackLimit = 256;
}
