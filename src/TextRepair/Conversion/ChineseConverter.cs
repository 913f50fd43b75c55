using System.Buffers;
using System.Diagnostics;
using System.Text.Unicode;
using TextRepair.Conversion;

namespace TextRepair;

/// <summary>
/// Converts Chinese text between Simplified and Traditional forms exactly as OpenCC 1.4.2 does, for each of
/// OpenCC's 16 standard configs, with the dictionaries embedded in this library.
/// </summary>
/// <remarks>
/// <para>Instances are immutable and thread-safe: one instance may convert on any number of threads at once.
/// Get one with <see cref="Get(string)"/>; instances are cached per config, so asking again is cheap.</para>
/// <para>Everything no dictionary covers is copied unchanged: line breaks of every kind, U+FEFF, emoji and
/// variation sequences, lone surrogates, control characters. Like OpenCC, characters inside a complete
/// ideographic description sequence (U+2FF0..U+2FFF with its operands) are not converted.</para>
/// </remarks>
public sealed partial class ChineseConverter
{
    private static readonly string[] s_configs =
    [
        "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s",
        "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
    ];

    // One slot per (config, options): a plain array, so that first use JIT-compiles no framework generic over a
    // TextRepair value type (ReadyToRun code cannot cover those).
    private static readonly ChineseConverter?[] s_cache = new ChineseConverter?[s_configs.Length * 2];
    // A plain object for Monitor, not System.Threading.Lock: the first lock on a Lock took about 6 ms in a ReadyToRun
    // app against 0.4 ms for Monitor (session 9, ColdStart probe, load 6-8), paid by every first use.
    private static readonly object s_cacheLock = new();

    /// <summary>
    /// Output units converted on the stack by <see cref="Convert(string)"/> (text up to about 100 characters). The
    /// first rent from ArrayPool&lt;char&gt;.Shared reads a thread-static, which JIT-compiles Thread.GetThreadStaticsBase:
    /// in a ReadyToRun app that had not JIT-compiled anything yet, that started the JIT, 5.4-8.1 ms of CPU (session 9,
    /// in-process timestamps, load 10-12), paid by a first conversion of short text.
    /// </summary>
    private const int StackUnits = 256;

    private readonly ConversionPipeline _pipeline;
    private readonly Dictionary<string, string>? _phrases;
    private readonly ProtectionScanner? _protection;

    private ChineseConverter(string config, ChineseConverterOptions options, ConversionPipeline pipeline, Dictionary<string, string>? phrases, ProtectionScanner? protection = null)
    {
        Config = config;
        Options = options;
        _pipeline = pipeline;
        _phrases = phrases;
        _protection = protection;
    }

    /// <summary>The names of the supported OpenCC configs: s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s s2hkp hk2sp t2tw tw2t t2hk hk2t t2jp jp2t.</summary>
    /// <remarks>Thread-safe; a shared read-only list (no allocation).</remarks>
    public static IReadOnlyList<string> Configs { get; } = Array.AsReadOnly(s_configs);

    /// <summary>The config this converter implements, e.g. "s2t".</summary>
    public string Config { get; }

    /// <summary>The options this converter was built with.</summary>
    public ChineseConverterOptions Options { get; }

    /// <summary>Returns the converter for an OpenCC config (see <see cref="Configs"/>) with OpenCC's library defaults.</summary>
    /// <param name="config">A config name such as "s2t" or "tw2sp", its file name "s2t.json", or a BCP-47 alias such as "zh-Hant-TW" (see <see cref="ConfigAliases"/>); case-insensitive.</param>
    /// <returns>A shared, cached instance: the first call per config loads its dictionaries (a few milliseconds, about 1 MB), later calls allocate nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="config"/> is not a known config; the message lists the valid names.</exception>
    /// <remarks>Thread-safe.</remarks>
    public static ChineseConverter Get(string config) => Get(config, ChineseConverterOptions.None);

