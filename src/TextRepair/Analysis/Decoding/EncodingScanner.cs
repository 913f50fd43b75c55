using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Finds encoding damage in text: mojibake (text written in one encoding and read with another, up to three times)
/// and loss markers. Lines without a suspicious character (<see cref="SuspiciousChars"/>) are skipped; in the others,
/// each token (a run between spaces, tabs and ideographic spaces, cut at <see cref="MaxTokenLength"/>) is searched by
/// <see cref="CandidateSearch"/> and the best reading is kept when <see cref="EncodingDecision"/> accepts it. Loss
/// markers (U+FFFD, 锟斤拷, 烫烫, 屯屯) are damage only in damaged context: a marker between quotes, or one that is
/// the only sign of damage on its line, is a word and is left alone. Work is linear in the text's length. Thread-safe.
/// </summary>
internal static class EncodingScanner
{
    /// <summary>
    /// Longest token searched as a whole; longer runs are cut (after an ASCII character where possible, so that a cut
    /// rarely splits a multi-byte character). The search is linear in the token's length either way; the cut bounds the
    /// memory of one search (a UTF-8 paragraph of 1,000 Han characters read as windows-1252 is 3,000 characters).
    /// </summary>
    public const int MaxTokenLength = 4096;

    private const string Openers = "\"'\u201C\u2018\u300C\u300E\u300A\u3008\u3010(\uFF08[\u00AB";
    private const string Closers = "\"'\u201D\u2019\u300D\u300F\u300B\u3009\u3011)\uFF09]\u00BB";

    /// <summary>Index of the first character that could belong to encoding damage, or -1 (clean text).</summary>
    public static int IndexOfSuspicious(ReadOnlySpan<char> text) => SuspiciousChars.IndexOf(text);

    /// <summary>Appends every damaged span of <paramref name="text"/> to <paramref name="findings"/>, sorted, non-overlapping.</summary>
    public static void Find(string text, List<EncodingFinding> findings)
    {
        int position = 0;
        while (position < text.Length)
        {
            int hit = SuspiciousChars.IndexOf(text.AsSpan(position));
            if (hit < 0)
            {
                return;
            }

            hit += position;
            int lineStart = text.AsSpan(0, hit).LastIndexOfAny('\n', '\r') + 1;
            lineStart = Math.Max(lineStart, position);
            int lineEnd = text.AsSpan(hit).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : hit + lineEnd;
            FindInLine(text, lineStart, lineEnd, findings);
            position = lineEnd + 1;
        }
    }

    private static void FindInLine(string text, int lineStart, int lineEnd, List<EncodingFinding> findings)
    {
        var line = new List<EncodingFinding>();
        var pureLoss = new List<EncodingFinding>();
        bool repaired = false;
        int i = lineStart;
        while (i < lineEnd)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < lineEnd && !IsSeparator(text[end]) && end - i < MaxTokenLength)
            {
                end++;
            }

            if (end < lineEnd && !IsSeparator(text[end]))
            {
                end = CutPoint(text, i, end);
            }

            if (text.AsSpan(i, end - i).IndexOfAnyExceptInRange('\0', '\u007F') >= 0)
            {
                repaired |= SearchToken(text, i, end, lineStart, lineEnd, line, pureLoss);
            }

