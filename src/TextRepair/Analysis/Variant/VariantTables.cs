using TextRepair.Internal;

namespace TextRepair.Analysis.Variant;

/// <summary>
/// The evidence tables of variant identification, derived once per process from OpenCC's character, variant and
/// regional phrase dictionaries (embedded text, read through <see cref="EmbeddedData"/>). Immutable once built;
/// thread-safe.
/// </summary>
/// <remarks>
/// A character is script evidence only when one script never writes it. Simplified-only: an STCharacters key that s2t
/// always changes and that is no Traditional form (no STCharacters value, TSCharacters key, TWVariants / HKVariants
/// value, or character of a Traditional phrase value: 霉 stays in 發霉). Traditional-only: a TSCharacters key that t2s
/// always changes and that is no Simplified form (no TSCharacters value, STCharacters key, or character of a TSPhrases
/// value). A character in neither table is written the same in both scripts. So 吃
/// (an ST value and a TS value), 群 (a TWVariants value), 只 (maps to itself) and 着 (in neither table) carry no
/// script evidence. A character is regional evidence when
/// the two regional standards disagree on it: it is kept by one region's conversion (t2tw / t2hk) and changed by the
/// other's, or it is a form that only one region's table produces and that is not also a Simplified form.
/// </remarks>
internal sealed partial class VariantTables
{
    private static VariantTables? s_instance;

    private readonly Dictionary<int, CharClass> _supplementary = [];
    private readonly Dictionary<int, string> _suggestions = [];
    private readonly Dictionary<string, PhraseInfo> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PhraseInfo>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private ContextWordSet? _contextWords;

    private VariantTables()
    {
        var toTraditional = Read("STCharacters");
        var toSimplified = Read("TSCharacters");
        var twVariants = Read("TWVariants");
        var hkVariants = Read("HKVariants");
        var twPhraseVariants = ReadPhrases("TWVariantsPhrases");
        var hkPhraseVariants = ReadPhrases("HKVariantsPhrases");

        // A character that is not an ST key is left alone by s2t: it is written in Traditional text too, and so on.
        HashSet<int> traditionalForms = Values(toTraditional);
        traditionalForms.UnionWith(toSimplified.Keys);
        traditionalForms.UnionWith(Values(twVariants));
        traditionalForms.UnionWith(Values(hkVariants));
        HashSet<int> simplifiedForms = Values(toSimplified);
        simplifiedForms.UnionWith(toTraditional.Keys);

        // Characters OpenCC writes inside Traditional phrases (發霉, 恒生) are Traditional forms too, and so on.
        foreach (string file in (ReadOnlySpan<string>)["STPhrases", "STPhrases_GeneratedFromRegionalPhrases", "TWPhrases", "HKPhrases", "TWVariantsPhrases", "HKVariantsPhrases"])
        {
            AddPhraseCharacters(file, traditionalForms);
        }

        AddPhraseCharacters("TSPhrases", simplifiedForms);
        foreach ((int c, int[] values) in toTraditional)
        {
            if (Array.IndexOf(values, c) < 0 && !traditionalForms.Contains(c))
            {
                Or(c, CharClass.SimplifiedOnly);
                if (values.Length == 1)
                {
                    _suggestions[c] = char.ConvertFromUtf32(values[0]);
                }
            }
        }

        foreach ((int c, int[] values) in toSimplified)
        {
            if (Array.IndexOf(values, c) < 0 && !simplifiedForms.Contains(c))
            {
                Or(c, CharClass.TraditionalOnly);
                if (values.Length == 1)
                {
                    _suggestions[c] = char.ConvertFromUtf32(values[0]);
                }
            }
        }

        // What each region's character conversion changes (first value not the key itself).
        var twChanges = Changes(twVariants);
        var hkChanges = Changes(hkVariants);
        foreach ((int c, int to) in twChanges)
        {
            Or(c, CharClass.TaiwanConverts);
            if (!hkChanges.ContainsKey(c))
            {
                Or(c, CharClass.HongKongKept);
            }

            if (twVariants[c].Length == 1)
            {
                TaiwanForm[c] = char.ConvertFromUtf32(to);
            }
        }

        foreach ((int c, int to) in hkChanges)
        {
            Or(c, CharClass.HongKongConverts);
            if (!twChanges.ContainsKey(c))
            {
                Or(c, CharClass.TaiwanKept);
            }

            if (hkVariants[c].Length == 1)
            {
                HongKongForm[c] = char.ConvertFromUtf32(to);
            }
        }

        // Forms only one region's table writes, unless they are also Simplified forms (群 and 吃 are written everywhere).
        HashSet<int> twForms = Values(twVariants, includeSelf: false);
        HashSet<int> hkForms = Values(hkVariants, includeSelf: false);
        foreach (int c in twForms)
        {
            if (!hkForms.Contains(c) && !simplifiedForms.Contains(c) && !hkChanges.ContainsKey(c))
            {
                Or(c, CharClass.TaiwanForm);
            }
        }

        foreach (int c in hkForms)
        {
            if (!twForms.Contains(c) && !simplifiedForms.Contains(c) && !twChanges.ContainsKey(c))
            {
                Or(c, CharClass.HongKongForm);
            }
        }

        TaiwanVariantPhrases = twPhraseVariants;
        HongKongVariantPhrases = hkPhraseVariants;
        MaxVariantPhraseLength = Math.Max(MaxLength(twPhraseVariants.Keys), MaxLength(hkPhraseVariants.Keys));

        AddPhrases("TWPhrases", PhraseKind.NotTaiwanTerm, PhraseKind.TaiwanTerm, isTaiwan: true);
        AddPhrases("HKPhrases", PhraseKind.NotHongKongTerm, PhraseKind.HongKongTerm, isTaiwan: false);
        SetEvidenceKinds();
        SetRegionWeights();
        SetUsageWeights();
        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        CheckStops = BuildCheckStops();
    }