    /// <summary>Returns the converter for an OpenCC config (see <see cref="Configs"/>) with the given options.</summary>
    /// <param name="config">A config name such as "s2t" or "tw2sp", its file name "s2t.json", or a BCP-47 alias such as "zh-Hant-TW" (see <see cref="ConfigAliases"/>); case-insensitive.</param>
    /// <param name="options">Which dictionaries to use.</param>
    /// <returns>A shared, cached instance per (config, options): the first call loads the dictionaries, later calls allocate nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="config"/> is not a known config (the message lists the valid names), or <paramref name="options"/> has unknown flags.</exception>
    /// <remarks>Thread-safe.</remarks>
    public static ChineseConverter Get(string config, ChineseConverterOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        if ((options & ~ChineseConverterOptions.ExcludeTofuRiskDictionaries) != 0)
        {
            throw new ArgumentException($"Unknown {nameof(ChineseConverterOptions)} flags: {options}.", nameof(options));
        }

        // The tool and OpenCC name configs by file ("s2t.json"); BCP-47 aliases name them by language tags.
        string? name = Resolve(config) ?? throw new ArgumentException(
            $"Unknown OpenCC config '{config}'. Valid configs: {string.Join(", ", s_configs)}; or a BCP-47 alias: {string.Join(", ", ConfigAliases.Keys)}.",
            nameof(config));
        int index = Array.IndexOf(s_configs, name);
        int slot = (index * 2) + (options == ChineseConverterOptions.None ? 0 : 1);
        if (Volatile.Read(ref s_cache[slot]) is { } cached)
        {
            return cached;
        }

        lock (s_cacheLock)
        {
            // Built under the lock, once per slot (first use only; later calls read the slot above).
            ChineseConverter converter = s_cache[slot] ?? Build(s_configs[index], options);
            Volatile.Write(ref s_cache[slot], converter);
            return converter;
        }
    }

    /// <summary>Converts <paramref name="text"/>.</summary>
    /// <param name="text">The text to convert.</param>
    /// <returns>The converted text; <paramref name="text"/> itself when the conversion changes nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <remarks>Thread-safe. Allocates only the result string (working buffers come from <see cref="ArrayPool{T}.Shared"/>).</remarks>
    public string Convert(string text) => ConvertString(text, sink: null);

    private string ConvertString(string text, IConversionAmbiguitySink? sink)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        if (_pipeline.MaxOutputLength(text.Length) <= StackUnits)
        {
            // Short text: no rented buffer (see StackUnits); the bound guarantees that one call converts it all.
            Span<char> small = stackalloc char[StackUnits];
            OperationStatus done = ConvertCore(text, small, out _, out int smallWritten, isFinalBlock: true, sink);
            Debug.Assert(done == OperationStatus.Done, "The expansion bound fits the stack buffer.");
            return small.Slice(0, smallWritten).SequenceEqual(text) ? text : new string(small.Slice(0, smallWritten));
        }

