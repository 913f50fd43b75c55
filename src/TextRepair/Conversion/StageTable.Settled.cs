using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The segmentation scan fused with the mapping of the text between phrases (session 13): for a segmentation table
/// with a start filter (STPhrases in s2tw, s2twp, s2hk, s2hkp), one pass over the text that maps every unit at which
/// no segmentation key can match and that every stage of the chain settles alone, and stops at the first other unit.
/// </summary>
/// <remarks>
/// Before, the segmentation pass scanned for the next phrase (<see cref="SkipFiltered"/>: entry, filter) and the
/// pipeline then mapped the units it had skipped through each stage of the chain (<see cref="TryMapAlone"/>, one
/// entry load per stage, from 256 KB tables of its own): two passes over the text and four 256 KB tables besides the
/// filter in the L2 cache (512 KB). Here the skipped units are mapped in the scan by <see cref="MapFiltered"/>, s2t's
/// loop, over entries that carry this table's <see cref="StartsLongerKey"/> flag (so the start filter decides the
/// same positions) and the whole chain's mapping of the unit: one entry table and the filter.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>Whether <see cref="MapSettled"/> may run: this table has a start filter and it is built.</summary>
    internal bool HasStartFilter => _denseStarts && Volatile.Read(ref _startFilter) is not null;

    /// <summary>
    /// Entries in this table's format for <see cref="MapSettled"/>: each unit's <see cref="StartsLongerKey"/> flag
    /// from this table and its mapping through <paramref name="stages"/> in turn when every one of them settles it
    /// alone (<see cref="TryMapAlone"/>), otherwise <see cref="NeedsSlowPath"/>; also the slow path for the units
    /// this table's entry sends there and, when this table has keys of one unit, for every unit that starts a key
    /// (a match of one unit is a segment). Allocates 256 KB.
    /// </summary>
    internal uint[] SettledEntries(ReadOnlySpan<StageTable> stages)
    {
        var settled = new uint[65536];
        for (int u = 0; u < settled.Length; u++)
        {
            uint own = _entries[u];
            bool alone = (own & NeedsSlowPath) == 0 && !(_hasSingleUnitKeys && (own >> NodeShift) != 0);
            char mapped = (char)u;
            foreach (StageTable stage in stages)
            {
                if (!alone)
                {
                    break;
                }

                alone = stage.TryMapAlone(mapped, out mapped);
            }

            settled[u] = (own & StartsLongerKey) | (alone ? (uint)(mapped ^ u) : NeedsSlowPath);
        }

        return settled;
    }

    /// <summary>
    /// Maps the units from <paramref name="position"/> on at which no key of this table matches (the start filter
    /// says so) and that <paramref name="settled"/> (from <see cref="SettledEntries"/>) settles, each to one unit of
    /// <paramref name="destination"/>, and returns how many: it stops before the first other unit, two units before
    /// the end of <paramref name="text"/>, or when <paramref name="destination"/> is full. Requires <see cref="HasStartFilter"/>.
    /// </summary>
    internal int MapSettled(ReadOnlySpan<char> text, int position, Span<char> destination, uint[] settled)
    {
        Debug.Assert(HasStartFilter && settled.Length == 65536);
        int count = Math.Min(text.Length - 2 - position, destination.Length);
        if (count <= 0)
        {
            return 0;
        }

        ulong[] filter = _startFilter!;
        return MapFiltered(
            ref Unsafe.Add(ref MemoryMarshal.GetReference(text), position),
            count,
            ref MemoryMarshal.GetReference(destination),
            ref MemoryMarshal.GetArrayDataReference(settled),
            ref MemoryMarshal.GetArrayDataReference(filter),
            StartFilterShift(filter));
    }
}
