using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Finds encoding damage in text: mojibake (text written in one encoding and read with another, up to three times)
/// and loss markers. Lines without a suspicious character (<see cref="SuspiciousChars"/>) are skipped; in the others,
/// each token (a run between spaces, tabs and ideographic spaces, cut at <see cref="MaxTokenLength"/>) that may be
/// damaged (<see cref="EncodingDecision.MayBeDamaged"/>) is searched by <see cref="CandidateSearch"/> and the best
/// reading is kept when <see cref="EncodingDecision"/> accepts it; the other tokens are searched only once the line is
/// found damaged. Loss
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

    /// <summary>
    /// CJK letters a line needs outside a quoted token for the token to count as quoted in prose. Two: the shortest
    /// Chinese sentence around a quote ("叫“…”").
    /// </summary>
    private const int MinProseCjk = 2;

    private const string Openers = "\"'\u201C\u2018\u300C\u300E\u300A\u3008\u3010(\uFF08[\u00AB";
    private const string Closers = "\"'\u201D\u2019\u300D\u300F\u300B\u3009\u3011)\uFF09]\u00BB";

    /// <summary>Index of the first character that could belong to encoding damage, or -1 (clean text).</summary>
    public static int IndexOfSuspicious(ReadOnlySpan<char> text) => SuspiciousChars.IndexOf(text);

    /// <summary>Appends every damaged span of <paramref name="text"/> to <paramref name="findings"/>, sorted, non-overlapping.</summary>
    public static void Find(string text, List<EncodingFinding> findings)
    {
        var known = new KnownChains();
        int position = 0;
        while (position < text.Length)
        {
            int hit = SuspiciousChars.IndexOf(text.AsSpan(position));
            if (hit < 0)
            {
                return;
            }

            hit += position;
            int annotationEnd = AnnotationEnd(text, hit);
            if (annotationEnd > 0)
            {
                // A tone letter of a pinyin annotation: no sign of damage; look on for another suspicious character.
                position = annotationEnd;
                continue;
            }

            int lineStart = text.AsSpan(0, hit).LastIndexOfAny('\n', '\r') + 1;
            lineStart = Math.Max(lineStart, position);
            int lineEnd = text.AsSpan(hit).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? text.Length : hit + lineEnd;
            FindInLine(text, lineStart, lineEnd, findings, known);
            position = lineEnd + 1;
        }
    }

    private static void FindInLine(string text, int lineStart, int lineEnd, List<EncodingFinding> findings, KnownChains known)
    {
        // Pass 1: every token with a non-ASCII character is searched and decided on its own evidence. A token quoted
        // in CJK prose is text being discussed (the writer's screen showed CJK, so the quote is deliberate): it is
        // decided only when the line is damaged elsewhere.
        var tokens = new List<TokenReading>();
        var quoted = new List<TokenReading>();
        var chains = new List<LayerStep[]>();
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
                TokenReading token = TokenReading.Search(text, i, end, lineStart, lineEnd);
                tokens.Add(token);
                // A token decided before in the same context with no reading gets the same outcome without a search.
                bool knownClean = CleanTokenCache.IsKnownClean(token.Token, token.Before, token.After);
                if (!knownClean && EncodingDecision.MayBeDamaged(token.Token, token.Before, token.After)
                    && !token.DecideByKnown(known.Steps) && !token.Decide())
                {
                    CleanTokenCache.AddClean(token.Token, token.Before, token.After);
                }
                else if (token.Chosen is not null && token.Restores)
                {
                    var restored = new List<EncodingFinding>();
                    token.AddFindings(restored, lossesToo: false);
                    if (restored.TrueForAll(f => IsQuotedInCjkProse(text, f.Start, f.End, lineStart, lineEnd)))
                    {
                        token.Reject();
                        quoted.Add(token);
                    }
                    else
                    {
                        if (!chains.Exists(c => token.Chosen!.HasSteps(c)))
                        {
                            chains.Add(token.Chosen!.Steps);
                        }

                        known.Add(token.Chosen!.Steps);
                    }
                }
            }

            i = end;
        }

        // Pass 2: a line damaged by a chain is damaged by it throughout: other tokens that decode exactly by it follow.
        bool damaged = chains.Count > 0;
        var line = new List<EncodingFinding>();
        foreach (TokenReading token in tokens)
        {
            if (damaged && token.Chosen is null)
            {
                foreach (LayerStep[] chain in chains)
                {
                    if (token.DecideByChain(chain))
                    {
                        break;
                    }
                }

                if (token.Chosen is null && quoted.Contains(token))
                {
                    token.Decide();
                }
            }
        }

        // Loss markers and losses inside readings: damage only where the line is damaged.
        var pending = new List<EncodingFinding>();
        foreach (TokenReading token in tokens)
        {
            token.AddFindings(line, lossesToo: false);
            token.AddFindings(pending, lossesToo: true);
        }

        pending.RemoveAll(f => !f.Lossy || f.Replacement.AsSpan().IndexOfAnyExcept('\uFFFD') >= 0);
        AddMarkers(text, lineStart, lineEnd, line, pending, ref damaged);
        if (damaged)
        {
            line.AddRange(pending);
        }

        line.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        findings.AddRange(line);
    }

    // A span between quotes or brackets, on a line whose other text holds CJK letters.
    private static bool IsQuotedInCjkProse(string text, int start, int end, int lineStart, int lineEnd)
    {
        if (start == lineStart || end >= lineEnd || !Openers.Contains(text[start - 1], StringComparison.Ordinal)
            || !Closers.Contains(text[end], StringComparison.Ordinal))
        {
            return false;
        }

        int cjk = 0;
        for (int k = lineStart; k < lineEnd; k++)
        {
            char c = text[k];
            bool inside = k >= start && k < end;
            cjk += !inside && c is (>= '\u3040' and <= '\u30FF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3') ? 1 : 0;
        }

        return cjk >= MinProseCjk;
    }

    private static void AddMarkers(string text, int lineStart, int lineEnd, List<EncodingFinding> line, List<EncodingFinding> pending, ref bool repaired)
    {
        // Characters already inside a finding (linear: one flag per character of the line).
        bool[] covered = new bool[lineEnd - lineStart];
        foreach (List<EncodingFinding> list in (ReadOnlySpan<List<EncodingFinding>>)[line, pending])
        {
            foreach (EncodingFinding f in list)
            {
                covered.AsSpan(f.Start - lineStart, f.Length).Fill(true);
            }
        }

        bool lostBytes = false;
        var markers = new List<EncodingFinding>();
        for (int i = lineStart; i < lineEnd;)
        {
            int length = covered[i - lineStart] ? 0 : MarkerLength(text, i, lineEnd);
            int free = covered.AsSpan(i - lineStart, length).IndexOf(true);
            length = free < 0 ? length : free;
            if (length == 0)
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

                // U+FFFD is what a decoder writes for bytes it lost: unquoted, it is damage by itself.
                (replacementChar ? line : markers).Add(marker);
                lostBytes |= replacementChar;
            }

            i += length;
        }

        repaired |= lostBytes;
        (repaired ? line : pending).AddRange(markers);
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

    /// <summary>Longest pinyin syllable looked at between the parentheses of an annotation ("zhuàng" is 6 letters).</summary>
    private const int MaxSyllableLength = Pinyin.MaxKeyLength;

    // When index is inside a pinyin annotation, a Han character followed by one syllable in parentheses ("堅(jiān)",
    // also full-width or NFD), the index just after its closing parenthesis; else 0. Tone letters (í, à, ǎ...) are also
    // what single-byte readers write, so the pre-scan flags every annotated line; an annotation is a reading, not
    // mojibake (the annotation step removes it), and a line is analysed only for a suspicious character outside its
    // annotations. A syllable must parse (Pinyin.TryParse), so mojibake between parentheses is not skipped.
    internal static int AnnotationEnd(string text, int index)
    {
        int open = index;
        while (open > 0 && index - open < MaxSyllableLength && Pinyin.IsSyllableChar(text[open - 1]))
        {
            open--;
        }

        int close = index;
        while (close < text.Length && close - open < MaxSyllableLength + 2 && Pinyin.IsSyllableChar(text[close]))
        {
            close++;
        }

        if (open < 2 || close >= text.Length || text[open - 1] is not ('(' or '\uFF08') || text[close] is not (')' or '\uFF09')
            || !CjkText.IsIdeograph(text[open - 2]))
        {
            return 0;
        }

        Span<char> key = stackalloc char[Pinyin.MaxKeyLength + 2];
        return Pinyin.TryParse(text.AsSpan(open, close - open), key, out _, out _) ? close + 1 : 0;
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
