using System.Text;
using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>One dictionary entry with several values: what an ambiguity reports.</summary>
internal sealed class AmbiguousEntry
{
    public AmbiguousEntry(string key, string[] values, string dictionary)
    {
        Key = key;
        Values = values;
        Dictionary = dictionary;
    }

    public string Key { get; }

    /// <summary>Every value in dictionary order; the first is the one written.</summary>
    public string[] Values { get; }

    public string Dictionary { get; }
}

/// <summary>
/// The one-to-many entries of one stage table: by value index, and a copy of the table's unit entries in which every
/// single-unit key with several values takes the slow path (so the tracked conversion sees each of them).
/// </summary>
/// <remarks>
/// Built on first use from the stage's text dictionaries (leaves in match order, tofu choice applied). An entry
/// counts for the table only when the table's match for the key's own text is that key with that first value, which is
/// how the table chose it (the first dictionary holding a key supplies its value). Immutable and thread-safe.
/// </remarks>
internal sealed class AmbiguityIndex
{
    private readonly AmbiguousEntry?[] _byValue;

    private AmbiguityIndex(StageTable table, AmbiguousEntry?[] byValue, uint[] entries, int count)
    {
        Table = table;
        _byValue = byValue;
        TrackingEntries = entries;
        Count = count;
    }

    /// <summary>The table this index describes.</summary>
    public StageTable Table { get; }

    /// <summary>The table's unit entries with <see cref="StageTable.NeedsSlowPath"/> set on ambiguous single-unit keys.</summary>
    public uint[] TrackingEntries { get; }

    /// <summary>Number of one-to-many entries the table can use.</summary>
    public int Count { get; }

    /// <summary>The entry behind a value index, or null when that entry has one value.</summary>
    public AmbiguousEntry? Get(int valueIndex) => _byValue[valueIndex];

    public static AmbiguityIndex Build(StageTable table, DictionarySpec spec, bool includeTofuRisk)
    {
        var byValue = new AmbiguousEntry?[table.KeyCount];
        var singleUnits = new List<char>();
        int count = 0;
        var leaves = new List<string>();
        Leaves(spec, includeTofuRisk, leaves);
        foreach (string file in leaves)
        {
            foreach ((string key, string[] values) in ReadMultiValued(EmbeddedData.ReadAllBytes("OpenCC/dictionary/" + file + ".txt")))
            {
                int matched = table.Match(key, 0, out int valueIndex);
                if (matched != key.Length || byValue[valueIndex] is not null || !table.Value(valueIndex).SequenceEqual(values[0]))
                {
                    continue;
                }

                byValue[valueIndex] = new AmbiguousEntry(key, values, file);
                count++;
                if (key.Length == 1)
                {
                    singleUnits.Add(key[0]);
                }
            }
        }

        uint[] entries = table.CopyEntries();
        foreach (char unit in singleUnits)
        {
            entries[unit] |= StageTable.NeedsSlowPath;
        }

        return new AmbiguityIndex(table, byValue, entries, count);
    }

    private static void Leaves(DictionarySpec spec, bool includeTofuRisk, List<string> leaves)
    {
        if (spec.MayOutputTofu && !includeTofuRisk)
        {
            return;
        }

        if (spec.File is { } file)
        {
            leaves.Add(file);
            return;
        }

        foreach (DictionarySpec child in spec.Children)
        {
            Leaves(child, includeTofuRisk, leaves);
        }
    }

    /// <summary>The entries of an OpenCC text dictionary that list more than one value.</summary>
    internal static List<(string Key, string[] Values)> ReadMultiValued(ReadOnlySpan<byte> utf8)
    {
        var result = new List<(string, string[])>();
        foreach (Range range in utf8.Split((byte)'\n'))
        {
            ReadOnlySpan<byte> line = utf8[range];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            int tab = line.IndexOf((byte)'\t');
            if (tab <= 0 || line.Slice(tab + 1).IndexOf((byte)' ') < 0)
            {
                continue;
            }

            string[] values = Encoding.UTF8.GetString(line.Slice(tab + 1)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length > 1)
            {
                result.Add((Encoding.UTF8.GetString(line.Slice(0, tab)), values));
            }
        }

        return result;
    }
}
