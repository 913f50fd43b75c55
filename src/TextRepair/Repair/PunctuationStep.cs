using System.Buffers;
using TextRepair.Internal;

namespace TextRepair.Repair;

/// <summary>
/// Restores full-width punctuation that a normalisation turned into ASCII, only in Chinese context and only in
/// documents the plan found damaged (<see cref="RepairPlan.Punctuation"/>): an ASCII <c>, : ; ! ?</c> between a CJK ideograph (or CJK closing punctuation) and
/// a CJK ideograph (or CJK opening punctuation), and an ASCII <c>(…)</c> holding only ideographs between ideographs.
/// </summary>
internal static class PunctuationStep
{
    private static readonly SearchValues<char> s_marks = SearchValues.Create(",:;!?()");

    /// <summary>Restores the marks when the plan found the document damaged (it never starts a repair on its own).</summary>
    public static void Apply(RepairState state, RepairPlan plan)
    {
        if (!plan.Punctuation.Acts)
        {
            return;
        }

        string text = state.Current;
        var edits = new List<RepairEdit>();
        ReadOnlySpan<char> span = text;

        // One left-to-right pass over the ASCII marks only. A ")" restored to "）" counts as CJK closing punctuation
        // for a mark right after it; pending holds the index of the ")" that closes a restored "(".
        int pendingClose = -1;
        int restoredClose = -1;
        int offset = 0;
        while (offset < span.Length)
        {
            int found = span[offset..].IndexOfAny(s_marks);
            if (found < 0)
            {
                break;
            }

            int i = offset + found;
            offset = i + 1;
            char c = span[i];
            if (c == '(')
            {
                int close = MatchingCjkClose(span, i);
                if (close > 0)
                {
                    edits.Add(new RepairEdit(i, 1, "\uFF08", RepairKind.Punctuation));
                    pendingClose = close;
                }

                continue;
            }

            if (c == ')')
            {
                if (i == pendingClose)
                {
                    edits.Add(new RepairEdit(i, 1, "\uFF09", RepairKind.Punctuation));
                    restoredClose = i;
                    pendingClose = -1;
                }

                continue;
            }

            bool before = i > 0 && (IsCjkClosing(span[i - 1]) || restoredClose == i - 1 || IsIdeographBefore(span, i));
            bool after = i + 1 < span.Length && (IsCjkOpening(span[i + 1]) || IsIdeographAt(span, i + 1) || RestoredOpenAt(span, i + 1));
            if (before && after)
            {
                edits.Add(new RepairEdit(i, 1, FullWidth(c), RepairKind.Punctuation));
            }
        }

        state.Apply(edits);
    }

    // The index of the ")" when the "(" at 'open' holds only ideographs between ideographs, else -1.
    private static int MatchingCjkClose(ReadOnlySpan<char> text, int open)
    {
        if (!IsIdeographBefore(text, open))
        {
            return -1;
        }

        int j = open + 1;
        while (j < text.Length)
        {
            int cp = CjkText.CodePointAt(text, j, out int length);
            if (!CjkText.IsIdeograph(cp))
            {
                break;
            }

            j += length;
        }

        return j > open + 1 && j < text.Length && text[j] == ')' && IsIdeographAt(text, j + 1) ? j : -1;
    }

    // A "(" right after a mark is CJK opening punctuation when it is restored itself.
    private static bool RestoredOpenAt(ReadOnlySpan<char> text, int index) =>
        text[index] == '(' && MatchingCjkClose(text, index) > 0;

    // Literal strings: a damaged page has thousands of these edits and they share one string each.
    private static string FullWidth(char c) => c switch
    {
        ',' => "\uFF0C",
        ':' => "\uFF1A",
        ';' => "\uFF1B",
        '!' => "\uFF01",
        _ => "\uFF1F",
    };

    private static bool IsIdeographBefore(ReadOnlySpan<char> text, int index)
    {
        int cp = CjkText.CodePointBefore(text, index, out _);
        return cp >= 0 && CjkText.IsIdeograph(cp);
    }

    private static bool IsIdeographAt(ReadOnlySpan<char> text, int index) =>
        index < text.Length && CjkText.IsIdeograph(CjkText.CodePointAt(text, index, out _));

    // CJK closing brackets and closing quotation marks (full-width and CJK-symbol forms, and the curly quotes that
    // Chinese text uses).
    private static bool IsCjkClosing(char c) =>
        c is '\uFF09' or '\uFF3D' or '\uFF5D' or '\u3009' or '\u300B' or '\u300D' or '\u300F' or '\u3011' or '\u3015'
            or '\u3017' or '\u3019' or '\u301B' or '\u201D' or '\u2019';

    private static bool IsCjkOpening(char c) =>
        c is '\uFF08' or '\uFF3B' or '\uFF5B' or '\u3008' or '\u300A' or '\u300C' or '\u300E' or '\u3010' or '\u3014'
            or '\u3016' or '\u3018' or '\u301A' or '\u201C' or '\u2018';
}
