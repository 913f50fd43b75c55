using System.Text;

namespace TextRepair.Documents;

/// <summary>
/// Finds the visible text of a CommonMark + GFM document, line by line. Block structure recognised: front matter
/// (<see cref="FrontMatter"/>), fenced and indented code blocks (never touched), HTML blocks (scanned as HTML: tags
/// kept, text converted), link reference definitions (kept), block quote and list markers, ATX headings; every other
/// line is inline content (<see cref="MarkdownInline"/>), which covers paragraphs, setext headings and table rows
/// (a pipe ends a cell's group). A scanner rather than a full parser: where CommonMark is ambiguous it leans towards
/// leaving text alone (an indented line that might be code is not converted). Stateless.
/// </summary>
internal static class MarkdownScanner
{
    // CommonMark: up to three spaces of indentation still start a block; four make an indented code block.
    private const int CodeIndent = 4;

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

    public static void Scan(string text, TextRunList runs, TextRunList side)
    {
        var inline = new MarkdownInline(text, ReferenceLabels(text), runs, side);
        int pos = FrontMatter.Scan(text, runs);
        char fence = '\0';
        int fenceLength = 0;
        bool previousBlank = true;
        bool inParagraph = false;
        bool inIndentedCode = false;
        bool inList = false;
        while (pos < text.Length)
        {
            int newline = text.IndexOf('\n', pos);
            int next = newline < 0 ? text.Length : newline + 1;
            int lineEnd = newline < 0 ? text.Length : newline;
            if (lineEnd > pos && text[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            int content = SkipContainers(text, pos, lineEnd);
            int indent = Indentation(text, content, lineEnd, out int first);
            bool blank = first == lineEnd;
            runs.Break();
            if (fence != '\0')
            {
                if (RunOf(text, first, lineEnd, fence) >= fenceLength && text.AsSpan(first, lineEnd - first).Trim(fence).IsWhiteSpace())
                {
                    fence = '\0';
                }
            }
            else if (blank)
            {
                inParagraph = false;
            }
            else if (indent >= CodeIndent && !inParagraph && !inList && (previousBlank || inIndentedCode))
            {
                inIndentedCode = true;
            }
            else if (OpensFence(text, first, lineEnd, out fence, out fenceLength))
            {
                inParagraph = false;
            }
            else if (indent < CodeIndent && HtmlBlockEnd(text, first, lineEnd, inParagraph) is int blockEnd and > 0)
            {
                HtmlScanner.Scan(text, pos, blockEnd, runs, side);
                runs.Break();
                next = blockEnd;
                inParagraph = false;
            }
            else if (indent < CodeIndent && !inParagraph && IsReferenceDefinition(text, first, lineEnd))
            {
                // Kept whole: the label must keep matching its uses, the destination is a URL.
            }
            else
            {
                int start = ListMarker(text, first, lineEnd, out bool listItem);
                if (listItem)
                {
                    inList = true;
                }
                else if (previousBlank && indent == 0)
                {
                    inList = false;
                }

                start = HeadingMarker(text, start, lineEnd, out bool heading);
                inline.Scan(start, lineEnd);
                inParagraph = !heading;
            }

            if (!blank && indent < CodeIndent)
            {
                inIndentedCode = false;
            }

            previousBlank = blank;
            pos = next;
        }

        runs.Break();
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

    /// <summary>Columns of indentation (a tab counts as four) and the first character that is not a space or tab.</summary>
    private static int Indentation(string text, int i, int end, out int first)
    {
        int columns = 0;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            columns += text[i] == '\t' ? CodeIndent : 1;
            i++;
        }

        first = i;
        return columns;
    }

    private static int RunOf(string text, int i, int end, char c)
    {
        int j = i;
        while (j < end && text[j] == c)
        {
            j++;
        }

        return j - i;
    }

    private static bool OpensFence(string text, int first, int end, out char fence, out int length)
    {
        fence = '\0';
        length = 0;
        if (first >= end || (text[first] != '`' && text[first] != '~'))
        {
            return false;
        }

        int run = RunOf(text, first, end, text[first]);
        if (run < 3 || (text[first] == '`' && text.AsSpan(first + run, end - first - run).Contains('`')))
        {
            return false;
        }

        fence = text[first];
        length = run;
        return true;
    }

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

    /// <summary>Skips a list marker (<c>-</c>, <c>+</c>, <c>*</c>, <c>1.</c>, <c>1)</c>) and a task box; returns the content start.</summary>
    private static int ListMarker(string text, int first, int end, out bool listItem)
    {
        listItem = false;
        int i = first;
        if (i < end && text[i] is '-' or '+' or '*')
        {
            i++;
        }
        else
        {
            while (i < end && i - first < 9 && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == first || i >= end || text[i] is not ('.' or ')'))
            {
                return first;
            }

            i++;
        }

        if (i < end && text[i] != ' ' && text[i] != '\t')
        {
            return first;
        }

        listItem = true;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (end - i >= 3 && text[i] == '[' && text[i + 2] == ']' && text[i + 1] is ' ' or 'x' or 'X')
        {
            i += 3;
        }

        return i;
    }

    private static int HeadingMarker(string text, int i, int end, out bool heading)
    {
        int hashes = RunOf(text, i, end, '#');
        heading = hashes is >= 1 and <= 6 && (i + hashes == end || text[i + hashes] is ' ' or '\t');
        return heading ? i + hashes : i;
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
            Indentation(text, first, bracket, out first);
            if (text[first] == '[' && bracket > first + 1)
            {
                labels.Add(NormalizeLabel(text.AsSpan(first + 1, bracket - first - 1)));
            }

            pos = bracket + 2;
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
