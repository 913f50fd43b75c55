using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Analysis.Language;

/// <summary>
/// Character bigram language models, one per <see cref="LanguageScript"/>, trained by <c>tools/train-charlm.sh</c> on
/// openly licensed Debian text (see Data/PROVENANCE.md) and embedded as <c>Data/Language/charlm.bin</c>. Witten-Bell
/// interpolation: a pair seen in training has its stored probability; an unseen pair backs off to the second
/// character's unigram probability times the first character's back-off weight; an unseen character has the model's
/// unknown probability. Log-probabilities are natural logs. Loaded once on first use (about 2 MB of tables);
/// immutable and thread-safe.
/// </summary>
internal sealed class CharNgramModel
{
    /// <summary>The boundary character of the models: a line starts after it and ends before it.</summary>
    public const char Boundary = '\n';

    private const string ResourcePath = "Language/charlm.bin";
    private const float Step = 1f / 8;

    // The uncompressed size of the session-9 model (2,104,868 bytes), rounded up: the inflate's buffer grows no more.
    private const int InflatedSizeHint = 2_200_000;

    private static readonly Lazy<CharNgramModel> s_shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ScriptModel[] _models;

    private CharNgramModel(ScriptModel[] models) => _models = models;

    /// <summary>The embedded models, loaded on first use.</summary>
    public static CharNgramModel Shared => s_shared.Value;

    /// <summary>Number of script models (one per <see cref="LanguageScript"/> value).</summary>
    public int ScriptCount => _models.Length;

    /// <summary>The tables of <paramref name="script"/>'s model, for loops that look up many characters.</summary>
    public ScriptModel Model(LanguageScript script) => _models[(int)script];

    /// <summary>Number of characters with a unigram probability in <paramref name="script"/>'s model.</summary>
    public int UnigramCount(LanguageScript script) => _models[(int)script].UnigramCount;

    /// <summary>Number of character pairs with a stored probability in <paramref name="script"/>'s model.</summary>
    public int BigramCount(LanguageScript script) => _models[(int)script].BigramCount;

    /// <summary>Log-probability of <paramref name="next"/> after <paramref name="previous"/> in <paramref name="script"/>.</summary>
    public double LogProb(LanguageScript script, char previous, char next) => _models[(int)script].LogProb(previous, next);

    /// <summary>True when <paramref name="script"/>'s model saw <paramref name="c"/> in training.</summary>
    public bool IsKnown(LanguageScript script, char c) => _models[(int)script].IsKnown(c);

    /// <summary>Unigram log-probability of <paramref name="c"/> in <paramref name="script"/> (the unknown probability if unseen).</summary>
    public double UnigramLogProb(LanguageScript script, char c) => _models[(int)script].UnigramLogProb(c);

    /// <summary>
    /// Scores <paramref name="text"/> under <paramref name="script"/>'s model, as it stands between
    /// <paramref name="before"/> and <paramref name="after"/> (use <see cref="Boundary"/> at a line's ends).
    /// </summary>
    public SpanScore Score(LanguageScript script, ReadOnlySpan<char> text, char before = Boundary, char after = Boundary)
    {
        ScriptModel model = _models[(int)script];
        double total = 0;
        int unknown = 0;
        char previous = before;
        foreach (char c in text)
        {
            total += model.LogProb(previous, c);
            unknown += model.IsKnown(c) ? 0 : 1;
            previous = c;
        }

        total += model.LogProb(previous, after);
        return new SpanScore(script, total, text.Length + 1, unknown);
    }

    /// <summary>The score of the script model that fits <paramref name="text"/> best (highest total log-probability).</summary>
    public SpanScore ScoreBest(ReadOnlySpan<char> text, char before = Boundary, char after = Boundary)
    {
        SpanScore best = Score(LanguageScript.ZhHans, text, before, after);
        for (int s = 1; s < _models.Length; s++)
        {
            SpanScore score = Score((LanguageScript)s, text, before, after);
            if (score.Total > best.Total)
            {
                best = score;
            }
        }

        return best;
    }

    /// <summary>The script whose model fits <paramref name="text"/> best.</summary>
    public LanguageScript BestScript(ReadOnlySpan<char> text) => ScoreBest(text).Script;

    private static CharNgramModel Load() => Load(Inflate(EmbeddedData.Open(ResourcePath)));

