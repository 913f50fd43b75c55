using System.Text;

namespace TextRepair.Documents;

/// <summary>The leaf blocks of <see cref="MarkdownScanner"/> that are kept or scanned as another format: HTML blocks and link reference definitions.</summary>
internal static partial class MarkdownScanner
{
    // CommonMark 0.31, 4.6 condition 6: the block-level tag names that start an HTML block.
    private static readonly NameSet s_blockTags = new(
        true, "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
        "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main",
        "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul");

    private static readonly NameSet s_rawBlockTags = new(true, "script", "pre", "style", "textarea");

    private static readonly NameSet s_inlineTags = new(
        true, "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var");

    public static bool IsInlineTag(ReadOnlySpan<char> name) => s_inlineTags.Contains(name);

    /// <summary>When an HTML block starts at <paramref name="first"/>, the index after it (CommonMark 4.6); otherwise 0.</summary>
    private static int HtmlBlockEnd(string text, int first, int lineEnd, bool inParagraph)
    {
        if (first + 1 >= lineEnd || text[first] != '<')
        {
            return 0;
        }

        ReadOnlySpan<char> line = text.AsSpan(first, lineEnd - first);
        if (line.StartsWith("<!--", StringComparison.Ordinal))
        {
            return LineAfter(text, first, "-->");
        }

        if (line.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return LineAfter(text, first, "]]>");
        }

        if (line.StartsWith("<?", StringComparison.Ordinal))
        {
            return LineAfter(text, first, "?>");
        }

        if (line.Length > 2 && line[1] == '!' && char.IsAsciiLetter(line[2]))
        {
            return LineAfter(text, first, ">");
        }

        bool endTag = line[1] == '/';
        int nameStart = endTag ? 2 : 1;
        int nameEnd = nameStart;
        while (nameEnd < line.Length && char.IsAsciiLetterOrDigit(line[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == nameStart)
        {
            return 0;
        }

        ReadOnlySpan<char> name = line[nameStart..nameEnd];
        bool delimited = nameEnd == line.Length || char.IsWhiteSpace(line[nameEnd]) || line[nameEnd] == '>' || line[nameEnd..].StartsWith("/>", StringComparison.Ordinal);
        if (!endTag && delimited && s_rawBlockTags.Contains(name))
        {
            int end = 0;
            foreach (string closer in (ReadOnlySpan<string>)["</script>", "</pre>", "</style>", "</textarea>"])
            {
                int index = text.IndexOf(closer, first, StringComparison.OrdinalIgnoreCase);
                if (index >= 0 && (end == 0 || index < end))
                {
                    end = index;
                }
            }

            return end == 0 ? text.Length : LineAfter(text, end, ">");
        }

        if (delimited && s_blockTags.Contains(name))
        {
            return BeforeBlankLine(text, lineEnd);
        }

        // Condition 7: a complete tag alone on its line, which cannot interrupt a paragraph.
        if (!inParagraph && !s_rawBlockTags.Contains(name))
        {
            int after = HtmlScanner.SkipAttributes(text, first + nameEnd, lineEnd, null, out _);
            if (after <= lineEnd && text[after - 1] == '>' && text.AsSpan(after, lineEnd - after).IsWhiteSpace())
            {
                return BeforeBlankLine(text, lineEnd);
            }
        }

        return 0;
    }

    /// <summary>The start of the line after the one holding <paramref name="marker"/> (searched from <paramref name="from"/>).</summary>
    private static int LineAfter(string text, int from, string marker)
    {
        int index = text.IndexOf(marker, from, StringComparison.Ordinal);
        if (index < 0)
        {
            return text.Length;
        }

        int newline = text.IndexOf('\n', index + marker.Length);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>The start of the first blank line after <paramref name="lineEnd"/>, or the end of the text.</summary>
    private static int BeforeBlankLine(string text, int lineEnd)
    {
        int pos = lineEnd;
        while (pos < text.Length)
        {
            int lineStart = text.IndexOf('\n', pos);
            if (lineStart < 0)
            {
                return text.Length;
            }

            lineStart++;
            int newline = text.IndexOf('\n', lineStart);
            int end = newline < 0 ? text.Length : newline;
            if (text.AsSpan(lineStart, end - lineStart).IsWhiteSpace())
            {
                return lineStart;
            }

            pos = end;
        }

        return text.Length;
    }

    private static bool IsReferenceDefinition(string text, int first, int end)
    {
        if (text[first] != '[')
        {
            return false;
        }

        int close = text.IndexOf("]:", first, end - first, StringComparison.Ordinal);
        return close > first + 1;
    }

    /// <summary>
    /// The index after the "]:" of a GFM footnote definition label at <paramref name="first"/> (<c>[^label]:</c>, the
    /// label without spaces, tabs or ']', as cmark-gfm scans it), or 0.
    /// </summary>
    private static int FootnoteLabelEnd(string text, int first, int end)
    {
        // The shortest is "[^a]:".
        if (end - first < 5 || text[first] != '[' || text[first + 1] != '^')
        {
            return 0;
        }

        int j = first + 2;
        while (j < end && text[j] is not (']' or ' ' or '\t'))
        {
            j++;
        }

        return j > first + 2 && j + 1 < end && text[j] == ']' && text[j + 1] == ':' ? j + 2 : 0;
    }

    /// <summary>Skips block quote markers ('&gt;' after up to three spaces, and one space after it).</summary>
    private static int SkipContainers(string text, int i, int end)
    {
        while (true)
        {
            int j = i;
            while (j < end && j - i < CodeIndent - 1 && text[j] == ' ')
            {
                j++;
            }

            if (j >= end || text[j] != '>')
            {
                return i;
            }

            i = j + 1;
            if (i < end && text[i] == ' ')
            {
                i++;
            }
        }
    }

    /// <summary>The labels of all link reference definitions, normalised as CommonMark matches them.</summary>
    private static HashSet<string> ReferenceLabels(string text)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        int pos = 0;
        while (pos < text.Length)
        {
            int bracket = text.IndexOf("]:", pos, StringComparison.Ordinal);
            if (bracket < 0)
            {
                break;
            }

            int lineStart = text.LastIndexOf('\n', bracket) + 1;
            int first = SkipContainers(text, lineStart, bracket);
            Indentation(text, new Cursor(first, 0), bracket, out Cursor label);
            first = label.Index;
            if (text[first] == '[' && bracket > first + 1)
            {
                labels.Add(NormalizeLabel(text.AsSpan(first + 1, bracket - first - 1)));
            }

            // A definition's label ends at the first "]:" of its line; reading on from the next line keeps a line of
            // many "]:" linear.
            int lineEnd = text.IndexOf('\n', bracket);
            pos = lineEnd < 0 ? text.Length : lineEnd + 1;
        }

        return labels;
    }

    /// <summary>Case-folded, with runs of white space collapsed to one space and trimmed (CommonMark label matching).</summary>
    public static string NormalizeLabel(ReadOnlySpan<char> label)
    {
        var builder = new StringBuilder(label.Length);
        bool space = false;
        foreach (char c in label.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
