using System.Collections.Concurrent;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Remembers three verdicts on tokens, each a pure function of the token and the two characters around it, so that a
/// token seen again in the same context gets exactly the outcome it got before without the work. Tokens that a search
/// found no reading for, on their own evidence (<see cref="IsKnownClean"/>): <see cref="TokenReading.Decide"/> reads
/// nothing else (the language models and code pages are fixed). Corpora repeat such tokens all the time: pinyin
/// syllables with tone letters, names with accented letters, boilerplate lines of machine-converted Traditional text,
/// each a search of 150-800 readings. And whether a token may be damaged at all
/// (<see cref="EncodingScanner.MayBeDamaged"/>, <see cref="TryGetMayBeDamaged"/>): one score per script model, asked
/// of every token of every line the pre-scan lets through, mostly short words of uncommon Han (颜色, 边框) that recur
/// throughout a document. And tokens whose search found them damaged but their text a guess
/// (<see cref="TryGetGuess"/>, <see cref="TokenReading.GuessChain"/>): a column of such fields repeats them line after
/// line (20,000 lines of one took 3.3 s searched each time, 0.3 s remembered). And a token's part in its text's vote
/// for a chain (<see cref="EncodingScanner.ElectChain"/>): the chains it proposes and its support for each chain
/// weighed, both pure functions of the token in its context, so that the vote over a text checked again costs lookups,
/// not the searches of its first tokens. Lookups allocate nothing (the first four take a span).
/// Bounded; thread-safe (the scanner runs on all cores under <c>--jsonl</c>). The verdicts of the text being repaired
/// are also kept apart for its whole repair (<see cref="ForDocument"/>), so that a text with more distinct tokens than
/// the <see cref="Capacity"/> is not searched again by every pass over it.
/// </summary>
internal static partial class CleanTokenCache
{
    /// <summary>
    /// Longest token remembered: the scanner's longest (<see cref="EncodingScanner.MaxTokenLength"/>). Repeated tokens
    /// are mostly words and short phrases, but a long line of one pattern (a log line of 锟斤拷 600 K characters long)
    /// is cut into thousands of equal tokens, each a search of the lattice's windows (about 0.15 s for 4,096
    /// characters): remembered, the line costs one search and a lookup per token.
    /// </summary>
    public const int MaxTokenLength = EncodingScanner.MaxTokenLength;

    /// <summary>
    /// Entries kept, per verdict, before the cache starts afresh: 16,384 entries, far above the distinct tokens of a
    /// document that reach the engine (3,400 in LibreOffice's whole zh-CN help).
    /// </summary>
    public const int Capacity = 16_384;

    /// <summary>
    /// Characters of tokens kept, per verdict, before the cache starts afresh: 1 M characters (2 MB, 256 tokens of the
    /// longest kind), small beside the 1.5 MB of score tables and the models the engine loads.
    /// </summary>
    public const int CapacityChars = 1 << 20;

    private static readonly Verdicts<Key, bool> s_clean = new(KeyComparer.Instance);

    private static readonly Verdicts<Key, bool> s_mayBeDamaged = new(KeyComparer.Instance);

    private static readonly Verdicts<Key, string> s_guessed = new(KeyComparer.Instance);

    private static readonly Verdicts<Key, LayerStep[][]> s_proposals = new(KeyComparer.Instance);

    private static readonly Verdicts<GainKey, double?> s_chainGains = new(EqualityComparer<GainKey>.Default);

    /// <summary>True when the token in this context is known to have no reading on its own evidence.</summary>
    public static bool IsKnownClean(ReadOnlySpan<char> token, char before, char after) =>
        TryGet(s_clean, t_document?.Clean, token, before, after, out _);

    /// <summary>Records that the token in this context has no reading on its own evidence.</summary>
    public static void AddClean(string token, char before, char after)
    {
        var key = new Key(token, before, after);
        s_clean.Add(key, token.Length, true);
        t_document?.Clean.Add(key, token.Length, true);
    }

