using System.Buffers;
using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

// UTF-16 undone through lost bytes, each stretch of them of unknown length.
internal static partial class LayerUndo
{
    /// <summary>
    /// Undoes "UTF-16 read by <paramref name="wrongDecoder"/>" on a text in which the wrong decoder lost bytes: each
    /// U+FFFD of <paramref name="marked"/> (<see cref="MarkLost"/>) stands for a stretch of one or two lost bytes per
    /// character. <see cref="Undo"/> reads a lost stretch as one byte, so the two-byte units after a stretch of two
    /// (the framework's double-byte decoders write one '?' for a lead byte and its invalid trail, and one for a lone
    /// byte) are read one byte out of step, as other characters. Here the units between two stretches are read at the
    /// step of the likelier text: two readings per stretch, each scored on its own, so the work stays linear. Each lost
    /// stretch becomes the fewest U+FFFD its bytes can have been, with a byte of a unit cut by it on either side. One
    /// group per stretch and the units after it. Null when the text has no lost stretch or nothing changes.
    /// </summary>
    public static LayerResult? UndoUtf16WithLosses(string marked, Codec utf16, Codec wrongDecoder)
    {
        if (!marked.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return null;
        }

        bool bigEndian = utf16.Kind == CodecKind.Utf16Be;

        // A UTF-16 wrong decoder (UTF-16 read in the other byte order) loses whole units, a lone surrogate's two bytes,
        // and a byte alone only at the end: the units after a loss are never one byte out of step. Read one byte out
        // of step, text of one Unicode block came back as itself shifted by one character, and a line break merged
        // into the character before it ("�Москва\n����僭" became "�оскваЊ����": 04 of а and 0A of the line feed made Њ).
        bool unitsLost = wrongDecoder.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be;
        var bytes = new Slots(ArrayPool<int>.Shared.Rent((marked.Length * 4) + 1));
        int[] charStart = ArrayPool<int>.Shared.Rent(marked.Length + 1);
        try
        {
            Encode(marked, wrongDecoder, marksLost: false, marksAreCharacters: false, otherLayout: false, ref bytes, charStart);
            var text = new StringBuilder(marked.Length);
            var oldBounds = new List<int> { 0 };
            var newBounds = new List<int> { 0 };
            int lostChars = 0, lostRun = 0, orphan = 0, position = 0, c = 0;
            while (position < bytes.Count)
            {
                if (bytes[position] < 0)
                {
                    // A lost stretch (or a character the wrong decoder cannot have written, treated alike). The group
                    // before it ends here: each group is a stretch and the units after it.
                    if (lostRun == 0)
                    {
                        while (charStart[c] < position)
                        {
                            c++;
                        }

                        Close(text, oldBounds, newBounds, c);
                    }

                    lostRun++;
                    position++;
                    continue;
                }

                int end = position;
                while (end < bytes.Count && bytes[end] >= 0)
                {
                    end++;
                }

                // The units between position and end: at the step of the likelier text, except at the text's start.
                string even = DecodeUnits(ref bytes, position, end, bigEndian);
                int step = 0;
                string units = even;
                if (lostRun > 0 && end - position >= 2 && !unitsLost)
                {
                    string odd = DecodeUnits(ref bytes, position + 1, end, bigEndian);
                    if (Likelier(odd, even))
                    {
                        (units, step) = (odd, 1);
                    }
                }

                if (lostRun > 0)
                {
                    int lost = FewestLost(orphan, lostRun, step, last: false);
                    text.Append('\uFFFD', lost);
                    lostChars += lost;
                }

                text.Append(units);
                orphan = (end - position - step) & 1;
                lostRun = 0;
                position = end;
            }

            if (lostRun > 0 || orphan > 0)
            {
                int lost = FewestLost(orphan, lostRun, 0, last: true);
                text.Append('\uFFFD', lost);
                lostChars += lost;
            }

            Close(text, oldBounds, newBounds, marked.Length);
            string result = text.ToString();
            return result == marked ? null : new LayerResult(result, [.. oldBounds], [.. newBounds], oldBounds.Count - 1, 0, lostChars);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bytes.Items);
            ArrayPool<int>.Shared.Return(charStart);
        }
    }

    /// <summary>
    /// <paramref name="text"/> with every character the wrong decoder may have written for lost bytes as U+FFFD: its
    /// own U+FFFD, and each run of '?' that reads as lost text rather than as question marks
    /// (<see cref="EncodingDecision.QuestionMarksAreLost"/>), unless a NUL is next to it (a question mark of ASCII
    /// written as UTF-16). Returns <paramref name="text"/> itself when there is none.
    /// </summary>
    public static string MarkLost(string text)
    {
        int q = text.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return text;
        }

        char[]? marked = null;
        while (q >= 0)
        {
            int end = q;
            while (end < text.Length && text[end] == '?')
            {
                end++;
            }

            char left = q == 0 ? CharNgramModel.Boundary : text[q - 1];
            char right = end == text.Length ? CharNgramModel.Boundary : text[end];
            if (left != '\0' && right != '\0' && EncodingDecision.QuestionMarksAreLost(left, text.AsSpan(q, end - q), right))
            {
                marked ??= text.ToCharArray();
                marked.AsSpan(q, end - q).Fill('\uFFFD');
            }

            q = end < text.Length ? text.IndexOf('?', end) : -1;
        }

        return marked is null ? text : new string(marked);
    }

    // The fewest characters a lost stretch of `run` wrong characters (one or two bytes each) can have taken, with a
    // byte of a unit cut before it (`before`) and after it (`after`): whole units, unless the text ends there.
    private static int FewestLost(int before, int run, int after, bool last)
    {
        int bytes = before + run + after;
        if (!last && (bytes & 1) == 1)
        {
            bytes++;
        }

        return Math.Max(1, (bytes + 1) / 2);
    }

    private static bool Likelier(string a, string b) =>
        TextLikelihood.ScoreLines(a, CharNgramModel.Boundary, CharNgramModel.Boundary).Total
        > TextLikelihood.ScoreLines(b, CharNgramModel.Boundary, CharNgramModel.Boundary).Total;

    // Whole two-byte units from start; a lone surrogate is a lost character. A last odd byte is left to the caller.
    private static string DecodeUnits(ref Slots bytes, int start, int end, bool bigEndian)
    {
        var units = new StringBuilder((end - start) / 2);
        for (int p = start; p + 1 < end; p += 2)
        {
            char c = (char)(bigEndian ? (bytes[p] << 8) | bytes[p + 1] : bytes[p] | (bytes[p + 1] << 8));
            if (char.IsHighSurrogate(c) && p + 3 < end)
            {
                char low = (char)(bigEndian ? (bytes[p + 2] << 8) | bytes[p + 3] : bytes[p + 2] | (bytes[p + 3] << 8));
                if (char.IsLowSurrogate(low))
                {
                    units.Append(c).Append(low);
                    p += 2;
                    continue;
                }
            }

            units.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        return units.ToString();
    }

    // Ends the group that started at the last old boundary at old character oldEnd (nothing when it would be empty).
    private static void Close(StringBuilder text, List<int> oldBounds, List<int> newBounds, int oldEnd)
    {
        if (oldEnd > oldBounds[^1])
        {
            oldBounds.Add(oldEnd);
            newBounds.Add(text.Length);
        }
    }
}
