using System.Text;

namespace TextRepair.Cli.Check;

/// <summary>
/// The translatable text of a file, as one string to check, with a map from each of its characters back to the
/// character of the file it came from. Plain text is the file itself; localisation files give their values, one per
/// line: PO <c>msgstr</c>, JSON string values, RESX <c>&lt;value&gt;</c>, Android <c>strings.xml</c>
/// <c>&lt;string&gt;</c> / <c>&lt;item&gt;</c>, Apple <c>.strings</c> values. Escapes (<c>\n</c>, <c>\u8F6F</c>,
/// <c>&amp;amp;</c>) are decoded; their characters map to the start of the escape.
/// </summary>
internal sealed class LocalizationText
{
    private LocalizationText(string text, int[]? map, string format)
    {
        Text = text;
        Map = map;
        Format = format;
    }

    /// <summary>The text to check.</summary>
    public string Text { get; }

    /// <summary>Offset in the file of each character of <see cref="Text"/>, or null when the text is the file.</summary>
    public int[]? Map { get; }

    /// <summary>Format name: text, po, json, resx, android, strings.</summary>
    public string Format { get; }

    /// <summary>The file offset of text index <paramref name="index"/>.</summary>
    public int ToFile(int index) => Map is null ? index : Map[Math.Min(index, Map.Length - 1)];

    /// <summary>True when the characters of <c>[start, start+length)</c> stand literally, unescaped, in the file.</summary>
    public bool IsLiteral(string file, int start, int length)
    {
        for (int k = 0; k < length; k++)
        {
            int at = ToFile(start + k);
            if (at >= file.Length || file[at] != Text[start + k] || (k > 0 && at != ToFile(start) + k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Plain text: the file itself.</summary>
    public static LocalizationText Plain(string file) => new(file, null, "text");

    /// <summary>
    /// True when a file of this name is checked as plain text whatever it holds (<see cref="From"/>: not a PO, JSON,
    /// RESX, XML or Apple strings file).
    /// </summary>
    public static bool IsPlainText(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is not (".po" or ".pot" or ".json" or ".resx" or ".xml" or ".strings");

    /// <summary>Extracts the text of <paramref name="file"/> by the format its name shows.</summary>
    /// <exception cref="FormatException">The file does not parse as its format.</exception>
    public static LocalizationText From(string path, string file)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        string extension = Path.GetExtension(name);
        return extension switch
        {
            ".po" or ".pot" => Po(file),
            ".json" => Json(file),
            ".resx" => Xml(file, "resx", ["value"]),
            ".xml" when file.Contains("<resources", StringComparison.Ordinal) => Xml(file, "android", ["string", "item"]),
            ".strings" => AppleStrings(file),
            _ => new LocalizationText(file, null, "text"),
        };
    }

    private static LocalizationText Po(string file)
    {
        var builder = new Builder();
        bool inMsgstr = false;
        int lineStart = 0;
        while (lineStart < file.Length)
        {
            int end = file.IndexOf('\n', lineStart);
            end = end < 0 ? file.Length : end;
            ReadOnlySpan<char> line = file.AsSpan(lineStart, end - lineStart).TrimEnd('\r');
            ReadOnlySpan<char> trimmed = line.TrimStart();
            int indent = line.Length - trimmed.Length;
            if (trimmed.StartsWith("msgstr"))
            {
                inMsgstr = true;
                builder.EndValue();
                int quote = trimmed.IndexOf('"');
                if (quote >= 0)
                {
                    builder.CString(file, lineStart + indent + quote);
                }
            }
            else if (inMsgstr && trimmed.StartsWith("\""))
            {
                builder.CString(file, lineStart + indent);
            }
            else if (!trimmed.IsEmpty)
            {
                inMsgstr = false;
            }

            lineStart = end + 1;
        }

        return builder.Build("po");
    }

    private static LocalizationText AppleStrings(string file)
    {
        // "key" = "value"; — the value is the quoted string after '='. Comments are skipped.
        var builder = new Builder();
        int i = 0;
        bool afterEquals = false;
        while (i < file.Length)
        {
            char c = file[i];
            if (c == '/' && i + 1 < file.Length && file[i + 1] == '*')
            {
                int close = file.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? file.Length : close + 2;
            }
            else if (c == '/' && i + 1 < file.Length && file[i + 1] == '/')
            {
                int newline = file.IndexOf('\n', i);
                i = newline < 0 ? file.Length : newline;
            }
            else if (c == '"')
            {
                int next = afterEquals ? builder.CString(file, i) : SkipCString(file, i);
                if (afterEquals)
                {
                    builder.EndValue();
                }

                afterEquals = false;
                i = next;
            }
            else
            {
                afterEquals = c == '=' || (afterEquals && char.IsWhiteSpace(c));
                i++;
            }
        }

        return builder.Build("strings");
    }

    private static int SkipCString(string file, int open)
    {
        int i = open + 1;
        while (i < file.Length && file[i] != '"')
        {
            i += file[i] == '\\' ? 2 : 1;
        }

        if (i >= file.Length)
        {
            throw new FormatException($"unterminated string starting at offset {open}");
        }

        return i + 1;
    }

    private static LocalizationText Json(string file) => JsonValues.Extract(file, new Builder()).Build("json");

    private static LocalizationText Xml(string file, string format, string[] elements) =>
        XmlValues.Extract(file, elements, new Builder()).Build(format);

    /// <summary>Collects decoded values and the file offset of every character.</summary>
    internal sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<int> _map = [];
        private bool _open;

        public void Append(char c, int fileOffset)
        {
            _text.Append(c);
            _map.Add(fileOffset);
            _open = true;
        }

        /// <summary>Ends a value: the next one starts on a new line of the text to check.</summary>
        public void EndValue()
        {
            if (_open)
            {
                _text.Append('\n');
                _map.Add(_map[^1] + 1);
                _open = false;
            }
        }

        /// <summary>Reads a C-style quoted string at <paramref name="open"/> (PO, .strings); returns the index after it.</summary>
        public int CString(string file, int open)
        {
            int i = open + 1;
            while (i < file.Length && file[i] != '"')
            {
                if (file[i] == '\\' && i + 1 < file.Length)
                {
                    char e = file[i + 1];
                    if (e is 'u' or 'U' && i + 6 <= file.Length && int.TryParse(file.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out int code))
                    {
                        Append((char)code, i);
                        i += 6;
                        continue;
                    }

                    Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => e }, i);
                    i += 2;
                    continue;
                }

                Append(file[i], i);
                i++;
            }

            if (i >= file.Length)
            {
                throw new FormatException($"unterminated string starting at offset {open}");
            }

            return i + 1;
        }

        public LocalizationText Build(string format)
        {
            EndValue();
            _map.Add(_map.Count == 0 ? 0 : _map[^1] + 1);
            return new LocalizationText(_text.ToString(), [.. _map], format);
        }
    }
}