        char[] buffer = ArrayPool<char>.Shared.Rent(InitialCapacity(text.Length));
        try
        {
            int consumed = 0;
            int written = 0;
            while (true)
            {
                IConversionAmbiguitySink? shifted = sink is null || consumed == 0 ? sink : new ShiftedSink(sink, consumed, written);
                OperationStatus status = ConvertCore(text.AsSpan(consumed), buffer.AsSpan(written), out int used, out int produced, isFinalBlock: true, shifted);
                consumed += used;
                written += produced;
                if (status == OperationStatus.Done)
                {
                    break;
                }

                // DestinationTooSmall: grow to what the rest can need at most.
                char[] larger = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, written + _pipeline.MaxOutputLength(text.Length - consumed)));
                buffer.AsSpan(0, written).CopyTo(larger);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = larger;
            }

            return buffer.AsSpan(0, written).SequenceEqual(text) ? text : new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Converts UTF-16 <paramref name="source"/> into <paramref name="destination"/>, shaped like
    /// <see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/>.
    /// </summary>
    /// <param name="source">The text, or the next block of a longer text.</param>
    /// <param name="destination">Receives the converted text. <see cref="GetMaxConvertedLength(int)"/> gives a size that always suffices.</param>
    /// <param name="charsConsumed">Number of units of <paramref name="source"/> converted.</param>
    /// <param name="charsWritten">Number of units written to <paramref name="destination"/>.</param>
    /// <param name="isFinalBlock">False when more text follows <paramref name="source"/>.</param>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> when all of <paramref name="source"/> was converted.
    /// <see cref="OperationStatus.NeedMoreData"/> (only when <paramref name="isFinalBlock"/> is false): the rest of
    /// <paramref name="source"/> could still convert differently depending on the text that follows; call again
    /// with the unconsumed rest followed by more text. The converter consumes up to a point after which no phrase,
    /// segment or ideographic description sequence can reach back: in practice the last line break, space or
    /// punctuation mark of the block. It never splits a surrogate pair.
    /// <see cref="OperationStatus.DestinationTooSmall"/>: <paramref name="destination"/> is full; call again with the
    /// unconsumed rest and more room. Nothing is written past the units reported.
    /// Converting a text in any split of blocks gives exactly the result of converting it whole.
    /// Never returns <see cref="OperationStatus.InvalidData"/>: lone surrogates are copied unchanged.
    /// </returns>
    /// <remarks>Thread-safe. Allocates nothing once warm: the first conversions of a converter may build a table it
    /// loads on demand, and the working buffers come from <see cref="ArrayPool{T}.Shared"/>, which allocates when it has
    /// no buffer of that size to give (the first call on a thread, say).</remarks>
    public OperationStatus Convert(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true) =>
        ConvertCore(source, destination, out charsConsumed, out charsWritten, isFinalBlock, sink: null);

    private OperationStatus ConvertCore(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock, IConversionAmbiguitySink? sink)
    {
        int position = 0;
        int written = 0;
        OperationStatus status = OperationStatus.Done;
        while (position < source.Length)
        {
            int cut;
            int limit = (int)Math.Min(source.Length, (long)position + ConversionPipeline.PieceLength);
            if (limit == source.Length && isFinalBlock)
            {
                cut = limit;
            }
            else
            {
                cut = FindCutBackward(source, position, limit, isFinalBlock);
                if (cut < 0)
                {
                    cut = FindCutForward(source, limit, isFinalBlock);
                }

                if (cut < 0)
                {
                    if (!isFinalBlock)
                    {
                        status = OperationStatus.NeedMoreData;
                        break;
                    }

                    cut = source.Length;
                }
            }

            int piece = ConvertPiece(source, position, cut, destination.Slice(written), out int pieceWritten, sink, written, isFinalBlock, out bool split);
            position += piece;
            written += pieceWritten;
            if (piece == 0 || split)
            {
                // Nothing fits, or a run without a safe cut was split: the destination is as full as that run allows.
                status = OperationStatus.DestinationTooSmall;
                break;
            }
        }

        charsConsumed = position;
        charsWritten = written;
        return status;
    }

    /// <summary>Returns a destination length (in UTF-16 units) that always suffices for converting <paramref name="sourceLength"/> units.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sourceLength"/> is negative, or the result exceeds <see cref="Array.MaxLength"/>.</exception>
    /// <remarks>Thread-safe; allocates nothing. The bound follows the dictionaries' real worst case through the config's stages
    /// (2.5 units per unit for s2twp, attained by 外键 → 外部索引鍵), rounded up to 1/1024.</remarks>
    public int GetMaxConvertedLength(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        long max = _pipeline.MaxOutputLength(sourceLength);
        return max <= Array.MaxLength ? (int)max : throw TooLong(sourceLength, max, "UTF-16 units");
    }

    /// <summary>Returns a destination length (in UTF-8 bytes) that always suffices for <see cref="ConvertUtf8"/> of <paramref name="sourceLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sourceLength"/> is negative, or the result exceeds <see cref="Array.MaxLength"/>.</exception>
    /// <remarks>Thread-safe; allocates nothing.</remarks>
    public int GetMaxConvertedUtf8Length(int sourceLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sourceLength);
        long max = _pipeline.MaxOutputBytes(sourceLength);
        return max <= Array.MaxLength ? (int)max : throw TooLong(sourceLength, max, "UTF-8 bytes");
    }

    /// <summary>
    /// Returns a converter that writes <paramref name="phrases"/> verbatim wherever their keys occur and converts
    /// the text between them with this converter's config.
    /// </summary>
    /// <param name="phrases">Key and replacement pairs. A later pair with the same key replaces an earlier one;
    /// these phrases take precedence over the phrases of this instance, which are kept.</param>
    /// <returns>A new, independent instance (the config's dictionaries are shared, not copied).</returns>
    /// <remarks>
    /// Keys are matched in the input text before any conversion, leftmost first and longest at each position.
    /// Thread-safe; builds a small table for the phrases (allocates in proportion to them).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="phrases"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is null or empty, or a value is null or empty.</exception>
    public ChineseConverter WithPhrases(IEnumerable<KeyValuePair<string, string>> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var added = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> phrase in phrases)
        {
            if (string.IsNullOrEmpty(phrase.Key))
            {
                throw new ArgumentException("A phrase key is null or empty.", nameof(phrases));
            }

            if (string.IsNullOrEmpty(phrase.Value))
            {
                throw new ArgumentException($"The value of phrase '{phrase.Key}' is null or empty.", nameof(phrases));
            }

            added[phrase.Key] = phrase.Value;
        }

        if (_phrases is not null)
        {
            foreach (KeyValuePair<string, string> phrase in _phrases)
            {
                added.TryAdd(phrase.Key, phrase.Value);
            }
        }

        return new ChineseConverter(Config, Options, _pipeline.WithUserPhrases(added), added, _protection);
    }

    internal ConversionPipeline Pipeline => _pipeline;

    private static ChineseConverter Build(string name, ChineseConverterOptions options)
    {
        bool includeTofu = (options & ChineseConverterOptions.ExcludeTofuRiskDictionaries) == 0;
        return new ChineseConverter(name, options, ConversionPipeline.Create(OpenCcConfig.Load(name), includeTofu), phrases: null);
    }

    private static ArgumentOutOfRangeException TooLong(int sourceLength, long max, string unit) =>
        new(nameof(sourceLength), sourceLength, $"Converting {sourceLength} {unit} may need {max} {unit}, more than an array can hold ({Array.MaxLength}).");

    private int InitialCapacity(int length) =>
        (int)Math.Min(Math.Min(Array.MaxLength, _pipeline.MaxOutputLength(length)), length + (length / 4) + 16 + _pipeline.MaxOutputLength(ConversionPipeline.PieceLength));

    /// <summary>Converts source[start..cut) into destination; returns the units consumed (0 when it does not fit).</summary>
    private int ConvertPiece(ReadOnlySpan<char> source, int start, int cut, Span<char> destination, out int written, IConversionAmbiguitySink? sink, int outputOffset, bool isFinalBlock, out bool split)
    {
        ConversionPipeline pipeline = _pipeline;
        split = false;
        while (true)
        {
            ReadOnlySpan<char> piece = source.Slice(start, cut - start);
            long need = pipeline.MaxOutputLength(piece.Length);
            if (need <= destination.Length)
            {
                written = ConvertUnit(piece, destination, sink, start, outputOffset);
                return piece.Length;
            }

            char[] scratch = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, need));
            try
            {
                int produced = ConvertUnit(piece, scratch, sink: null, 0, 0);
                if (produced <= destination.Length)
                {
                    // Reported only once it is known to fit (a piece that does not fit is retried shorter).
                    written = sink is null ? produced : ConvertUnit(piece, scratch, sink, start, outputOffset);
                    scratch.AsSpan(0, produced).CopyTo(destination);
                    return piece.Length;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(scratch);
            }

            // Too big: try a shorter piece ending at an earlier safe cut, down to the first one.
            int shorter = FindCutBackward(source, start, start + ((cut - start) / 2), isFinalBlock);
            if (shorter < 0)
            {
                int first = FindCutForward(source, start, isFinalBlock);
                if (first <= start || first >= cut)
                {
                    // One run without a safe cut: write the longest prefix that provably converts on its own.
                    split = true;
                    return SplitRun(source.Slice(start, cut - start), destination, out written, sink, start, outputOffset);
                }

                shorter = first;
            }

            cut = shorter;
        }
    }
}
