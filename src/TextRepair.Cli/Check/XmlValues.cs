using System.Globalization;

namespace TextRepair.Cli.Check;

/// <summary>
/// The text content of chosen XML elements (RESX <c>value</c>, Android <c>string</c> / <c>item</c>), with file
/// offsets: entities and character references decoded, CDATA kept, inner markup (<c>&lt;xliff:g&gt;</c>) skipped,
/// comments skipped. Android backslash escapes (<c>\n</c>, <c>\'</c>, <c>\u8F6F</c>) are decoded in Android files.
/// </summary>
internal static class XmlValues
{
    public static LocalizationText.Builder Extract(string file, string[] elements, LocalizationText.Builder builder)
    {
        bool android = elements.Contains("string");
        int i = 0;
        while (i < file.Length)
        {
            int open = file.IndexOf('<', i);
            if (open < 0)
            {
                break;
            }

            if (string.CompareOrdinal(file, open, "<!--", 0, 4) == 0)
            {
                int close = file.IndexOf("-->", open + 4, StringComparison.Ordinal);
                i = close < 0 ? file.Length : close + 3;
                continue;
            }

            int tagEnd = file.IndexOf('>', open);
            if (tagEnd < 0)
            {
                throw new FormatException($"unterminated tag at offset {open}");
            }

            string name = TagName(file, open + 1);
            i = tagEnd + 1;
            if (!elements.Contains(name) || file[tagEnd - 1] == '/')
            {
                continue;
            }

            i = Content(file, i, name, android, builder);
            builder.EndValue();
        }

        return builder;
    }

    private static string TagName(string file, int start)
    {
        int end = start;
        while (end < file.Length && !char.IsWhiteSpace(file[end]) && file[end] is not ('>' or '/'))
        {
            end++;
        }

        return file[start..end];
    }

    // Reads up to the closing tag of 'name'; returns the index after it.
    private static int Content(string file, int i, string name, bool android, LocalizationText.Builder builder)
    {
        string close = "</" + name;
        while (i < file.Length)
        {
            char c = file[i];
            if (c == '<')
            {
                if (string.CompareOrdinal(file, i, close, 0, close.Length) == 0)
                {
                    int end = file.IndexOf('>', i);
                    return end < 0 ? file.Length : end + 1;
                }

                if (string.CompareOrdinal(file, i, "<![CDATA[", 0, 9) == 0)
                {
                    int end = file.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                    end = end < 0 ? file.Length : end;
                    for (int k = i + 9; k < end; k++)
                    {
                        builder.Append(file[k], k);
                    }

                    i = end + 3;
                    continue;
                }

                int tagEnd = file.IndexOf('>', i);
                i = tagEnd < 0 ? file.Length : tagEnd + 1;
                continue;
            }

            if (c == '&')
            {
                int semicolon = file.IndexOf(';', i);
                if (semicolon > i && semicolon - i <= 10 && TryEntity(file.AsSpan(i + 1, semicolon - i - 1), out char decoded))
                {
                    builder.Append(decoded, i);
                    i = semicolon + 1;
                    continue;
                }
            }

            if (android && c == '\\' && i + 1 < file.Length)
            {
                char e = file[i + 1];
                if (e == 'u' && i + 6 <= file.Length && int.TryParse(file.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                {
                    builder.Append((char)code, i);
                    i += 6;
                    continue;
                }

                builder.Append(e switch { 'n' => '\n', 't' => '\t', _ => e }, i);
                i += 2;
                continue;
            }

            builder.Append(c, i);
            i++;
        }

        throw new FormatException($"element <{name}> is not closed");
    }

    private static bool TryEntity(ReadOnlySpan<char> entity, out char decoded)
    {
        decoded = entity switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => '\0',
        };
        if (decoded != '\0')
        {
            return true;
        }

        if (entity.Length > 1 && entity[0] == '#')
        {
            bool hex = entity[1] is 'x' or 'X';
            if (int.TryParse(hex ? entity[2..] : entity[1..], hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                && code is > 0 and < 0x10000)
            {
                decoded = (char)code;
                return true;
            }
        }

        return false;
    }
}
