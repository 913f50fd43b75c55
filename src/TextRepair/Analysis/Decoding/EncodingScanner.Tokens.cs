namespace TextRepair.Analysis.Decoding;

/// <summary>The tokens of a line (see <see cref="EncodingScanner"/>).</summary>
internal static partial class EncodingScanner
{
    /// <summary>
    /// The tokens of a line the engine decides: runs between separators (spaces, tabs, ideographic spaces; not a space
    /// that completes a UTF-8 character as a no-break space's byte, see <see cref="NoBreakSpace"/>) and pinyin
    /// annotations, cut at <see cref="MaxTokenLength"/> (see <see cref="CutPoint"/>), that hold a character beyond
    /// ASCII. Allocates nothing.
    /// </summary>
    private struct Tokens(string text, int lineStart, int lineEnd)
    {
        private int _next = lineStart;

        public bool MoveNext(out int start, out int end)
        {
            int i = _next;
            while (i < lineEnd)
            {
                if (IsSeparator(text[i]))
                {
                    i++;
                    continue;
                }

                if (AnnotationAt(text, i, lineEnd) is int annotationEnd and > 0)
                {
                    // A pinyin annotation is a reading, not mojibake: it is never part of a token.
                    i = annotationEnd;
                    continue;
                }

                int stop = i;
                while (true)
                {
                    while (stop < lineEnd && !IsSeparator(text[stop]) && stop - i < MaxTokenLength && (stop == i || AnnotationAt(text, stop, lineEnd) == 0))
                    {
                        stop++;
                    }

                    // A space that completes a character is a no-break space that became one: the token goes on.
                    if (stop + 1 < lineEnd && text[stop] == ' ' && stop - i < MaxTokenLength && NoBreakSpace.CompletesCharacter(text, i, stop, lineEnd))
                    {
                        stop++;
                        continue;
                    }

                    break;
                }

                if (stop < lineEnd && !IsSeparator(text[stop]) && AnnotationAt(text, stop, lineEnd) == 0)
                {
                    stop = CutPoint(text, i, stop);
                }

                int from = i;
                i = stop;
                if (text.AsSpan(from, stop - from).IndexOfAnyExceptInRange('\0', '\u007F') >= 0)
                {
                    _next = stop;
                    start = from;
                    end = stop;
                    return true;
                }
            }

            _next = lineEnd;
            start = end = lineEnd;
            return false;
        }
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\u3000';

    // When a pinyin annotation's opening parenthesis is at index (see AnnotationEnd), the index after its closing
    // parenthesis (at most lineEnd); else 0.
    private static int AnnotationAt(string text, int index, int lineEnd) =>
        text[index] is '(' or '\uFF08' && index + 1 < lineEnd && AnnotationEnd(text, index + 1) is int end and > 0 && end <= lineEnd ? end : 0;

    /// <summary>
    /// Where to cut a token that reached the maximum length at <paramref name="end"/>: after its last ASCII character in
    /// the second half, else at <paramref name="end"/> moved back so as not to split a surrogate pair or a 锟斤拷 marker
    /// (a marker cut in two reads as pieces of one, damage by itself: see <see cref="TokenReading.DecideByMarkerPieces"/>).
    /// Reads at most half the token.
    /// </summary>
    internal static int CutPoint(string text, int start, int end)
    {
        for (int k = end - 1; k > start + ((end - start) / 2); k--)
        {
            if (text[k] < 0x80)
            {
                return k + 1;
            }
        }

        if (char.IsHighSurrogate(text[end - 1]))
        {
            return end - 1;
        }

        // 锟斤拷 has three different characters, so occurrences never overlap: the cut is inside one exactly when one
        // of these two holds.
        ReadOnlySpan<char> marker = "\u951F\u65A4\u62F7";
        if (end + 2 <= text.Length && text.AsSpan(end - 1, 3).SequenceEqual(marker))
        {
            return end - 1;
        }

        return end + 1 <= text.Length && end - 2 > start && text.AsSpan(end - 2, 3).SequenceEqual(marker) ? end - 2 : end;
    }
}