    /// <summary>The shared instance, built on first use (about 10 ms).</summary>
    public static VariantTables Instance => Volatile.Read(ref s_instance) ?? Load();

    /// <summary>Classes of every BMP character.</summary>
    public CharClass[] Bmp { get; } = new CharClass[0x10000];

    /// <summary>The single Taiwan form of a character t2tw changes, when OpenCC lists only one.</summary>
    public Dictionary<int, string> TaiwanForm { get; } = [];

    /// <summary>The single Hong Kong form of a character t2hk changes, when OpenCC lists only one.</summary>
    public Dictionary<int, string> HongKongForm { get; } = [];

    /// <summary>TWVariantsPhrases: words in which t2tw keeps (or sets) a form against the character table.</summary>
    public Dictionary<string, string> TaiwanVariantPhrases { get; }

    /// <summary>HKVariantsPhrases, the same for t2hk.</summary>
    public Dictionary<string, string> HongKongVariantPhrases { get; }

    /// <summary>Length of the longest key of the variant phrase tables.</summary>
    public int MaxVariantPhraseLength { get; }

    /// <summary>Length of the longest regional phrase (key or value).</summary>
    public int MaxPhraseLength { get; private set; }

    /// <summary>Bit n set: some regional phrase of n UTF-16 units starts with this BMP character.</summary>
    public uint[] PhraseLengths { get; } = new uint[0x10000];

    /// <summary>
    /// A bit per hash of the first two UTF-16 units of every regional phrase (<see cref="PairBit"/>, 2^20 bits, 128 KB):
    /// clear means no phrase of two or more units starts with that pair, so the phrase lookups can be skipped. Most
    /// positions fail here: a phrase start character is common (的, 是 start some phrase), its pair rarely is.
    /// </summary>
    public ulong[] PhrasePairs { get; } = new ulong[1 << 14];

    /// <summary>
    /// A bit per hash of the first two units of each TWPhrases key (<see cref="KeyPairBit"/>, 2^16 bits, 8 KB: small
    /// enough to stay in the first-level cache, as the checker tests it at every character that starts a key; with 818
    /// keys, about 1% of other pairs pass by collision and only cost a phrase match).
    /// </summary>
    public ulong[] TaiwanKeyPairs { get; } = new ulong[1 << 10];

    /// <summary>As <see cref="TaiwanKeyPairs"/>, for the keys of HKPhrases.</summary>
    public ulong[] HongKongKeyPairs { get; } = new ulong[1 << 10];

    /// <summary>
    /// A bit per UTF-16 unit that is by itself a TWPhrases key (OpenCC 1.4.2 has 13: 硅 → 矽, the chemical elements):
    /// such a key starts no pair, so the checker tests this next to <see cref="TaiwanKeyPairs"/>.
    /// </summary>
    public ulong[] TaiwanSingleUnitKeys { get; } = new ulong[1 << 10];

    /// <summary>As <see cref="TaiwanSingleUnitKeys"/>, for HKPhrases (none in OpenCC 1.4.2).</summary>
    public ulong[] HongKongSingleUnitKeys { get; } = new ulong[1 << 10];

    /// <summary>The bit of (<paramref name="first"/>, <paramref name="second"/>) in <see cref="PhrasePairs"/> (its low 6 bits select within the word).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int PairBit(char first, char second) => (int)(((uint)first * 0x9E3779B1u ^ second) & 0xFFFFF);

    /// <summary>
    /// Region log-odds (Taiwan against Hong Kong) of each character that is regional evidence, over the roles the scanner
    /// gives it (<see cref="RegionalWeights"/>).
    /// </summary>
    public Dictionary<int, double> CharacterRegionWeights { get; } = [];

    /// <summary>Regional usage weights (<see cref="RegionalWeights.Usage"/>): by character, or by (first &lt;&lt; 16) | second for a pair.</summary>
    public Dictionary<int, double> UsageWeights { get; } = [];

    /// <summary>The regional phrase that <paramref name="text"/> is, if any.</summary>
    public bool TryGetPhrase(ReadOnlySpan<char> text, out PhraseInfo info) => _phraseLookup.TryGetValue(text, out info);

