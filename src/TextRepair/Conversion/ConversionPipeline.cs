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
    private readonly string?[]? _composed;
    private readonly ulong[] _breakers;
    private readonly int _idsWindow;
    private readonly StageTable? _user;
    private readonly long _expansionNumerator;
    private readonly long _expansionDenominator;
    private readonly long _byteExpansionNumerator;
    private readonly long _byteExpansionDenominator;

    private ConversionPipeline(StageTable[] normalization, StageTable? segmentation, StageTable[] chain, StageTable? user)
    {
        _user = user;
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
            numerator *= table.ExpansionNumerator;
            denominator *= table.ExpansionDenominator;
            byteNumerator *= table.ByteExpansionNumerator;
            byteDenominator *= table.ByteExpansionDenominator;
            if (i < transforms.Count - 1)
            {
                // 128 units of a later stage's text come from at most 128 * max(2, longest key) units before it.
                window = Math.Min(int.MaxValue, window * Math.Max(2, table.MaxKeyLength));
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
        return new ConversionPipeline(
            Tables(config.Normalization, includeTofuRisk, tables),
            config.Segmentation is null ? null : Table(config.Segmentation, includeTofuRisk: true, tables),
            Tables(config.Chain, includeTofuRisk, tables),
            user: null);
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
        }
    }

    /// <summary>A copy of this pipeline whose user phrases are <paramref name="phrases"/> (in match order, first wins).</summary>
    public ConversionPipeline WithUserPhrases(Dictionary<string, string> phrases) =>
        new(_normalization, _segmentation, _chain, StageTable.Build([(DictionarySource.Map(phrases), 0)]));

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
                return ConvertSegment(text, destination, ref scratch);
            }

            StageTable segmentation = _segmentation;
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
                    written += ConvertSegment(text.Slice(runStart, i - runStart), destination.Slice(written), ref scratch);
                }

                string composed = _composed![valueIndex] ??= Compose(text.Slice(i, matched));
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
                written += ConvertSegment(text.Slice(runStart), destination.Slice(written), ref scratch);
            }

            return written;
        }
        finally
        {
            scratch.Dispose();
        }
    }

    private string Compose(ReadOnlySpan<char> key)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent((int)MaxOutputLength(key.Length) + 1);
        var scratch = new Scratch(this, key.Length);
        try
        {
            int written = ConvertSegment(key, buffer, ref scratch);
            return new string(buffer, 0, written);
        }
        finally
        {
            scratch.Dispose();
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Runs the conversion chain over one segment.</summary>
    private int ConvertSegment(ReadOnlySpan<char> segment, Span<char> destination, ref Scratch scratch)
    {
        StageTable[] chain = _chain;
        switch (chain.Length)
        {
            case 0:
                segment.CopyTo(destination);
                return segment.Length;
            case 1:
                return chain[0].Convert(segment, destination);
            default:
                ReadOnlySpan<char> text = segment;
                for (int s = 0; s < chain.Length - 1; s++)
                {
                    Span<char> buffer = scratch.Buffer(s & 1);
                    int written = chain[s].Convert(text, buffer);
                    text = buffer.Slice(0, written);
                }

                return chain[^1].Convert(text, destination);
        }
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

    private static StageTable? Table(DictionarySpec spec, bool includeTofuRisk, ConcurrentDictionary<string, Lazy<StageTable>> cache)
    {
        string? key = spec.CacheKey(includeTofuRisk);
        if (key is null)
        {
            return null;
        }

        return cache.GetOrAdd(key, _ => new Lazy<StageTable>(() => StageTable.Build(Sources(spec, includeTofuRisk)))).Value;
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
