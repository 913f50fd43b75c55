using System.Buffers;

namespace TextRepair.Documents;

/// <summary>
/// The inline part of <see cref="MarkdownScanner"/>: finds the text of one line of a paragraph, heading or table row.
/// Emphasis delimiters and link brackets are left out of the runs without ending the group (so <c>**鼠**标</c> and
/// <c>[鼠](u)标</c> convert as <c>鼠标</c>); code spans, backslash escapes, character references, table pipes, line
/// ends end it. Never touched: code spans, link and image destinations, reference labels, autolinks and bare
/// http(s)/ftp URLs (GFM), raw HTML tags. Link titles go to the side list as groups of their own. Not thread-safe.
/// </summary>
internal sealed class MarkdownInline
{
    private static readonly SearchValues<char> s_specials = SearchValues.Create("\\`*_~|&<[]!:");

    // A URI scheme of an autolink is 2 to 32 characters (CommonMark 0.31, 6.5).
    private const int MaxSchemeLength = 32;

    private readonly string _text;
    private readonly HashSet<string> _labels;
    private readonly TextRunList _runs;
    private readonly TextRunList _side;

    public MarkdownInline(string text, HashSet<string> labels, TextRunList runs, TextRunList side)
    {
        _text = text;
        _labels = labels;
        _runs = runs;
        _side = side;
    }

    public void Scan(int start, int end)
    {
        string text = _text;
        int i = start;
        int textStart = start;
        while (i < end)
        {
            int found = text.AsSpan(i, end - i).IndexOfAny(s_specials);
            if (found < 0)
            {
                break;
            }

            int at = i + found;
            int resume = Special(at, end, textStart);
            if (resume < 0)
            {
                // Not markup after all: the character is text.
                i = at + 1;
                continue;
            }

            i = textStart = resume;
        }

        _runs.Add(textStart, end - textStart);
    }

    /// <summary>Handles the markup at <paramref name="at"/>; returns where text resumes, or -1 when it is plain text.</summary>
    private int Special(int at, int end, int textStart)
    {
        string text = _text;
        char c = text[at];
        switch (c)
        {
            case '\\':
                if (at + 1 < end && text[at + 1] < '\u007f' && (char.IsPunctuation(text[at + 1]) || char.IsSymbol(text[at + 1])))
                {
                    Flush(textStart, at, breaks: true);
                    return at + 2;
                }

                return -1;
            case '`':
            {
                int n = RunLength(at, end, '`');
                int close = FindBacktickRun(at + n, end, n);
                Flush(textStart, at, breaks: close >= 0);
                return close >= 0 ? close + n : at + n;
            }

            case '*' or '_' or '~':
                Flush(textStart, at, breaks: false);
                return at + RunLength(at, end, c);
            case '|':
                Flush(textStart, at, breaks: true);
                return at + 1;
            case '&':
            {
                int after = Entities.Match(text, at, end);
                if (after < 0)
                {
                    return -1;
                }

                Flush(textStart, at, breaks: true);
                return after;
            }

            case '<':
                return Angle(at, end, textStart);
            case '[':
                Flush(textStart, at, breaks: false);
                return Link(at, end);
            case '!':
                if (at + 1 < end && text[at + 1] == '[')
                {
                    Flush(textStart, at, breaks: false);
                    return Link(at + 1, end);
                }

                return -1;
            case ']':
            {
                // A bracket whose opening is on an earlier line: still keep a destination that follows untouched.
                if (at + 1 < end && text[at + 1] == '(' && TryLinkTail(at + 1, end, out int tailEnd, out _, out _))
                {
                    Flush(textStart, at, breaks: false);
                    return tailEnd;
                }

                return -1;
            }

            default:
                return BareUrl(at, end, textStart);
        }
    }

    private void Flush(int textStart, int at, bool breaks)
    {
        _runs.Add(textStart, at - textStart);
        if (breaks)
        {
            _runs.Break();
        }
    }

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
            int close = text.IndexOf("-->", at + 4, end - at - 4, StringComparison.Ordinal);
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

        int nameEnd = nameStart;
        while (nameEnd < end && HtmlScanner.IsNameChar(text[nameEnd]))
        {
            nameEnd++;
        }

        int after = HtmlScanner.SkipAttributes(text, nameEnd, end, null, out _);
        if (after > end || text[after - 1] != '>')
        {
            return -1;
        }

        Flush(textStart, at, breaks: !MarkdownScanner.IsInlineTag(text.AsSpan(nameStart, nameEnd - nameStart)));
        return after;
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

    /// <summary>'[' at <paramref name="open"/>: a link, image, reference or plain brackets.</summary>
    private int Link(int open, int end)
    {
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

    /// <summary>Parses <c>(destination "title")</c> starting at '('; the title range is -1 when there is none.</summary>
    private bool TryLinkTail(int open, int end, out int tailEnd, out int titleStart, out int titleEnd)
    {
        string text = _text;
        tailEnd = titleStart = titleEnd = -1;
        int j = SkipSpace(open + 1, end);
        if (j < end && text[j] == '<')
        {
            int close = text.IndexOf('>', j, end - j);
            if (close < 0)
            {
                return false;
            }

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
                    depth++;
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
        }

        j = SkipSpace(j, end);
        if (j < end && text[j] is '"' or '\'' or '(')
        {
            char closer = text[j] == '(' ? ')' : text[j];
            int k = j + 1;
            while (k < end && text[k] != closer)
            {
                k += text[k] == '\\' ? 2 : 1;
            }

            if (k >= end)
            {
                return false;
            }

            titleStart = j + 1;
            titleEnd = k;
            j = SkipSpace(k + 1, end);
        }

        if (j < end && text[j] == ')')
        {
            tailEnd = j + 1;
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

    private int RunLength(int at, int end, char c)
    {
        int j = at;
        while (j < end && _text[j] == c)
        {
            j++;
        }

        return j - at;
    }

    /// <summary>The start of the next run of exactly <paramref name="n"/> backticks at or after <paramref name="from"/>, or -1.</summary>
    private int FindBacktickRun(int from, int end, int n)
    {
        int j = from;
        while (j < end)
        {
            int tick = _text.IndexOf('`', j, end - j);
            if (tick < 0)
            {
                return -1;
            }

            int length = RunLength(tick, end, '`');
            if (length == n)
            {
                return tick;
            }

            j = tick + length;
        }

        return -1;
    }

    private int SkipSpace(int j, int end)
    {
        while (j < end && char.IsWhiteSpace(_text[j]))
        {
            j++;
        }

        return j;
    }
}
