using System.Numerics;
using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>
/// The settled pass's four-unit segmentation keys (session 20): where the filter finds the triple token of the first
/// three units of such keys and the triple table sends it on (<see cref="QuadMarker"/>), a table of the keys that are
/// the match wherever they start gives the segment's value, which the pass writes as a triple's.
/// </summary>
/// <remarks>
/// Session 20, s2twp on the Simplified benchmark text: after the triples and key pairs of other lengths went into
/// the pass it stopped 4,672 times per text, 1,776 of them at segmentation phrases of four or more units (电子表格 395
/// times, 演示文稿 238, 参考文献 168), each a return from the pass, <see cref="Settle"/>, the segmentation <c>Match</c>
/// (a walk four levels down) and the composed value from the pipeline's cache.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>Header words before the settled pass's first pair table (<see cref="SettledDirectTables"/>): the quad table's, the triple table's, the pair tables'.</summary>
    internal const int SettledHeaderWords = 3;

    /// <summary>
    /// Slots of the quad table per key, at least, rounded up to a power of two (load factor 1/2 to 1, less one slot):
    /// two ulongs each, the four units and the value's number. The table is read at about 1,800 positions per text
    /// (s2twp, session 20), so a longer probe costs little; at two slots per key it took 512 KB for s2twp's 13,098
    /// keys, at one 256 KB.
    /// </summary>
    private const int QuadSlotsPerKey = 1;

    /// <summary>
    /// Adds to <paramref name="keys"/> each four-unit key below <paramref name="third"/> (the slot of
    /// <paramref name="three"/>) that a walk from its units alone ends at and that begins no longer key, so that it is
    /// the match wherever it starts (none of its last three units a surrogate or an ideographic description operator),
    /// as its <see cref="QuadKey"/> and value index.
    /// </summary>
    private void AddFourUnitKeys(ReadOnlySpan<char> three, uint* third, List<(ulong Key, int ValueIndex)> keys)
    {
        Span<char> four = stackalloc char[4];
        three.CopyTo(four);
        if (char.IsSurrogate(three[1]) || char.IsSurrogate(three[2]) || TextUnits.IsIdsOperator(three[1]) || TextUnits.IsIdsOperator(three[2]))
        {
            return;
        }

        int size = 1 << (int)((third[0] >> BlockLog2Shift) & 31);
        for (int s = 0; s < size; s++)
        {
            uint* fourth = _slots + ((nint)(third[2] + s) * SlotUints);
            four[3] = (char)(fourth[0] & 0xFFFFu);
            if ((fourth[0] & Occupied) == 0 || (fourth[0] & HasChildren) != 0 || (fourth[1] & ValueMask) == 0
                || char.IsSurrogate(four[3]) || TextUnits.IsIdsOperator(four[3]) || Walk(four, 0, out int valueIndex) != 4)
            {
                continue;
            }

            keys.Add((QuadKey(four), valueIndex));
        }
    }

    /// <summary>Four units as the quad table's key: the 64 bits they make in memory.</summary>
    internal static ulong QuadKey(ReadOnlySpan<char> four) =>
        BitConverter.IsLittleEndian
            ? four[0] | ((ulong)four[1] << 16) | ((ulong)four[2] << 32) | ((ulong)four[3] << 48)
            : ((ulong)four[0] << 48) | ((ulong)four[1] << 32) | ((ulong)four[2] << 16) | four[3];

    /// <summary>The four units of a <see cref="QuadKey"/>, in text order.</summary>
    internal static void QuadUnits(ulong key, Span<char> four)
    {
        for (int n = 0; n < 4; n++)
        {
            four[n] = (char)(key >> (BitConverter.IsLittleEndian ? 16 * n : 48 - (16 * n)));
        }
    }

    /// <summary>
    /// The quad table of <paramref name="quads"/> (key, composed value): two ulongs per slot, the key and the number of
    /// its value, added to <paramref name="values"/> (a value of no length the values take is left out: the pass
    /// returns there); <paramref name="prefixes"/> the first three units of the keys, as triple keys.
    /// </summary>
    private static ulong[] QuadTable(List<(ulong Key, string Value)> quads, List<string> values, out HashSet<ulong> prefixes)
    {
        prefixes = [];
        // One slot more than the keys: a probe for a missing key ends at an empty slot.
        int slots = Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)((quads.Count * QuadSlotsPerKey) + 1)));
        int shift = 64 - BitOperations.Log2((uint)slots);
        var table = new ulong[2 * slots];
        foreach ((ulong key, string value) in quads)
        {
            if (value.Length is 0 or > MaxTripleValueUnits || values.Count >= MaxTripleValues)
            {
                continue;
            }

            values.Add(value);
            prefixes.Add(BitConverter.IsLittleEndian ? key & TripleKeyMask : key >> 16);
            // No key is 0 (no key starts with U+0000), so 0 marks an empty slot.
            ulong index = (key * HashMultiplier) >> shift;
            while (table[2 * (int)index] != 0)
            {
                index = (index + 1) & (ulong)(slots - 1);
            }

            table[2 * (int)index] = key;
            table[(2 * (int)index) + 1] = (ulong)values.Count;
        }

        return table;
    }

    /// <summary>
    /// For the settled pass, at a position whose first three units begin four-unit keys (<see cref="QuadMarker"/>): the
    /// value entry (as the triple table's, <see cref="SettledValue"/>) of the four-unit key there, a segment of its own;
    /// 0 where the four units are not one or the unit after them needs the slow path (the pass returns). Requires the
    /// unit after the key to be in the text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FindSettledQuad(ref char at, ref uint entry0, ref ulong pairs)
    {
        ulong header = Unsafe.Add(ref pairs, -SettledHeaderWords);
        ref ulong table0 = ref Unsafe.Add(ref pairs, (nint)(header >> 32));
        int shift = (int)(header & 0xFF);
        ulong mask = ulong.MaxValue >> shift;
        ulong key = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref at));
        for (ulong index = (key * HashMultiplier) >> shift; ; index = (index + 1) & mask)
        {
            ulong slot = Unsafe.Add(ref table0, (nint)(2 * index));
            if (slot == key)
            {
                return (Unsafe.Add(ref entry0, (nint)(uint)Unsafe.Add(ref at, 4)) & NeedsSlowPath) != 0
                    ? 0
                    : SettledValue(ref pairs, (uint)Unsafe.Add(ref table0, (nint)(2 * index) + 1));
            }

            if (slot == 0)
            {
                return 0;
            }
        }
    }
}