    /// <summary>
    /// The whole uncompressed model (2.1 MB) in one array. Inflated in one pass and parsed from the array: reading the
    /// fields from the GZipStream through a BinaryReader called into the inflater once per field (1.1 M calls) and
    /// took 230 ms of a Native AOT process, against 18 ms for the inflate alone (session 15, load 6).
    /// </summary>
    internal static byte[] Inflate(Stream compressed)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var buffer = new MemoryStream(InflatedSizeHint);
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads the models from the uncompressed bytes of <c>charlm.bin</c> (format in tools/train-charlm.py).</summary>
    internal static CharNgramModel Load(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        if (reader.ReadUInt32() != 0x4D4C5254 || reader.ReadUInt32() != 1)
        {
            throw new InvalidDataException("Embedded language model: unknown format.");
        }

        int count = reader.ReadInt32();
        var models = new ScriptModel[count];
        for (int m = 0; m < count; m++)
        {
            string name = Encoding.ASCII.GetString(reader.ReadBytes(reader.ReadByte()));
            if (name != ScriptName((LanguageScript)m))
            {
                throw new InvalidDataException($"Embedded language model: model {m} is '{name}'.");
            }

            models[m] = ScriptModel.Read(ref reader);
        }

        return new CharNgramModel(models);
    }

    /// <summary>The model's name in the embedded file (BCP 47-like: zh-Hans, zh-Hant, ja, ko, Latin, Cyrillic).</summary>
    public static string ScriptName(LanguageScript script) => script switch
    {
        LanguageScript.ZhHans => "zh-Hans",
        LanguageScript.ZhHant => "zh-Hant",
        LanguageScript.Ja => "ja",
        LanguageScript.Ko => "ko",
        LanguageScript.Latin => "Latin",
        _ => "Cyrillic",
    };

    /// <summary>One script's tables: unigram and back-off log-probabilities per UTF-16 unit, pairs in an open-addressing hash.</summary>
    internal sealed class ScriptModel
    {
        private readonly float[] _unigram = new float[65536];
        private readonly float[] _backoff = new float[65536];
        private readonly bool[] _known = new bool[65536];

        // UTF-16 ranges of ScoreSurrogatePairsAsOne: all low surrogates, and the high surrogates of U+20000-U+3FFFF.
        private const int LowSurrogateFirst = 0xDC00;
        private const int LowSurrogateLast = 0xDFFF;
        private const int IdeographHighSurrogateFirst = 0xD840;
        private const int IdeographHighSurrogateLast = 0xD8BF;

        // Characters that start / end some stored pair, one bit each (8 KB apiece): a pair with a character that
        // starts or ends none cannot be stored, so most lookups of another script's text end here without probing
        // the hash table, which is far too large for the cache.
        private readonly ulong[] _firsts = new ulong[1024];
        private readonly ulong[] _seconds = new ulong[1024];

        // Stored pairs, open addressing: the key (first << 16 | second) in the low half, the float's bits in the high
        // half, so that a probe reads one slot.
        private ulong[] _slots = [];
        private int _mask;

        public int UnigramCount { get; private set; }

        public int BigramCount { get; private set; }

        public bool IsKnown(char c) => _known[c];

        public double UnigramLogProb(char c) => _unigram[c];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double LogProb(char previous, char next)
        {
            if ((_firsts[previous >> 6] & (1UL << previous)) == 0 || (_seconds[next >> 6] & (1UL << next)) == 0)
            {
                return _backoff[previous] + _unigram[next];
            }

            uint key = ((uint)previous << 16) | next;
            int slot = (int)Hash(key) & _mask;
            while (true)
            {
                ulong entry = _slots[slot];
                uint k = (uint)entry;
                if (k == key)
                {
                    return BitConverter.Int32BitsToSingle((int)(entry >> 32));
                }

                if (k == 0)
                {
                    return _backoff[previous] + _unigram[next];
                }

                slot = (slot + 1) & _mask;
            }
        }

        /// <summary>
        /// The largest stored pair log-probability into each character (negative infinity for a character that ends no
        /// stored pair): with <see cref="UnigramLogProb"/> and a back-off weight of at most 0, the most any transition
        /// into the character can score. A new 64 K table per call.
        /// </summary>
        public float[] MaxPairInto()
        {
            float[] max = new float[65536];
            Array.Fill(max, float.NegativeInfinity);
            foreach (ulong entry in _slots)
            {
                if ((uint)entry != 0)
                {
                    char second = (char)(uint)entry;
                    max[second] = Math.Max(max[second], BitConverter.Int32BitsToSingle((int)(entry >> 32)));
                }
            }

            return max;
        }

