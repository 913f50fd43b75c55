namespace TextRepair.Analysis.Decoding;

/// <summary>
/// One damaged span found by <see cref="EncodingScanner"/>, in the coordinates of the scanned text. Spans of one scan
/// are sorted and do not overlap.
/// </summary>
/// <param name="Start">First character of the span.</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Replacement">The repaired text (U+FFFD where bytes were lost), or the span itself when it is a loss
/// marker that cannot be undone.</param>
/// <param name="Chain">What was undone, layers in the order they happened ("utf-8 decoded as gbk"), or the marker's kind.</param>
/// <param name="Lossy">Bytes were lost here: the replacement holds U+FFFD where they were, or the span is a loss marker.</param>
/// <param name="Unread">A damaged field that lost bytes but whose text cannot be told (see <see cref="TokenReading.GuessChain"/>):
/// reported as it stands.</param>
internal readonly record struct EncodingFinding(int Start, int Length, string Replacement, string Chain, bool Lossy, bool Unread = false)
{
    /// <summary>
    /// The layers a restoration undid (the reading's <see cref="Candidate.Steps"/>, the last that happened first), or
    /// null for a marker and for findings of line readings.
    /// </summary>
    public LayerStep[]? Steps { get; init; }

    /// <summary>
    /// Lossy although the replacement has no U+FFFD: the chain's decoder dropped characters it could not read, whole,
    /// and where they stood cannot be told (see <see cref="DroppedCharacters"/>).
    /// </summary>
    public bool Dropped { get; init; }

    /// <summary>Equal spans, texts, chains and flags; the layers compared step by step (readings build their own arrays).</summary>
    public bool Equals(EncodingFinding other) =>
        Start == other.Start && Length == other.Length && Replacement == other.Replacement && Chain == other.Chain && Lossy == other.Lossy
        && Unread == other.Unread && Dropped == other.Dropped && Steps.AsSpan().SequenceEqual(other.Steps);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, Length, Replacement, Chain, Lossy, Unread, Dropped);

    /// <summary>Index after the span.</summary>
    public int End => Start + Length;

    /// <summary>
    /// The finding of a damaged field at <paramref name="start"/> that lost bytes but whose text cannot be told
    /// (see <c>Unread</c>): reported as it stands, with the likeliest reading's <paramref name="chain"/>.
    /// </summary>
    public static EncodingFinding TextNotTold(int start, string field, string chain) =>
        new(start, field.Length, field, $"lost bytes, text not told (readings alike; likeliest: {chain})", Lossy: true, Unread: true);
}
