using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>
/// The building of the plain conversion's direct-pair table (<c>StageTable.DirectPairs.cs</c>): the direct pairs from
/// the trie's first two levels, and since session 26 every other two-unit key its loop can reach, so that a pair token
/// the table does not hold is a false one.
/// </summary>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Builds and publishes the direct-pair table (<see cref="FindDirectPairs"/>, <see cref="DirectPairTable"/>) with
    /// the triple check after its slots (<see cref="MayBeginTriple"/>) and, before it, the plain conversion's filter
    /// (<see cref="PlainFilter"/>).
    /// </summary>
    private ulong[] BuildDirectPairs()
    {
        List<(uint Pair, uint Value)> found = FindDirectPairs();
        List<(char First, char Second, char Third, int ValueIndex)> triples = ThreeUnitPrefixes(out _);
        ulong[] pairs = DirectPairTable([.. found, .. OtherTwoUnitKeys(found)]);
        ulong[] table = new ulong[pairs.Length + TripleCheckWords];
        pairs.CopyTo(table, 0);
        AddTripleChecks(table.AsSpan(pairs.Length), triples);
        ulong[] plain = NewStartFilter();
        AddStartTokens(plain, StartFilterShift(plain), FindPassedPairs(found), FindPassedTriples(triples));
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

    /// <summary>
    /// Words of the triple check after the plain pass's direct-pair slots (64 KB, so that it stays in the L2 cache):
    /// a blocked Bloom filter over the first three units of every key longer than two units, two bits per triple in
    /// the one word a hash of the triple picks. Asked only where the start filter's triple or tail token stops the
    /// loop (session 27): a triple it does not hold begins no longer key, so the loop decides the pair as if the
    /// token were not there instead of returning for a walk; and a tail token two units before a stop matters only
    /// where the three units may begin a passed triple. s2t's first stage has 28,243 such triples, about 18.6 bits
    /// each: on the Simplified benchmark text 100 of the 12,156 hits at triples that begin no key pass it.
    /// Session 27, s2t per text: walks after a triple or tail token 16,880 -> 4,824 (9,358 of them had matched
    /// at most one unit), returns for the tail parse 5,259 -> 2,657.
    /// </summary>
    private const int TripleCheckWords = 1 << 13;

    /// <summary>The right shift that turns a triple's check hash into a word index of the triple check (2^13 words).</summary>
    private const int TripleCheckShift = 32 - 13;

    /// <summary>The triple check's multiplier for the third unit (odd, from MurmurHash3's finalizer), mixed with the pair's filter hash.</summary>
    private const uint TripleCheckMultiplier = 0xC2B2AE35u;

    /// <summary>The triple check's hash of a pair key and a third unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint TripleCheckHash(uint pair, uint third) => ((pair * FilterMultiplier) ^ third) * TripleCheckMultiplier;

    /// <summary>The two bits of a triple in its word of the triple check: hash bits 7-12 and 13-18 (a shift count is taken mod 64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong TripleCheckBits(uint hash) => (1UL << (int)(hash >> 7)) | (1UL << (int)(hash >> 13));

    /// <summary>
    /// Whether the triple check (<paramref name="check"/>, after the direct-pair slots) admits a key longer than two
    /// units that begins with the pair <paramref name="pair"/> and the unit <paramref name="third"/>; false means none does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayBeginTriple(ref ulong check, uint pair, uint third)
    {
        uint hash = TripleCheckHash(pair, third);
        ulong bits = TripleCheckBits(hash);
        return (Unsafe.Add(ref check, (nint)(hash >> TripleCheckShift)) & bits) == bits;
    }

    /// <summary>Sets the bits of every key's first three units (<paramref name="triples"/>) in the triple check <paramref name="check"/>.</summary>
    private static void AddTripleChecks(Span<ulong> check, List<(char First, char Second, char Third, int ValueIndex)> triples)
    {
        foreach ((char first, char second, char third, _) in triples)
        {
            uint hash = TripleCheckHash(PairKey(first, second), third);
            check[(int)(hash >> TripleCheckShift)] |= TripleCheckBits(hash);
        }
    }
}
