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
        private readonly int _lineStart = lineStart;
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
                    if (stop + 1 < lineEnd && text[stop] == ' ' && stop - i < MaxTokenLength && Joins(NoBreakSpace.Completes(text, i, stop, lineEnd)))
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

        // Whether the line lost no-break spaces (NoBreakSpace.LineLostNoBreakSpaces): 0 not asked yet, 1 yes, 2 no.
        private int _lineLost;

        // A space whose completion is unproven joins only on a line that shows no-break spaces lost elsewhere.
        private bool Joins(NoBreakSpace.Completion completion)
        {
            if (completion != NoBreakSpace.Completion.Unproven)
            {
                return completion != NoBreakSpace.Completion.None;
            }

            if (_lineLost == 0)
            {
                _lineLost = NoBreakSpace.LineLostNoBreakSpaces(text, _lineStart, lineEnd) ? 1 : 2;
            }

            return _lineLost == 1;
        }
    }

    /// <summary>
    /// Times a line is read again after its cuts moved (see <see cref="MoveCutsOffCharacters"/>): once moves every cut
    /// that split a character of the line's chain back to that character's start; a second read covers a piece whose
    /// new reading cut another character (a piece read by another chain the second time). Bounded, so that a line of
    /// long tokens costs at most three reads whatever its losses.
    /// </summary>
    private const int MaxCutRereads = 2;

    /// <summary>
    /// Moves each cut (a token that ends where the next begins, see <see cref="CutPoint"/>) that the token's chosen
    /// reading shows inside a character back to that character's start: a reading that ends in a group of U+FFFD at
    /// the cut (<see cref="Candidate.WithoutTrailingLoss"/>) lost the bytes of a character whose other bytes begin the
    /// next token, which then reads them as a loss or keeps them garbled ("中文" × 683 written in UTF-8 and read as
    /// Latin-1 was cut one character short of a whole one, and its last character came out as U+FFFD and two
    /// characters kept as they were). Which chain damaged the text need not be known: each piece's own reading shows
    /// where its last whole character ends. The next token grows by the moved characters (a few beyond
    /// <see cref="MaxTokenLength"/> at most). True when a cut moved. Linear in the number of tokens.
    /// </summary>
    private static bool MoveCutsOffCharacters(List<(int Start, int End)> tokens, List<TokenReading> readings)
    {
        bool moved = false;
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            (int start, int end) = tokens[k];
            if (tokens[k + 1].Start != end || readings[k].Chosen is not { } chosen)
            {
                continue;
            }

            chosen.WithoutTrailingLoss(out int kept);
            int cut = readings[k].Start + kept;
            if (cut > start && cut < end)
            {
                tokens[k] = (start, cut);
                tokens[k + 1] = (cut, tokens[k + 1].End);
                moved = true;
            }
        }

        return moved;
    }

    // True when a token ends where the next begins: a token cut at MaxTokenLength.
    private static bool HasCut(List<(int Start, int End)> tokens)
    {
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens[k + 1].Start == tokens[k].End)
            {
                return true;
            }
        }

        return false;
    }

    // The line's tokens read afresh after their cuts moved; a token that did not move keeps what the vote found of it
    // (that it may be damaged).
    private static List<TokenReading> Reread(string text, int lineStart, int lineEnd, List<(int Start, int End)> tokens, List<TokenReading> readings)
    {
        var reread = new List<TokenReading>(tokens.Count);
        for (int k = 0; k < tokens.Count; k++)
        {
            (int start, int end) = tokens[k];
            var token = TokenReading.Search(text, start, end, lineStart, lineEnd);
            token.MayBeDamaged = readings[k].Start == start && readings[k].Token.Length == end - start && readings[k].MayBeDamaged;
            reread.Add(token);
        }

        return reread;
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

        if (end + 1 <= text.Length && end - 2 > start && text.AsSpan(end - 2, 3).SequenceEqual(marker))
        {
            return end - 2;
        }

        return CutOffCharacter(text, start, end);
    }

    /// <summary>
    /// Characters before a cut read to tell where the last whole character of the garbled text ends (see
    /// <see cref="CutOffCharacter"/>): the window the search reads a long token in (<see cref="CandidateSearch.ProbeLength"/>),
    /// enough text to show its chain, and a bounded cost per cut (one cut per <see cref="MaxTokenLength"/> characters).
    /// </summary>
    private const int CutProbeLength = CandidateSearch.ProbeLength;

    // A cut with no ASCII before it may fall inside a character of the garbled text, wherever its chain puts the
    // boundaries (UTF-8 read as Latin-1: 3 characters each; GBK read as Latin-1: 2). The characters before the cut are
    // read as a token, and when the reading taken ends in a group of U+FFFD (bytes of a character the cut split, see
    // Candidate.WithoutTrailingLoss) the cut moves back to that group's start. The chain need not be known: the
    // reading shows it. Clean text takes no reading, and its cut stays.
    private static int CutOffCharacter(string text, int start, int end)
    {
        int from = Math.Max(start, end - CutProbeLength);
        var probe = TokenReading.Search(text, from, end, start, end);
        if (!probe.Decide() || probe.Chosen is not { } chosen)
        {
            return end;
        }

        chosen.WithoutTrailingLoss(out int kept);
        return from + kept > start && from + kept < end ? from + kept : end;
    }
}
