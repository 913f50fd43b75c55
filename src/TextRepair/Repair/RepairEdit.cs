namespace TextRepair;

/// <summary>
/// One change made by <see cref="TextRepairer"/>: <paramref name="Length"/> UTF-16 units at <paramref name="Start"/>
/// of the input were replaced by <paramref name="Replacement"/>. Edits of one result are sorted, do not overlap and
/// are all in the input's coordinates, so applying them in order to the input gives the output.
/// </summary>
/// <param name="Start">Index in the input text.</param>
/// <param name="Length">Number of input UTF-16 units replaced (0 for an insertion).</param>
/// <param name="Replacement">The new text (empty for a deletion).</param>
/// <param name="Kind">The repair that made the change (for merged changes, the last one).</param>
public readonly record struct RepairEdit(int Start, int Length, string Replacement, RepairKind Kind)
{
    /// <summary>
    /// For edits of kind <see cref="RepairKind.Encoding"/> and <see cref="RepairKind.LossMarker"/>: what was undone, the
    /// layers in the order they happened (<c>utf-8 decoded as gbk</c>, <c>utf-8 decoded as gbk, then utf-8 decoded as
    /// windows-1252</c>) or the kind of loss marker; null for other edits.
    /// </summary>
    public string? Chain { get; init; }

    /// <summary>Index after the last replaced input unit.</summary>
    public int End => Start + Length;
}
