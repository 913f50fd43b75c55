using TextRepair.Internal;

namespace TextRepair.Conversion;

/// <summary>
/// The compiled form of one OpenCC config: normalization stages, optional mmseg segmentation, conversion chain.
/// </summary>
/// <remarks>
/// <para>Semantics (OpenCC 1.4.2): the normalization chain runs over the whole text; the result is split into
/// segments (each longest match of the segmentation dictionary is one segment, the text between matches another);
/// the conversion chain runs over each segment on its own. Every stage is a greedy left-to-right longest match;
/// where nothing matches, one code point (or a whole ideographic description sequence) is copied.</para>
/// <para>Safe cuts: a UTF-16 unit that occurs in no key of any stage (a "breaker": line breaks, spaces, most
/// punctuation, digits...) is copied unchanged by every stage, and no match or segment can span it. So the text
/// can be cut right after a breaker and both sides converted on their own, unless an ideographic description
/// sequence (whose operands may be anything) could span the cut: cuts within <see cref="_idsWindow"/> units after
/// an IDS operator are not used.</para>
/// Immutable and thread-safe; the only shared mutable state is a cache of converted segmentation keys whose
/// entries are computed idempotently (a race only computes an entry twice).
/// </remarks>
internal sealed partial class ConversionPipeline
{
    /// <summary>Preferred number of source units converted as one piece.</summary>
    public const int PieceLength = 8192;

    // Entries per block of the converted-key cache: 512 bytes, so a text that uses a few hundred phrases allocates tens of KB.
    private const int ComposedBlock = 64;

    private readonly StageTable[] _normalization;
    private readonly (char First, char Last)[]? _normalizationRanges;
    private readonly StageTable? _segmentation;
    private readonly StageTable[] _chain;

    // Set when the segmentation dictionary is exactly the first stage's top-ranked dictionaries (s2t, s2tw, s2twp,
    // s2hk, s2hkp, tw2sp...): then _chain[0] holds only the lower-ranked dictionaries and this is the whole first stage,
    // built only for text with IDS operators (see ConvertMain).
    private readonly Lazy<StageTable>? _fullFirst;
    // Converted segmentation keys by value index, in blocks of ComposedBlock allocated on first use: a dense array
    // took 400 KB per config segmented by STPhrases before its first conversion (1.6 MB of the 16 configs).
    private readonly string?[]?[]? _composed;
    // For a segmentation table with a start filter: its entries with the whole chain's mapping of each unit that every
    // stage settles alone (StageTable.BuildSettledEntries), built once the filter is (256 KB; null until then).
    private uint[]? _settledEntries;
    // The segmentation table's start filter with the chain's last-stage key pairs (StageTable.BuildSettledEntries; 512 KB
    // for STPhrases); written before _settledEntries is published.
    private ulong[]? _settledFilter;
    // Each unit's input to the chain's last stage (StageTable.BuildSettledEntries; 128 KB), for StageTable.Settle's exact pair
    // test; written before _settledEntries is published.
    private char[]? _settledInputs;
    // The segmentation table's direct pairs with their values through the chain (SettledDirectPairs; 512 KB for
    // STPhrases); written before _settledEntries is published.
    private ulong[]? _settledDirectPairs;
    // Whether the first stage's conversion loop watches for the normalization's units (WatchesNormalization): 0 not
    // decided yet, 1 yes, -1 no.
    private int _watchState;
    private readonly ulong[] _breakers;
    private readonly int _idsWindow;
    private readonly StageTable? _user;
    private readonly long _expansionNumerator;
    private readonly long _expansionDenominator;
    private readonly long _byteExpansionNumerator;
    private readonly long _byteExpansionDenominator;

    // The dictionary trees behind the tables, for ambiguity reports (null for pipelines built otherwise).
    private PipelineSpecs? _specs;