    /// <summary>The remembered <see cref="EncodingScanner.MayBeDamaged"/> of the token in this context, when there is one.</summary>
    public static bool TryGetMayBeDamaged(ReadOnlySpan<char> token, char before, char after, out bool mayBeDamaged) =>
        TryGet(s_mayBeDamaged, t_document?.MayBeDamaged, token, before, after, out mayBeDamaged);

    /// <summary>Records <see cref="EncodingScanner.MayBeDamaged"/> of the token in this context.</summary>
    public static void AddMayBeDamaged(ReadOnlySpan<char> token, char before, char after, bool mayBeDamaged)
    {
        if (token.Length <= MaxTokenLength)
        {
            var key = new Key(token.ToString(), before, after);
            s_mayBeDamaged.Add(key, token.Length, mayBeDamaged);
            t_document?.MayBeDamaged.Add(key, token.Length, mayBeDamaged);
        }
    }

    /// <summary>
    /// The chain of the likeliest reading of a token in this context whose search found it damaged but its text a guess
    /// (<see cref="TokenReading.GuessChain"/>), when it is remembered.
    /// </summary>
    public static bool TryGetGuess(ReadOnlySpan<char> token, char before, char after, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? chain) =>
        TryGet(s_guessed, t_document?.Guessed, token, before, after, out chain);

    /// <summary>Records that the token in this context is damaged but its text a guess, and the likeliest reading's chain.</summary>
    public static void AddGuess(string token, char before, char after, string chain)
    {
        var key = new Key(token, before, after);
        s_guessed.Add(key, token.Length, chain);
        t_document?.Guessed.Add(key, token.Length, chain);
    }

    /// <summary>
    /// The chains the token in this context proposes to its text's vote (<see cref="TokenReading.ProposedChains"/>, a
    /// search of the token), when they are remembered.
    /// </summary>
    public static bool TryGetProposals(ReadOnlySpan<char> token, char before, char after, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LayerStep[][]? chains) =>
        TryGet(s_proposals, t_document?.Proposals, token, before, after, out chains);

    /// <summary>Records the chains the token in this context proposes to its text's vote.</summary>
    public static void AddProposals(string token, char before, char after, LayerStep[][] chains)
    {
        var key = new Key(token, before, after);
        s_proposals.Add(key, token.Length, chains);
        t_document?.Proposals.Add(key, token.Length, chains);
    }

    /// <summary>
    /// The token's support for a chain in its text's vote (<see cref="TokenReading.ChainGain"/>, a replay and a
    /// choice), by the chain's key, when it is remembered.
    /// </summary>
    public static bool TryGetChainGain(string token, char before, char after, string chainKey, out double? gain)
    {
        gain = null;
        if (token.Length > MaxTokenLength)
        {
            return false;
        }

        var key = new GainKey(token, chainKey, before, after);
        if (t_document?.ChainGains.Map.TryGetValue(key, out gain) == true)
        {
            return true;
        }

        if (!s_chainGains.Map.TryGetValue(key, out gain))
        {
            return false;
        }

        t_document?.ChainGains.Add(key, token.Length, gain);
        return true;
    }

    /// <summary>Records the token's support for a chain in its text's vote.</summary>
    public static void AddChainGain(string token, char before, char after, string chainKey, double? gain)
    {
        if (token.Length <= MaxTokenLength)
        {
            var key = new GainKey(token, chainKey, before, after);
            s_chainGains.Add(key, token.Length, gain);
            t_document?.ChainGains.Add(key, token.Length, gain);
        }
    }

