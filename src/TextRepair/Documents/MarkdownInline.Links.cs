namespace TextRepair.Documents;

/// <summary>Links, images and bare URLs: their text is converted, their destinations never.</summary>
internal sealed partial class MarkdownInline
{
    /// <summary>'[' at <paramref name="open"/>: a link, image, reference or plain brackets.</summary>
    private int Link(int open, int end)
    {
        if (_depth > MaxLinkNesting)
        {
            // Too deep to be a link (see MaxLinkNesting): read on past the bracket, as past one that never closes.
            return open + 1;
        }

        string text = _text;
        int close = MatchBracket(open, end);
        if (close < 0)
        {
            return open + 1;
        }

        int after = close + 1;
        if (after < end && text[after] == '(' && TryLinkTail(after, end, out int tailEnd, out int titleStart, out int titleEnd))
        {
            Scan(open + 1, close);
            if (titleStart >= 0)
            {
                AddEscaped(titleStart, titleEnd, _side);
                _side.Break();
            }

            return tailEnd;
        }

        if (after < end && text[after] == '[')
        {
            int labelClose = text.IndexOf(']', after + 1, end - after - 1);
            if (labelClose >= 0)
            {
                if (labelClose > after + 1)
                {
                    Scan(open + 1, close);
                }

                // A collapsed reference [text][] keeps its text, which is the label; a full one keeps its label.
                _runs.Break();
                return labelClose + 1;
            }
        }

        if (_labels.Count > 0 && _labels.Contains(MarkdownScanner.NormalizeLabel(text.AsSpan(open + 1, close - open - 1))))
        {
            // A shortcut reference: the text is the label that finds the definition.
            _runs.Break();
            return after;
        }

        Scan(open + 1, close);
        return after;
    }

    /// <summary>
    /// Parses <c>(destination "title")</c> starting at '('; the title range is -1 when there is none. The destination
    /// of a link parsed whole goes to the anchors (a fragment may name a heading).
    /// </summary>
    private bool TryLinkTail(int open, int end, out int tailEnd, out int titleStart, out int titleEnd)
    {
        string text = _text;
        tailEnd = titleStart = titleEnd = -1;
        int j = SkipSpace(open + 1, end);
        int destinationStart = j;
        int destinationEnd;
        if (j < end && text[j] == '<')
        {
            // CommonMark 6.3: no unescaped '<' inside, so the search stops at the next one.
            int close = AngleDestinationEnd(j + 1, end);
            if (close < 0)
            {
                return false;
            }

            destinationStart = j + 1;
            destinationEnd = close;
            j = close + 1;
        }
        else
        {
            int depth = 0;
            while (j < end && !char.IsWhiteSpace(text[j]))
            {
                char c = text[j];
                if (c == '\\')
                {
                    j++;
                }
                else if (c == '(')
                {
                    if (++depth > MaxDestinationParens)
                    {
                        return false;
                    }
                }
                else if (c == ')')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }

                j++;
            }

            destinationEnd = j;
        }

        j = SkipSpace(j, end);
        if (j < end && text[j] is '"' or '\'' or '(')
        {
            char closer = text[j] == '(' ? ')' : text[j];
            ref Searched failed = ref TitleFailure(closer);
            if (failed.Covers(j + 1, end))
            {
                return false;
            }

            int k = j + 1;
            while (k < end && text[k] != closer)
            {
                k += text[k] == '\\' ? 2 : 1;
            }

            if (k >= end)
            {
                // A search starts right after an opening quote, never inside an escape, so later ones would fail too.
                failed = new Searched(j + 1, end);
                return false;
            }

            titleStart = j + 1;
            titleEnd = k;
            j = SkipSpace(k + 1, end);
        }

        if (j < end && text[j] == ')')
        {
            tailEnd = j + 1;
            _anchors?.AddDestination(text, destinationStart, destinationEnd);
            return true;
        }

        return false;
    }

    /// <summary>A bare http://, https:// or ftp:// URL (GFM autolink extension) runs to the next space or '&lt;'.</summary>
    private int BareUrl(int colon, int end, int textStart)
    {
        string text = _text;
        int schemeStart = colon;
        while (schemeStart > textStart && char.IsAsciiLetter(text[schemeStart - 1]))
        {
            schemeStart--;
        }

        ReadOnlySpan<char> scheme = text.AsSpan(schemeStart, colon - schemeStart);
        bool known = scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase);
        if (!known || colon + 2 >= end || text[colon + 1] != '/' || text[colon + 2] != '/')
        {
            return -1;
        }

        int j = colon + 3;
        while (j < end && !char.IsWhiteSpace(text[j]) && text[j] != '<')
        {
            j++;
        }

        Flush(textStart, schemeStart, breaks: true);
        return j;
    }

    /// <summary>Adds [start, end) to <paramref name="list"/>, breaking at backslash escapes and character references.</summary>
    private void AddEscaped(int start, int end, TextRunList list)
    {
        int i = start;
        while (i < end)
        {
            int slash = _text.IndexOf('\\', i, end - i);
            int pieceEnd = slash < 0 ? end : slash;
            Entities.AddText(_text, i, pieceEnd, list);
            if (slash < 0)
            {
                return;
            }

            list.Break();
            i = slash + 2;
        }
    }

    private int MatchBracket(int open, int end)
    {
        int known = open >= _bracketStart && open < _bracketEnd ? _bracketClose[open - _bracketStart] : Unknown;
        if (known != Unknown)
        {
            return known < end ? known : -1;
        }

        int depth = 0;
        for (int j = open; j < end; j++)
        {
            char c = _text[j];
            if (c == '\\')
            {
                j++;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']' && --depth == 0)
            {
                return j;
            }
        }

        return -1;
    }
}
