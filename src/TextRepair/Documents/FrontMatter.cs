namespace TextRepair.Documents;

/// <summary>
/// Front matter at the very start of a Markdown document: YAML between <c>---</c> lines (closed by <c>---</c> or
/// <c>...</c>) or TOML between <c>+++</c> lines. Keys, comments, section headers and the fences are never touched;
/// values are converted (a quoted value between its quotes, breaking at backslash escapes). A line without a key is
/// a value (a list item after <c>- </c>, or a line of a block scalar). Stateless.
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
        while (pos < end)
        {
            int newline = text.IndexOf('\n', pos);
            int lineEnd = newline < 0 || newline > end ? end : newline;
            int contentEnd = lineEnd > pos && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            Line(text, pos, contentEnd, toml, runs);
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

    private static void Line(string text, int start, int end, bool toml, TextRunList runs)
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

        if (!toml && end - i >= 2 && text[i] == '-' && text[i + 1] == ' ')
        {
            i += 2;
        }

        int separator = toml
            ? text.IndexOf('=', i, end - i)
            : IndexOfYamlColon(text, i, end);
        if (separator >= 0)
        {
            i = separator + 1;
        }

        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i < end && (text[i] == '"' || text[i] == '\''))
        {
            int close = text.LastIndexOf(text[i], end - 1, end - i - 1);
            int valueEnd = close > i ? close : end;
            AddEscaped(text, i + 1, valueEnd, runs);
            return;
        }

        AddEscaped(text, i, end, runs);
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

    private static void AddEscaped(string text, int start, int end, TextRunList runs)
    {
        int i = start;
        while (i < end)
        {
            int slash = text.IndexOf('\\', i, end - i);
            if (slash < 0)
            {
                runs.Add(i, end - i);
                return;
            }

            runs.Add(i, slash - i);
            runs.Break();
            i = slash + 2;
        }
    }
}