    // The verdict of the token in its context: the document's first (a dictionary read without locks), then the
    // process's, whose answer the document keeps too (under the process's key: no allocation), so that the process's
    // cache starting afresh later in the repair costs no verdict twice. Both hold the same pure function, so which one
    // answers never changes the outcome.
    private static bool TryGet<TVerdict>(Verdicts<Key, TVerdict> shared, DocumentVerdicts<Key, TVerdict>? document, ReadOnlySpan<char> token, char before, char after, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TVerdict verdict)
    {
        verdict = default;
        if (token.Length > MaxTokenLength)
        {
            return false;
        }

        var key = new SpanKey(token, before, after);
        if (document?.Map.GetAlternateLookup<SpanKey>().TryGetValue(key, out verdict) == true)
        {
            return true;
        }

        if (!shared.Map.GetAlternateLookup<SpanKey>().TryGetValue(key, out Key known, out verdict))
        {
            return false;
        }

        document?.Add(known, token.Length, verdict);
        return true;
    }

    /// <summary>Forgets every verdict of the process (for measurements of a first pass over a text).</summary>
    internal static void Clear()
    {
        s_clean.Clear();
        s_mayBeDamaged.Clear();
        s_guessed.Clear();
        s_proposals.Clear();
        s_chainGains.Clear();
    }

    // One verdict's entries, with their count and their tokens' characters kept alongside: the dictionary's own Count
    // takes every one of its locks (a dictionary grown to thousands of entries has many), and it was asked at every
    // addition. With session 22's other two lock fixes (LayerUndo's buffers, Codec.AsReadBy), a first repair of the
    // 340 KB garbled benchmark document went from a median of 115 ms to one of 68 ms (BenchmarkDotNet, 4 and 7 runs).
    private sealed class Verdicts<TKey, TVerdict>(IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        public readonly ConcurrentDictionary<TKey, TVerdict> Map = new(comparer);

        private int _count;

        private int _chars;

        // Adds the verdict of a token of tokenLength characters under key.
        public void Add(TKey key, int tokenLength, TVerdict verdict)
        {
            if (tokenLength > MaxTokenLength)
            {
                return;
            }

            if (Volatile.Read(ref _count) >= Capacity || Volatile.Read(ref _chars) + tokenLength > CapacityChars)
            {
                // Starting afresh keeps the bound without bookkeeping per hit; the tokens of the current text come back
                // at once. (Two threads may both clear, and the counts may miss a token added meanwhile; either way the
                // cache stays bounded, within a token per thread, and correct.)
                Clear();
            }

            if (Map.TryAdd(key, verdict))
            {
                Interlocked.Increment(ref _count);
                Interlocked.Add(ref _chars, tokenLength);
            }
        }

        public void Clear()
        {
            Map.Clear();
            Volatile.Write(ref _count, 0);
            Volatile.Write(ref _chars, 0);
        }
    }

    private readonly record struct Key(string Token, char Before, char After);

    // A token's support for a chain: the token and the chain's key side by side, so that a lookup builds no string
    // (session 21 built chain key + token per lookup: a warm check of the zh-cn sample allocated 35,144 B, now 27,928 B).
    private readonly record struct GainKey(string Token, string Chain, char Before, char After);

    private readonly ref struct SpanKey(ReadOnlySpan<char> token, char before, char after)
    {
        public ReadOnlySpan<char> Token { get; } = token;

        public char Before { get; } = before;

        public char After { get; } = after;
    }

    // Keys compare by the token's characters; a span key hashes as the string key it stands for.
    private sealed class KeyComparer : IEqualityComparer<Key>, IAlternateEqualityComparer<SpanKey, Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key x, Key y) => x.Before == y.Before && x.After == y.After && string.Equals(x.Token, y.Token, StringComparison.Ordinal);

        public int GetHashCode(Key key) => Hash(key.Token, key.Before, key.After);

        public bool Equals(SpanKey alternate, Key other) =>
            alternate.Before == other.Before && alternate.After == other.After && alternate.Token.SequenceEqual(other.Token);

        public int GetHashCode(SpanKey alternate) => Hash(alternate.Token, alternate.Before, alternate.After);

        public Key Create(SpanKey alternate) => new(alternate.Token.ToString(), alternate.Before, alternate.After);

        private static int Hash(ReadOnlySpan<char> token, char before, char after) =>
            HashCode.Combine(string.GetHashCode(token, StringComparison.Ordinal), before, after);
    }
}
