using System.Collections.Concurrent;
using TextRepair.Conversion;

namespace TextRepair;

/// <summary>
/// Converts Chinese text between Simplified and Traditional forms exactly as OpenCC 1.4.2 does, for each of
/// OpenCC's 16 standard configs, with the dictionaries embedded in this library.
/// </summary>
/// <remarks>
/// Instances are immutable and thread-safe: one instance may convert on any number of threads at once. Get one
/// with <see cref="Get(string)"/>; instances are cached, so asking again for the same config is cheap.
/// </remarks>
public sealed class ChineseConverter
{
    private static readonly string[] s_configs =
    [
        "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
        "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
    ];

    private static readonly ConcurrentDictionary<(string Config, ChineseConverterOptions Options), Lazy<ChineseConverter>> s_cache = new();
    private static readonly ConcurrentDictionary<string, Lazy<PhraseTable>> s_tables = new(StringComparer.Ordinal);

    private readonly ReferencePipeline _pipeline;

    private ChineseConverter(string config, ChineseConverterOptions options, ReferencePipeline pipeline)
    {
        Config = config;
        Options = options;
        _pipeline = pipeline;
    }

    /// <summary>The names of the supported OpenCC configs: s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t.</summary>
    /// <remarks>Thread-safe; returns a shared read-only list (no allocation).</remarks>
    public static IReadOnlyList<string> Configs { get; } = Array.AsReadOnly(s_configs);

    /// <summary>The config this converter implements, e.g. "s2t".</summary>
    public string Config { get; }

    /// <summary>The options this converter was built with.</summary>
    public ChineseConverterOptions Options { get; }

    /// <summary>Returns the converter for an OpenCC config (see <see cref="Configs"/>) with OpenCC's library defaults.</summary>
    /// <param name="config">A config name such as "s2t" or "tw2sp" (case-insensitive).</param>
    /// <returns>A shared, cached instance: the first call per config loads its dictionaries, later calls allocate nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="config"/> is not a known config; the message lists the valid names.</exception>
    /// <remarks>Thread-safe.</remarks>
    public static ChineseConverter Get(string config) => Get(config, ChineseConverterOptions.None);

    /// <summary>Returns the converter for an OpenCC config (see <see cref="Configs"/>) with the given options.</summary>
    /// <param name="config">A config name such as "s2t" or "tw2sp" (case-insensitive).</param>
    /// <param name="options">Which dictionaries to use.</param>
    /// <returns>A shared, cached instance per (config, options): the first call loads the dictionaries, later calls allocate nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="config"/> is not a known config, or <paramref name="options"/> has unknown flags.</exception>
    /// <remarks>Thread-safe.</remarks>
    public static ChineseConverter Get(string config, ChineseConverterOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        if ((options & ~ChineseConverterOptions.ExcludeTofuRiskDictionaries) != 0)
        {
            throw new ArgumentException($"Unknown {nameof(ChineseConverterOptions)} flags: {options}.", nameof(options));
        }

        string? name = null;
        foreach (string candidate in s_configs)
        {
            if (string.Equals(candidate, config, StringComparison.OrdinalIgnoreCase))
            {
                name = candidate;
                break;
            }
        }

        if (name is null)
        {
            throw new ArgumentException($"Unknown OpenCC config '{config}'. Valid configs: {string.Join(", ", s_configs)}.", nameof(config));
        }

        return s_cache.GetOrAdd((name, options), static key => new Lazy<ChineseConverter>(() => Build(key.Config, key.Options))).Value;
    }

    /// <summary>Converts <paramref name="text"/>.</summary>
    /// <param name="text">The text to convert. Characters no dictionary covers (line breaks, emoji, lone surrogates, ...) are copied unchanged.</param>
    /// <returns>The converted text; <paramref name="text"/> itself (no allocation) when the conversion changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <remarks>Thread-safe.</remarks>
    public string Convert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string result = _pipeline.Convert(text);
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    private static ChineseConverter Build(string name, ChineseConverterOptions options)
    {
        bool includeTofu = (options & ChineseConverterOptions.ExcludeTofuRiskDictionaries) == 0;
        OpenCcConfig config = OpenCcConfig.Load(name);
        PhraseTable[] normalization = Tables(config.Normalization, includeTofu);
        PhraseTable? segmentation = config.Segmentation is null ? null : Table(config.Segmentation, includeTofu: true);
        PhraseTable[] chain = Tables(config.Chain, includeTofu);
        return new ChineseConverter(name, options, new ReferencePipeline(normalization, segmentation, chain));
    }

    private static PhraseTable[] Tables(DictionarySpec[] stages, bool includeTofu)
    {
        var tables = new List<PhraseTable>();
        foreach (DictionarySpec stage in stages)
        {
            if (Table(stage, includeTofu) is { } table)
            {
                tables.Add(table);
            }
        }

        return [.. tables];
    }

    private static PhraseTable? Table(DictionarySpec spec, bool includeTofu)
    {
        string? key = spec.CacheKey(includeTofu);
        if (key is null)
        {
            return null;
        }

        return s_tables.GetOrAdd(key, _ => new Lazy<PhraseTable>(() => new PhraseTable(DictionaryCompiler.Flatten(spec, includeTofu)!))).Value;
    }
}
