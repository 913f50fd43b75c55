using System.Collections.Concurrent;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>
/// Turns a dictionary tree of an OpenCC config into one flat key-to-value map with plain longest-match semantics.
/// </summary>
/// <remarks>
/// OpenCC matches a group as follows: a leaf gives its longest key that prefixes the text; a union group gives the
/// longest match of its children (the earlier child on a tie); a short-circuit group gives the match of its first
/// child that matches at all. Both flatten exactly:
/// <list type="bullet">
/// <item>Union: merge the children, the earlier child keeping a duplicate key.</item>
/// <item>Short-circuit: merge with each key ranked by the first child holding it; the answer is the matching key of
/// least rank, the longest among those. Drop every key that has a proper prefix of lower rank (whenever it matches,
/// that prefix matches too and wins); after that the longest matching key always has the least rank, so plain
/// longest match gives the group's answer.</item>
/// </list>
/// </remarks>
internal static class DictionaryCompiler
{
    private static readonly ConcurrentDictionary<string, Lazy<Dictionary<string, string>>> s_files = new(StringComparer.Ordinal);

    /// <summary>Flattens <paramref name="spec"/>; null when every dictionary in it is left out (tofu risk).</summary>
    public static Dictionary<string, string>? Flatten(DictionarySpec spec, bool includeTofuRisk)
    {
        if (spec.MayOutputTofu && !includeTofuRisk)
        {
            return null;
        }

        if (spec.File is { } file)
        {
            return LoadFile(file);
        }

        var children = new List<Dictionary<string, string>>();
        foreach (DictionarySpec child in spec.Children)
        {
            if (Flatten(child, includeTofuRisk) is { } flat)
            {
                children.Add(flat);
            }
        }

        if (children.Count == 0)
        {
            return null;
        }

        if (children.Count == 1)
        {
            return children[0];
        }

        return spec.Policy == MatchPolicy.Union ? MergeUnion(children) : MergeShortCircuit(children);
    }

    /// <summary>Loads one dictionary file ("key TAB value [value...]", the first value used); cached and shared.</summary>
    public static Dictionary<string, string> LoadFile(string file) =>
        s_files.GetOrAdd(file, static f => new Lazy<Dictionary<string, string>>(() => Parse(EmbeddedData.ReadAllBytes("OpenCC/dictionary/" + f + ".txt")))).Value;

    internal static Dictionary<string, string> Parse(ReadOnlySpan<byte> utf8)
    {
        var map = new Dictionary<string, string>(utf8.Length / 16, StringComparer.Ordinal);
        var reader = new DictionaryLineReader(utf8);
        while (reader.TryRead(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value))
        {
            // The first entry of a duplicated key wins, as in OpenCC's own tables.
            map.TryAdd(Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(value));
        }

        return map;
    }

    private static Dictionary<string, string> MergeUnion(List<Dictionary<string, string>> children)
    {
        var merged = new Dictionary<string, string>(children.Sum(c => c.Count), StringComparer.Ordinal);
        foreach (Dictionary<string, string> child in children)
        {
            foreach (KeyValuePair<string, string> entry in child)
            {
                merged.TryAdd(entry.Key, entry.Value);
            }
        }

        return merged;
    }

    private static Dictionary<string, string> MergeShortCircuit(List<Dictionary<string, string>> children)
    {
        var ranked = new Dictionary<string, (string Value, int Rank)>(children.Sum(c => c.Count), StringComparer.Ordinal);
        for (int rank = 0; rank < children.Count; rank++)
        {
            foreach (KeyValuePair<string, string> entry in children[rank])
            {
                ranked.TryAdd(entry.Key, (entry.Value, rank));
            }
        }

        Dictionary<string, (string Value, int Rank)>.AlternateLookup<ReadOnlySpan<char>> lookup = ranked.GetAlternateLookup<ReadOnlySpan<char>>();
        var merged = new Dictionary<string, string>(ranked.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, (string Value, int Rank)> entry in ranked)
        {
            if (!HasLowerRankedPrefix(lookup, entry.Key, entry.Value.Rank))
            {
                merged.Add(entry.Key, entry.Value.Value);
            }
        }

        return merged;
    }

    private static bool HasLowerRankedPrefix(Dictionary<string, (string Value, int Rank)>.AlternateLookup<ReadOnlySpan<char>> lookup, string key, int rank)
    {
        if (rank == 0)
        {
            return false;
        }

        for (int length = 1; length < key.Length; length++)
        {
            if (lookup.TryGetValue(key.AsSpan(0, length), out (string Value, int Rank) prefix) && prefix.Rank < rank)
            {
                return true;
            }
        }

        return false;
    }
}