            i = end;
        }

        // Loss markers: damage only where something else on the line is damaged too.
        AddMarkers(text, lineStart, lineEnd, line, pureLoss, ref repaired);
        if (repaired)
        {
            line.AddRange(pureLoss);
        }

        line.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        findings.AddRange(line);
    }

    // Searches one token; true when a reading that restores real text (not only loss) was accepted.
    private static bool SearchToken(string text, int start, int end, int lineStart, int lineEnd, List<EncodingFinding> line, List<EncodingFinding> pureLoss)
    {
        string token = text.Substring(start, end - start);
        char before = start > lineStart ? text[start - 1] : CharNgramModel.Boundary;
        char after = end < lineEnd ? text[end] : CharNgramModel.Boundary;
        SpanScore input = TextLikelihood.Score(token, before, after);
        List<Candidate> readings = CandidateSearch.Search(token, before, after, input);
        Candidate? best = EncodingDecision.Best(readings, input);
        if (best is null || !EncodingDecision.Accept(best, input, token.Length))
        {
            return false;
        }

        var edits = new List<EncodingFinding>();
        bool restores = false;
        for (int k = 0; k + 1 < best.TokenBounds.Length; k++)
        {
            int a = best.TokenBounds[k], b = best.TokenBounds[k + 1];
            string replacement = best.Text.Substring(best.TextBounds[k], best.TextBounds[k + 1] - best.TextBounds[k]);
            if (token.AsSpan(a, b - a).SequenceEqual(replacement))
            {
                continue;
            }

            bool lossy = replacement.Contains('\uFFFD', StringComparison.Ordinal);
            restores |= replacement.AsSpan().IndexOfAnyExcept('\uFFFD') >= 0;
            if (edits.Count > 0 && edits[^1].End == start + a && edits[^1].Lossy == lossy)
            {
                EncodingFinding last = edits[^1];
                edits[^1] = last with { Length = last.Length + (b - a), Replacement = last.Replacement + replacement };
            }
            else
            {
                edits.Add(new EncodingFinding(start + a, b - a, replacement, best.Chain, lossy));
            }
        }

        (restores ? line : pureLoss).AddRange(edits);
        return restores;
    }

    private static void AddMarkers(string text, int lineStart, int lineEnd, List<EncodingFinding> line, List<EncodingFinding> pending, ref bool repaired)
    {
        int covered = 0;
        var markers = new List<EncodingFinding>();
        for (int i = lineStart; i < lineEnd;)
        {
            int length = MarkerLength(text, i, lineEnd);
            if (length == 0 || Covered(line, i) || Covered(pending, i))
            {
                i++;
                continue;
            }

            bool quoted = i > lineStart && i + length < lineEnd && Openers.Contains(text[i - 1], StringComparison.Ordinal)
                && Closers.Contains(text[i + length], StringComparison.Ordinal);
            if (!quoted)
            {
                bool replacementChar = text[i] == '\uFFFD';
                var marker = new EncodingFinding(i, length, text.Substring(i, length), replacementChar ? "lost bytes (U+FFFD)" : "loss marker", true);
                if (replacementChar)
                {
                    // U+FFFD is what a decoder writes for bytes it lost: unquoted, it is damage by itself.
                    line.Add(marker);
                    covered++;
                }
                else
                {
                    markers.Add(marker);
                }
            }

            i += length;
        }

        if (covered > 0)
        {
            repaired = true;
        }

        (repaired ? line : pending).AddRange(markers);
    }

    private static bool Covered(List<EncodingFinding> spans, int index)
    {
        foreach (EncodingFinding f in spans)
        {
            if (index >= f.Start && index < f.End)
            {
                return true;
            }
        }

        return false;
    }

    // Length of the loss marker starting at index: a run of U+FFFD, of 锟斤拷, or of two or more 烫 or 屯.
    private static int MarkerLength(string text, int index, int end)
    {
        char c = text[index];
        int i = index;
        switch (c)
        {
            case '\uFFFD':
                while (i < end && text[i] == '\uFFFD')
                {
                    i++;
                }

                return i - index;
            case '\u951F':
                while (i + 3 <= end && text.AsSpan(i, 3).SequenceEqual("\u951F\u65A4\u62F7"))
                {
                    i += 3;
                }

                return i - index;
            case '\u70EB' or '\u5C6F':
                while (i < end && text[i] == c)
                {
                    i++;
                }

                return i - index >= 2 ? i - index : 0;
            default:
                return 0;
        }
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\u3000';

    // Where to cut a token that reached the maximum length at end: after its last ASCII character in the second half,
    // else at end (never between the halves of a surrogate pair).
    private static int CutPoint(string text, int start, int end)
    {
        for (int k = end - 1; k > start + ((end - start) / 2); k--)
        {
            if (text[k] < 0x80)
            {
                return k + 1;
            }
        }

        return char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;
    }
}
