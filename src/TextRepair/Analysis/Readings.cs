namespace TextRepair.Analysis;

/// <summary>
/// Mandarin readings of every character in Unihan (kMandarin, kHanyuPinyin, kHanyuPinlu, kXHC1983 merged; the first
/// one is the first kMandarin), stored compactly as syllable ids. Immutable after construction; thread-safe.
/// </summary>
internal sealed class Readings
{
    // Canonical keys are at most 8 ASCII characters: packed 7 bits each into a ulong, they hash as integers.
    private readonly Dictionary<ulong, ushort> _ids = [];
    private readonly HashSet<ulong> _toneless = [];
    private readonly List<string> _keys = [];
    private readonly List<string> _lostVowelForms = [];
    private readonly Dictionary<int, int> _index = [];
    private readonly List<ushort> _pool = [];

    public Readings(IEnumerable<(string Key, string Value)> lines)
    {
        Span<char> key = stackalloc char[Pinyin.MaxKeyLength];
        foreach (var (character, value) in lines)
        {
            if (!System.Text.Rune.TryGetRuneAt(character, 0, out System.Text.Rune rune) || rune.Utf16SequenceLength != character.Length)
            {
                continue;
            }

            int start = _pool.Count;
            foreach (string reading in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string normalized = reading.Normalize(System.Text.NormalizationForm.FormC);
                if (!Pinyin.TryParse(normalized, key, out int length, out _))
                {
                    continue;
                }

                ulong packed = Pack(key[..length]);
                if (!_ids.TryGetValue(packed, out ushort id))
                {
                    id = checked((ushort)_keys.Count);
                    _ids.Add(packed, id);
                    _keys.Add(key[..length].ToString());
                    _lostVowelForms.Add(LostVowelForm(normalized));
                    _toneless.Add(Pack(key[..(length - 1)]));
                }

                if (!_pool.Skip(start).Contains(id))
                {
                    _pool.Add(id);
                }
            }

            int count = _pool.Count - start;
            if (count > 0)
            {
                _index[rune.Value] = (start << 8) | Math.Min(count, 255);
            }
        }
    }

    /// <summary>Number of distinct toned syllables known.</summary>
    public int SyllableCount => _keys.Count;

    /// <summary>True when the letters (canonical key without its tone digit) form a known Mandarin syllable.</summary>
    public bool IsKnownSyllable(ReadOnlySpan<char> letters) => _toneless.Contains(Pack(letters));

    /// <summary>
    /// Parses <paramref name="text"/> as one pinyin syllable (<see cref="Pinyin.TryParse"/>: tone marks or a tone digit)
    /// into its canonical key, and accepts it only when its letters form a known Mandarin syllable: the one test the
    /// annotation check and the encoding scanner's pinyin gate share.
    /// </summary>
    public bool TryParseKnownSyllable(ReadOnlySpan<char> text, Span<char> key, out int keyLength, out int tone) =>
        Pinyin.TryParse(text, key, out keyLength, out tone) && IsKnownSyllable(key[..(keyLength - 1)]);

    /// <summary>The id of a canonical key ("jian1"), or -1.</summary>
    public int IdOf(ReadOnlySpan<char> canonicalKey) => _ids.TryGetValue(Pack(canonicalKey), out ushort id) ? id : -1;

    /// <summary>Packs a canonical key (at most 8 ASCII characters) into an integer, 7 bits per character.</summary>
    public static ulong Pack(ReadOnlySpan<char> key)
    {
        ulong packed = 0;
        foreach (char c in key)
        {
            packed = (packed << 7) | (c & 0x7FU);
        }

        return packed;
    }

    /// <summary>The canonical key of a syllable id.</summary>
    public string KeyOf(int id) => _keys[id];

    /// <summary>The reading with its tone-marked vowel dropped ("zhǎn" → "zhn"), as some damaged pages show it.</summary>
    public string LostVowelFormOf(int id) => _lostVowelForms[id];

    /// <summary>The reading ids of a character (first = first kMandarin); empty when Unihan has none.</summary>
    public ReadingList Of(int codePoint) =>
        _index.TryGetValue(codePoint, out int packed) ? new ReadingList(this, packed >> 8, packed & 0xFF) : default;

    /// <summary>The first kMandarin reading of a character as written in Unihan (NFC), or null.</summary>
    public string? FirstReadingText(int codePoint)
    {
        ReadingList list = Of(codePoint);
        return list.Count == 0 ? null : ToText(list[0]);
    }

    /// <summary>Writes a syllable id back as pinyin with a precomposed tone mark ("jian1" → "jiān").</summary>
    public string ToText(int id)
    {
        string key = _keys[id];
        int tone = key[^1] - '0';
        ReadOnlySpan<char> letters = key.AsSpan(0, key.Length - 1);
        int mark = ToneMarkIndex(letters);
        var builder = new System.Text.StringBuilder(letters.Length + 1);
        for (int i = 0; i < letters.Length; i++)
        {
            char c = letters[i] switch
            {
                'v' => '\u00FC',
                'E' => '\u00EA',
                char other => other,
            };
            builder.Append(c);
            if (i == mark && tone != 0)
            {
                builder.Append(tone switch { 1 => '\u0304', 2 => '\u0301', 3 => '\u030C', _ => '\u0300' });
            }
        }

        return builder.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    internal ushort PoolAt(int index) => _pool[index];

    // The standard placement: a or e if present, the o of "ou", otherwise the last vowel; syllabic m/n/ng otherwise.
    private static int ToneMarkIndex(ReadOnlySpan<char> letters)
    {
        int a = letters.IndexOfAny('a', 'e', 'E');
        if (a >= 0)
        {
            return a;
        }

        int ou = letters.IndexOf("ou", StringComparison.Ordinal);
        if (ou >= 0)
        {
            return ou;
        }

        int last = letters.LastIndexOfAny("iouv");
        return last >= 0 ? last : 0;
    }

    private static string LostVowelForm(string reading)
    {
        var builder = new System.Text.StringBuilder(reading.Length);
        string decomposed = reading.Normalize(System.Text.NormalizationForm.FormD);
        for (int i = 0; i < decomposed.Length; i++)
        {
            char c = decomposed[i];
            bool marked = i + 1 < decomposed.Length && decomposed[i + 1] is '\u0304' or '\u0301' or '\u030C' or '\u0300';
            if (marked || c is >= '\u0300' and <= '\u036F')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A character's reading ids (a view into the shared pool).</summary>
    internal readonly struct ReadingList
    {
        private readonly Readings? _owner;
        private readonly int _start;

        public ReadingList(Readings owner, int start, int count)
        {
            _owner = owner;
            _start = start;
            Count = count;
        }

        public int Count { get; }

        public int this[int index] => _owner!.PoolAt(_start + index);

        public bool Contains(int id)
        {
            for (int i = 0; i < Count; i++)
            {
                if (this[i] == id)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when some reading has the given letters, whatever its tone.</summary>
        public bool ContainsLetters(ReadOnlySpan<char> letters)
        {
            for (int i = 0; i < Count; i++)
            {
                string key = _owner!.KeyOf(this[i]);
                if (key.AsSpan(0, key.Length - 1).SequenceEqual(letters))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
