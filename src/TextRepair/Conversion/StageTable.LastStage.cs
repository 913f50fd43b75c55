using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>
/// What the settled pass (<c>StageTable.Settled.cs</c>) needs to know of the chain's last stage to decide its key pairs
/// itself: for every two units that begin a key of that stage, the match a walk from those two units alone finds and
/// the third units that go on with a key.
/// </summary>
/// <remarks>
/// Session 19, s2twp on the Simplified benchmark text: the pass stopped 63,762 times per text, 33,855 of them at a key
/// pair of TWPhrases (14,153 with a two-unit value that the pass did not write because a segmentation key begins with
/// the units, 19,702 where a longer key begins with them and a walk decided); each cost a return from the pass,
/// <see cref="Settle"/>'s exact pair test, a segmentation <c>Match</c> and <c>ConversionPipeline.ConvertLastStageKey</c>.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Every two units that begin a key of this table longer than one unit: the match (length 0, 1 or 2, and value
    /// index) of a walk from these two units alone, which is the match wherever no third unit goes on with a key, and
    /// the units that do (<paramref name="thirds"/> of the pair: the third level's units under it). Allocates the lists.
    /// </summary>
    internal List<(char First, char Second, int Length, int ValueIndex)> KeyPairMatches(out Dictionary<(char First, char Second), List<char>> thirds)
    {
        var found = new List<(char First, char Second, int Length, int ValueIndex)>();
        thirds = [];
        Span<char> two = stackalloc char[2];
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint* second = _slots + (slot * SlotUints);
            two[0] = firstUnit;
            two[1] = (char)(second[0] & 0xFFFFu);
            found.Add((two[0], two[1], Walk(two, 0, out int valueIndex), valueIndex));
            if ((second[0] & HasChildren) == 0)
            {
                continue;
            }

            var units = new List<char>();
            int size = 1 << (int)((second[0] >> BlockLog2Shift) & 31);
            for (int s = 0; s < size; s++)
            {
                uint label = _slots[((nint)(second[2] + s) * SlotUints)];
                if ((label & Occupied) != 0)
                {
                    units.Add((char)(label & 0xFFFFu));
                }
            }

            thirds[(two[0], two[1])] = units;
        }

        return found;
    }

    /// <summary>
    /// The units that <paramref name="settled"/> (see <see cref="BuildSettledEntries"/>) settles in every stage but the
    /// last, by their input to the last stage (<paramref name="lastInputs"/>): several Simplified and Traditional
    /// forms meet there.
    /// </summary>
    internal static Dictionary<char, List<char>> UnitsByLastInput(uint[] settled, char[] lastInputs)
    {
        var byInput = new Dictionary<char, List<char>>();
        for (int u = 0; u < settled.Length; u++)
        {
            if (SettlesBeforeLast(settled, (char)u))
            {
                (byInput.TryGetValue(lastInputs[u], out List<char>? units) ? units : byInput[lastInputs[u]] = []).Add((char)u);
            }
        }

        return byInput;
    }

    /// <summary>
    /// For the settled pass: the value of <paramref name="pair"/> in the second table of the settled direct pairs
    /// (<see cref="SettledDirectTables"/>: the key pairs of the chain's last stage where no segmentation key matches,
    /// with what the chain writes there when no third unit goes on with a key: <c>ConversionPipeline.LastStagePairs</c>),
    /// unless it is a value of two units and the filter admits a segmentation key at the pair's second unit (or has a
    /// tail token there, session 25), which
    /// would end the segment between them (then <see cref="PairStops"/>: the pass returns and
    /// <c>ConversionPipeline.ConvertLastStageKey</c> decides); 0 when the pair is not in the table. A value of one
    /// unit is the first unit's own mapping, the same in a shorter segment. Requires the unit after that key's third
    /// to be in the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint FindLastStagePair(ref char at, ref uint entry0, ref ulong filter, int filterShift, ref ulong pairs, int pairShift, uint pair)
    {
        int lastShift = (int)(Unsafe.Add(ref pairs, -1) >> 32);
        uint value = FindDirectPair(ref Unsafe.Add(ref pairs, (nint)1 << (32 - pairShift)), lastShift, pair);
        if (value == 0 || value == PairStops)
        {
            return value;
        }

        // A passed key (session 25) at the second unit has a tail token instead of its pair or triple token.
        ref char second = ref Unsafe.Add(ref at, 1);
        uint entry = Unsafe.Add(ref entry0, (nint)(uint)second);
        return (value >> 16) == 0
            || ((FilterHit(entry, PairKey(ref second), Unsafe.Add(ref second, 2), ref filter, filterShift) & 1) == 0 && !HasTailToken(ref second, ref filter, filterShift))
            ? value
            : PairStops;
    }
}
