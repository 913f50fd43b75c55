namespace TextRepair.Documents;

/// <summary>
/// Which text of an XML part is converted: the text inside <see cref="Containers"/> elements (at any depth, so an
/// ODF <c>text:span</c> inside a <c>text:p</c> counts) and not inside <see cref="Excluded"/> elements. A group ends at
/// the start or end of a <see cref="Breaks"/> element (paragraphs, tabs, line breaks); other tags, such as Word's run
/// boundaries <c>&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;</c>, do not end it.
/// </summary>
internal sealed record XmlProfile(NameSet Containers, NameSet Breaks, NameSet Excluded);

/// <summary>
/// A small XML tokenizer over the original text: it locates text nodes and never rewrites anything, so every byte of
/// markup, whitespace, attribute quoting and character references stays as written (XmlReader/XmlWriter would not
/// give that). Reports malformed markup (an unterminated tag, comment or CDATA section) as <see cref="InvalidDataException"/>.
/// Stateless.
/// </summary>
internal static class XmlScanner
{
    public static void Scan(string text, XmlProfile profile, TextRunList runs)
    {
        int inside = 0;
        int excluded = 0;
        int i = 0;
        int end = text.Length;
        while (i < end)
        {
            int lt = text.IndexOf('<', i);
            int textEnd = lt < 0 ? end : lt;
            if (inside > 0 && excluded == 0)
            {
                Entities.AddText(text, i, textEnd, runs);
            }

            if (lt < 0)
            {
                break;
            }

            i = lt;
            ReadOnlySpan<char> rest = text.AsSpan(i);
            if (rest.StartsWith("<!--", StringComparison.Ordinal))
            {
                i = Expect(text, i + 4, "-->", "comment");
                continue;
            }

            if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
            {
                // A CDATA section is text written without escapes: inside a container it is converted with the text
                // around it (no conversion writes "]]>", which is ASCII).
                int close = Expect(text, i + 9, "]]>", "CDATA section");
                if (inside > 0 && excluded == 0)
                {
                    runs.Add(i + 9, close - 3 - (i + 9));
                }
                else
                {
                    runs.Break();
                }

                i = close;
                continue;
            }

            if (rest.StartsWith("<?", StringComparison.Ordinal))
            {
                i = Expect(text, i + 2, "?>", "processing instruction");
                continue;
            }

            if (rest.StartsWith("<!", StringComparison.Ordinal))
            {
                i = SkipDeclaration(text, i);
                continue;
            }

            bool endTag = rest.Length > 1 && rest[1] == '/';
            int nameStart = i + (endTag ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < end && HtmlScanner.IsNameChar(text[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                throw new InvalidDataException($"malformed XML: '<' not followed by a name at offset {i}");
            }

            ReadOnlySpan<char> name = text.AsSpan(nameStart, nameEnd - nameStart);
            int after = HtmlScanner.SkipAttributes(text, nameEnd, end, null, out bool selfClosing);
            if (after >= end && text[end - 1] != '>')
            {
                throw new InvalidDataException($"malformed XML: unterminated tag at offset {i}");
            }

            bool container = profile.Containers.Contains(name);
            if (profile.Breaks.Contains(name))
            {
                runs.Break();
            }

            if (!selfClosing)
            {
                int step = endTag ? -1 : 1;
                if (container)
                {
                    inside = Math.Max(0, inside + step);
                }

                if (profile.Excluded.Contains(name))
                {
                    excluded = Math.Max(0, excluded + step);
                }
            }

            i = after;
        }

        runs.Break();
    }

    private static int Expect(string text, int from, string terminator, string what)
    {
        int index = from <= text.Length ? text.IndexOf(terminator, from, StringComparison.Ordinal) : -1;
        if (index < 0)
        {
            throw new InvalidDataException($"malformed XML: unterminated {what} at offset {from}");
        }

        return index + terminator.Length;
    }

    /// <summary>Skips a <c>&lt;!DOCTYPE ...&gt;</c> declaration, including an internal subset in brackets.</summary>
    private static int SkipDeclaration(string text, int i)
    {
        int depth = 0;
        char quote = '\0';
        for (int j = i + 2; j < text.Length; j++)
        {
            char c = text[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (c == '>' && depth <= 0)
            {
                return j + 1;
            }
        }

        throw new InvalidDataException($"malformed XML: unterminated declaration at offset {i}");
    }
}
