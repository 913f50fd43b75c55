namespace TextRepair.Conversion;

/// <summary>Bounds for splitting a run that has no safe cut (see <c>ChineseConverter.SplitRun</c>).</summary>
internal sealed partial class ConversionPipeline
{
    // OpenCC reads an ideographic description sequence of at most 64 code points as one unit (TextUnits).
    private const int MaxIdsUnits = 128;

    /// <summary>
    /// The longest stretch of source units that one step of any stage reads as one: its longest key, or a whole IDS.
    /// Every stage splits the text it reads into matches and copied units no longer than this, so each window of this
    /// many units holds a boundary of the segmentation.
    /// </summary>
    public int LongestUnit()
    {
        int longest = Math.Max(MaxIdsUnits, Math.Max(_segmentation?.MaxKeyLength ?? 0, _user?.MaxKeyLength ?? 0));
        foreach (StageTable table in _normalization)
        {
            longest = Math.Max(longest, table.MaxKeyLength);
        }

        foreach (StageTable table in _chain)
        {
            longest = Math.Max(longest, table.MaxKeyLength);
        }

        return longest;
    }
}
