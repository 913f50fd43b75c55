using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The settled pass's direct tables (<see cref="MapSettledPassing"/>, <see cref="MapFilteredDirect"/>): the segmentation
/// table's direct pairs and the last stage's key pairs (<c>StageTable.DirectPairs.cs</c>, <c>StageTable.LastStage.cs</c>),
/// and the three-unit segmentation keys that are a segment of their own wherever the filter finds their triple token
/// (since session 19: with every other triple the filter has a token for, so that a triple in none is a false token).
/// </summary>
/// <remarks>
/// Session 19, s2twp on the Simplified benchmark text: after the last stage's key pairs went into the pass, it
/// stopped 35,948 times per text, 9,348 of them at a three-unit STPhrases key (as in s2tw, s2hk and s2hkp, which stop
/// 33,500-34,000 times), each a return from the pass, <see cref="Settle"/>, the segmentation <c>Match</c> (a walk
/// three levels down) and the composed value from the pipeline's cache. 8,983 of those keys begin no longer key.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Slots of the triple table per triple, at least (load factor at most 1/2): a ulong each, the three units and the
    /// number of the value (in an array after the slots) or 0 where the pass returns.
    /// </summary>
    private const int TripleSlotsPerKey = 2;

    /// <summary>The three units in the low 48 bits of a ulong, as they lie in memory (see <see cref="PairKey(uint, uint)"/>).</summary>
    private const ulong TripleKeyMask = (1UL << 48) - 1;

    /// <summary>Bits of a triple slot above the key: the value's number (1-based) in the values after the slots.</summary>
    private const int TripleValueShift = 48;

    /// <summary>Values the triple table holds at most (its 16-bit value numbers); a triple beyond them is one where the pass returns.</summary>
    private const int MaxTripleValues = (1 << (64 - TripleValueShift)) - 2;

    /// <summary>The value number of a triple that begins four-unit keys of the quad table (<see cref="FindSettledQuad"/>), above <see cref="MaxTripleValues"/>.</summary>
    private const ulong QuadNumber = MaxTripleValues + 1;

    /// <summary>What <see cref="FindSettledTriple"/> returns for a triple with <see cref="QuadNumber"/>: a value entry of no length the values have.</summary>
    internal const ulong QuadMarker = QuadNumber << TripleValueShift;

    /// <summary>What <see cref="FindSettledTriple"/> returns where the pass returns (no value has its top 16 bits set).</summary>
    internal const ulong TripleStops = ulong.MaxValue;

    /// <summary>
    /// The longest value of a three-unit key that the settled pass writes; a longer one stops it. OpenCC's longest
    /// composed value of such a key in s2twp has 5 units (session 20); the bound keeps the copy a short loop and the
    /// values' units after the table small.
    /// </summary>
    internal const int MaxTripleValueUnits = 16;

    /// <summary>The bits of a value entry of another length than three below its length: where its units start, in ulongs from the first pair table.</summary>
    private const ulong TripleValueOffsetMask = uint.MaxValue;

    /// <summary>
    /// Bit of the first header word of <see cref="SettledDirectTables"/>: its pair tables hold every key pair that the
    /// settled filter has a pair token for (a value, or <see cref="PairStops"/>) and its triple table every triple it
    /// has a triple token for, so that a pair or triple in none is a false token. Not set in <see cref="NoDirectPairs"/>.
    /// </summary>
    private const ulong CompleteTables = 1UL << 8;

    /// <summary>
    /// Every first three units of this table's keys longer than two units, with the value index of a three-unit key
    /// that a walk from its units alone ends at and that begins no longer key, so that it is the match wherever it
    /// starts (none of its units a surrogate or an ideographic description operator), otherwise -1; and the four-unit
    /// keys that are such a match (<see cref="AddFourUnitKeys"/>).
    /// </summary>
    internal List<(char First, char Second, char Third, int ValueIndex)> ThreeUnitPrefixes(out List<(ulong Key, int ValueIndex)> fourUnitKeys)
    {
        var found = new List<(char First, char Second, char Third, int ValueIndex)>();
        fourUnitKeys = [];
        Span<char> three = stackalloc char[3];
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint* second = _slots + (slot * SlotUints);
            if ((second[0] & HasChildren) == 0)
            {
                continue;
            }

            int size = 1 << (int)((second[0] >> BlockLog2Shift) & 31);
            for (int s = 0; s < size; s++)
            {
                uint* third = _slots + ((nint)(second[2] + s) * SlotUints);
                if ((third[0] & Occupied) == 0)
                {
                    continue;
                }

                (three[0], three[1], three[2]) = (firstUnit, (char)(second[0] & 0xFFFFu), (char)(third[0] & 0xFFFFu));
                int valueIndex = -1;
                if ((third[0] & HasChildren) != 0 || (third[1] & ValueMask) == 0
                    || char.IsSurrogate(three[1]) || char.IsSurrogate(three[2]) || TextUnits.IsIdsOperator(three[1])
                    || TextUnits.IsIdsOperator(three[2]) || Walk(three, 0, out valueIndex) != 3)
                {
                    valueIndex = -1;
                }

                found.Add((three[0], three[1], three[2], valueIndex));
                if ((third[0] & HasChildren) != 0)
                {
                    AddFourUnitKeys(three, third, fourUnitKeys);
                }
            }
        }

        return found;
    }

    /// <summary>Three units as the triple table's key: the 48 bits they make in memory (see <see cref="PairKey(uint, uint)"/>).</summary>
    internal static ulong TripleKey(char first, char second, char third) =>
        BitConverter.IsLittleEndian ? first | ((ulong)second << 16) | ((ulong)third << 32) : ((ulong)first << 32) | ((ulong)second << 16) | third;

    /// <summary>
    /// The settled pass's direct tables in one array: a header word for the quad table (bits 0-7 its shift, bits 32-63
    /// its offset from the first pair table; session 20), one for the triple table (bits 0-7 its shift, bit 8
    /// <see cref="CompleteTables"/> when <paramref name="complete"/>, bits 32-63 its offset), one for the pair tables
    /// (bits 0-31 the shift of <paramref name="segmentation"/>'s, bits 32-63 that of the last stage's), then those two
    /// tables (<see cref="DirectPairTable"/>), each sized for its own pairs (s2twp: 19,326 and 1,014, 652 of them of
    /// one unit; <paramref name="lastStageOtherLength"/> join the second as <see cref="OtherLengthPair"/> and a value
    /// number), then the triple table of <paramref name="triples"/> (key, value or null where the pass returns) and the
    /// values: one of three units as they lie in memory, one of another length as its length (bits 48-63) and where its
    /// units start (<see cref="TripleValueOffsetMask"/>), after the values; then the quad table of
    /// <paramref name="quads"/> (<see cref="QuadTable"/>).
    /// </summary>
    internal static ulong[] SettledDirectTables(List<(uint Pair, uint Value)> segmentation, List<(uint Pair, uint Value)> lastStage, List<(uint Pair, string Value)> lastStageOtherLength, List<(ulong Key, string? Value)> triples, List<(ulong Key, string Value)> quads, bool complete)
    {
        // The last stage's pairs whose value has another length than two share the triples' values (session 20). A
        // pair of the segmentation's table is decided there: the last stage's table leaves it out, so that the pass
        // may ask either first (session 27).
        var values = new List<string>();
        var segmentationPairs = new HashSet<uint>(segmentation.Count);
        foreach ((uint pair, _) in segmentation)
        {
            segmentationPairs.Add(pair);
        }

        var lastPairs = new List<(uint Pair, uint Value)>(lastStage.Count);
        foreach ((uint pair, uint value) in lastStage)
        {
            if (!segmentationPairs.Contains(pair))
            {
                lastPairs.Add((pair, value));
            }
        }

        foreach ((uint pair, string value) in lastStageOtherLength)
        {
            if (segmentationPairs.Contains(pair))
            {
                continue;
            }

            bool written = value.Length is > 0 and <= MaxTripleValueUnits && values.Count < MaxTripleValues;
            if (written)
            {
                values.Add(value);
            }

            lastPairs.Add((pair, written ? OtherLengthPair | (uint)values.Count : PairStops));
        }

        ulong[] first = DirectPairTable(segmentation);
        ulong[] second = DirectPairTable(lastPairs);
        int slots = Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)(triples.Count * TripleSlotsPerKey)));
        int shift = 64 - BitOperations.Log2((uint)slots);
        var table = new ulong[slots];
        ulong[] quadTable = QuadTable(quads, values, out HashSet<ulong> quadPrefixes);
        foreach ((ulong key, string? value) in triples)
        {
            // No key is 0 (no key starts with U+0000), so 0 marks an empty slot.
            ulong index = (key * HashMultiplier) >> shift;
            while (table[index] != 0)
            {
                index = (index + 1) & (ulong)(slots - 1);
            }

            bool written = value is { Length: > 0 and <= MaxTripleValueUnits } && values.Count < MaxTripleValues;
            if (written)
            {
                values.Add(value!);
            }

            // A triple that begins four-unit keys in the quad table sends the pass there (session 20).
            ulong number = written ? (ulong)values.Count : quadPrefixes.Contains(key) ? QuadNumber : 0;
            table[index] = key | (number << TripleValueShift);
        }

        // The units of the values of another length, each from a ulong of its own.
        long unitsStart = first.Length + second.Length + slots + values.Count;
        var entries = new List<ulong>(values.Count);
        var units = new List<char>();
        foreach (string value in values)
        {
            if (value.Length == 3)
            {
                entries.Add(value[0] | ((ulong)value[1] << 16) | ((ulong)value[2] << 32));
                continue;
            }

            entries.Add(((ulong)value.Length << TripleValueShift) | (ulong)(unitsStart + (units.Count / 4)));
            units.AddRange(value);
            units.AddRange(new char[(4 - (value.Length % 4)) % 4]);
        }

        ulong tripleHeader = (uint)shift | (complete ? CompleteTables : 0) | ((ulong)(first.Length + second.Length) << 32);
        ulong pairHeader = (uint)(32 - BitOperations.Log2((uint)first.Length)) | ((ulong)(32 - BitOperations.Log2((uint)second.Length)) << 32);
        ulong[] unitWords = MemoryMarshal.Cast<char, ulong>(units.ToArray()).ToArray();
        ulong quadHeader = (uint)(64 - BitOperations.Log2((uint)(quadTable.Length / 2))) | ((ulong)(unitsStart + unitWords.Length) << 32);
        return [quadHeader, tripleHeader, pairHeader, .. first, .. second, .. table, .. entries, .. unitWords, .. quadTable];
    }

    /// <summary>
    /// The high half of a value in the last stage's pair table (<see cref="FindLastStagePair(ref char, ref uint, ref ulong, int, ref ulong, int, uint)"/>)
    /// whose low half is the number of a value of another length than two among the triple table's values (session
    /// 20). No value of two units written there ends in U+FFFE, a noncharacter (<c>ConversionPipeline.LastStagePairs</c>).
    /// </summary>
    internal const uint OtherLengthPair = 0xFFFEu << 16;

    /// <summary>
    /// The entry of value number <paramref name="number"/> (1-based) of the triple table's values, after the triple
    /// table that follows <paramref name="pairs"/> (<see cref="SettledDirectTables"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SettledValue(ref ulong pairs, uint number)
    {
        ulong header = Unsafe.Add(ref pairs, -2);
        nint slots = (nint)(ulong.MaxValue >> (int)(header & 0xFF)) + 1;
        return Unsafe.Add(ref pairs, (nint)(header >> 32) + slots - 1 + (nint)number);
    }

    /// <summary>The units a value entry of the triple table (<see cref="SettledDirectTables"/>) has: three, or what its high bits say.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SettledValueLength(ulong value) => (value >> TripleValueShift) == 0 ? 3 : (int)(value >> TripleValueShift);

    /// <summary>
    /// Copies the <paramref name="length"/> units of a value entry of the triple table (<see cref="SettledDirectTables"/>)
    /// to <paramref name="dst"/>: three in the entry, or another number from after the values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyTripleValue(ref char dst, ref ulong pairs, ulong triple, int length)
    {
        if ((triple >> TripleValueShift) == 0)
        {
            dst = (char)triple;
            Unsafe.Add(ref dst, 1) = (char)(triple >> 16);
            Unsafe.Add(ref dst, 2) = (char)(triple >> 32);
            return;
        }

        ref char units = ref Unsafe.As<ulong, char>(ref Unsafe.Add(ref pairs, (nint)(triple & TripleValueOffsetMask)));
        for (int n = 0; n < length; n++)
        {
            Unsafe.Add(ref dst, n) = Unsafe.Add(ref units, n);
        }
    }

    /// <summary>
    /// For the settled pass, at a position whose triple token the filter has: the value (three units, the first in
    /// the low bits) of the three-unit segmentation key there in the triple table after <paramref name="pairs"/>
    /// (<see cref="SettledDirectTables"/>); <see cref="TripleStops"/> where the pass returns; 0 when the three units are
    /// not in the table. A key found is a segment of its own: no segmentation match from before reaches it (the pass
    /// settled the units before), and no longer key begins with it. The pass returns before a unit that needs the slow
    /// path, where the caller would take the key's last unit back as a unit mapped alone (see
    /// <see cref="StopsAfterKeyStart"/>). Requires the unit after the key to be in the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FindSettledTriple(ref char at, ref uint entry0, ref ulong pairs)
    {
        ulong header = Unsafe.Add(ref pairs, -2);
        ref ulong table0 = ref Unsafe.Add(ref pairs, (nint)(header >> 32));
        int shift = (int)(header & 0xFF);
        ulong mask = ulong.MaxValue >> shift;
        ulong units = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref at));
        ulong key = BitConverter.IsLittleEndian ? units & TripleKeyMask : units >> 16;
        ulong index = (key * HashMultiplier) >> shift;
        while (true)
        {
            ulong slot = Unsafe.Add(ref table0, (nint)index);
            if ((slot & TripleKeyMask) == key)
            {
                nint number = (nint)(slot >> TripleValueShift);
                return number == 0 || (Unsafe.Add(ref entry0, (nint)(uint)Unsafe.Add(ref at, 3)) & NeedsSlowPath) != 0
                    ? TripleStops
                    : number == (nint)QuadNumber ? QuadMarker : Unsafe.Add(ref table0, (nint)mask + number);
            }

            if (slot == 0)
            {
                return 0;
            }

            index = (index + 1) & mask;
        }
    }
}
