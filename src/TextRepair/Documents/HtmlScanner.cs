using System.Buffers;

namespace TextRepair.Documents;

/// <summary>
/// Finds the visible text of HTML or XHTML: text nodes and the <c>title</c>, <c>alt</c>, <c>placeholder</c> and
/// <c>aria-label</c> attribute values. Tags, other attributes, comments, declarations, character references and the
/// content of <c>script</c>, <c>style</c>, <c>code</c>, <c>pre</c>, <c>kbd</c>, <c>samp</c> and <c>var</c> are never
/// touched. Text continues across inline tags (<c>&lt;b&gt;鼠&lt;/b&gt;标</c> is one group); any other tag ends the
/// group. A small tokenizer rather than an HTML parser: it never rewrites anything, it only locates ranges. Markdown's
/// raw HTML is read by it too (blocks here, inline tags in <see cref="MarkdownInline"/>), with the same rules. Stateless.
/// </summary>
internal static class HtmlScanner
{
    private static readonly SearchValues<char> s_textStops = SearchValues.Create("<&");

    // Phrasing elements that do not start a new line or box: a phrase may run across their tags.
    private static readonly NameSet s_inline = new(
        true, "a", "abbr", "b", "bdi", "bdo", "big", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "label", "mark",
        "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u");

    private static readonly NameSet s_rawText = new(true, "script", "style");

    // Code, computer input and output, and variables (placeholders in commands): kept as code spans are in Markdown.
    private static readonly NameSet s_skipped = new(true, "code", "pre", "kbd", "samp", "var");

    private static readonly NameSet s_textAttributes = new(true, "title", "alt", "placeholder", "aria-label");

    /// <summary>
    /// Adds the text of [start, end) to <paramref name="runs"/> and the text attributes to <paramref name="attributes"/>;
    /// in Markdown, ids and fragment links to <paramref name="anchors"/> (see <see cref="MarkdownAnchors"/>).
    /// </summary>
    public static void Scan(string text, int start, int end, TextRunList runs, TextRunList attributes, MarkdownAnchors? anchors = null)
    {
        int skipDepth = 0;
        int i = start;
        while (i < end)
        {
            int stop = text.AsSpan(i, end - i).IndexOfAny(s_textStops);
            int textEnd = stop < 0 ? end : i + stop;
            if (skipDepth == 0)
            {
                runs.Add(i, textEnd - i);
            }

            if (textEnd >= end)
            {
                break;
            }

            i = textEnd;
            if (text[i] == '&')
            {
                int after = Entities.Match(text, i, end);
                if (after > 0)
                {
                    runs.Break();
                    i = after;
                }
                else
                {
                    if (skipDepth == 0)
                    {
                        runs.Add(i, 1);
                    }

                    i++;
                }

                continue;
            }

            i = ScanMarkup(text, i, end, runs, attributes, anchors, ref skipDepth);
        }

        runs.Break();
    }

    /// <summary>Skips the markup starting with '&lt;' at <paramref name="at"/>; returns the index after it.</summary>
    private static int ScanMarkup(string text, int at, int end, TextRunList runs, TextRunList attributes, MarkdownAnchors? anchors, ref int skipDepth)
    {
        ReadOnlySpan<char> rest = text.AsSpan(at, end - at);
        if (rest.StartsWith("<!--", StringComparison.Ordinal))
        {
            // A comment is invisible: the text around it stays one group.
            return After(text, at + 4, end, "-->");
        }

        if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            runs.Break();
            return After(text, at + 9, end, "]]>");
        }

        if (rest.Length > 1 && (rest[1] == '!' || rest[1] == '?'))
        {
            runs.Break();
            return After(text, at + 2, end, ">");
        }

        bool endTag = rest.Length > 1 && rest[1] == '/';
        int nameStart = at + (endTag ? 2 : 1);
        if (nameStart >= end || !char.IsAsciiLetter(text[nameStart]))
        {
            // A lone '<' is text.
            if (skipDepth == 0)
            {
                runs.Add(at, 1);
            }

            return at + 1;
        }

        int nameEnd = nameStart;
        while (nameEnd < end && IsNameChar(text[nameEnd]))
        {
            nameEnd++;
        }

