using System.Text;
using TextRepair.Internal;

namespace TextRepair.Analysis.Variant;

/// <summary>Readers of the OpenCC dictionaries behind <see cref="VariantTables"/>.</summary>
internal sealed partial class VariantTables
{
    // Reads a character dictionary: key -> values.
    private static Dictionary<int, int[]> Read(string file)
    {
        var map = new Dictionary<int, int[]>();
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
        {
            int k = Single(key);
            if (k < 0)
            {
                continue;
            }

            var values = new List<int>(2);
            foreach (string part in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int v = Single(part);
                if (v >= 0)
                {
                    values.Add(v);
                }
            }

            map[k] = [.. values];
        }

        return map;
    }

    private static void AddPhraseCharacters(string file, HashSet<int> forms)
    {
        foreach (var (_, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
        {
            foreach (Rune rune in value.EnumerateRunes())
            {
                if (rune.Value != ' ')
                {
                    forms.Add(rune.Value);
                }
            }
        }
    }

    private static Dictionary<string, string> ReadPhrases(string file)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
        {
            int space = value.IndexOf(' ', StringComparison.Ordinal);
            map[key] = space < 0 ? value : value[..space];
        }

        return map;
    }

    private static Dictionary<int, int> Changes(Dictionary<int, int[]> variants)
    {
        var changes = new Dictionary<int, int>();
        foreach ((int key, int[] values) in variants)
        {
            if (values.Length > 0 && values[0] != key)
            {
                changes[key] = values[0];
            }
        }

        return changes;
    }

    // Every value of a dictionary; with includeSelf, a key that maps to itself too (it is written on the value side).
    private static HashSet<int> Values(Dictionary<int, int[]> map, bool includeSelf = true)
    {
        var set = new HashSet<int>();
        foreach ((int key, int[] values) in map)
        {
            foreach (int v in values)
            {
                if (includeSelf || v != key)
                {
                    set.Add(v);
                }
            }
        }

        return set;
    }

    private static int MaxLength(IEnumerable<string> keys)
    {
        int max = 0;
        foreach (string key in keys)
        {
            max = Math.Max(max, key.Length);
        }

        return max;
    }

    private static int Single(string text) =>
        text.Length > 0 && Rune.DecodeFromUtf16(text, out Rune rune, out int consumed) == System.Buffers.OperationStatus.Done
        && consumed == text.Length ? rune.Value : -1;
}