    private ConversionPipeline(StageTable[] normalization, StageTable? segmentation, StageTable[] chain, Lazy<StageTable>? fullFirst, StageTable? user)
    {
        _user = user;
        _fullFirst = fullFirst;
        _normalization = normalization;
        _segmentation = segmentation;
        _chain = chain;
        _composed = segmentation is null ? null : new string?[]?[(segmentation.KeyCount + ComposedBlock - 1) / ComposedBlock];

        var starts = new List<char>();
        if (normalization.Length > 0)
        {
            // A unit that starts no key of the first normalization stage leaves it unchanged; when the text has
            // none at all, the whole normalization chain is the identity (later stages see the same text). Only units
            // in some key are asked, so that the entries of the other units are not read (they are read in place).
            for (int c = 0; c < 65536; c++)
            {
                if (CharBits.Contains(normalization[0].KeyUnits, (char)c) && normalization[0].StartsKey((char)c))
                {
                    starts.Add((char)c);
                }
            }

            // A few ranges that cover every start unit make a cheap vectorized pre-check.
            var ranges = new List<(char First, char Last)>();
            foreach (char c in starts)
            {
                if (ranges.Count > 0 && c - ranges[^1].Last <= 256)
                {
                    ranges[^1] = (ranges[^1].First, c);
                }
                else
                {
                    ranges.Add((c, c));
                }
            }

            _normalizationRanges = normalization.Length == 1 && ranges.Count <= 8 ? [.. ranges] : null;
        }

        _breakers = CharBits.Create();
        for (int w = 0; w < _breakers.Length; w++)
        {
            // Not Array.Fill: Fill<ulong> is JIT-compiled on first use (no ReadyToRun image holds it).
            _breakers[w] = ulong.MaxValue;
        }

        bool idsInValues = false;
        long window = 128;
        var transforms = new List<StageTable>(normalization);
        transforms.AddRange(chain);
        for (int i = 0; i < transforms.Count; i++)
        {
            StageTable table = transforms[i];
            int maxKeyLength = table.MaxKeyLength;
            if (fullFirst is not null && i == normalization.Length)
            {
                // The fused first stage also writes the segmentation dictionary's values.
                maxKeyLength = Math.Max(maxKeyLength, segmentation!.MaxKeyLength);
                idsInValues |= segmentation.ValuesContainIdsOperator;
            }

            if (i < transforms.Count - 1)
            {
                // 128 units of a later stage's text come from at most 128 * max(2, longest key) units before it.
                window = Math.Min(int.MaxValue, window * Math.Max(2, maxKeyLength));
            }

            idsInValues |= table.ValuesContainIdsOperator;
        }

        (_expansionNumerator, _expansionDenominator) = Bound(transforms, fullFirst is null ? -1 : normalization.Length, segmentation, user, bytes: false);
        (_byteExpansionNumerator, _byteExpansionDenominator) = Bound(transforms, fullFirst is null ? -1 : normalization.Length, segmentation, user, bytes: true);

        var keyed = new List<StageTable>(transforms);
        if (segmentation is not null)
        {
            keyed.Add(segmentation);
        }

        if (user is not null)
        {
            keyed.Add(user);
            idsInValues |= user.ValuesContainIdsOperator;
        }

        foreach (StageTable table in keyed)
        {
            for (int w = 0; w < _breakers.Length; w++)
            {
                _breakers[w] &= ~table.KeyUnits[w];
            }
        }

        for (int c = 0xD800; c <= 0xDFFF; c++)
        {
            CharBits.Remove(_breakers, (char)c);
        }

        for (int c = 0x2FF0; c <= 0x2FFF; c++)
        {
            CharBits.Remove(_breakers, (char)c);
        }

        _idsWindow = idsInValues ? int.MaxValue : (int)window;
    }

    /// <summary>Builds the pipeline of a config; stage tables are shared between configs that use the same dictionaries.</summary>
    public static ConversionPipeline Create(OpenCcConfig config, bool includeTofuRisk) => Create(config, includeTofuRisk, TableCache.Shared);

