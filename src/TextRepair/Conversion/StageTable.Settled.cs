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
/// filter in the L2 cache (512 KB). Here the skipped units are mapped in the scan by s2t's loop (<see cref="MapFiltered"/>,
/// with the pair test of <see cref="MapPaired"/> for the chain's last stage: <see cref="MapSettledUnits"/>) over entries
/// that carry this table's <see cref="StartsLongerKey"/> flag (so the start filter decides the same positions) and
/// the whole chain's mapping of the unit: one entry table and the filter. Session 13, same-process A/B against the
/// build before (load 13-20): s2tw 0.86-0.90, s2hk and s2hkp 0.82-0.83 of its time; s2twp 0.97-0.98 (most of its
/// units start a TWPhrases key pair or follow one in their gap, and still go through the chain).
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>Whether <see cref="MapSettled"/> may run: this table has a start filter and it is built.</summary>
    internal bool HasStartFilter => _denseStarts && Volatile.Read(ref _startFilter) is not null;

    /// <summary>Settled-entry bits 18-24: the group of the unit's input to the chain's last stage when it starts a longer key there (see <see cref="PairGroups"/>).</summary>
    private const int SettledStartShift = 18;

    /// <summary>Settled-entry bits 25-31: the groups of the first units of the last stage that the unit's input to it is a second unit after.</summary>
    private const int SettledSecondShift = 25;

    /// <summary>
    /// Units (of the 65,536) whose input to the chain's last stage starts a longer key there, up to which the settled
    /// entries stop the pass at each of them instead of testing the next unit's groups at every unit. Counted with a
    /// script over the dictionaries (a unit's first-stage character mapping against the last stage's first units) and
    /// the Simplified benchmark text (session 15): s2tw 18 units, 277 positions of 1,153,758 (TWVariantsPhrases);
    /// s2hk 171 and 27,520; s2hkp 235 and 52,074; s2twp 576 and 339,069. Same-process A/B against the pair test
    /// (load 6-8, both orders): s2tw 0.91-0.99 of its time; s2hk 1.01-1.07, s2hkp 1.07-1.16 and s2twp 1.18-1.20, where a
    /// stop (a return, <see cref="IsSettled"/>, <see cref="Match"/>) at every such position costs more than the test.
    /// </summary>
    private const int StopAtStartsMaxUnits = 64;

    /// <summary>The seven group bits (<see cref="PairGroups"/>) of a settled entry, shifted down.</summary>
    private const uint SettledGroupMask = (1u << PairGroups) - 1;

    /// <summary>
    /// Entries for <see cref="MapSettled"/>: per unit, bits 0-15 its mapping through <paramref name="stages"/> in turn
    /// XOR the unit, bit 16 this table's <see cref="StartsLongerKey"/> (so the start filter decides the same
    /// positions), and bit 17 (<see cref="NeedsSlowPath"/>) when the pass must stop at the unit: this table's entry
    /// sends it to the slow path, or (when this table has keys of one unit) it starts a key, or a stage does not
    /// settle it alone. A unit that only the last stage does not settle alone, because its input to that stage starts
    /// a longer key there, is mapped by its single-unit entry and carries that stage's pair groups (bits 18-31, from
    /// its pair entries, <c>StageTable.Pairs.cs</c>) instead: the pass stops there only when the next unit's input to
    /// that stage can be the second unit of such a key. A unit with bit 17 set is marked as a second unit of every
    /// group. <paramref name="stopsAtStarts"/> tells whether such units carry the stop bit too (see
    /// <see cref="StopAtStartsMaxUnits"/>). Allocates 256 KB.
    /// </summary>
    internal uint[] SettledEntries(ReadOnlySpan<StageTable> stages, out bool stopsAtStarts)
    {
        StageTable last = stages[^1];
        uint[]? lastPairs = last._denseStarts ? null : last.PairEntries;
        var settled = new uint[65536];
        int starters = 0;
        for (int u = 0; u < settled.Length; u++)
        {
            uint own = _entries[u];
            bool alone = (own & NeedsSlowPath) == 0 && !(_hasSingleUnitKeys && (own >> NodeShift) != 0);
            uint groups = 0;
            char mapped = (char)u;
            for (int s = 0; s < stages.Length && alone; s++)
            {
                char input = mapped;
                alone = stages[s].TryMapAlone(input, out mapped);
                if (!alone && s == stages.Length - 1 && lastPairs is not null && (last._entries[input] & Unsettled) == StartsLongerKey)
                {
                    // Only the last stage's longer keys: its single-unit mapping, unless the next unit continues a key pair.
                    alone = true;
                    groups = ((lastPairs[input] >> PairStartShift) & SettledGroupMask) << SettledStartShift;
                }

                if (alone && s == stages.Length - 1 && lastPairs is not null)
                {
                    groups |= ((lastPairs[input] >> PairSecondShift) & SettledGroupMask) << SettledSecondShift;
                }
            }

            settled[u] = (own & StartsLongerKey) | (alone ? (uint)(mapped ^ u) | groups : NeedsSlowPath | (SettledGroupMask << SettledSecondShift));
            starters += (groups >> SettledStartShift & SettledGroupMask) != 0 ? 1 : 0;
        }

        // Few units start a longer key of the last stage: mark them with the stop bit (their start groups tell them
        // from the units that are not settled, see IsSettled), so that the pass is s2t's loop (MapFiltered) over
        // these entries, without the pair test at every unit.
        stopsAtStarts = starters <= StopAtStartsMaxUnits;
        if (stopsAtStarts)
        {
            for (int u = 0; u < settled.Length; u++)
            {
                if ((settled[u] >> SettledStartShift & SettledGroupMask) != 0)
                {
                    settled[u] |= NeedsSlowPath;
                }
            }
        }

        return settled;
    }

    /// <summary>
    /// Maps the units from <paramref name="position"/> on at which no key of this table matches (the start filter
    /// says so) and that <paramref name="settled"/> (from <see cref="SettledEntries"/>) settles, each to one unit of
    /// <paramref name="destination"/>, and returns how many: it stops before the first other unit, two units before
    /// the end of <paramref name="text"/>, or when <paramref name="destination"/> is full. Requires <see cref="HasStartFilter"/>.
    /// With <paramref name="stopsAtStarts"/> (from <see cref="SettledEntries"/>) the pass is <see cref="MapFiltered"/>.
    /// </summary>
    internal int MapSettled(ReadOnlySpan<char> text, int position, Span<char> destination, uint[] settled, bool stopsAtStarts)
    {
        Debug.Assert(HasStartFilter && settled.Length == 65536);
        int count = Math.Min(text.Length - 2 - position, destination.Length);
        if (count <= 0)
        {
            return 0;
        }

        ulong[] filter = _startFilter!;
        ref char src = ref Unsafe.Add(ref MemoryMarshal.GetReference(text), position);
        ref char dst = ref MemoryMarshal.GetReference(destination);
        ref uint entry0 = ref MemoryMarshal.GetArrayDataReference(settled);
        ref ulong filter0 = ref MemoryMarshal.GetArrayDataReference(filter);
        return stopsAtStarts
            ? MapFiltered(ref src, count, ref dst, ref entry0, ref filter0, StartFilterShift(filter))
            : MapSettledUnits(ref src, count, ref dst, ref entry0, ref filter0, StartFilterShift(filter));
    }

    /// <summary>
    /// Whether the unit at <paramref name="position"/>, if no key of this table matches there, is settled alone by
    /// the chain of <paramref name="settled"/> (see <see cref="SettledEntries"/>), and what it maps to: the test of
    /// <see cref="MapSettled(ReadOnlySpan{char}, int, Span{char}, uint[], bool)"/> without the start filter.
    /// </summary>
    internal static bool IsSettled(uint[] settled, ReadOnlySpan<char> text, int position, out char mapped)
    {
        char unit = text[position];
        uint entry = settled[unit];
        uint next = position + 1 < text.Length ? settled[text[position + 1]] : 0;
        mapped = (char)(entry ^ unit);
        uint starts = (entry >> SettledStartShift) & SettledGroupMask;
        return ((entry & NeedsSlowPath) == 0 || starts != 0) && (starts & (next >> SettledSecondShift)) == 0;
    }

    /// <summary>
    /// <see cref="MapFiltered"/> with the last stage's pair test of <see cref="SettledEntries"/>: the next unit's
    /// entry is loaded once and carried to the next step, as in <see cref="MapPaired"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MapSettledUnits(ref char src, int count, ref char dst, ref uint entry0, ref ulong filter, int filterShift)
    {
        uint pair = ((uint)src << 16) | Unsafe.Add(ref src, 1);
        uint entry = Unsafe.Add(ref entry0, (nint)src);
        nint i = 0;
        for (; i < count; i++)
        {
            uint third = Unsafe.Add(ref src, i + 2);
            uint next = Unsafe.Add(ref entry0, (nint)(pair & 0xFFFF));
            uint stop = (((entry >> NeedsSlowPathBit) | FilterHit(entry, pair, third, ref filter, filterShift)) & 1)
                | ((entry >> SettledStartShift) & (next >> SettledSecondShift) & SettledGroupMask);
            if (stop != 0)
            {
                break;
            }

            Unsafe.Add(ref dst, i) = (char)(entry ^ (pair >> 16));
            pair = (pair << 16) | third;
            entry = next;
        }

        return (int)i;
    }
}
