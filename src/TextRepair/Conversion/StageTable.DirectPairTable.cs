namespace TextRepair.Conversion;

/// <summary>
/// The building of the plain conversion's direct-pair table (<c>StageTable.DirectPairs.cs</c>): the direct pairs from
/// the trie's first two levels, and since session 26 every other two-unit key its loop can reach, so that a pair token
/// the table does not hold is a false one.
/// </summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Builds and publishes the direct-pair table (<see cref="FindDirectPairs"/>, <see cref="DirectPairTable"/>) and,
    /// before it, the plain conversion's filter (<see cref="PlainFilter"/>).
    /// </summary>
    private ulong[] BuildDirectPairs()
    {
        List<(uint Pair, uint Value)> found = FindDirectPairs();
        ulong[] table = DirectPairTable([.. found, .. OtherTwoUnitKeys(found)]);
        ulong[] plain = NewStartFilter();
        AddStartTokens(plain, StartFilterShift(plain), FindPassedPairs(found), FindPassedTriples());
        Volatile.Write(ref _plainFilter, plain);
        Volatile.Write(ref _directPairs, table);
        return table;
    }

    /// <summary>
    /// The direct pairs, from the trie's first two levels: every two-unit key with a two-unit value that a walk from
    /// its two units alone ends at (it outranks the first unit's own key), as its pair key
    /// (<see cref="PairKey(uint, uint)"/>) and its value's units (the first in the low half).
    /// </summary>
    internal List<(uint Pair, uint Value)> FindDirectPairs()
    {
        var found = new List<(uint Pair, uint Value)>();
        Span<char> two = stackalloc char[2];
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint* second = _slots + (slot * SlotUints);
            two[0] = firstUnit;
            two[1] = (char)(second[0] & 0xFFFFu);
            if ((second[1] & ValueMask) == 0 || char.IsSurrogate(two[1]) || TextUnits.IsIdsOperator(two[1])
                || Walk(two, 0, out int valueIndex) != 2)
            {
                continue;
            }

            ReadOnlySpan<char> value = Value(valueIndex);
            if (value.Length == 2)
            {
                found.Add((PairKey(two[0], two[1]), value[0] | ((uint)value[1] << 16)));
            }
        }

        return found;
    }

    /// <summary>
    /// The two-unit keys that are not <paramref name="direct"/> pairs, each with <see cref="PairStops"/> for its value,
    /// so that the plain pass's table holds every two-unit key its loop can reach and a pair token it does not hold is
    /// a false one (session 26). Keys whose first unit needs the slow path are left out: the loop stops before them. In
    /// s2t's first stage every such key is a direct pair (19,329; the others are STCharacters' supplementary
    /// characters, 1,141 surrogate pairs); user phrases (<c>WithPhrases</c>) and the tests' tables have others.
    /// </summary>
    private List<(uint Pair, uint Value)> OtherTwoUnitKeys(List<(uint Pair, uint Value)> direct)
    {
        var directKeys = new HashSet<uint>(direct.Count);
        foreach ((uint pair, _) in direct)
        {
            directKeys.Add(pair);
        }

        var other = new List<(uint Pair, uint Value)>();
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint* second = _slots + (slot * SlotUints);
            uint pair = PairKey(firstUnit, second[0] & 0xFFFFu);
            if ((second[1] & ValueMask) != 0 && (_entries[firstUnit] & NeedsSlowPath) == 0 && !directKeys.Contains(pair))
            {
                other.Add((pair, PairStops));
            }
        }

        return other;
    }

    /// <summary>
    /// An exact table for <see cref="FindDirectPair"/> of <paramref name="pairs"/> (pair key, value units): a ulong
    /// per slot, the pair key in bits 0-31 and the value in bits 32-63, at least
    /// <see cref="DirectPairSlotsPerPair"/> slots per pair.
    /// </summary>
    internal static ulong[] DirectPairTable(List<(uint Pair, uint Value)> pairs) => PairHashTable(pairs, DirectPairSlotsPerPair);
}
