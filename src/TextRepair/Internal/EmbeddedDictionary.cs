using System.Collections.Concurrent;
using System.Text;

namespace TextRepair.Internal;

/// <summary>
/// The lines of an embedded tab-separated file (an OpenCC dictionary, a Unihan extract) as (key, values) strings,
/// parsed once and shared by every table built from them (the character tables, the script step, conversion
/// signatures and variant identification all read STCharacters). Thread-safe.
/// </summary>
internal static class EmbeddedDictionary
{
    // Files up to this size are kept parsed for the life of the process: every character and regional dictionary
    // (the largest, TSCharacters.txt, is 38,961 bytes; all of them together about 0.4 MB as strings). Larger files
    // (STPhrases.txt, 1,006,285 bytes, about 6 MB as strings; Unihan Readings.txt, 449,116 bytes) are held only
    // weakly: tables built at the same time share one parse, but the strings are not kept once the tables exist.
    private const long KeepParsedMaxBytes = 64 * 1024;

    private static readonly ConcurrentDictionary<string, Lazy<(string Key, string Value)[]>> s_kept = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, WeakReference<(string Key, string Value)[]>> s_weak = new(StringComparer.Ordinal);

    /// <summary>
    /// The non-empty lines of the embedded file at <paramref name="relativePath"/> (relative to Data/) that do not
    /// start with '#': the text before the first tab and the rest of the line (values separated by spaces).
    /// </summary>
    /// <exception cref="FileNotFoundException">No such embedded file.</exception>
    public static IReadOnlyList<(string Key, string Value)> Lines(string relativePath)
    {
        if (s_kept.TryGetValue(relativePath, out Lazy<(string Key, string Value)[]>? kept))
        {
            return kept.Value;
        }

        if (s_weak.TryGetValue(relativePath, out WeakReference<(string Key, string Value)[]>? weak) && weak.TryGetTarget(out (string Key, string Value)[]? shared))
        {
            return shared;
        }

        byte[] utf8 = EmbeddedData.ReadAllBytes(relativePath);
        if (utf8.Length <= KeepParsedMaxBytes)
        {
            return s_kept.GetOrAdd(relativePath, _ => new Lazy<(string Key, string Value)[]>(() => Parse(utf8))).Value;
        }

        (string Key, string Value)[] lines = Parse(utf8);
        s_weak[relativePath] = new WeakReference<(string Key, string Value)[]>(lines);
        return lines;
    }

    private static (string Key, string Value)[] Parse(ReadOnlySpan<byte> utf8)
    {
        var lines = new List<(string Key, string Value)>(utf8.Length / 16);
        var reader = new DictionaryLineReader(utf8);
        while (reader.TryReadLine(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> values))
        {
            if (key.IsEmpty || key[0] != (byte)'#')
            {
                lines.Add((Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(values)));
            }
        }

        return [.. lines];
    }
}
