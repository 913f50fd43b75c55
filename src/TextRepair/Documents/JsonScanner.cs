using System.Text;
using System.Text.Json;

namespace TextRepair.Documents;

/// <summary>
/// JSON: string values are converted (keys too when asked); the structure, numbers, literals, white space and every
/// escape sequence (<c>\n</c>, <c>\u9F20</c>, ...) are kept as written, an escape ending the group. A document may hold
/// many top-level values (JSON Lines). The document is
/// first checked with <see cref="Utf8JsonReader"/> (comments and trailing commas allowed), so a malformed file is
/// reported rather than half-converted. Stateless.
/// </summary>
internal static class JsonScanner
{
    // Deeper documents are reported as such (the JSON Lines reader of the CLI stops at 1,000); real data nests a few
    // dozen levels at most.
    private const int MaxDepth = 1024;

    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // JSON Lines (.jsonl, .ndjson) and concatenated values are one document of many top-level values; the scan
        // below needs no change for them (a top-level string is a value).
        AllowMultipleValues = true,
        // One more than the limit, so that the reader reaches the container that exceeds it and the check below
        // names the real reason (the reader's own error says the JSON is invalid).
        MaxDepth = MaxDepth + 1,
    };

    public static void Scan(string text, bool keys, TextRunList runs)
    {
        Validate(text);

        // For each open container: Array, or Object with the next string a key (Key) or a value (Value).
        var open = new Stack<Container>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            switch (c)
            {
                case '{':
                    open.Push(Container.Key);
                    i++;
                    break;
                case '[':
                    open.Push(Container.Array);
                    i++;
                    break;
                case '}' or ']':
                    open.Pop();
                    i++;
                    break;
                case ',' or ':':
                    if (open.Count > 0 && open.Peek() != Container.Array)
                    {
                        open.Pop();
                        open.Push(c == ',' ? Container.Key : Container.Value);
                    }

                    i++;
                    break;
                case '"':
                {
                    bool isKey = open.Count > 0 && open.Peek() == Container.Key;
                    i = String(text, i + 1, !isKey || keys ? runs : null);
                    break;
                }

                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                {
                    int newline = text.IndexOf('\n', i);
                    i = newline < 0 ? text.Length : newline;
                    break;
                }

                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                    break;
                default:
                    i++;
                    break;
            }
        }

        runs.Break();
    }

    private enum Container : byte
    {
        Array,
        Key,
        Value,
    }

    /// <summary>Scans a string from after its opening quote; returns the index after the closing quote.</summary>
    private static int String(string text, int i, TextRunList? runs)
    {
        int start = i;
        while (true)
        {
            char c = text[i];
            if (c == '"')
            {
                runs?.Add(start, i - start);
                runs?.Break();
                return i + 1;
            }

            if (c == '\\')
            {
                runs?.Add(start, i - start);
                runs?.Break();
                i += text[i + 1] == 'u' ? 6 : 2;
                start = i;
                continue;
            }

            i++;
        }
    }

    private static void Validate(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes, s_options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    throw new InvalidDataException($"JSON nested deeper than {MaxDepth} levels is not supported (at byte {reader.TokenStartIndex})");
                }
            }

            if (reader.TokenStartIndex == 0 && reader.TokenType == JsonTokenType.None)
            {
                throw new InvalidDataException("not JSON: the document is empty");
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(Describe(exception), exception);
        }
    }

    /// <summary>
    /// The reader's error in the form the library's other format errors take (where, then what): "not valid JSON at
    /// line 1, byte 27: '}' is an invalid start of a value." The reader counts both from 0 and appends them to its message
    /// in its own words ("LineNumber: 0 | BytePositionInLine: 26."), which is cut off.
    /// </summary>
    internal static string Describe(JsonException exception)
    {
        string message = exception.Message;
        int where = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = where > 0 ? message[..where] : message;
        return exception.LineNumber is long line && exception.BytePositionInLine is long position
            ? $"not valid JSON at line {line + 1}, byte {position + 1}: {message}"
            : $"not valid JSON: {message}";
    }
}
