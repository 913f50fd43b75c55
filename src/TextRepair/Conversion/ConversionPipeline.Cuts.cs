using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>Safe cut points: where a text may be split so that both sides convert on their own (see the class remarks).</summary>
internal sealed partial class ConversionPipeline
{
    public bool IsBreaker(char c) => CharBits.Contains(_breakers, c);

    /// <summary>
    /// Finds the last safe cut in (<paramref name="start"/>, <paramref name="limit"/>]: a position right after a
    /// breaker with no IDS operator in the window before it. Returns -1 when there is none.
    /// </summary>
    public int FindCutBackward(ReadOnlySpan<char> text, int start, int limit)
    {
        int i = limit - 1;
        while (i >= start)
        {
            if (!IsBreaker(text[i]))
            {
                i--;
                continue;
            }

            int cut = i + 1;
            int windowStart = (int)Math.Max(0, (long)cut - _idsWindow);
            int op = text.Slice(windowStart, cut - windowStart).LastIndexOfAnyInRange('\u2FF0', '\u2FFF');
            if (op < 0)
            {
                return cut;
            }

            i = windowStart + op - 1;
        }

        return -1;
    }

    /// <summary>Finds the first safe cut after <paramref name="start"/>; -1 when there is none.</summary>
    public int FindCutForward(ReadOnlySpan<char> text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (IsBreaker(text[i]))
            {
                int cut = i + 1;
                int windowStart = (int)Math.Max(0, (long)cut - _idsWindow);
                int op = text.Slice(windowStart, cut - windowStart).LastIndexOfAnyInRange('\u2FF0', '\u2FFF');
                if (op >= 0)
                {
                    // Skip past the window of this operator.
                    i = Math.Max(i, (int)Math.Min(int.MaxValue - 1, (long)windowStart + op + _idsWindow) - 1);
                    continue;
                }

                return cut;
            }
        }

        return -1;
    }
}
