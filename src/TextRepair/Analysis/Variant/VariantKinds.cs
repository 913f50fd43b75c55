namespace TextRepair.Analysis.Variant;

/// <summary>What a character can tell about the variant (several flags may combine).</summary>
[Flags]
internal enum CharClass : ushort
{
    None = 0,

    /// <summary>On the Simplified side of OpenCC's tables only.</summary>
    SimplifiedOnly = 1,

    /// <summary>On the Traditional side of OpenCC's tables only.</summary>
    TraditionalOnly = 2,

    /// <summary>Kept by t2tw, changed by t2hk (說, 線 is not: t2hk keeps it too).</summary>
    TaiwanKept = 4,

    /// <summary>A form only TWVariants writes, not a Simplified form and kept by t2hk (裡).</summary>
    TaiwanForm = 8,

    /// <summary>Kept by t2hk, changed by t2tw (裏).</summary>
    HongKongKept = 16,

    /// <summary>A form only HKVariants writes, not a Simplified form and kept by t2tw (綫, 衞).</summary>
    HongKongForm = 32,

    /// <summary>t2tw changes it (a TWVariants key whose first value is another character).</summary>
    TaiwanConverts = 64,

    /// <summary>t2hk changes it.</summary>
    HongKongConverts = 128,

    /// <summary>First character of a regional phrase (key or value of TWPhrases / HKPhrases).</summary>
    PhraseStart = 256,

    /// <summary>A regional usage character of <see cref="RegionalWeights.Usage"/> (您).</summary>
    UsageCharacter = 512,

    /// <summary>First character of a regional usage pair of <see cref="RegionalWeights.Usage"/>.</summary>
    UsagePairStart = 1024,

    /// <summary>First character of a TWPhrases key (a term Taiwan replaces): where a Taiwan <c>region-term</c> can start.</summary>
    TaiwanKeyStart = 2048,

    /// <summary>First character of an HKPhrases key.</summary>
    HongKongKeyStart = 4096,
}

/// <summary>What a regional phrase is.</summary>
[Flags]
internal enum PhraseKind : byte
{
    None = 0,

    /// <summary>A TWPhrases key: the mainland term that s2twp replaces (軟件).</summary>
    NotTaiwanTerm = 1,

    /// <summary>A TWPhrases value: the Taiwan term (軟體).</summary>
    TaiwanTerm = 2,

    /// <summary>An HKPhrases key.</summary>
    NotHongKongTerm = 4,

    /// <summary>An HKPhrases value.</summary>
    HongKongTerm = 8,
}

/// <summary>
/// A regional phrase and the region's replacement when it is a key. <see cref="Kind"/> is every role the tables give it
/// (what the checker uses); <see cref="Evidence"/> the roles that tell one region from the other (what identification
/// counts), <see cref="RegionWeight"/> what it adds to the region log-odds.
/// </summary>
internal readonly record struct PhraseInfo(
    PhraseKind Kind, string? TaiwanSuggestion, string? HongKongSuggestion, PhraseKind Evidence = PhraseKind.None, double RegionWeight = 0);

/// <summary>
/// OpenCC's segmentation words (<see cref="VariantTables.ContextWords"/>) and a bit per hash of the first two units of
/// each (<see cref="VariantTables.PairBit"/>): clear means no word starts with that pair, so most start positions
/// skip the set lookups; and per first character, the lengths of the words it starts. Immutable; thread-safe.
/// </summary>
internal sealed record ContextWordSet(HashSet<string> Words, ulong[] Pairs, ushort[] Lengths, ulong[] Shapes)
{
    /// <summary>
    /// False when no word is <paramref name="candidate"/>'s length with its first, second and last unit
    /// (<see cref="VariantTables.ShapeBit"/>): the set lookup can be skipped.
    /// </summary>
    public bool MayContain(ReadOnlySpan<char> candidate) => VariantTables.HasBit(Shapes, VariantTables.ShapeBit(candidate, candidate.Length));

    /// <summary>Bit n set: some word of n units (2 to 15) starts with this character.</summary>
    public ushort LengthsFrom(char first) => Lengths[first];

    /// <summary>True when some word may start with (<paramref name="first"/>, <paramref name="second"/>).</summary>
    public bool MayStart(char first, char second)
    {
        int bit = VariantTables.PairBit(first, second);
        return (Pairs[bit >> 6] & (1ul << bit)) != 0;
    }
}
