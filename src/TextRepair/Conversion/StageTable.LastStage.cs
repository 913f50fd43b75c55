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
    /// The units that <paramref name="settled"/> (see <see cref="SettledEntries"/>) settles in every stage but the
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
}
