using System.Collections.Concurrent;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Remembers tokens that a search found no reading for, on their own evidence. That decision is a pure function of the
/// token and the two characters around it (<see cref="TokenReading.Decide"/> reads nothing else: the language models
/// and code pages are fixed), so a token seen again in the same context is skipped without a search, with exactly the
/// outcome a search would give. Corpora repeat such tokens all the time: pinyin syllables with tone letters, names
/// with accented letters, boilerplate lines of machine-converted Traditional text, each a search of 150-800 readings.
/// Bounded; thread-safe (the scanner runs on all cores under <c>--jsonl</c>).
/// </summary>
internal static class CleanTokenCache
{
    /// <summary>
    /// Longest token remembered. Repeated tokens are words and short phrases; a long token is a sentence or a paragraph
    /// without spaces, seldom seen twice. 256 characters bound an entry at about 0.5 KB.
    /// </summary>
    public const int MaxTokenLength = 256;

    /// <summary>
    /// Entries kept before the cache starts afresh: 16,384 entries of at most 0.5 KB are at most 8 MB, far above the
    /// distinct clean tokens of a document, small beside the 1.5 MB of score tables and the models the engine loads.
    /// </summary>
    public const int Capacity = 16_384;

    private static readonly ConcurrentDictionary<Key, bool> s_clean = new();

    /// <summary>True when the token in this context is known to have no reading on its own evidence.</summary>
    public static bool IsKnownClean(string token, char before, char after) =>
        token.Length <= MaxTokenLength && s_clean.ContainsKey(new Key(token, before, after));

    /// <summary>Records that the token in this context has no reading on its own evidence.</summary>
    public static void AddClean(string token, char before, char after)
    {
        if (token.Length > MaxTokenLength)
        {
            return;
        }

        if (s_clean.Count >= Capacity)
        {
            // Starting afresh keeps the bound without bookkeeping per hit; the tokens of the current text come back
            // at once. (Two threads may both clear; either way the cache stays bounded and correct.)
            s_clean.Clear();
        }

        s_clean.TryAdd(new Key(token, before, after), true);
    }

    private readonly record struct Key(string Token, char Before, char After);
}
