namespace TextRepair.Analysis.Decoding;

/// <summary>The verdicts of the text being repaired, kept for its whole repair (see <see cref="ForDocument"/>).</summary>
internal static partial class CleanTokenCache
{
    /// <summary>
    /// Characters of tokens the memo of one repair keeps, per verdict: 4 M characters, past which it keeps what it has
    /// and learns nothing more (later tokens are remembered by the process's cache only, as before the memo, and cost a
    /// search per pass). Measured (session 27): a text of 80,000 distinct words (750 KB, 541 K characters of words)
    /// peaked at 13.6 MB more memory than with the process's cache alone, about 25 bytes per character of word for the
    /// memo's two large verdicts (the gate's and the searches'); at the bound, about 100 MB. Texts of up to 4 M
    /// characters of distinct words (tens of megabytes of text) keep them all; a gigabyte text, already 2 GB in memory
    /// as a string, keeps its first 4 M characters of tokens.
    /// </summary>
    public const int DocumentCapacityChars = 1 << 22;

    [ThreadStatic]
    private static Document? t_document;

    /// <summary>
    /// Opens the memo of one text's repair on this thread, until the scope is disposed: every verdict found meanwhile is
    /// kept in it as well as in the process's cache, and looked up there first. The process's cache is bounded for the
    /// sake of all the texts a process repairs and starts afresh when full, so that a text with more distinct tokens than
    /// its <see cref="Capacity"/> lost its own first tokens' verdicts before each later pass over it (the vote, the
    /// pre-scan, the lines' decisions, and up to 8 passes of the repair): 20,000 distinct tokens took 3 times as long
    /// as 10,000 (session 27). The memo lives as long as the repair, so that each distinct token in its context gets each
    /// verdict worked out once per repair (up to <see cref="DocumentCapacityChars"/>), whatever the process repairs
    /// meanwhile on other threads; a token whose search takes a reading is searched where it appears, as before (no
    /// verdict remembers a reading), but from its second search in the repair on its readings are kept by the memo
    /// (<see cref="GetOrSearchReadings"/>). A scope opened while one is open on the thread changes nothing (the outer
    /// one goes on). Not thread-safe: one repair, on one thread. Allocates the memo when it opens one, and an entry per
    /// verdict found.
    /// </summary>
    public static DocumentScope ForDocument()
    {
        if (t_document is not null)
        {
            return default;
        }

        t_document = new Document();
        return new DocumentScope(opened: true);
    }

    /// <summary>The memo of one repair, open until disposed (see <see cref="ForDocument"/>).</summary>
    internal readonly struct DocumentScope(bool opened) : IDisposable
    {
        /// <summary>Closes the memo when this scope opened it.</summary>
        public void Dispose()
        {
            if (opened)
            {
                t_document = null;
            }
        }
    }

    // The five verdicts of one repair, as in the process's cache, and the readings of tokens searched again.
    private sealed class Document
    {
        public readonly DocumentVerdicts<Key, bool> Clean = new(KeyComparer.Instance);

        public readonly DocumentVerdicts<Key, bool> MayBeDamaged = new(KeyComparer.Instance);

        public readonly DocumentVerdicts<Key, string> Guessed = new(KeyComparer.Instance);

        public readonly DocumentVerdicts<Key, LayerStep[][]> Proposals = new(KeyComparer.Instance);

        public readonly DocumentVerdicts<GainKey, double?> ChainGains = new(EqualityComparer<GainKey>.Default);

        // Tokens in their context searched once in this repair, and the readings of those searched again (see
        // GetOrSearchReadings), with their characters and estimated bytes.
        public readonly HashSet<Key> SearchedOnce = new(KeyComparer.Instance);

        public readonly Dictionary<Key, List<Candidate>> Readings = new(KeyComparer.Instance);

        public int SearchedOnceChars;

        public int ReadingsBytes;
    }

    // One verdict's entries for one repair: a plain dictionary (one thread), that stops growing when full rather than
    // starting afresh, so that a pass over the text finds what the passes before it found of its first tokens.
    private sealed class DocumentVerdicts<TKey, TVerdict>(IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        public readonly Dictionary<TKey, TVerdict> Map = new(comparer);

        private int _chars;

        public void Add(TKey key, int tokenLength, TVerdict verdict)
        {
            if (_chars + tokenLength <= DocumentCapacityChars && Map.TryAdd(key, verdict))
            {
                _chars += tokenLength;
            }
        }
    }
}
