namespace TextRepair.Documents;

/// <summary>
/// Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa): the Text field of <c>Dialogue:</c> lines in the
/// <c>[Events]</c> section is converted (its position comes from the section's <c>Format:</c> line; Text is the last
/// field and may contain commas), and the values of the human-readable fields of <c>[Script Info]</c> (the title and
/// credits, <see cref="s_textFields"/>). The other header fields (ScriptType, PlayResX, WrapStyle, Synch Point, ...),
/// <c>;</c> comments, styles, names and effects, <c>Comment:</c> lines, <c>{\override}</c> blocks (kept without ending
/// the group) and the escapes <c>\N</c>, <c>\n</c>, <c>\h</c> (which end it) are never touched.
/// </summary>
internal static class AssScanner
{
    // Format of [Events] in ASS v4.00+ when no Format: line precedes the first Dialogue: line: Layer, Start, End,
    // Style, Name, MarginL, MarginR, MarginV, Effect, Text.
    private const int DefaultTextField = 9;

    // The [Script Info] fields whose value is free text a person wrote, from the SSA v4.00 specification (section 3,
    // "The [Script Info] section"): the title and the credits. Every other field is a number, a version, a time or a
    // keyword a player reads (session 41: they were left garbled while the dialogue was repaired).
    private static readonly string[] s_textFields =
    [
        "Title", "Original Script", "Original Translation", "Original Editing", "Original Timing", "Script Updated By", "Update Details",
    ];

    public static void Scan(string text, TextRunList runs)
    {
        int pos = 0;
        bool events = false;
        bool info = false;
        bool sections = false;
        int textField = DefaultTextField;
        while (pos < text.Length)
        {
            int newline = text.IndexOf('\n', pos);
            int next = newline < 0 ? text.Length : newline + 1;
            int lineEnd = newline < 0 ? text.Length : newline;
            if (lineEnd > pos && text[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            ReadOnlySpan<char> line = text.AsSpan(pos, lineEnd - pos).TrimStart('\uFEFF');
            if (line.StartsWith('['))
            {
                sections = true;
                events = line.TrimEnd().Equals("[Events]", StringComparison.OrdinalIgnoreCase);
                info = line.TrimEnd().Equals("[Script Info]", StringComparison.OrdinalIgnoreCase);
            }
            else if (info && TextFieldValue(line) is int value and >= 0)
            {
                int start = lineEnd - line.Length + value;
                runs.Add(start, lineEnd - start);
                runs.Break();
            }
            else if (events && line.StartsWith("Format:", StringComparison.OrdinalIgnoreCase))
            {
                textField = FieldIndex(line["Format:".Length..], "Text");
            }
            else if (events && line.StartsWith("Dialogue:", StringComparison.OrdinalIgnoreCase) && textField >= 0)
            {
                int i = pos + (lineEnd - pos - line.Length) + "Dialogue:".Length;
                for (int field = 0; field < textField && i >= 0; field++)
                {
                    int comma = text.IndexOf(',', i, lineEnd - i);
                    i = comma < 0 ? -1 : comma + 1;
                }

                if (i >= 0)
                {
                    Field(text, i, lineEnd, runs);
                    runs.Break();
                }
            }

            pos = next;
        }

        if (!sections)
        {
            throw new InvalidDataException("not an ASS/SSA file: no [Script Info] or [Events] section");
        }

        runs.Break();
    }

    /// <summary>Where the value of a free-text <c>[Script Info]</c> field starts in <paramref name="line"/> (after the colon and spaces), or -1.</summary>
    private static int TextFieldValue(ReadOnlySpan<char> line)
    {
        int colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return -1;
        }

        ReadOnlySpan<char> key = line[..colon].Trim();
        foreach (string field in s_textFields)
        {
            if (key.Equals(field, StringComparison.OrdinalIgnoreCase))
            {
                int value = colon + 1;
                while (value < line.Length && line[value] is ' ' or '\t')
                {
                    value++;
                }

                return value;
            }
        }

        return -1;
    }

    private static int FieldIndex(ReadOnlySpan<char> format, string name)
    {
        int index = 0;
        foreach (Range range in format.Split(','))
        {
            if (format[range].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    private static void Field(string text, int start, int end, TextRunList runs)
    {
        int i = start;
        int textStart = start;
        while (i < end)
        {
            char c = text[i];
            if (c == '{')
            {
                int close = text.IndexOf('}', i + 1, end - i - 1);
                if (close > 0)
                {
                    runs.Add(textStart, i - textStart);
                    i = textStart = close + 1;
                    continue;
                }
            }
            else if (c == '\\' && i + 1 < end && text[i + 1] is 'N' or 'n' or 'h')
            {
                runs.Add(textStart, i - textStart);
                runs.Break();
                i = textStart = i + 2;
                continue;
            }

            i++;
        }

        runs.Add(textStart, end - textStart);
    }
}
