using System.Runtime.CompilerServices;

namespace TextRepair.Analysis.Variant;

/// <summary>
/// The filters that let the scanner and the checker skip work: a stop table per expected variant (the characters that
/// can make a <c>check</c> finding or end a line) and a bit per hash of the shape of every phrase and segmentation
/// word (first, second and last unit, length), tested before a dictionary lookup.
/// </summary>
internal sealed partial class VariantTables
{
    /// <summary>
    /// A bit per hash of (first unit, second unit, last unit, length) of every regional phrase of two or more units
    /// (<see cref="ShapeBit"/>, 2^20 bits, 128 KB): clear means no phrase of that length matches here, so
    /// <see cref="TryGetPhrase"/> is skipped for that length. A character that starts a phrase starts several of
    /// different lengths; without this each length cost a dictionary lookup.
    /// </summary>
    public ulong[] PhraseShapes { get; } = new ulong[1 << 14];

    /// <summary>
    /// Per BMP unit, a bit per expected variant (<see cref="StopBit"/>) set when the checker must look at the unit:
    /// a high surrogate, a character of the other script (a finding), a character the expected region's conversion
    /// changes, a key of one unit of the region's phrase table; and a bit per region (<see cref="KeyStartBit"/>) for the
    /// first units of its longer keys. Every other unit (ASCII, punctuation, line breaks, the characters of the expected
    /// script and the Han characters both scripts write) is skipped in a tight loop; the checker looks at a line's
    /// characters of the expected script only when the line holds one of the other script.
    /// </summary>
    public byte[] CheckStops { get; private set; } = [];

    /// <summary>The bit of <see cref="CheckStops"/> for <paramref name="expected"/> (a script or a region).</summary>
    public static byte StopBit(ChineseVariant expected) => expected switch
    {
        ChineseVariant.Hans => 1,
        ChineseVariant.Hant => 2,
        ChineseVariant.HantTW => 4,
        _ => 8,
    };

    /// <summary>
    /// The bit of <see cref="CheckStops"/> for the first units of the keys of two or more units of
    /// <paramref name="expected"/>'s regional phrase table (0 for a script): such a unit stops the checker only where it
    /// and the next unit are the start of a key (<see cref="TaiwanKeyPairs"/>, <see cref="HongKongKeyPairs"/>). On
    /// LibreOffice's zh-TW help (710,238 units; session 8), 288,908 units stopped the zh-Hant-TW checker as phrase or
    /// key starts when every unit that starts a key stopped it by itself.
    /// </summary>
    public static byte KeyStartBit(ChineseVariant expected) => expected switch
    {
        ChineseVariant.HantTW => 64,
        ChineseVariant.HantHK => 128,
        _ => 0,
    };

    /// <summary>The bit of (<paramref name="text"/>[0], [1], [<paramref name="length"/> - 1], <paramref name="length"/>); length >= 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShapeBit(ReadOnlySpan<char> text, int length)
    {
        uint h = ((uint)text[0] * 0x9E3779B1u) ^ text[1];
        h = (h * 0x85EBCA6Bu) ^ text[length - 1] ^ ((uint)length << 16);
        return (int)((h * 0xC2B2AE35u) >> 12);
    }

    /// <summary>The bit of (<paramref name="first"/>, <paramref name="second"/>) in <see cref="TaiwanKeyPairs"/> and <see cref="HongKongKeyPairs"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeyPairBit(char first, char second) => (int)(((((uint)first * 0x9E3779B1u) ^ second) * 0x85EBCA6Bu) >> 16);

    /// <summary>True when bit <paramref name="bit"/> of <paramref name="bits"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasBit(ulong[] bits, int bit) => (bits[bit >> 6] & (1ul << bit)) != 0;

    private static void SetBit(ulong[] bits, int bit) => bits[bit >> 6] |= 1ul << bit;

    private byte[] BuildCheckStops()
    {
        byte[] stops = new byte[0x10000];
        for (int c = 0; c < stops.Length; c++)
        {
            CharClass f = Bmp[c];
            byte bits = 0;
            if (char.IsHighSurrogate((char)c))
            {
                bits = 1 | 2 | 4 | 8;
            }

            if ((f & CharClass.SimplifiedOnly) != 0)
            {
                bits |= 2 | 4 | 8;
            }

            if ((f & CharClass.TraditionalOnly) != 0)
            {
                bits |= 1;
            }

            // A key of one unit has no pair to test: it stops by itself.
            if ((f & CharClass.TaiwanConverts) != 0 || HasBit(TaiwanSingleUnitKeys, c))
            {
                bits |= 4;
            }

            if ((f & CharClass.HongKongConverts) != 0 || HasBit(HongKongSingleUnitKeys, c))
            {
                bits |= 8;
            }

            if ((f & CharClass.TaiwanKeyStart) != 0)
            {
                bits |= 64;
            }

            if ((f & CharClass.HongKongKeyStart) != 0)
            {
                bits |= 128;
            }

            stops[c] = bits;
        }

        return stops;
    }
}
