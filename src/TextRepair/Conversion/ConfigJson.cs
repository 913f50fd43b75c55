using System.Globalization;
using System.Text;

namespace TextRepair.Conversion;

/// <summary>
/// A small JSON reader for OpenCC's config files (objects, arrays, strings, numbers, true/false/null; comments and
/// trailing commas allowed, as OpenCC's own reader allows them).
/// </summary>
/// <remarks>
/// Why not System.Text.Json: loading and JIT-compiling it for a first conversion added about 3.8 MB to the resident
/// set of all 16 configs and several milliseconds to a first use (measured in docs/conversion.md), for 16 files of
/// under 1 KB. Malformed input throws <see cref="InvalidDataException"/> naming the offset.
/// </remarks>
internal sealed class ConfigJson
{
    private readonly string _text;
    private int _position;

    private ConfigJson(string text) => _text = text;

    /// <summary>What a parsed value is.</summary>
    public enum Kind
    {
        Null,
        Boolean,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>Parses a whole document (UTF-8, an optional byte order mark).</summary>
    public static Value Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new ConfigJson(Decode(utf8));
        Value value = reader.ReadValue();
        reader.SkipSpace();
        return reader._position == reader._text.Length ? value : throw reader.Error("text after the value");
    }

    // The text without byte order marks. OpenCC's configs are ASCII: those are widened in a loop, because the first
    // Encoding.UTF8.GetString of a process took 4-6 ms in a ReadyToRun app (session 9, ColdStart probe, load 6-8), on
    // the path of every first conversion; other text goes through the decoder.
    private static string Decode(ReadOnlySpan<byte> utf8)
    {
        while (utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF)
        {
            utf8 = utf8.Slice(3);
        }

        char[] chars = new char[utf8.Length];
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] >= 0x80)
            {
                return Encoding.UTF8.GetString(utf8).TrimStart('\uFEFF');
            }

            chars[i] = (char)utf8[i];
        }

        return new string(chars);
    }

    private Value ReadValue()
    {
        SkipSpace();
        if (_position >= _text.Length)
        {
            throw Error("a value expected");
        }

        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                return new Value(Kind.String, ReadString(), null, null);
            default:
                int start = _position;
                while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
                {
                    _position++;
                }

                string word = _text.Substring(start, _position - start);
                return word switch
                {
                    "true" or "false" => new Value(Kind.Boolean, word, null, null),
                    "null" => new Value(Kind.Null, word, null, null),
                    _ when double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => new Value(Kind.Number, word, null, null),
                    _ => throw Error("a value expected"),
                };
        }
    }

    private Value ReadObject()
    {
        var properties = new List<(string Name, Value Value)>();
        _position++;
        while (true)
        {
            SkipSpace();
            if (Take('}'))
            {
                return new Value(Kind.Object, null, null, properties);
            }

            if (_position >= _text.Length || _text[_position] != '"')
            {
                throw Error("a property name expected");
            }

            string name = ReadString();
            SkipSpace();
            if (!Take(':'))
            {
                throw Error("':' expected");
            }

            properties.Add((name, ReadValue()));
            SkipSpace();
            if (!Take(',') && !(_position < _text.Length && _text[_position] == '}'))
            {
                throw Error("',' or '}' expected");
            }
        }
    }

    private Value ReadArray()
    {
        var items = new List<Value>();
        _position++;
        while (true)
        {
            SkipSpace();
            if (Take(']'))
            {
                return new Value(Kind.Array, null, items, null);
            }

            items.Add(ReadValue());
            SkipSpace();
            if (!Take(',') && !(_position < _text.Length && _text[_position] == ']'))
            {
                throw Error("',' or ']' expected");
            }
        }
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            char escape = _text[_position++];
            switch (escape)
            {
                case '"' or '\\' or '/':
                    builder.Append(escape);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' when _position + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort unit):
                    builder.Append((char)unit);
                    _position += 4;
                    break;
                default:
                    throw Error("a bad escape in a string");
            }
        }

        throw Error("an unterminated string");
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                int end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                int end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? throw Error("an unterminated comment") : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private bool Take(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private InvalidDataException Error(string what) => new($"OpenCC config JSON: {what} at offset {_position}.");

    /// <summary>A parsed JSON value.</summary>
    public sealed class Value(Kind kind, string? text, List<Value>? items, List<(string Name, Value Value)>? properties)
    {
        public Kind Kind { get; } = kind;

        /// <summary>The elements of an array (empty for any other kind).</summary>
        public IReadOnlyList<Value> Items { get; } = items ?? [];

        /// <summary>The string's value, or the literal of a number, boolean or null.</summary>
        public string? Text { get; } = text;

        /// <summary>The value of an object's property (the first of that name), or null when absent or not an object.</summary>
        public Value? Property(string name)
        {
            if (properties is null)
            {
                return null;
            }

            foreach ((string key, Value value) in properties)
            {
                if (key == name)
                {
                    return value;
                }
            }

            return null;
        }

        /// <summary>The value of a required property.</summary>
        public Value Required(string name) =>
            Property(name) ?? throw new InvalidDataException($"OpenCC config JSON: property '{name}' missing.");

        /// <summary>The string of a string value.</summary>
        public string String() =>
            Kind == Kind.String ? Text! : throw new InvalidDataException($"OpenCC config JSON: a string expected, found {Kind}.");

        /// <summary>The value of a boolean.</summary>
        public bool Boolean() =>
            Kind == Kind.Boolean ? Text == "true" : throw new InvalidDataException($"OpenCC config JSON: true or false expected, found {Kind}.");
    }
}
