namespace TextRepair.Documents;

/// <summary>
/// Front matter at the very start of a Markdown document: YAML between <c>---</c> lines (closed by <c>---</c> or
/// <c>...</c>) or TOML between <c>+++</c> lines. Keys, comments, section headers and the fences are never touched;
/// values are converted (a quoted value between its quotes, breaking at backslash escapes). A line without a key is
/// a value (a list item after <c>- </c>, or a line of a block scalar). Values that name a URL or a file are kept byte
/// for byte, as link destinations are in the body (<see cref="FrontMatterValues"/>): every value of a key such as
/// <c>url</c>, <c>image</c>, <c>permalink</c> or <c>slug</c> (and the list items under it), any value shaped like a
/// URL or a path, and URLs inside a prose value. Stateless.
/// </summary>
internal static class FrontMatter
{
    /// <summary>Adds the values' text to <paramref name="runs"/>; returns the index after the front matter, or 0 when there is none.</summary>
    public static int Scan(string text, TextRunList runs)
    {
        string fence;
        if (text.StartsWith("---", StringComparison.Ordinal))
        {
            fence = "---";
        }
        else if (text.StartsWith("+++", StringComparison.Ordinal))
        {
            fence = "+++";
        }
        else
        {
            return 0;
        }

        int firstLineEnd = text.IndexOf('\n');
        if (firstLineEnd < 0 || !text.AsSpan(3, firstLineEnd - 3).IsWhiteSpace())
        {
            return 0;
        }

        bool toml = fence == "+++";
        int end = FindClose(text, firstLineEnd + 1, toml, out int after);
        if (end < 0)
        {
            return 0;
        }

        int pos = firstLineEnd + 1;
        bool listOfLinks = false;
        while (pos < end)
        {
            int newline = text.IndexOf('\n', pos);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            int contentEnd = lineEnd > pos && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            Line(text, pos, contentEnd, toml, runs, ref listOfLinks);
            runs.Break();
            pos = lineEnd + 1;
        }

        return after;
    }

    private static int FindClose(string text, int pos, bool toml, out int after)
    {
        while (pos < text.Length)
        {
            int newline = text.IndexOf('\n', pos);
            int lineEnd = newline < 0 ? text.Length : newline;
            ReadOnlySpan<char> line = text.AsSpan(pos, lineEnd - pos).TrimEnd();
            if (toml ? line.SequenceEqual("+++") : line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                after = newline < 0 ? text.Length : newline + 1;
                return pos;
            }

            pos = lineEnd + 1;
        }

        after = 0;
        return -1;
    }

    /// <summary>One line of front matter; <c>listOfLinks</c> says the last key names links and had no value, so the list items under it are kept.</summary>
    private static void Line(string text, int start, int end, bool toml, TextRunList runs, ref bool listOfLinks)
    {
        int i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i >= end || text[i] == '#' || (toml && text[i] == '['))
        {
            return;
        }

        bool listItem = false;
        if (!toml && end - i >= 2 && text[i] == '-' && text[i + 1] == ' ')
        {
            i += 2;
            listItem = true;
        }

        int separator = toml
            ? text.IndexOf('=', i, end - i)
            : IndexOfYamlColon(text, i, end);
        bool keepAll = listItem && listOfLinks;
        if (separator >= 0)
        {
            keepAll = FrontMatterValues.NamesLink(text.AsSpan(i, separator - i));
            i = separator + 1;
        }

        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (separator >= 0)
        {
            // A key without a value on its line opens a list or block; a key with one ends the previous list.
            listOfLinks = keepAll && text.AsSpan(i, end - i).TrimEnd().IsEmpty;
        }

        int valueStart = i;
        int valueEnd = end;
        if (i < end && (text[i] == '"' || text[i] == '\''))
        {
            int close = text.LastIndexOf(text[i], end - 1, end - i - 1);
            valueStart = i + 1;
            valueEnd = close > i ? close : end;
        }

        if (keepAll || FrontMatterValues.IsUrlOrPath(text.AsSpan(valueStart, valueEnd - valueStart).Trim()))
        {
            return;
        }

        FrontMatterValues.AddProse(text, valueStart, valueEnd, runs);
    }

    /// <summary>A YAML mapping colon: followed by a space or the end of the line, outside quotes.</summary>
    private static int IndexOfYamlColon(string text, int i, int end)
    {
        if (text[i] is '"' or '\'')
        {
            return -1;
        }

        for (int j = i; j < end; j++)
        {
            if (text[j] == ':' && (j + 1 == end || text[j + 1] == ' ' || text[j + 1] == '\t'))
            {
                return j;
            }
        }

        return -1;
    }
}
