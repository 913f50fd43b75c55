namespace TextRepair.Documents;

/// <summary>
/// Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa): only the Text field of <c>Dialogue:</c> lines in the
/// <c>[Events]</c> section is converted (its position comes from the section's <c>Format:</c> line; Text is the last
/// field and may contain commas). The header, styles, names and effects, <c>Comment:</c> lines, <c>{\override}</c>
/// blocks (kept without ending the group) and the escapes <c>\N</c>, <c>\n</c>, <c>\h</c> (which end it) are never touched.
/// </summary>
internal static class AssScanner
{
    // Format of [Events] in ASS v4.00+ when no Format: line precedes the first Dialogue: line: Layer, Start, End,
    // Style, Name, MarginL, MarginR, MarginV, Effect, Text.
    private const int DefaultTextField = 9;

    public static void Scan(string text, TextRunList runs)
    {
        int pos = 0;
        bool events = false;
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
