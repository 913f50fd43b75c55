namespace TextRepair.Documents;

/// <summary>
/// Gettext PO/POT: the strings of <c>msgstr</c> and <c>msgstr[N]</c> are converted, joined across their continuation
/// lines (a phrase split over two quoted lines converts as one); escapes such as <c>\n</c> and <c>\"</c> end the group.
/// <c>msgid</c>, <c>msgid_plural</c>, <c>msgctxt</c>, comments, flags, obsolete entries (<c>#~</c>) and the header
/// entry (empty <c>msgid</c>, which holds metadata) are never touched. A line that is none of these is reported as
/// <see cref="InvalidDataException"/> with its number. Stateless.
/// </summary>
internal static class PoScanner
{
    private enum Keyword
    {
        None,
        Context,
        Id,
        Str,
    }

    public static void Scan(string text, TextRunList runs)
    {
        int pos = 0;
        int lineNumber = 0;
        Keyword current = Keyword.None;
        bool idHasText = false;
        bool hasContext = false;
        while (pos < text.Length)
        {
            lineNumber++;
            int newline = text.IndexOf('\n', pos);
            int next = newline < 0 ? text.Length : newline + 1;
            int lineEnd = newline < 0 ? text.Length : newline;
            int first = pos;
            while (first < lineEnd && (char.IsWhiteSpace(text[first]) || text[first] == '\uFEFF'))
            {
                first++;
            }

            ReadOnlySpan<char> line = text.AsSpan(first, lineEnd - first);
            int quote = -1;
            if (line.IsEmpty)
            {
                runs.Break();
                current = Keyword.None;
            }
            else if (line[0] == '#')
            {
                runs.Break();
            }
            else if (line[0] == '"')
            {
                if (current == Keyword.None)
                {
                    throw Invalid(lineNumber, "a string outside any msgid or msgstr");
                }

                quote = first;
            }
            else
            {
                if (line.StartsWith("msgctxt", StringComparison.Ordinal))
                {
                    if (current == Keyword.Str)
                    {
                        idHasText = false;
                    }

                    current = Keyword.Context;
                    hasContext = true;
                }
                else if (line.StartsWith("msgid", StringComparison.Ordinal))
                {
                    if (current != Keyword.Context && !line.StartsWith("msgid_plural", StringComparison.Ordinal))
                    {
                        hasContext = false;
                        idHasText = false;
                    }

                    current = Keyword.Id;
                }
                else if (line.StartsWith("msgstr", StringComparison.Ordinal))
                {
                    current = Keyword.Str;
                }
                else
                {
                    throw Invalid(lineNumber, "not a PO keyword, string or comment");
                }

                runs.Break();
                quote = text.IndexOf('"', first, lineEnd - first);
                if (quote < 0)
                {
                    throw Invalid(lineNumber, "a keyword without its string");
                }
            }

            if (quote >= 0)
            {
                int close = text.LastIndexOf('"', lineEnd - 1, lineEnd - quote);
                if (close <= quote)
                {
                    throw Invalid(lineNumber, "an unterminated string");
                }

                if (current == Keyword.Id && close > quote + 1)
                {
                    idHasText = true;
                }
                else if (current == Keyword.Str && (idHasText || hasContext))
                {
                    runs.AddBrokenAtEscapes(text, quote + 1, close);
                }
            }

            pos = next;
        }

        runs.Break();
    }

    private static InvalidDataException Invalid(int line, string what) =>
        new($"not a valid PO file: line {line}: {what}");
}
