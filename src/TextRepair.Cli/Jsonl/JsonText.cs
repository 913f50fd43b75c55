using System.Buffers;
using System.Buffers.Text;
using System.Text;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Jsonl;

/// <summary>
/// JSON string values to and from .NET strings, losslessly: lone surrogates in escapes (<c>"\ud800"</c>) are kept as
/// such, and written back as escapes; other characters are written as raw UTF-8 (no <c>\uXXXX</c> for Chinese).
/// Thread-safe.
/// </summary>
internal static class JsonText
{
    /// <summary>
    /// The deepest nesting a JSONL line may have (System.Text.Json's default is 64, too low for real records; its
    /// reader is iterative, so a deep line costs a bit per level, not stack). Deeper lines are reported as "too deep".
    /// </summary>
    public const int MaxDepth = 1000;

    private static readonly SearchValues<char> s_needsEscape = SearchValues.Create(BuildNeedsEscape());

    /// <summary>
    /// How JSONL lines are read: no comments, nesting up to <see cref="MaxDepth"/>. Duplicate keys are allowed; the
    /// processor takes the last value of the field, as Python's json and JavaScript's JSON.parse do.
    /// </summary>
    public static System.Text.Json.JsonReaderOptions ReaderOptions => new()
    {
        CommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    /// <summary>"too deep" when <paramref name="line"/> nests deeper than <see cref="MaxDepth"/> (for the error path), else null.</summary>
    public static string? DepthError(ReadOnlySpan<byte> line)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i < line.Length; i++)
        {
            byte b = line[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                if (++depth > MaxDepth)
                {
                    return $"too deep (more than {MaxDepth} levels of nesting)";
                }
            }
            else if (b is (byte)'}' or (byte)']')
            {
                depth--;
            }
        }

        return null;
    }

    /// <summary>Decodes the content of a string token as given by <c>Utf8JsonReader.ValueSpan</c> (already validated).</summary>
    public static string Decode(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        char[] rented = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            Span<char> chars = rented;
            int written = 0;
            while (true)
            {
                int backslash = raw.IndexOf((byte)'\\');
                ReadOnlySpan<byte> plain = backslash < 0 ? raw : raw[..backslash];
                written += Encoding.UTF8.GetChars(plain, chars[written..]);
                if (backslash < 0)
                {
                    break;
                }

                byte kind = raw[backslash + 1];
                int length = 2;
                char value;
                switch (kind)
                {
                    case (byte)'b': value = '\b'; break;
                    case (byte)'f': value = '\f'; break;
                    case (byte)'n': value = '\n'; break;
                    case (byte)'r': value = '\r'; break;
                    case (byte)'t': value = '\t'; break;
                    case (byte)'u':
                        // The reader has checked that four hex digits follow.
                        value = Utf8Parser.TryParse(raw.Slice(backslash + 2, 4), out ushort code, out _, 'X') ? (char)code : '\uFFFD';
                        length = 6;
                        break;
                    default: value = (char)kind; break; // \" \\ \/
                }

                chars[written++] = value;
                raw = raw[(backslash + length)..];
            }

            return new string(chars[..written]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes <paramref name="text"/> as a JSON string token, quotes included.</summary>
    public static void WriteString(PooledBuffer output, ReadOnlySpan<char> text)
    {
        output.Write((byte)'"');
        while (true)
        {
            int special = text.IndexOfAny(s_needsEscape);
            ReadOnlySpan<char> plain = special < 0 ? text : text[..special];
            if (!plain.IsEmpty)
            {
                Span<byte> destination = output.GetSpan(checked(plain.Length * 3));
                output.Advance(Encoding.UTF8.GetBytes(plain, destination));
            }

            if (special < 0)
            {
                break;
            }

            char c = text[special];
            int consumed = 1;
            if (char.IsHighSurrogate(c) && special + 1 < text.Length && char.IsLowSurrogate(text[special + 1]))
            {
                Span<byte> destination = output.GetSpan(4);
                output.Advance(Encoding.UTF8.GetBytes(text.Slice(special, 2), destination));
                consumed = 2;
            }
            else
            {
                WriteEscape(output, c);
            }

            text = text[(special + consumed)..];
        }

        output.Write((byte)'"');
    }

    private static void WriteEscape(PooledBuffer output, char c)
    {
        switch (c)
        {
            case '"': output.Write("\\\""u8); break;
            case '\\': output.Write("\\\\"u8); break;
            case '\n': output.Write("\\n"u8); break;
            case '\r': output.Write("\\r"u8); break;
            case '\t': output.Write("\\t"u8); break;
            case '\b': output.Write("\\b"u8); break;
            case '\f': output.Write("\\f"u8); break;
            default:
                Span<byte> destination = output.GetSpan(6);
                "\\u"u8.CopyTo(destination);
                ((int)c).TryFormat(destination[2..], out _, "x4", System.Globalization.CultureInfo.InvariantCulture);
                output.Advance(6);
                break;
        }
    }

    private static char[] BuildNeedsEscape()
    {
        var chars = new List<char>();
        for (char c = '\0'; c < ' '; c++)
        {
            chars.Add(c);
        }

        chars.Add('"');
        chars.Add('\\');
        for (int c = 0xD800; c <= 0xDFFF; c++)
        {
            chars.Add((char)c);
        }

        return [.. chars];
    }
}