        ReadOnlySpan<char> name = text.AsSpan(nameStart, nameEnd - nameStart);
        int i = SkipAttributes(text, nameEnd, end, endTag || skipDepth > 0 ? null : attributes, out bool selfClosing, endTag ? null : anchors);
        if (!s_inline.Contains(name))
        {
            runs.Break();
        }

        if (endTag)
        {
            if (s_skipped.Contains(name) && skipDepth > 0)
            {
                skipDepth--;
            }

            return i;
        }

        if (selfClosing)
        {
            return i;
        }

        if (s_rawText.Contains(name))
        {
            return RawTextEnd(text, i, end, name);
        }

        if (s_skipped.Contains(name))
        {
            skipDepth++;
        }

        return i;
    }

    /// <summary>Skips the attributes of a tag up to and including its '&gt;'; adds text attribute values to <paramref name="attributes"/>.</summary>
    internal static int SkipAttributes(string text, int i, int end, TextRunList? attributes, out bool selfClosing, MarkdownAnchors? anchors = null)
    {
        selfClosing = false;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end)
            {
                return end;
            }

            char c = text[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c == '/')
            {
                if (i + 1 < end && text[i + 1] == '>')
                {
                    selfClosing = true;
                    return i + 2;
                }

                i++;
                continue;
            }

            int nameStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != '=' && text[i] != '>' && (text[i] != '/' || i == nameStart))
            {
                i++;
            }

            ReadOnlySpan<char> attributeName = text.AsSpan(nameStart, i - nameStart);
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end || text[i] != '=')
            {
                continue;
            }

            i++;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int valueStart;
            int valueEnd;
            if (i < end && (text[i] == '"' || text[i] == '\''))
            {
                valueStart = i + 1;
                int close = text.IndexOf(text[i], valueStart, end - valueStart);
                valueEnd = close < 0 ? end : close;
                i = close < 0 ? end : close + 1;
            }
            else
            {
                valueStart = i;
                while (i < end && !char.IsWhiteSpace(text[i]) && text[i] != '>')
                {
                    i++;
                }

                valueEnd = i;
            }

            if (anchors is not null)
            {
                Anchor(text, attributeName, valueStart, valueEnd, anchors);
            }

            if (attributes is not null && s_textAttributes.Contains(attributeName))
            {
                Entities.AddText(text, valueStart, valueEnd, attributes);
                attributes.Break();
            }
        }
    }

    /// <summary>Records an <c>id</c> or <c>name</c> (an anchor others may link to) and an <c>href</c> that may name one.</summary>
    private static void Anchor(string text, ReadOnlySpan<char> attribute, int valueStart, int valueEnd, MarkdownAnchors anchors)
    {
        if (attribute.Equals("id", StringComparison.OrdinalIgnoreCase) || attribute.Equals("name", StringComparison.OrdinalIgnoreCase))
        {
            anchors.AddId(text.AsSpan(valueStart, valueEnd - valueStart));
        }
        else if (attribute.Equals("href", StringComparison.OrdinalIgnoreCase))
        {
            anchors.AddDestination(text, valueStart, valueEnd);
        }
    }

    /// <summary>The start of the end tag that closes a raw text element (script, style), or <paramref name="end"/>.</summary>
    private static int RawTextEnd(string text, int i, int end, ReadOnlySpan<char> name)
    {
        while (i < end)
        {
            int close = text.IndexOf("</", i, end - i, StringComparison.Ordinal);
            if (close < 0)
            {
                return end;
            }

            int nameStart = close + 2;
            if (nameStart + name.Length <= end
                && text.AsSpan(nameStart, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (nameStart + name.Length == end || !IsNameChar(text[nameStart + name.Length])))
            {
                return close;
            }

            i = close + 2;
        }

        return end;
    }

    /// <summary>Whether the content of the element <paramref name="name"/> is kept: code, pre, kbd, samp, var, script, style.</summary>
    internal static bool IsKeptElement(ReadOnlySpan<char> name) => s_skipped.Contains(name) || s_rawText.Contains(name);

    internal static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '_' or '.';

    /// <summary>The index after the next <paramref name="terminator"/> at or after <paramref name="from"/>, or <paramref name="end"/>.</summary>
    internal static int After(string text, int from, int end, string terminator)
    {
        if (from >= end)
        {
            return end;
        }

        int index = text.IndexOf(terminator, from, end - from, StringComparison.Ordinal);
        return index < 0 ? end : index + terminator.Length;
    }
}