    /// <summary>Classes of a code point (any plane).</summary>
    public CharClass Classify(int codePoint) =>
        codePoint < 0x10000 ? Bmp[codePoint] : _supplementary.TryGetValue(codePoint, out CharClass c) ? c : CharClass.None;

    /// <summary>The single other-script form of a script-only character (OpenCC lists exactly one), or null.</summary>
    public string? ScriptSuggestion(int codePoint) => _suggestions.TryGetValue(codePoint, out string? s) ? s : null;

    /// <summary>
    /// OpenCC's segmentation words in Traditional form (values of STPhrases and STPhrases_GeneratedFromRegionalPhrases,
    /// the segmentation dictionaries of s2twp and s2hkp) plus the regional values: a regional key
    /// inside one of them (海內存知己 holds 內存) is not the regional term. Loaded on first use.
    /// </summary>
    public ContextWordSet ContextWords => Volatile.Read(ref _contextWords) ?? LoadContextWords();

    private static VariantTables Load()
    {
        var tables = new VariantTables();
        return Interlocked.CompareExchange(ref s_instance, tables, null) ?? tables;
    }

    private ContextWordSet LoadContextWords()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in (ReadOnlySpan<string>)["STPhrases", "STPhrases_GeneratedFromRegionalPhrases"])
        {
            foreach (var (_, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
            {
                foreach (string word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(word);
                }
            }
        }

        foreach (var (phrase, info) in _phrases)
        {
            if ((info.Kind & (PhraseKind.TaiwanTerm | PhraseKind.HongKongTerm)) != 0)
            {
                words.Add(phrase);
            }
        }

        ulong[] pairs = new ulong[PhrasePairs.Length];
        ulong[] shapes = new ulong[PhrasePairs.Length];
        ushort[] lengths = new ushort[0x10000];
        foreach (string word in words)
        {
            if (word.Length >= 2)
            {
                int bit = PairBit(word[0], word[1]);
                pairs[bit >> 6] |= 1ul << bit;
                SetBit(shapes, ShapeBit(word, word.Length));
                if (word.Length < 16)
                {
                    lengths[word[0]] |= (ushort)(1 << word.Length);
                }
            }
        }

        var set = new ContextWordSet(words, pairs, lengths, shapes);
        return Interlocked.CompareExchange(ref _contextWords, set, null) ?? set;
    }

    private void AddPhrases(string file, PhraseKind keyKind, PhraseKind valueKind, bool isTaiwan)
    {
        foreach (var (key, value) in EmbeddedDictionary.Lines("OpenCC/dictionary/" + file + ".txt"))
        {
            string[] values = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0 || values[0] == key)
            {
                continue;
            }

            ulong[] keyPairs = isTaiwan ? TaiwanKeyPairs : HongKongKeyPairs;
            if (!char.IsSurrogate(key[0]))
            {
                Or(key[0], isTaiwan ? CharClass.TaiwanKeyStart : CharClass.HongKongKeyStart);
            }

            if (key.Length >= 2)
            {
                int bit = KeyPairBit(key[0], key[1]);
                keyPairs[bit >> 6] |= 1ul << bit;
            }
            else
            {
                ulong[] single = isTaiwan ? TaiwanSingleUnitKeys : HongKongSingleUnitKeys;
                single[key[0] >> 6] |= 1ul << key[0];
            }

            PhraseInfo old = _phrases.TryGetValue(key, out PhraseInfo k) ? k : default;
            _phrases[key] = isTaiwan
                ? old with { Kind = old.Kind | keyKind, TaiwanSuggestion = values[0] }
                : old with { Kind = old.Kind | keyKind, HongKongSuggestion = values[0] };
            foreach (string v in values)
            {
                PhraseInfo existing = _phrases.TryGetValue(v, out PhraseInfo e) ? e : default;
                _phrases[v] = existing with { Kind = existing.Kind | valueKind };
            }
        }

        foreach (string phrase in _phrases.Keys)
        {
            MaxPhraseLength = Math.Max(MaxPhraseLength, phrase.Length);
            // Phrases are matched from BMP starts only (every regional phrase starts with a BMP character today).
            if (phrase.Length < 32 && !char.IsSurrogate(phrase[0]))
            {
                Or(phrase[0], CharClass.PhraseStart);
                PhraseLengths[phrase[0]] |= 1u << phrase.Length;
                if (phrase.Length >= 2)
                {
                    PhrasePairs[PairBit(phrase[0], phrase[1]) >> 6] |= 1ul << PairBit(phrase[0], phrase[1]);
                    SetBit(PhraseShapes, ShapeBit(phrase, phrase.Length));
                }
            }
        }
    }

    private void Or(int codePoint, CharClass value)
    {
        if (codePoint < 0x10000)
        {
            Bmp[codePoint] |= value;
        }
        else
        {
            _supplementary[codePoint] = Classify(codePoint) | value;
        }
    }
}
