using System.Globalization;
using TextRepair.Analysis;

namespace TextRepair.Repair;

/// <summary>
/// Restores full-width punctuation that a normalisation turned into ASCII, only in Chinese context and only in
/// documents known to be damaged: an ASCII <c>, : ; ! ?</c> between a CJK ideograph (or CJK closing punctuation) and
/// a CJK ideograph (or CJK opening punctuation), and an ASCII <c>(…)</c> holding only ideographs between ideographs.
/// </summary>
internal sealed class PunctuationStep : RepairStep
{
    public override bool MayApply(ReadOnlySpan<char> text, RepairOptions options) => false;

    public override void Run(RepairState state)
    {
        if (!state.Options.RestorePunctuation || !(state.AnnotationsRemoved || state.ConvertedFromSimplified))
        {
            return;
        }

        string text = state.Current;
        char[] output = text.ToCharArray();
        var edits = new List<RepairEdit>();

        // Parentheses first, so that a comma after a restored "）" sees CJK closing punctuation.
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '(' || !IsIdeographBefore(text, i))
            {
                continue;
            }

            int j = i + 1;
            while (j < text.Length)
            {
                int cp = HanData.CodePointAt(text, j, out int length);
                if (!HanData.IsIdeograph(cp))
                {
                    break;
                }

                j += length;
            }

            if (j > i + 1 && j < text.Length && text[j] == ')' && IsIdeographAt(text, j + 1))
            {
                output[i] = '\uFF08';
                output[j] = '\uFF09';
                i = j;
            }
        }

        for (int i = 0; i < output.Length; i++)
        {
            char full = output[i] switch
            {
                ',' => '\uFF0C',
                ':' => '\uFF1A',
                ';' => '\uFF1B',
                '!' => '\uFF01',
                '?' => '\uFF1F',
                _ => '\0',
            };
            if (full == '\0')
            {
                continue;
            }

            bool before = i > 0 && (IsCjkClosing(output[i - 1]) || IsIdeographBefore(output, i));
            bool after = i + 1 < output.Length && (IsCjkOpening(output[i + 1]) || IsIdeographAt(output, i + 1));
            if (before && after)
            {
                output[i] = full;
            }
        }

        for (int i = 0; i < output.Length; i++)
        {
            if (output[i] != text[i])
            {
                edits.Add(new RepairEdit(i, 1, output[i].ToString(), RepairKind.Punctuation));
            }
        }

        if (edits.Count > 0)
        {
            state.Notes.Add(string.Create(
                CultureInfo.InvariantCulture, $"Punctuation: {edits.Count} ASCII mark(s) in Chinese context made full-width."));
            state.Apply(edits);
        }
    }

    private static bool IsIdeographBefore(ReadOnlySpan<char> text, int index)
    {
        int cp = HanData.CodePointBefore(text, index, out _);
        return cp >= 0 && HanData.IsIdeograph(cp);
    }

    private static bool IsIdeographAt(ReadOnlySpan<char> text, int index) =>
        index < text.Length && HanData.IsIdeograph(HanData.CodePointAt(text, index, out _));

    // CJK closing brackets and closing quotation marks (full-width and CJK-symbol forms, and the curly quotes that
    // Chinese text uses).
    private static bool IsCjkClosing(char c) =>
        c is '\uFF09' or '\uFF3D' or '\uFF5D' or '\u3009' or '\u300B' or '\u300D' or '\u300F' or '\u3011' or '\u3015'
            or '\u3017' or '\u3019' or '\u301B' or '\u201D' or '\u2019';

    private static bool IsCjkOpening(char c) =>
        c is '\uFF08' or '\uFF3B' or '\uFF5B' or '\u3008' or '\u300A' or '\u300C' or '\u300E' or '\u3010' or '\u3014'
            or '\u3016' or '\u3018' or '\u301A' or '\u201C' or '\u2018';
}
