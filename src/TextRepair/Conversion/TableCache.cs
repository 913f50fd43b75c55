namespace TextRepair.Conversion;

/// <summary>
/// Stage tables by dictionary tree, shared between the configs that use the same dictionaries: read from the
/// prebuilt images embedded in the assembly (see <see cref="PrebuiltTables"/>), or built from the text
/// dictionaries when asked to (the generator, tests) or when no image exists (a big-endian machine).
/// </summary>
/// <remarks>Thread-safe: each table is created once (<see cref="Lazy{T}"/>), on first use.</remarks>
internal sealed class TableCache
{
    // A Dictionary under a lock, not a ConcurrentDictionary: a first use then loads no System.Collections.Concurrent
    // (about 1 ms of a ReadyToRun app's first use, session 9); the lock is held only to find or add the Lazy.
    private readonly Dictionary<string, Lazy<StageTable>> _tables = new(StringComparer.Ordinal);

    public TableCache(bool usePrebuilt) => UsesPrebuilt = usePrebuilt;

    /// <summary>The process-wide cache behind <see cref="ChineseConverter.Get(string)"/>.</summary>
    public static TableCache Shared { get; } = new(usePrebuilt: true);

    /// <summary>Whether tables are read from the embedded images (true) or always built from the text dictionaries.</summary>
    public bool UsesPrebuilt { get; }

    /// <summary>The cached tables by key (built or not yet).</summary>
    public IEnumerable<KeyValuePair<string, Lazy<StageTable>>> Entries
    {
        get
        {
            lock (_tables)
            {
                return [.. _tables];
            }
        }
    }

    /// <summary>The table of <paramref name="key"/>, created on first use from its image or from <paramref name="sources"/>.</summary>
    public Lazy<StageTable> GetOrAdd(string key, Func<List<(DictionarySource Source, int Rank)>> sources)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(key, out Lazy<StageTable>? table))
            {
                table = new Lazy<StageTable>(() => (UsesPrebuilt ? PrebuiltTables.TryLoad(key) : null) ?? StageTable.Build(sources()));
                _tables.Add(key, table);
            }

            return table;
        }
    }

    /// <summary>
    /// When the segmentation dictionary is made of exactly the first stage's rank-0 dictionaries (same files, same
    /// order), returns a table of the first stage's other dictionaries, if all its keys are single code points;
    /// otherwise null.
    /// </summary>
    /// <remarks>
    /// Why the fused stage gives OpenCC's output: a segment that is a segmentation match K is a rank-0 key, and no
    /// longer key fits in the segment, so the first stage turns it into K's rank-0 value, the segmentation table's
    /// value of K (first file wins in both). In the text between segmentation matches, the segmentation pass found
    /// no key at any code point boundary, so no rank-0 key matches there and the first stage's match is the
    /// lower-ranked dictionaries' one. With single code point keys and no IDS operator in the text, the first stage
    /// visits exactly those boundaries (a match covers what an unmatched position would).
    /// </remarks>
    public static StageTable? ResidualTable(DictionarySpec segmentationSpec, DictionarySpec firstSpec, bool includeTofuRisk, TableCache cache)
    {
        // The segmentation's files, all of rank 0, must be the first stage's rank-0 files in the same order. Lists of
        // strings, not indexing the tuple lists: List<(T, int)>'s indexer is JIT-compiled on first use (no ReadyToRun
        // image holds it).
        var segmentationFiles = new List<string?>();
        foreach ((DictionarySource source, int rank) in Sources(segmentationSpec, includeTofuRisk: true))
        {
            if (rank != 0)
            {
                return null;
            }

            segmentationFiles.Add(source.FileName);
        }

        var topFiles = new List<string?>();
        var rest = new List<(DictionarySource Source, int Rank)>();
        foreach ((DictionarySource source, int rank) in Sources(firstSpec, includeTofuRisk))
        {
            if (source.FileName is null)
            {
                return null;
            }

            if (rank == 0)
            {
                topFiles.Add(source.FileName);
            }
            else
            {
                rest.Add((source, rank));
            }
        }

        if (topFiles.Count != segmentationFiles.Count || topFiles.Count == 0 || rest.Count == 0)
        {
            return null;
        }

        for (int i = 0; i < topFiles.Count; i++)
        {
            if (!string.Equals(topFiles[i], segmentationFiles[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        string key = "R:" + firstSpec.CacheKey(includeTofuRisk);
        StageTable table = cache.GetOrAdd(key, () => rest).Value;
        return table.KeysAreSingleCodePoints ? table : null;
    }

    public static StageTable[] Tables(DictionarySpec[] stages, bool includeTofuRisk, TableCache cache)
    {
        var tables = new List<StageTable>();
        foreach (DictionarySpec stage in stages)
        {
            if (Table(stage, includeTofuRisk, cache) is { } table)
            {
                tables.Add(table);
            }
        }

        return [.. tables];
    }

    public static StageTable? Table(DictionarySpec spec, bool includeTofuRisk, TableCache cache) =>
        LazyTable(spec, includeTofuRisk, cache)?.Value;

    public static Lazy<StageTable>? LazyTable(DictionarySpec spec, bool includeTofuRisk, TableCache cache)
    {
        string? key = spec.CacheKey(includeTofuRisk);
        return key is null ? null : cache.GetOrAdd(key, () => Sources(spec, includeTofuRisk));
    }

    /// <summary>
    /// Lists the leaf dictionaries of a stage with their ranks: a union of leaves shares one rank, each child of a
    /// short-circuit group gets the ranks after its predecessors'. Trees that do not fit this shape (a union over a
    /// short-circuit group) are flattened by <see cref="DictionaryCompiler"/> first.
    /// </summary>
    private static List<(DictionarySource Source, int Rank)> Sources(DictionarySpec spec, bool includeTofuRisk)
    {
        var sources = new List<(DictionarySource, int)>();
        if (!TryRank(spec, includeTofuRisk, 0, sources, out _))
        {
            sources.Clear();
            sources.Add((DictionarySource.Map(DictionaryCompiler.Flatten(spec, includeTofuRisk)!), 0));
        }

        return sources;
    }

    private static bool TryRank(DictionarySpec spec, bool includeTofuRisk, int rank, List<(DictionarySource, int)> sources, out int nextRank)
    {
        nextRank = rank;
        if (spec.MayOutputTofu && !includeTofuRisk)
        {
            return true;
        }

        if (spec.File is { } file)
        {
            sources.Add((DictionarySource.File(file), rank));
            nextRank = rank + 1;
            return true;
        }

        foreach (DictionarySpec child in spec.Children)
        {
            int before = sources.Count;
            if (!TryRank(child, includeTofuRisk, spec.Policy == MatchPolicy.Union ? rank : nextRank, sources, out int childNext))
            {
                return false;
            }

            if (spec.Policy == MatchPolicy.Union)
            {
                if (childNext > rank + 1)
                {
                    return false;
                }

                if (sources.Count > before)
                {
                    nextRank = rank + 1;
                }
            }
            else
            {
                nextRank = childNext;
            }
        }

        return true;
    }
}
