using TextRepair.Internal;

namespace TextRepair.Analysis.Language;

/// <summary>
/// Character bigram language models, one per <see cref="LanguageScript"/>, trained by <c>tools/train-charlm.sh</c> on
/// openly licensed Debian text (see Data/PROVENANCE.md) and compiled into the embedded <c>Data/Language/charlm.image</c>
/// (see <see cref="CharNgramImage"/>). Witten-Bell interpolation: a pair seen in training has its stored probability; an
/// unseen pair backs off to the second character's unigram probability times the first character's back-off weight; an
/// unseen character has the model's unknown probability. Log-probabilities are natural logs. Loaded once on first use:
/// the pair tables are read in place from the image (nothing inflated, parsed or hashed), the per-character tables are
/// built (6 x 576 KB); immutable and thread-safe.
/// </summary>
internal sealed partial class CharNgramModel
{
    /// <summary>The boundary character of the models: a line starts after it and ends before it.</summary>
    public const char Boundary = '\n';

    private static readonly Lazy<CharNgramModel> s_shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ScriptModel[] _models;

    // The copy of an image that was not read in place (LoadCopy), kept alive with the models that point into it.
    private readonly byte[]? _pinnedImage;

    private CharNgramModel(ScriptModel[] models, byte[]? pinnedImage)
    {
        _models = models;
        _pinnedImage = pinnedImage;
    }

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

    private static unsafe CharNgramModel Load()
    {
        if (!EmbeddedData.TryOpenInPlace(CharNgramImage.ResourcePath, out byte* start, out long length))
        {
            throw new InvalidDataException("Embedded language model: charlm.image not found.");
        }

        return Load(start, length);
    }

    /// <summary>
    /// The models of an image (see <see cref="CharNgramImage"/>) that stays at <paramref name="start"/> for the life of
    /// the returned object. Pair lookups read the image in place; each model allocates its unigram, back-off and
    /// known-character tables (576 KB), which the unseen-ideograph estimate adjusts at load.
    /// </summary>
    internal static unsafe CharNgramModel Load(byte* start, long length) => Load(start, length, null);

    /// <summary>The models of a copy of <paramref name="image"/> (in a pinned array the models keep alive).</summary>
    internal static unsafe CharNgramModel LoadCopy(ReadOnlySpan<byte> image)
    {
        byte[] pinned = GC.AllocateUninitializedArray<byte>(image.Length, pinned: true);
        image.CopyTo(pinned);
        fixed (byte* start = pinned)
        {
            return Load(start, pinned.Length, pinned);
        }
    }

    private static unsafe CharNgramModel Load(byte* start, long length, byte[]? pinnedImage)
    {
        int count = CharNgramImage.ReadHeader(new ReadOnlySpan<byte>(start, (int)Math.Min(length, CharNgramImage.HeaderSize)));
        if (count != Enum.GetValues<LanguageScript>().Length)
        {
            throw new InvalidDataException($"Embedded language model: {count} models, one per script expected.");
        }

        var models = new ScriptModel[count];
        long offset = CharNgramImage.HeaderSize;
        for (int m = 0; m < count; m++)
        {
            models[m] = ScriptModel.Read(start + offset, length - offset, (LanguageScript)m, out long size);
            offset += size;
        }

        if (offset != length)
        {
            throw new InvalidDataException("Embedded language model: bytes after the last model.");
        }

        return new CharNgramModel(models, pinnedImage);
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
}
