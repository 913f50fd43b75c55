namespace TextRepair.Conversion;

/// <summary>
/// A tight upper bound on how much a chain of stages can lengthen a text, in UTF-16 units and in UTF-8 bytes,
/// from the shapes of the dictionaries' entries rather than the product of each stage's largest ratio.
/// </summary>
/// <remarks>
/// <para>Code points fall in four classes: 1-, 2- and 3-byte UTF-8 (one UTF-16 unit each; lone surrogates count
/// as 3-byte) and supplementary (two units, four bytes). An entry's shape is the number of code points of each
/// class in its key and in its value (<see cref="Shape"/>).</para>
/// <para>A weight per class bounds what one input code point of that class can become at the end of the chain.
/// At the end, a code point weighs its own length. Going back one stage, the weights <c>W</c> must satisfy, for
/// every entry, <c>sum(value counts x W_next) &lt;= sum(key counts x W)</c>, and <c>W &gt;= W_next</c> (a code point
/// no key matches is copied). A stage cuts its input into matches and copied code points, so its output weighs no
/// more than its input: by induction, the chain's output length is at most the sum of the first stage's weights
/// over the input, which is at most the input length times the largest weight per unit (or per byte).</para>
/// <para>For s2twp the product of stage ratios says 5 (2 for STCharacters' BMP-to-supplementary entries, 2.5 for
/// TWPhrases' 外键 → 外部索引鍵); the weights say 2.5, which 外键 attains.</para>
/// </remarks>
internal static class ExpansionBound
{
    /// <summary>Ratios are rounded up to a multiple of 1 / <see cref="Denominator"/> (never below the exact bound).</summary>
    public const long Denominator = 1024;

    private const int Classes = 4;
    private static readonly int[] s_units = [1, 1, 1, 2];
    private static readonly int[] s_bytes = [1, 2, 3, 4];

    /// <summary>Weights at the end of the chain: each code point weighs its own length.</summary>
    public static double[] Terminal(bool bytes) => bytes ? [1, 2, 3, 4] : [1, 1, 1, 2];

    /// <summary>Number of ints per shape: the class counts of the key, then of the value.</summary>
    public const int ShapeLength = 2 * Classes;

    /// <summary>Writes the class counts of a key and of its value into <paramref name="shape"/> (<see cref="ShapeLength"/> ints).</summary>
    public static void Shape(ReadOnlySpan<char> key, ReadOnlySpan<char> value, Span<int> shape)
    {
        Counts(key, shape.Slice(0, Classes));
        Counts(value, shape.Slice(Classes, Classes));
    }

    /// <summary>
    /// The weights before a stage whose entries have <paramref name="shapes"/>, given the weights after it.
    /// <paramref name="valueWeights"/> prices the values (the next stage's weights, or <see cref="Terminal"/> for
    /// user phrases, whose values are written verbatim); <paramref name="copyWeights"/> is what copied code points
    /// must still pay for.
    /// </summary>
    public static double[] Before(ReadOnlySpan<int> shapes, double[] valueWeights, double[] copyWeights)
    {
        double[] weights = (double[])copyWeights.Clone();

        // Keys of one class first: their constraint fixes that class's weight exactly.
        for (int s = 0; s + ShapeLength <= shapes.Length; s += ShapeLength)
        {
            ReadOnlySpan<int> key = shapes.Slice(s, Classes);
            double cost = Cost(shapes.Slice(s + Classes, Classes), valueWeights);
            int only = OnlyClass(key);
            if (only >= 0)
            {
                weights[only] = Math.Max(weights[only], cost / key[only]);
            }
        }

        // Mixed keys: if one is still short, raise each of its classes to the cost per code point (raising a
        // weight never breaks another constraint).
        for (int s = 0; s + ShapeLength <= shapes.Length; s += ShapeLength)
        {
            ReadOnlySpan<int> key = shapes.Slice(s, Classes);
            double cost = Cost(shapes.Slice(s + Classes, Classes), valueWeights);
            if (Cost(key, weights) < cost)
            {
                int codePoints = 0;
                foreach (int count in key)
                {
                    codePoints += count;
                }

                for (int c = 0; c < Classes; c++)
                {
                    if (key[c] > 0)
                    {
                        weights[c] = Math.Max(weights[c], cost / codePoints);
                    }
                }
            }
        }

        return weights;
    }

    /// <summary>The largest weight per input UTF-16 unit (or UTF-8 byte) as a ratio over <see cref="Denominator"/>, at least 1.</summary>
    public static long Numerator(double[] weights, bool bytes)
    {
        double max = 1;
        for (int c = 0; c < Classes; c++)
        {
            max = Math.Max(max, weights[c] / (bytes ? s_bytes[c] : s_units[c]));
        }

        return (long)Math.Ceiling(max * Denominator);
    }

    private static void Counts(ReadOnlySpan<char> text, Span<int> counts)
    {
        counts.Clear();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                counts[3]++;
                i++;
            }
            else
            {
                counts[c < 0x80 ? 0 : c < 0x800 ? 1 : 2]++;
            }
        }
    }

    private static double Cost(ReadOnlySpan<int> counts, double[] weights)
    {
        double cost = 0;
        for (int c = 0; c < Classes; c++)
        {
            cost += counts[c] * weights[c];
        }

        return cost;
    }

    private static int OnlyClass(ReadOnlySpan<int> counts)
    {
        int only = -1;
        for (int c = 0; c < Classes; c++)
        {
            if (counts[c] > 0)
            {
                if (only >= 0)
                {
                    return -1;
                }

                only = c;
            }
        }

        return only;
    }
}
