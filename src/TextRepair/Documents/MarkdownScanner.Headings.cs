namespace TextRepair.Documents;

/// <summary>Headings and link reference destinations, as <see cref="MarkdownAnchors"/> needs them (see <see cref="MarkdownScanner"/>).</summary>
internal static partial class MarkdownScanner
{
    /// <summary>
    /// The end of an ATX heading's text to scan, which starts at <paramref name="start"/>: before an attribute block
    /// naming an id (<c>{#install}</c>, Pandoc's and kramdown's syntax, kept as written) or the line end. The heading or
    /// its explicit id goes to <paramref name="anchors"/> when given.
    /// </summary>
    private static int HeadingContent(string text, int start, int end, MarkdownAnchors? anchors)
    {
        int last = TrimEnd(text, start, end);
        if (last > start && text[last - 1] == '}' && text.LastIndexOf('{', last - 1, last - start) is int open and >= 0
            && IdAttribute(text.AsSpan(open + 1, last - open - 2)) is { Length: > 0 } id)
        {
            anchors?.AddId(id);
            return open;
        }

        anchors?.AddHeading(start, end, atx: true);
        return end;
    }

    /// <summary>The id of an attribute block's content (<c>#id .class key=value</c>), or an empty span.</summary>
    private static ReadOnlySpan<char> IdAttribute(ReadOnlySpan<char> block)
    {
        if (block.ContainsAny('{', '}'))
        {
            return default;
        }

        foreach (Range token in block.SplitAny(" \t"))
        {
            ReadOnlySpan<char> part = block[token];
            if (part.Length > 1 && part[0] == '#')
            {
                return part[1..];
            }
        }

        return default;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return end;
    }

    /// <summary>A setext heading underline: '=' or '-' repeated, then nothing but spaces and tabs (CommonMark 4.3).</summary>
    private static bool IsSetextUnderline(string text, int first, int end)
    {
        char c = text[first];
        if (c is not ('=' or '-'))
        {
            return false;
        }

        int run = RunOf(text, first, end, c);
        return text.AsSpan(first + run, end - first - run).IsWhiteSpace();
    }

    /// <summary>Gives the destination of the link reference definition at <paramref name="first"/> to <paramref name="anchors"/>, when it is on the same line.</summary>
    private static void ReferenceDestination(string text, int first, int end, MarkdownAnchors anchors)
    {
        int j = text.IndexOf("]:", first, end - first, StringComparison.Ordinal) + 2;
        while (j < end && text[j] is ' ' or '\t')
        {
            j++;
        }

        if (j < end && text[j] == '<')
        {
            int close = text.IndexOf('>', j, end - j);
            if (close > 0)
            {
                anchors.AddDestination(text, j + 1, close);
            }

            return;
        }

        int destinationEnd = j;
        while (destinationEnd < end && !char.IsWhiteSpace(text[destinationEnd]))
        {
            destinationEnd++;
        }

        anchors.AddDestination(text, j, destinationEnd);
    }
}
