namespace TextRepair.Documents;

/// <summary>The shapes of a Markdown line the block scanner recognises: fences, thematic breaks, list markers, headings (see <see cref="MarkdownScanner"/>).</summary>
internal static partial class MarkdownScanner
{
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

    /// <summary>A closing fence: indented at most three columns, at least as long as the opening one, of the same character, nothing after it but spaces.</summary>
    private static bool ClosesFence(string text, Cursor at, int end, char fence, int length)
    {
        if (Indentation(text, at, end, out Cursor first) >= CodeIndent)
        {
            return false;
        }

        int run = RunOf(text, first.Index, end, fence);
        return run >= length && text.AsSpan(first.Index + run, end - first.Index - run).IsWhiteSpace();
    }

    /// <summary>Three or more '-', '*' or '_' (the same one) with nothing else but spaces and tabs (CommonMark 4.1).</summary>
    private static bool IsThematicBreak(string text, int first, int end)
    {
        char c = text[first];
        if (c is not ('-' or '*' or '_'))
        {
            return false;
        }

        int count = 0;
        for (int j = first; j < end; j++)
        {
            if (text[j] == c)
            {
                count++;
            }
            else if (text[j] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return count >= 3;
    }

    /// <summary>A list marker (<c>-</c>, <c>+</c>, <c>*</c>, <c>1.</c>, <c>1)</c>) followed by a space, a tab or the line end.</summary>
    private static bool ListMarker(string text, int first, int end, out int markerEnd, out bool startsAtOne, out bool ordered)
    {
        int i = first;
        ordered = false;
        startsAtOne = false;
        if (text[i] is '-' or '+' or '*')
        {
            i++;
        }
        else
        {
            while (i < end && i - first < MaxOrderedDigits && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == first || i >= end || text[i] is not ('.' or ')'))
            {
                markerEnd = first;
                return false;
            }

            ordered = true;
            startsAtOne = int.Parse(text.AsSpan(first, i - first), provider: System.Globalization.CultureInfo.InvariantCulture) == 1;
            i++;
        }

        markerEnd = i;
        return i == end || text[i] == ' ' || text[i] == '\t';
    }

    private static int HeadingMarker(string text, int i, int end, out bool heading)
    {
        int hashes = RunOf(text, i, end, '#');
        heading = hashes is >= 1 and <= 6 && (i + hashes == end || text[i + hashes] is ' ' or '\t');
        return heading ? i + hashes : i;
    }
}
