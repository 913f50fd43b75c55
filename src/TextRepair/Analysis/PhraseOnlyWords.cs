using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// Counter-evidence to character-level Simplified→Traditional conversion: words of OpenCC's phrase table whose
/// phrase form holds a character that the character-level converter (STCharacters' first values) never writes
/// (<c>頭髮</c>, where it writes <c>頭發</c>; <c>乾淨</c>, <c>分佈</c>, <c>颱風</c>). A mirror's output holds
/// none of them unless its Simplified source already held Traditional characters; Taiwan and Hong Kong text is full of
/// them. Derived from the dictionaries; built lazily; immutable and thread-safe.
/// </summary>
internal sealed class PhraseOnlyWords
{
    private static PhraseOnlyWords? s_instance;

    // Words by the first character that the converter never writes and its right neighbour in the word (or, for a
    // last character, its left neighbour); a bitmap of those characters keeps the scan to one test per character.
    private readonly Dictionary<uint, List<(string Word, int Offset)>> _byCharAndNext = [];
    private readonly Dictionary<uint, List<(string Word, int Offset)>> _byPreviousAndChar = [];
    private readonly ulong[] _units = CharBits.Create();

    private PhraseOnlyWords()
    {
        var first = new Dictionary<char, char>();
        var written = new HashSet<char>();
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/STCharacters.txt"))
        {
            string[] values = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (key.Length == 1 && values is [{ Length: 1 } head, ..])
            {
                first[key[0]] = head[0];
                written.Add(head[0]);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/STPhrases.txt"))
        {
            string[] values = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0 || values[0].Length != phrase.Length || phrase.Length < 2 || !seen.Add(values[0]))
            {
                continue;
            }

            string word = values[0];
            for (int k = 0; k < word.Length; k++)
            {
                char c = word[k];
                char charLevel = first.TryGetValue(phrase[k], out char f) ? f : phrase[k];
                if (c != charLevel && c != phrase[k] && !written.Contains(c) && !char.IsSurrogate(c))
                {
                    Add(word, k);
                    break;
                }
            }
        }
    }

    public static PhraseOnlyWords Instance => Volatile.Read(ref s_instance) ?? Create();

    /// <summary>Counts the phrase-only words in <paramref name="text"/> (non-overlapping, left to right).</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!CharBits.Contains(_units, c))
            {
                continue;
            }

            int end = Match(text, i, _byCharAndNext, i + 1 < text.Length ? ((uint)c << 16) | text[i + 1] : 0);
            if (end < 0 && i > 0)
            {
                end = Match(text, i, _byPreviousAndChar, ((uint)text[i - 1] << 16) | c);
            }

            if (end >= 0)
            {
                count++;
                i = end - 1;
            }
        }

        return count;
    }

    private static int Match(ReadOnlySpan<char> text, int index, Dictionary<uint, List<(string Word, int Offset)>> map, uint key)
    {
        if (key == 0 || !map.TryGetValue(key, out List<(string Word, int Offset)>? candidates))
        {
            return -1;
        }

        foreach (var (word, offset) in candidates)
        {
            int start = index - offset;
            if (start >= 0 && start + word.Length <= text.Length && text.Slice(start, word.Length).SequenceEqual(word))
            {
                return start + word.Length;
            }
        }

        return -1;
    }

    private static PhraseOnlyWords Create()
    {
        var instance = new PhraseOnlyWords();
        return Interlocked.CompareExchange(ref s_instance, instance, null) ?? instance;
    }

    private void Add(string word, int k)
    {
        char c = word[k];
        (Dictionary<uint, List<(string, int)>> map, uint key) = k + 1 < word.Length
            ? (_byCharAndNext, ((uint)c << 16) | word[k + 1])
            : (_byPreviousAndChar, ((uint)word[k - 1] << 16) | c);
        if (!map.TryGetValue(key, out List<(string, int)>? list))
        {
            map[key] = list = [];
        }

        list.Add((word, k));
        CharBits.Add(_units, c);
    }
}