        /// <summary>
        /// CJK ideographs a model of Han text never saw get the Good-Turing estimate of an unseen character instead of
        /// the trainer's uniform floor: the share of the training text's characters seen once (the characters at the
        /// lowest unigram level; add-one makes that level 2 / (N + V + 1)), spread over the ideographs the model does
        /// not know. The trainer spreads one count over 30,000 characters (about -26 nats), which made a clean word of
        /// rare characters (叮噹, 舒芙蕾, 丙胺酸 in OpenCC's test cases) so unlikely that a garbled reading of it won
        /// (s羔e, 두ぼ접). With the session-9 model (general-subject words from rime-essay): zh-Hans 2,348 characters at
        /// the lowest level of about 6.8 M, 16,865 ideographs known, about -17.3 nats; zh-Hant -16.9; ja -18.7. Models
        /// that know no ideograph keep the floor (they score ideographs through the other models).
        /// <para>
        /// A surrogate pair is one character and is scored as one (see <see cref="ScoreSurrogatePairsAsOne"/>, which
        /// gets the estimate returned here, or null for a model that knows no ideograph).
        /// </para>
        /// </summary>
        private float? RaiseUnseenIdeographs()
        {
            float lowest = 0;
            int ideographs = 0, known = 0;
            for (int c = 0; c < 65536; c++)
            {
                bool ideograph = CjkText.IsIdeograph((char)c);
                ideographs += ideograph ? 1 : 0;
                if (_known[c])
                {
                    lowest = Math.Min(lowest, _unigram[c]);
                    known += ideograph ? 1 : 0;
                }
            }

            if (known == 0)
            {
                return null;
            }

            int seenOnce = 0;
            for (int c = 0; c < 65536; c++)
            {
                seenOnce += _known[c] && _unigram[c] == lowest ? 1 : 0;
            }

            double total = 2 / Math.Exp(lowest);
            float estimate = (float)(Math.Log(seenOnce / total) - Math.Log(ideographs - known));
            for (int c = 0; c < 65536; c++)
            {
                if (!_known[c] && CjkText.IsIdeograph((char)c) && estimate > _unigram[c])
                {
                    _unigram[c] = estimate;
                }
            }

            return estimate;
        }

        /// <summary>
        /// The models are over UTF-16 code units of the Basic Multilingual Plane; a character of the supplementary
        /// planes (CJK extensions B-H, 𠮷 or 𣨼 in names and dictionaries; emoji) is two units the trainer never saw,
        /// and scored as two unknown characters (about -52 nats) a clean word with one lost to any garbled reading of
        /// it (OpenCC's test case 殢云尤雨 / 𣨼云尤雨 became 鼎k2云尤雨). A pair now costs what one character costs: its
        /// low surrogate costs nothing after any character (log 1; only a high surrogate precedes one in well-formed
        /// text), and in a model that knows ideographs the high surrogates of planes 2 and 3 (U+20000-U+3FFFF, the CJK
        /// extensions) cost what an unseen ideograph costs. Other planes keep the floor.
        /// </summary>
        private void ScoreSurrogatePairsAsOne(float? unseenIdeograph)
        {
            for (int c = LowSurrogateFirst; c <= LowSurrogateLast; c++)
            {
                _unigram[c] = 0;
            }

            if (unseenIdeograph is float estimate)
            {
                for (int c = IdeographHighSurrogateFirst; c <= IdeographHighSurrogateLast; c++)
                {
                    _unigram[c] = Math.Max(_unigram[c], estimate);
                }
            }
        }

        public static ScriptModel Read(ref SpanReader reader)
        {
            var model = new ScriptModel();
            float unknown = reader.ReadSingle();
            Array.Fill(model._unigram, unknown);
            int unigrams = reader.ReadInt32();
            for (int i = 0; i < unigrams; i++)
            {
                char c = (char)reader.ReadUInt16();
                model._unigram[c] = -reader.ReadByte() * Step;
                model._backoff[c] = -reader.ReadByte() * Step;
                model._known[c] = true;
            }

            model.ScoreSurrogatePairsAsOne(model.RaiseUnseenIdeographs());
            int bigrams = reader.ReadInt32();
            uint[] keys = new uint[bigrams];
            for (int i = 0; i < bigrams; i++)
            {
                keys[i] = reader.ReadUInt32();
            }

            // Load factor at most 1/2: a miss ends after a probe or two.
            int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, bigrams * 2));
            model._slots = new ulong[capacity];
            model._mask = capacity - 1;
            for (int i = 0; i < bigrams; i++)
            {
                float value = -reader.ReadByte() * Step;
                int slot = (int)Hash(keys[i]) & model._mask;
                while ((uint)model._slots[slot] != 0)
                {
                    slot = (slot + 1) & model._mask;
                }

                model._slots[slot] = keys[i] | ((ulong)(uint)BitConverter.SingleToInt32Bits(value) << 32);
                char first = (char)(keys[i] >> 16), second = (char)keys[i];
                model._firsts[first >> 6] |= 1UL << first;
                model._seconds[second >> 6] |= 1UL << second;
            }

            model.UnigramCount = unigrams;
            model.BigramCount = bigrams;
            return model;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Hash(uint key) => (key * 0x9E3779B1u) >> 7;
    }

    /// <summary>Little-endian fields of the model file, read in order from a span.</summary>
    internal ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public byte ReadByte() => _data[_position++];

        public ReadOnlySpan<byte> ReadBytes(int count)
        {
            ReadOnlySpan<byte> bytes = _data.Slice(_position, count);
            _position += count;
            return bytes;
        }

        public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

        public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

        public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(4));
    }
}
