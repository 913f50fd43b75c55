namespace TextRepair.Documents;

/// <summary>
/// Autolinks and raw inline HTML. A tag is kept, but its text attributes (title, alt, placeholder, aria-label) are
/// converted as the HTML reader converts them, and the content of an element the HTML reader keeps (code, pre, kbd,
/// samp, var, script, style) is kept like a code span, up to its end tag or the end of the paragraph.
/// </summary>
internal sealed partial class MarkdownInline
{
    // The kept element still open (its name as a range of the text) and how many of its start tags are open.
    private int _keptStart;
    private int _keptLength;
    private int _keptDepth;

    /// <summary>A new paragraph or heading starts: an element left open in the previous one ends there, as a code span would.</summary>
    public void EndBlock() => _keptLength = 0;

    private bool InKeptElement => _keptLength > 0;

    /// <summary>'&lt;': an autolink or raw inline HTML is skipped; anything else is text.</summary>
    private int Angle(int at, int end, int textStart)
    {
        string text = _text;
        int i = at + 1;
        if (i >= end)
        {
            return -1;
        }

        if (char.IsAsciiLetter(text[i]))
        {
            // URI autolink: <scheme:...>
            int j = i;
            while (j < end && j - i <= MaxSchemeLength && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '+' or '.' or '-'))
            {
                j++;
            }

            if (j < end && text[j] == ':' && j - i >= 2)
            {
                int close = AutolinkEnd(j, end);
                if (close > 0)
                {
                    Flush(textStart, at, breaks: true);
                    return close;
                }
            }

            int emailClose = AutolinkEnd(i, end);
            if (emailClose > 0 && text.AsSpan(i, emailClose - i).Contains('@'))
            {
                Flush(textStart, at, breaks: true);
                return emailClose;
            }
        }

        if (text.AsSpan(at, end - at).StartsWith("<!--", StringComparison.Ordinal))
        {
            int close = !_commentClose.Occurs(text, "-->", at + 4, end) ? -1 : text.IndexOf("-->", at + 4, end - at - 4, StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            Flush(textStart, at, breaks: false);
            return close + 3;
        }

        bool endTag = text[i] == '/';
        int nameStart = endTag ? i + 1 : i;
        if (nameStart >= end || !char.IsAsciiLetter(text[nameStart]))
        {
            return -1;
        }

        if (!_tagClose.Occurs(text, ">", nameStart, end))
        {
            // No '>' left on the line: no tag can close (checked once, not by reading every attribute to the end).
            return -1;
        }

        int nameEnd = nameStart;
        while (nameEnd < end && HtmlScanner.IsNameChar(text[nameEnd]))
        {
            nameEnd++;
        }

        int after = HtmlScanner.SkipAttributes(text, nameEnd, end, null, out bool selfClosing);
        if (after > end || text[after - 1] != '>')
        {
            return -1;
        }

        ReadOnlySpan<char> name = text.AsSpan(nameStart, nameEnd - nameStart);
        bool kept = !endTag && !selfClosing && HtmlScanner.IsKeptElement(name);
        Flush(textStart, at, breaks: kept || !MarkdownScanner.IsInlineTag(name));
        if (!endTag)
        {
            // Read again now that the tag is known to be one, so that no attribute of a '<' that is text gets a run.
            HtmlScanner.SkipAttributes(text, nameEnd, end, _side, out _, _anchors);
        }

        if (kept)
        {
            _keptStart = nameStart;
            _keptLength = nameEnd - nameStart;
            _keptDepth = 1;
        }

        return after;
    }

    /// <summary>
    /// Skips the content of the open kept element from <paramref name="from"/>: returns the index after its end tag,
    /// or <paramref name="end"/> when it stays open past this line.
    /// </summary>
    private int SkipKeptElement(int from, int end)
    {
        string text = _text;
        ReadOnlySpan<char> name = text.AsSpan(_keptStart, _keptLength);
        int j = from;
        while (j < end)
        {
            int lt = text.IndexOf('<', j, end - j);
            if (lt < 0)
            {
                break;
            }

            bool endTag = lt + 1 < end && text[lt + 1] == '/';
            int n = lt + (endTag ? 2 : 1);
            int nameEnd = n + name.Length;
            if (nameEnd > end
                || !text.AsSpan(n, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                || (nameEnd < end && HtmlScanner.IsNameChar(text[nameEnd])))
            {
                j = lt + 1;
                continue;
            }

            int after = HtmlScanner.SkipAttributes(text, nameEnd, end, null, out bool selfClosing);
            if (after >= end && text[end - 1] != '>')
            {
                // The tag runs past the line: so would every later one read from here, so the element stays open.
                break;
            }

            if (endTag && --_keptDepth == 0)
            {
                _keptLength = 0;
                return after;
            }

            if (!endTag && !selfClosing)
            {
                _keptDepth++;
            }

            j = after;
        }

        return end;
    }

    /// <summary>The index after the '&gt;' closing an autolink begun before <paramref name="from"/>, or -1.</summary>
    private int AutolinkEnd(int from, int end)
    {
        for (int j = from; j < end; j++)
        {
            char c = _text[j];
            if (c == '>')
            {
                return j + 1;
            }

            if (c == '<' || char.IsWhiteSpace(c))
            {
                return -1;
            }
        }

        return -1;
    }
}
