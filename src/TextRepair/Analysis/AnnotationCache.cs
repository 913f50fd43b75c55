namespace TextRepair.Analysis;

/// <summary>
/// The annotations found by one analysis, with a cache of syllable strings and reading matches: pages repeat the
/// same few annotations hundreds of times.
/// </summary>
internal sealed class AnnotationCache
{
    private readonly Dictionary<ulong, string> _syllables = [];

    public List<PinyinAnnotation> Annotations { get; } = [];

    /// <summary>Matches by (code point, syllable id).</summary>
    public Dictionary<long, AnnotationMatch> Matches { get; } = [];

    /// <summary>The syllable as written, shared between annotations written the same way.</summary>
    public string Syllable(ReadOnlySpan<char> text, ulong packedKey)
    {
        if (!_syllables.TryGetValue(packedKey, out string? value) || !text.SequenceEqual(value))
        {
            value = text.ToString();
            _syllables[packedKey] = value;
        }

        return value;
    }
}
