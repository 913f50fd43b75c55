using System.Text;
using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>Where a stage's entries come from: an embedded dictionary file or an already flattened map.</summary>
internal sealed class DictionarySource
{
    private readonly string? _file;
    private readonly Dictionary<string, string>? _map;

    private DictionarySource(string? file, Dictionary<string, string>? map)
    {
        _file = file;
        _map = map;
    }

    public int EstimatedEntries => _map?.Count ?? EstimateLines(_file!);

    /// <summary>The embedded dictionary file, or null for a flattened map.</summary>
    public string? FileName => _file;

    public static DictionarySource File(string file) => new(file, null);

    public static DictionarySource Map(Dictionary<string, string> map) => new(null, map);

    public void AddTo(StageTable.Builder builder, int rank)
    {
        if (_map is not null)
        {
            foreach (KeyValuePair<string, string> entry in _map)
            {
                builder.Add(entry.Key, entry.Value, rank);
            }

            return;
        }

        AddFile(builder, Internal.EmbeddedData.ReadAllBytes("OpenCC/dictionary/" + _file + ".txt"), rank);
    }

    /// <summary>Parses "key TAB value [value ...]" lines straight from UTF-8; the first value is used.</summary>
    internal static void AddFile(StageTable.Builder builder, ReadOnlySpan<byte> utf8, int rank)
    {
        Span<char> key = stackalloc char[256];
        Span<char> value = stackalloc char[256];
        var reader = new DictionaryLineReader(utf8);
        while (reader.TryRead(out ReadOnlySpan<byte> keyBytes, out ReadOnlySpan<byte> first))
        {
            if (keyBytes.Length > key.Length || first.Length > value.Length)
            {
                throw new InvalidDataException("Dictionary entry longer than 256 bytes.");
            }

            int keyLength = Encoding.UTF8.GetChars(keyBytes, key);
            int valueLength = Encoding.UTF8.GetChars(first, value);
            builder.Add(key.Slice(0, keyLength), value.Slice(0, valueLength), rank);
        }
    }

    private static int EstimateLines(string file)
    {
        using Stream stream = Internal.EmbeddedData.Open("OpenCC/dictionary/" + file + ".txt");
        return (int)(stream.Length / 12) + 16;
    }
}
