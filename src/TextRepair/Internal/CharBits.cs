using System.Runtime.CompilerServices;

namespace TextRepair.Internal;

/// <summary>
/// A set of UTF-16 code units as 65,536 bits (1,024 <see cref="ulong"/> words, 8 KiB): one shift and one mask per
/// test. Used for the conversion's key units and cut points and the analysis' character classes. Pure functions.
/// </summary>
internal static class CharBits
{
    /// <summary>The number of <see cref="ulong"/> words a set takes.</summary>
    public const int WordCount = 65536 / 64;

    /// <summary>Allocates an empty set.</summary>
    public static ulong[] Create() => new ulong[WordCount];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(ReadOnlySpan<ulong> bits, char c) => (bits[c >> 6] & (1UL << c)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<ulong> bits, char c) => bits[c >> 6] |= 1UL << c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Remove(Span<ulong> bits, char c) => bits[c >> 6] &= ~(1UL << c);
}
