using System.Collections.ObjectModel;
using System.Globalization;

namespace TextRepair;

/// <summary>Glossaries in OpenCC's dictionary format, and BCP-47 names for the configs.</summary>
public sealed partial class ChineseConverter
{
    // BCP-47 names: "target" converts into it from the other script's standard form; "source-to-target" says both.
    // zh-Hant-TW / zh-Hant-HK are the variant tier (characters, phrases, regional character forms); the region-only
    // zh-TW / zh-HK add the regional vocabulary (OpenCC's "p" configs).
    private static readonly (string Alias, string Config)[] s_aliases =
    [
        ("zh-Hant", "s2t"), ("zh-Hans", "t2s"),
        ("zh-Hant-TW", "s2tw"), ("zh-Hant-HK", "s2hk"),
        ("zh-TW", "s2twp"), ("zh-HK", "s2hkp"),
        ("zh-Hans-to-zh-Hant", "s2t"), ("zh-Hant-to-zh-Hans", "t2s"),
        ("zh-Hans-to-zh-Hant-TW", "s2tw"), ("zh-Hant-TW-to-zh-Hans", "tw2s"),
        ("zh-Hans-to-zh-TW", "s2twp"), ("zh-TW-to-zh-Hans", "tw2sp"),
        ("zh-Hans-to-zh-Hant-HK", "s2hk"), ("zh-Hant-HK-to-zh-Hans", "hk2s"),
        ("zh-Hans-to-zh-HK", "s2hkp"), ("zh-HK-to-zh-Hans", "hk2sp"),
        ("zh-Hant-to-zh-Hant-TW", "t2tw"), ("zh-Hant-TW-to-zh-Hant", "tw2t"),
        ("zh-Hant-to-zh-Hant-HK", "t2hk"), ("zh-Hant-HK-to-zh-Hant", "hk2t"),
        ("zh-Hant-to-ja", "t2jp"), ("ja-to-zh-Hant", "jp2t"),
    ];

    private static IReadOnlyDictionary<string, string>? s_configAliases;

    /// <summary>
    /// The BCP-47 names <see cref="Get(string)"/> accepts besides the config names, with the config each one means
    /// (e.g. zh-Hant-TW is s2tw, zh-TW is s2twp, zh-Hant-TW-to-zh-Hans is tw2s). Matching ignores case and accepts '_' for '-'.
    /// </summary>
    /// <remarks>Thread-safe; a shared read-only dictionary, built on first access (later accesses allocate nothing).</remarks>
    public static IReadOnlyDictionary<string, string> ConfigAliases =>
        Volatile.Read(ref s_configAliases) ?? Interlocked.CompareExchange(ref s_configAliases, new ReadOnlyDictionary<string, string>(AliasDictionary()), null) ?? s_configAliases;

    /// <summary>
    /// Returns a converter with a glossary read from OpenCC's dictionary text format: one entry per line,
    /// <c>key TAB value</c>, where several values may follow separated by spaces and the first one is used. Blank lines
    /// are skipped; when a key appears twice, its first line wins (as in OpenCC's dictionaries).
    /// </summary>
    /// <param name="openCcDictionary">The glossary text; read to its end, not closed.</param>
    /// <returns>As <see cref="WithPhrases(IEnumerable{KeyValuePair{string, string}})"/>: the glossary is matched in the
    /// input before any dictionary, so it wins over every stage of a chained config.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="openCcDictionary"/> is null.</exception>
    /// <exception cref="FormatException">A line has no tab, an empty key or no value (the message gives the line number).</exception>
    /// <remarks>Thread-safe (for distinct readers). Allocates the entries and a table for them (10,000 entries: see docs/conversion-trust.md).</remarks>
    public ChineseConverter WithGlossary(TextReader openCcDictionary)
    {
        ArgumentNullException.ThrowIfNull(openCcDictionary);
        var entries = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        while (openCcDictionary.ReadLine() is { } line)
        {
            number++;
            if (number == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string value = tab < 0 ? string.Empty : line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : string.Empty;
            if (tab <= 0 || value.Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {number}: expected \"key<TAB>value\" (OpenCC dictionary format)."));
            }

            string key = line[..tab];
            if (seen.Add(key))
            {
                entries.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        return WithPhrases(entries);
    }

    // Built when first asked for (a config name never needs it), with a plain loop: Enumerable.ToDictionary over a
    // tuple is a generic instantiation that no ReadyToRun image holds (three methods, 3.4 KB of code JIT-compiled in
    // every process when this was a static initializer).
    private static Dictionary<string, string> AliasDictionary()
    {
        var aliases = new Dictionary<string, string>(s_aliases.Length, StringComparer.OrdinalIgnoreCase);
        foreach ((string alias, string config) in s_aliases)
        {
            aliases.Add(alias, config);
        }

        return aliases;
    }

    /// <summary>
    /// OrdinalIgnoreCase equality against an ASCII name, in a loop when <paramref name="text"/> is ASCII: the framework's
    /// vectorized comparison cost 1.7-3 ms of CPU on its first call in a ReadyToRun app (session 9, in-process
    /// timestamps, load 10-12), on the path of every first use. Other text keeps the framework's comparison (its case
    /// mapping pairs some non-ASCII letters with ASCII ones).
    /// </summary>
    private static bool EqualsIgnoreCase(ReadOnlySpan<char> text, string asciiName)
    {
        if (text.Length != asciiName.Length)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= 0x80)
            {
                return text.Equals(asciiName, StringComparison.OrdinalIgnoreCase);
            }

            if ((uint)(c - 'A') <= 'Z' - 'A')
            {
                c = (char)(c | 0x20);
            }

            char n = asciiName[i];
            if ((uint)(n - 'A') <= 'Z' - 'A')
            {
                n = (char)(n | 0x20);
            }

            if (c != n)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Resolves a config name or BCP-47 alias to the config name; null when it is neither.</summary>
    private static string? Resolve(string config)
    {
        ReadOnlySpan<char> bare = config.Length > 5 && EqualsIgnoreCase(config.AsSpan(config.Length - 5), ".json") ? config.AsSpan(0, config.Length - 5) : config;
        foreach (string name in s_configs)
        {
            if (EqualsIgnoreCase(bare, name))
            {
                return name;
            }
        }

        string alias = config.Replace('_', '-');
        return ConfigAliases.TryGetValue(alias, out string? target) ? target : null;
    }
}