    /// <summary>
    /// Builds a pipeline with its own table cache: the cost of a first use (benchmarks) and the memory of a set
    /// of configs loaded together (tables shared through <paramref name="tables"/>).
    /// </summary>
    internal static ConversionPipeline Create(OpenCcConfig config, bool includeTofuRisk, TableCache tables)
    {
        StageTable? segmentation = config.Segmentation is null ? null : TableCache.Table(config.Segmentation, includeTofuRisk: true, tables);
        var chainSpecs = new List<DictionarySpec>();
        foreach (DictionarySpec stage in config.Chain)
        {
            if (stage.CacheKey(includeTofuRisk) is not null)
            {
                chainSpecs.Add(stage);
            }
        }

        Lazy<StageTable>? fullFirst = null;
        StageTable? residual = null;
        if (segmentation is not null && chainSpecs.Count > 0)
        {
            residual = TableCache.ResidualTable(config.Segmentation!, chainSpecs[0], includeTofuRisk, tables);
            if (residual is not null)
            {
                fullFirst = TableCache.LazyTable(chainSpecs[0], includeTofuRisk, tables);
            }
        }

        var chain = new StageTable[chainSpecs.Count];
        for (int i = 0; i < chain.Length; i++)
        {
            chain[i] = i == 0 && residual is not null ? residual : TableCache.Table(chainSpecs[i], includeTofuRisk, tables)!;
        }

        var normalizationSpecs = new List<DictionarySpec>();
        foreach (DictionarySpec stage in config.Normalization)
        {
            if (stage.CacheKey(includeTofuRisk) is not null)
            {
                normalizationSpecs.Add(stage);
            }
        }

        return new ConversionPipeline(TableCache.Tables(config.Normalization, includeTofuRisk, tables), segmentation, chain, fullFirst, user: null)
        {
            _specs = new PipelineSpecs([.. normalizationSpecs], config.Segmentation, [.. chainSpecs], includeTofuRisk),
        };
    }

    /// <summary>Every distinct stage table of this pipeline (for memory accounting).</summary>
    internal IEnumerable<StageTable> StageTables
    {
        get
        {
            foreach (StageTable table in _normalization)
            {
                yield return table;
            }

            if (_segmentation is not null)
            {
                yield return _segmentation;
            }

            foreach (StageTable table in _chain)
            {
                yield return table;
            }

            if (_fullFirst is { IsValueCreated: true })
            {
                yield return _fullFirst.Value;
            }
        }
    }

    /// <summary>A copy of this pipeline whose user phrases are <paramref name="phrases"/> (in match order, first wins).</summary>
    public ConversionPipeline WithUserPhrases(Dictionary<string, string> phrases) =>
        new(_normalization, _segmentation, _chain, _fullFirst, StageTable.Build([(DictionarySource.Map(phrases), 0)])) { _specs = _specs };

    /// <summary>The user phrases of this pipeline, or null.</summary>
    public StageTable? UserPhrases => _user;

    /// <summary>Output units that always suffice for <paramref name="inputLength"/> input units.</summary>
    public long MaxOutputLength(long inputLength) =>
        ((inputLength * _expansionNumerator) + _expansionDenominator - 1) / _expansionDenominator;

    /// <summary>Output UTF-8 bytes that always suffice for <paramref name="inputLength"/> input UTF-8 bytes.</summary>
    public long MaxOutputBytes(long inputLength) =>
        ((inputLength * _byteExpansionNumerator) + _byteExpansionDenominator - 1) / _byteExpansionDenominator;

    /// <summary>
    /// The expansion bound of a chain of transforming stages (see <see cref="ExpansionBound"/>), as a reduced
    /// fraction. The fused first stage (at <paramref name="fusedStage"/>, or -1) also writes the segmentation
    /// dictionary's values; user phrases write their values verbatim and send the rest through the chain.
    /// </summary>
    private static (long Numerator, long Denominator) Bound(List<StageTable> transforms, int fusedStage, StageTable? segmentation, StageTable? user, bool bytes)
    {
        double[] weights = ExpansionBound.Terminal(bytes);
        for (int i = transforms.Count - 1; i >= 0; i--)
        {
            double[] next = weights;
            weights = ExpansionBound.Before(transforms[i].Shapes, next, next);
            if (i == fusedStage)
            {
                weights = ExpansionBound.Before(segmentation!.Shapes, next, weights);
            }
        }

        if (user is not null)
        {
            weights = ExpansionBound.Before(user.Shapes, ExpansionBound.Terminal(bytes), weights);
        }

        long numerator = ExpansionBound.Numerator(weights, bytes);
        long gcd = Gcd(numerator, ExpansionBound.Denominator);
        return (numerator / gcd, ExpansionBound.Denominator / gcd);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
