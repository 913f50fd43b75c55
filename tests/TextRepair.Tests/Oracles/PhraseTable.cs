using TextRepair.Conversion;

namespace TextRepair.Tests.Oracles;

/// <summary>A flat dictionary answering "longest key that prefixes this text" (see <see cref="DictionaryCompiler"/>).</summary>
internal sealed class PhraseTable
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Longest key length (in UTF-16 units) per first UTF-16 unit; 0 when no key starts with it.
    private readonly byte[] _maxLength = new byte[65536];

    public PhraseTable(Dictionary<string, string> map)
    {
        Map = map;
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (string key in map.Keys)
        {
            int length = Math.Min(key.Length, byte.MaxValue);
            if (key.Length > byte.MaxValue)
            {
                throw new InvalidDataException($"Dictionary key longer than {byte.MaxValue} characters.");
            }

            if (_maxLength[key[0]] < length)
            {
                _maxLength[key[0]] = (byte)length;
            }
        }
    }

    public Dictionary<string, string> Map { get; }

    /// <summary>Finds the longest key that prefixes <paramref name="text"/> (which must not be empty).</summary>
    public bool TryMatch(ReadOnlySpan<char> text, out int length, out string value)
    {
        int max = Math.Min(_maxLength[text[0]], text.Length);
        for (length = max; length > 0; length--)
        {
            if (_lookup.TryGetValue(text.Slice(0, length), out string? found))
            {
                value = found;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }
}
