using System.Buffers;
using System.Collections.Concurrent;

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
internal sealed class ConversionPipeline
{
    /// <summary>Preferred number of source units converted as one piece.</summary>
    public const int PieceLength = 8192;

    private static readonly ConcurrentDictionary<string, Lazy<StageTable>> s_tables = new(StringComparer.Ordinal);

    private readonly StageTable[] _normalization;
    private readonly (char First, char Last)[]? _normalizationRanges;
    private readonly StageTable? _segmentation;
    private readonly StageTable[] _chain;

    // Set when the segmentation dictionary is exactly the first stage's top-ranked dictionaries (s2t, s2tw, s2twp,
    // s2hk, s2hkp, tw2sp...): then _chain[0] holds only the lower-ranked dictionaries and this is the whole first stage,
    // built only for text with IDS operators (see ConvertMain).
    private readonly Lazy<StageTable>? _fullFirst;
    private readonly string?[]? _composed;
    private readonly ulong[] _breakers;
    private readonly int _idsWindow;
    private readonly StageTable? _user;
    private readonly long _expansionNumerator;
    private readonly long _expansionDenominator;
    private readonly long _byteExpansionNumerator;
    private readonly long _byteExpansionDenominator;

    private ConversionPipeline(StageTable[] normalization, StageTable? segmentation, StageTable[] chain, Lazy<StageTable>? fullFirst, StageTable? user)
    {
        _user = user;
        _fullFirst = fullFirst;
        _normalization = normalization;
        _segmentation = segmentation;
        _chain = chain;
        _composed = segmentation is null ? null : new string?[segmentation.KeyCount];

        var starts = new List<char>();
        if (normalization.Length > 0)
        {
            // A unit that starts no key of the first normalization stage leaves it unchanged; when the text has
            // none at all, the whole normalization chain is the identity (later stages see the same text).
            for (int c = 0; c < 65536; c++)
            {
                if (normalization[0].StartsKey((char)c))
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

        _breakers = new ulong[65536 / 64];
        Array.Fill(_breakers, ulong.MaxValue);
        bool idsInValues = false;
        long numerator = user?.ExpansionNumerator ?? 1;
        long denominator = user?.ExpansionDenominator ?? 1;
        long byteNumerator = user?.ByteExpansionNumerator ?? 1;
        long byteDenominator = user?.ByteExpansionDenominator ?? 1;
        long window = 128;
        var transforms = new List<StageTable>(normalization);
        transforms.AddRange(chain);
        for (int i = 0; i < transforms.Count; i++)
        {
            StageTable table = transforms[i];
            int stageNumerator = table.ExpansionNumerator;
            int stageDenominator = table.ExpansionDenominator;
            int stageByteNumerator = table.ByteExpansionNumerator;
            int stageByteDenominator = table.ByteExpansionDenominator;
            int maxKeyLength = table.MaxKeyLength;
            if (fullFirst is not null && i == normalization.Length)
            {
                // The fused first stage writes either the segmentation dictionary's value of a whole segment or
                // the lower-ranked dictionaries' output: bound it by the larger of the two.
                StageTable other = segmentation!;
                if ((long)other.ExpansionNumerator * stageDenominator > (long)stageNumerator * other.ExpansionDenominator)
                {
                    (stageNumerator, stageDenominator) = (other.ExpansionNumerator, other.ExpansionDenominator);
                }

                if ((long)other.ByteExpansionNumerator * stageByteDenominator > (long)stageByteNumerator * other.ByteExpansionDenominator)
                {
                    (stageByteNumerator, stageByteDenominator) = (other.ByteExpansionNumerator, other.ByteExpansionDenominator);
                }

                maxKeyLength = Math.Max(maxKeyLength, other.MaxKeyLength);
                idsInValues |= other.ValuesContainIdsOperator;
            }

            numerator *= stageNumerator;
            denominator *= stageDenominator;
            byteNumerator *= stageByteNumerator;
            byteDenominator *= stageByteDenominator;
            if (i < transforms.Count - 1)
            {
                // 128 units of a later stage's text come from at most 128 * max(2, longest key) units before it.
                window = Math.Min(int.MaxValue, window * Math.Max(2, maxKeyLength));
            }

            idsInValues |= table.ValuesContainIdsOperator;
        }

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
            _breakers[c >> 6] &= ~(1UL << c);
        }

        for (int c = 0x2FF0; c <= 0x2FFF; c++)
        {
            _breakers[c >> 6] &= ~(1UL << c);
        }

        _idsWindow = idsInValues ? int.MaxValue : (int)window;
        long gcd = Gcd(numerator, denominator);
        _expansionNumerator = numerator / gcd;
        _expansionDenominator = denominator / gcd;
        gcd = Gcd(byteNumerator, byteDenominator);
        _byteExpansionNumerator = byteNumerator / gcd;
        _byteExpansionDenominator = byteDenominator / gcd;
    }

    /// <summary>Builds the pipeline of a config; stage tables are shared between configs that use the same dictionaries.</summary>
    public static ConversionPipeline Create(OpenCcConfig config, bool includeTofuRisk) => Create(config, includeTofuRisk, s_tables);

    /// <summary>
    /// Builds a pipeline with its own table cache: the cost of a first use (benchmarks) and the memory of a set
    /// of configs loaded together (tables shared through <paramref name="tables"/>).
    /// </summary>
    internal static ConversionPipeline Create(OpenCcConfig config, bool includeTofuRisk, ConcurrentDictionary<string, Lazy<StageTable>> tables)
    {
        StageTable? segmentation = config.Segmentation is null ? null : Table(config.Segmentation, includeTofuRisk: true, tables);
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
            residual = ResidualTable(config.Segmentation!, chainSpecs[0], includeTofuRisk, tables);
            if (residual is not null)
            {
                fullFirst = LazyTable(chainSpecs[0], includeTofuRisk, tables);
            }
        }

        var chain = new StageTable[chainSpecs.Count];
        for (int i = 0; i < chain.Length; i++)
        {
            chain[i] = i == 0 && residual is not null ? residual : Table(chainSpecs[i], includeTofuRisk, tables)!;
        }

        return new ConversionPipeline(Tables(config.Normalization, includeTofuRisk, tables), segmentation, chain, fullFirst, user: null);
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
    private static StageTable? ResidualTable(DictionarySpec segmentationSpec, DictionarySpec firstSpec, bool includeTofuRisk, ConcurrentDictionary<string, Lazy<StageTable>> cache)
    {
        List<(DictionarySource Source, int Rank)> segmentationSources = Sources(segmentationSpec, includeTofuRisk: true);
        List<(DictionarySource Source, int Rank)> firstSources = Sources(firstSpec, includeTofuRisk);
        var rest = new List<(DictionarySource Source, int Rank)>();
        int top = 0;
        foreach ((DictionarySource source, int rank) in firstSources)
        {
            if (source.FileName is null)
            {
                return null;
            }

            if (rank == 0)
            {
                if (top >= segmentationSources.Count || segmentationSources[top].Rank != 0 || segmentationSources[top].Source.FileName != source.FileName)
                {
                    return null;
                }

                top++;
            }
            else
            {
                rest.Add((source, rank));
            }
        }

        if (top != segmentationSources.Count || top == 0 || rest.Count == 0)
        {
            return null;
        }

        string key = "R:" + firstSpec.CacheKey(includeTofuRisk);
        StageTable table = cache.GetOrAdd(key, _ => new Lazy<StageTable>(() => StageTable.Build(rest))).Value;
        return table.KeysAreSingleCodePoints ? table : null;
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
        new(_normalization, _segmentation, _chain, _fullFirst, StageTable.Build([(DictionarySource.Map(phrases), 0)]));

    /// <summary>The user phrases of this pipeline, or null.</summary>
    public StageTable? UserPhrases => _user;

    /// <summary>Output units that always suffice for <paramref name="inputLength"/> input units.</summary>
    public long MaxOutputLength(long inputLength) =>
        ((inputLength * _expansionNumerator) + _expansionDenominator - 1) / _expansionDenominator;

    /// <summary>Output UTF-8 bytes that always suffice for <paramref name="inputLength"/> input UTF-8 bytes.</summary>
    public long MaxOutputBytes(long inputLength) =>
        ((inputLength * _byteExpansionNumerator) + _byteExpansionDenominator - 1) / _byteExpansionDenominator;

    public bool IsBreaker(char c) => (_breakers[c >> 6] & (1UL << c)) != 0;

    /// <summary>
    /// Finds the last safe cut in (<paramref name="start"/>, <paramref name="limit"/>]: a position right after a
    /// breaker with no IDS operator in the window before it. Returns -1 when there is none.
    /// </summary>
    public int FindCutBackward(ReadOnlySpan<char> text, int start, int limit)
    {
        int i = limit - 1;
        while (i >= start)
        {
            if (!IsBreaker(text[i]))
            {
                i--;
                continue;
            }

            int cut = i + 1;
            int windowStart = (int)Math.Max(0, (long)cut - _idsWindow);
            int op = text.Slice(windowStart, cut - windowStart).LastIndexOfAnyInRange('\u2FF0', '\u2FFF');
            if (op < 0)
            {
                return cut;
            }

            i = windowStart + op - 1;
        }

        return -1;
    }

    /// <summary>Finds the first safe cut after <paramref name="start"/>; -1 when there is none.</summary>
    public int FindCutForward(ReadOnlySpan<char> text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (IsBreaker(text[i]))
            {
                int cut = i + 1;
                int windowStart = (int)Math.Max(0, (long)cut - _idsWindow);
                int op = text.Slice(windowStart, cut - windowStart).LastIndexOfAnyInRange('\u2FF0', '\u2FFF');
                if (op >= 0)
                {
                    // Skip past the window of this operator.
                    i = Math.Max(i, (int)Math.Min(int.MaxValue - 1, (long)windowStart + op + _idsWindow) - 1);
                    continue;
                }

                return cut;
            }
        }

        return -1;
    }

    /// <summary>
    /// Converts <paramref name="source"/> as a complete text into <paramref name="destination"/>, which must hold
    /// <see cref="MaxOutputLength"/>(source.Length) units. Returns the number of units written.
    /// </summary>
    public int ConvertFinal(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (_user is null)
        {
            return ConvertConfig(source, destination);
        }

        // User phrases first: their longest matches are written verbatim, the text between them is converted.
        StageTable user = _user;
        int written = 0;
        int runStart = 0;
        int i = 0;
        while (i < source.Length)
        {
            int matched = user.Match(source, i, out int valueIndex);
            if (matched == 0)
            {
                i += TextUnits.CodePointLength(source, i);
                continue;
            }

            if (i > runStart)
            {
                written += ConvertConfig(source.Slice(runStart, i - runStart), destination.Slice(written));
            }

            ReadOnlySpan<char> value = user.Value(valueIndex);
            value.CopyTo(destination.Slice(written));
            written += value.Length;
            i += matched;
            runStart = i;
        }

        if (i > runStart)
        {
            written += ConvertConfig(source.Slice(runStart, i - runStart), destination.Slice(written));
        }

        return written;
    }

    private int ConvertConfig(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (_normalization.Length == 0 || !MayNeedNormalization(source))
        {
            return ConvertMain(source, destination);
        }

        char[]? rented = null;
        try
        {
            ReadOnlySpan<char> text = source;
            foreach (StageTable stage in _normalization)
            {
                long need = stage.ExpansionNumerator * (long)text.Length / stage.ExpansionDenominator + 1;
                char[] buffer = ArrayPool<char>.Shared.Rent((int)need);
                int written = stage.Convert(text, buffer);
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }

                rented = buffer;
                text = buffer.AsSpan(0, written);
            }

            return ConvertMain(text, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private bool MayNeedNormalization(ReadOnlySpan<char> text)
    {
        if (_normalizationRanges is null)
        {
            return true;
        }

        foreach ((char first, char last) in _normalizationRanges)
        {
            if (text.ContainsAnyInRange(first, last))
            {
                return true;
            }
        }

        return false;
    }

    private int ConvertMain(ReadOnlySpan<char> text, Span<char> destination)
    {
        var scratch = new Scratch(this, text.Length);
        try
        {
            if (_segmentation is null)
            {
                return ConvertSegment(text, _chain.Length == 0 ? null : _chain[0], destination, ref scratch);
            }

            StageTable segmentation = _segmentation;
            StageTable? first = _chain.Length == 0 ? null : _chain[0];
            if (_fullFirst is not null && text.ContainsAnyInRange('\u2FF0', '\u2FFF'))
            {
                // IDS sequences step differently from code points: use the whole first stage.
                first = _fullFirst.Value;
            }

            int written = 0;
            int runStart = 0;
            int i = 0;
            while (true)
            {
                i = segmentation.SkipUnmatched(text, i);
                if (i >= text.Length)
                {
                    break;
                }

                int matched = segmentation.Match(text, i, out int valueIndex);
                if (matched == 0)
                {
                    i += TextUnits.UnmatchedLength(text.Slice(i));
                    continue;
                }

                if (i > runStart)
                {
                    written += ConvertSegment(text.Slice(runStart, i - runStart), first, destination.Slice(written), ref scratch);
                }

                string composed = _composed![valueIndex] ??= Compose(text.Slice(i, matched), valueIndex);
                if (composed.Length == 1)
                {
                    destination[written] = composed[0];
                }
                else
                {
                    composed.CopyTo(destination.Slice(written));
                }

                written += composed.Length;
                i += matched;
                runStart = i;
            }

            if (text.Length > runStart)
            {
                written += ConvertSegment(text.Slice(runStart), first, destination.Slice(written), ref scratch);
            }

            return written;
        }
        finally
        {
            scratch.Dispose();
        }
    }

    private string Compose(ReadOnlySpan<char> key, int valueIndex)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent((int)MaxOutputLength(key.Length) + 1);
        var scratch = new Scratch(this, key.Length);
        try
        {
            // Fused: the first stage turns the whole segment into its segmentation value (see ResidualTable).
            int written = _fullFirst is not null
                ? ConvertSegment(_segmentation!.Value(valueIndex), null, buffer, ref scratch)
                : ConvertSegment(key, _chain.Length == 0 ? null : _chain[0], buffer, ref scratch);
            return new string(buffer, 0, written);
        }
        finally
        {
            scratch.Dispose();
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Runs the conversion chain over one segment, with <paramref name="first"/> as the first stage (null: the
    /// first stage was already applied).
    /// </summary>
    private int ConvertSegment(ReadOnlySpan<char> segment, StageTable? first, Span<char> destination, ref Scratch scratch)
    {
        StageTable[] chain = _chain;
        int stages = chain.Length - (first is null ? 1 : 0);
        if (stages <= 0)
        {
            segment.CopyTo(destination);
            return segment.Length;
        }

        ReadOnlySpan<char> text = segment;
        for (int s = 0; s < stages - 1; s++)
        {
            StageTable stage = s == 0 && first is not null ? first : chain[s + chain.Length - stages];
            Span<char> buffer = scratch.Buffer(s & 1);
            int written = stage.Convert(text, buffer);
            text = buffer.Slice(0, written);
        }

        return (stages == 1 && first is not null ? first : chain[^1]).Convert(text, destination);
    }

    /// <summary>Intermediate buffers for the chain, rented once per converted piece.</summary>
    private struct Scratch : IDisposable
    {
        private readonly int _length;
        private char[]? _first;
        private char[]? _second;

        public Scratch(ConversionPipeline pipeline, int textLength)
        {
            _length = pipeline._chain.Length < 2 ? 0 : (int)Math.Min(Array.MaxLength, pipeline.MaxOutputLength(textLength) + 1);
        }

        public Span<char> Buffer(int which) =>
            which == 0 ? (_first ??= ArrayPool<char>.Shared.Rent(_length)) : (_second ??= ArrayPool<char>.Shared.Rent(_length));

        public void Dispose()
        {
            if (_first is not null)
            {
                ArrayPool<char>.Shared.Return(_first);
            }

            if (_second is not null)
            {
                ArrayPool<char>.Shared.Return(_second);
            }
        }
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static StageTable[] Tables(DictionarySpec[] stages, bool includeTofuRisk, ConcurrentDictionary<string, Lazy<StageTable>> cache)
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

    private static StageTable? Table(DictionarySpec spec, bool includeTofuRisk, ConcurrentDictionary<string, Lazy<StageTable>> cache) =>
        LazyTable(spec, includeTofuRisk, cache)?.Value;

    private static Lazy<StageTable>? LazyTable(DictionarySpec spec, bool includeTofuRisk, ConcurrentDictionary<string, Lazy<StageTable>> cache)
    {
        string? key = spec.CacheKey(includeTofuRisk);
        return key is null ? null : cache.GetOrAdd(key, _ => new Lazy<StageTable>(() => StageTable.Build(Sources(spec, includeTofuRisk))));
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
