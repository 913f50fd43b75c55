using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>
/// Direct pairs: for a table with a start filter (<c>StageTable.Scan.cs</c>), the two-unit keys with a two-unit value
/// that are the match wherever no longer key goes on from them, in an exact table of their own, so that the plain
/// conversion's filtered loop (<see cref="MapFilteredDirect"/>) writes such a key where the filter has no triple token
/// and goes on, instead of returning to the conversion loop for a walk through the trie.
/// </summary>
/// <remarks>
/// Session 18, s2t on the Simplified benchmark text: of 81,033 walks per text, 48,017 ended at a two-unit key, 44,049
/// of them at a position whose triple token was not in the filter; each cost a return from the filtered loop, the
/// walk (the first unit's slot in the trie's root block, then the second's in its child block: dependent loads that
/// miss the cache on a whole text), the value's copy and a new call into the loop. After: 36,984 walks; the table
/// holds 19,329 STPhrases pairs in 65,536 slots (512 KB). Same process, both orders: s2t 0.84-0.87 of the time per
/// cached chunk, 0.89-0.90 per whole text (see docs/conversion.md).
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Slots of the direct-pair table per pair, at least (load factor at most 1/2, so a lookup probes about 1.5 slots,
    /// mostly in one cache line).
    /// </summary>
    private const int DirectPairSlotsPerPair = 2;

    // Built by the first plain conversion with the start filter (a race builds it twice, with the same result): a
    // table used only for its segmentation scan (s2tw, s2twp, s2hk, s2hkp) never holds it.
    private ulong[]? _directPairs;

    /// <summary>
    /// The direct-pair table (see <see cref="BuildDirectPairs"/>), its slots followed by the triple check's
    /// <see cref="TripleCheckWords"/> words; only for a table with a start filter.
    /// </summary>
    private ulong[] DirectPairs => Volatile.Read(ref _directPairs) ?? BuildDirectPairs();

    /// <summary>
    /// <see cref="MapFiltered"/> for the plain conversion: where the filter stops at a unit that needs no slow path,
    /// has no triple token, and begins a direct pair with the next unit, it writes the pair's value and goes on; in the
    /// plain pass, whose table holds every two-unit key (session 26), where it begins none it writes the unit alone.
    /// Returns how many units it mapped in the low 32 bits, at most <paramref name="count"/> + 1 (a pair at the last
    /// unit), and how many more (or fewer) it wrote in the high 32 bits: 0 but for the settled pass's phrases and key
    /// pairs whose value has another length and its four-unit phrases (session 20), after which it moves
    /// <paramref name="dst"/> by the difference so that one index serves both sides, and stops where a write could
    /// pass <paramref name="room"/> units of the destination. The plain pass instead returns in the high 32 bits, where
    /// it stops within two units after a tail token (<c>StageTable.PassedKeys.cs</c>), how many units it passed over since
    /// greedy matching last started, for <see cref="TailUnits"/>; 0 elsewhere. The settled pass passes over pairs of
    /// its own since session 25 and gives that number in <paramref name="passed"/>, negated where the stop may lie
    /// within such a pair (<c>StageTable.PassedKeys.cs</c>; the plain pass: 0). <paramref name="pairs"/> is the
    /// direct-pair table of 2^(32 - <paramref name="pairShift"/>) slots; <paramref name="filter"/> is the plain pass's
    /// filter (<see cref="PlainFilter"/>) or the settled pass's.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long MapFilteredDirect<TPass>(ref char src, int count, ref char dst, ref uint entry0, ref ulong filter, int filterShift, ref ulong pairs, int pairShift, int room, out int passed)
    {
        // The bound native-sized once: as an int it was sign-extended at every unit.
        nint i = 0;
        nint end = Math.Min(count, room);
        nint extra = 0;

        // Where greedy matching last started after a stop: the units from there up to i were passed without one
        // (StageTable.PassedKeys.cs; both passes since session 25).
        nint fresh = 0;

        // The settled pass's stop may lie within a passed pair (session 25).
        bool tail = false;
        while (i < end)
        {
            // The unit native-sized and no reference to it kept on the fast path (session 34): one zero-extension
            // and one address computation fewer per unit (Tier1: 28 -> 26 instructions), s2twp -1.6% instructions.
            nuint unit = Unsafe.Add(ref src, i);
            uint entry = Unsafe.Add(ref entry0, unit);
            if ((entry & NeedsSlowPath) != 0)
            {
                // Rare (surrogates, IDS operators, emoji): a predictable branch of its own instead of a shift and an
                // or in the filter's dependency chain.
                break;
            }

            uint pair = PairKey(ref Unsafe.Add(ref src, i));
            uint third = Unsafe.Add(ref src, i + 2);
            if ((FilterHit(entry, pair, third, ref filter, filterShift) & 1) == 0)
            {
                Unsafe.Add(ref dst, i) = (char)(entry ^ (uint)unit);
                i++;
                continue;
            }

            ref char at = ref Unsafe.Add(ref src, i);

            if (typeof(TPass) == typeof(SettledPass))
            {
                // The stop reads its units and entry again (session 25): with the values of the fast path live into
                // the settled pass's long stop path, the JIT kept the source and destination references on the stack
                // and read and wrote them at every unit (four stack accesses per unit in the disassembly); reread
                // here, the fast path keeps every value in a register. s2twp 0.97 of the time per whole text.
                at = ref Unsafe.Add(ref src, i);
                unit = Reread(ref Unsafe.As<char, ushort>(ref at));
                pair = Reread(ref Unsafe.As<char, uint>(ref at));
                third = Reread(ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref at, 2)));
                entry = Reread(ref Unsafe.Add(ref entry0, unit));
            }

            if (typeof(TPass) == typeof(PlainPass) && i > fresh)
            {
                // A stop after units the loop passed over may be within a passed key, where no key starts (greedy
                // matching went on after it): where the unit before has a tail token, or the one before it has and
                // the three units may begin a passed triple (the triple check, session 27), the caller decides
                // (TailUnits).
                if (HasTailToken(ref Unsafe.Add(ref src, i - 1), ref filter, filterShift)
                    || (i - 2 >= fresh && HasTailToken(ref Unsafe.Add(ref src, i - 2), ref filter, filterShift)
                        && MayBeginTriple(ref Unsafe.Add(ref pairs, (nint)1 << (32 - pairShift)), PairKey(ref Unsafe.Add(ref src, i - 2)), Unsafe.Add(ref src, i))))
                {
                    extra = i - fresh;
                    break;
                }
            }

            if (typeof(TPass) == typeof(SettledPass) && i > fresh && HasTailToken(ref Unsafe.Add(ref src, i - 1), ref filter, filterShift))
            {
                // The settled pass passes over pairs only (session 25): the unit lies within one if the unit before
                // begins one where greedy matching started. It did unless the unit before that begins one too (then
                // the caller parses), and a pair of the segmentation table there is a passed one: the loop went over
                // its first unit without a stop. The unit is mapped alone and greedy matching starts after it, unless
                // the next unit is one the caller would take the unit back at (StopsAfterKeyStart).
                if (i - 2 >= fresh && HasTailToken(ref Unsafe.Add(ref src, i - 2), ref filter, filterShift))
                {
                    tail = true;
                    break;
                }

                uint before = FindDirectPair(ref pairs, pairShift, PairKey(ref Unsafe.Add(ref at, -1)));
                if (before != 0 && before != PairStops)
                {
                    if ((Unsafe.Add(ref entry0, (nint)(uint)Unsafe.Add(ref at, 1)) & NeedsSlowPath) != 0)
                    {
                        tail = true;
                        break;
                    }

                    Unsafe.Add(ref dst, i) = (char)(entry ^ (uint)unit);
                    i++;
                    fresh = i;
                    continue;
                }
            }

            uint pairHash = pair * FilterMultiplier;
            uint value;
            ulong word = Unsafe.Add(ref filter, WordOf(pairHash, filterShift));

            // In the plain pass a tail token here sends the unit to a walk too: a passed triple may begin with the pair.
            if ((((word >> TripleBit(pairHash, third)) | (typeof(TPass) == typeof(PlainPass) ? word >> TailBit(pair) : 0)) & 1) != 0)
            {
                // The settled pass writes a three-unit segmentation key that is a segment of its own, and takes a
                // triple in none of its complete tables for a false token (session 19). The plain pass takes a triple
                // its triple check does not hold for a false token, triple or tail, and decides the pair (session 27).
                ulong triple = 0;
                if (typeof(TPass) == typeof(PlainPass)
                    ? MayBeginTriple(ref Unsafe.Add(ref pairs, (nint)1 << (32 - pairShift)), pair, third)
                    : i + 1 >= end || (triple = FindSettledTriple(ref at, ref entry0, ref pairs)) == TripleStops
                        || (triple == 0 && (Unsafe.Add(ref pairs, -2) & CompleteTables) == 0))
                {
                    break;
                }

                if (typeof(TPass) == typeof(SettledPass) && triple != 0)
                {
                    if (typeof(TPass) == typeof(SettledPass) && (triple >> TripleValueShift) != 0)
                    {
                        // A value of another length (用户名 -> 使用者名稱, session 20): copied from after the table, and
                        // the output moves on by the difference, so that one index still serves both sides. Or a
                        // triple that begins four-unit keys: the quad table decides (电子表格, session 20).
                        nint taken = 3;
                        if (triple == QuadMarker)
                        {
                            if (i + 2 >= end || (triple = FindSettledQuad(ref at, ref entry0, ref pairs)) == 0)
                            {
                                break;
                            }

                            taken = 4;
                        }

                        int length = SettledValueLength(triple);
                        if (i + extra + length > room)
                        {
                            break;
                        }

                        CopyTripleValue(ref Unsafe.Add(ref dst, i), ref pairs, triple, length);
                        extra += length - taken;
                        dst = ref Unsafe.Add(ref dst, length - taken);
                        end = Math.Min(count, room - extra);
                        i += taken;
                        fresh = i;
                        continue;
                    }

                    Unsafe.Add(ref dst, i) = (char)triple;
                    Unsafe.Add(ref dst, i + 1) = (char)(triple >> 16);
                    Unsafe.Add(ref dst, i + 2) = (char)(triple >> 32);
                    i += 3;
                    fresh = i;
                    continue;
                }
            }

            // The settled pass writes no pair before a unit that needs the slow path: it would take the pair's second
            // unit back there as a unit mapped alone (StopsAfterKeyStart). Rare, and its own path decides the pair.
            if (typeof(TPass) == typeof(SettledPass) && (Unsafe.Add(ref entry0, (nint)third) & NeedsSlowPath) != 0)
            {
                break;
            }

            // The settled pass asks the last stage's small table first (session 27: s2twp stops at about 55,000 of
            // its pairs per text, at 14,000 segmentation pairs); the two tables hold no pair in common
            // (SettledDirectTables), so the order decides nothing.
            if (typeof(TPass) != typeof(SettledPass) || i + 1 >= end
                || (value = FindLastStagePair(ref at, ref entry0, ref filter, filterShift, ref pairs, pairShift, pair)) == 0)
            {
                if ((value = FindDirectPair(ref pairs, pairShift, pair)) == 0)
                {
                    if (typeof(TPass) == typeof(PlainPass))
                    {
                        // The plain pass's table holds every two-unit key (session 26): a false pair token, and no
                        // triple or tail token, so no key longer than one unit starts here. The unit is its own match.
                        Unsafe.Add(ref dst, i) = (char)(entry ^ (uint)unit);
                        i++;
                        fresh = i;
                        continue;
                    }

                    // In neither of the tables that hold every key pair: a false pair token, and no triple token, so
                    // no key of any stage starts here but the unit's own (session 19). The pass goes on unless the
                    // next unit is one the caller would take back.
                    if (i + 1 >= end || (Unsafe.Add(ref pairs, -2) & CompleteTables) == 0 || (Unsafe.Add(ref entry0, (nint)(uint)Unsafe.Add(ref at, 1)) & NeedsSlowPath) != 0)
                    {
                        break;
                    }

                    value = (char)(entry ^ (uint)unit);
                }
            }

            if (typeof(TPass) == typeof(PlainPass) && value == PairStops)
            {
                // A two-unit key that is not a direct pair: a walk decides.
                break;
            }

            if (typeof(TPass) == typeof(SettledPass) && value >= OtherLengthPair)
            {
                if (value == PairStops)
                {
                    break;
                }

                // A key pair of the last stage whose value has another length (控件 -> 控制項, session 20): as a triple's.
                ulong other = SettledValue(ref pairs, value & 0xFFFF);
                int length = SettledValueLength(other);
                if (i + extra + length > room)
                {
                    break;
                }

                CopyTripleValue(ref Unsafe.Add(ref dst, i), ref pairs, other, length);
                extra += length - 2;
                dst = ref Unsafe.Add(ref dst, length - 2);
                end = Math.Min(count, room - extra);
                i += 2;
                fresh = i;
                continue;
            }

            Unsafe.Add(ref dst, i) = (char)value;
            Unsafe.Add(ref dst, i + 1) = (char)(value >> 16);
            // A key pair of the last stage whose match is the first unit's own mapping: one unit (FindLastStagePair).
            i += typeof(TPass) == typeof(SettledPass) && (value >> 16) == 0 ? 1 : 2;
            fresh = i;
        }

        // At the end a passed key (the plain pass) or pair (the settled pass) may go on past it.
        if (typeof(TPass) == typeof(PlainPass) && i == end && i > fresh
            && (HasTailToken(ref Unsafe.Add(ref src, i - 1), ref filter, filterShift)
                || (i - 2 >= fresh && HasTailToken(ref Unsafe.Add(ref src, i - 2), ref filter, filterShift)
                    && MayBeginTriple(ref Unsafe.Add(ref pairs, (nint)1 << (32 - pairShift)), PairKey(ref Unsafe.Add(ref src, i - 2)), Unsafe.Add(ref src, i)))))
        {
            extra = i - fresh;
        }

        if (typeof(TPass) == typeof(SettledPass) && i == end && i > fresh && HasTailToken(ref Unsafe.Add(ref src, i - 1), ref filter, filterShift))
        {
            tail = true;
        }

        // The settled pass: the units passed over since greedy matching last started, negated where the stop may lie
        // within a passed pair (at a unit that needs the slow path the caller asks whether the unit before ends one).
        passed = typeof(TPass) == typeof(PlainPass) ? 0 : tail ? (int)(fresh - i) : (int)(i - fresh);
        return (uint)i | ((long)extra << 32);
    }

    /// <summary>
    /// The value of a pair in the settled pass's pair tables at which the pass returns (U+FFFF twice: no value of a
    /// key); a pair in neither table is not a key pair of the segmentation or of the last stage.
    /// </summary>
    internal const uint PairStops = uint.MaxValue;

    /// <summary><see cref="MapFilteredDirect"/> in the plain conversion's loop (<c>StageTable.cs</c>).</summary>
    private struct PlainPass;

    /// <summary><see cref="MapFilteredDirect"/> in the settled pass (<see cref="MapSettledPassing"/>): no pair before a unit that needs the slow path.</summary>
    private struct SettledPass;

    /// <summary>
    /// <paramref name="value"/> read with a load the JIT does not merge with an earlier read of it (a volatile read: on
    /// x64 a plain load), so that a value read on the hot path need not stay live into a rare path (<see cref="MapFilteredDirect"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Reread(ref ushort value) => Volatile.Read(ref value);

    /// <summary><see cref="Reread(ref ushort)"/> for a 32-bit value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Reread(ref uint value) => Volatile.Read(ref value);

    /// <summary>The two units from <paramref name="at"/> on as the filter's pair key (see <see cref="PairKey(uint, uint)"/>), read with one load.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PairKey(ref char at) => Unsafe.ReadUnaligned<uint>(ref Unsafe.As<char, byte>(ref at));

    /// <summary>
    /// Two units as the filter's pair key: the 32 bits the two units make in memory (the first unit in the low half
    /// on a little-endian machine), so that the scanning loops read it with one load instead of rolling it along.
    /// </summary>
    internal static uint PairKey(uint first, uint second) => BitConverter.IsLittleEndian ? (second << 16) | first : (first << 16) | second;

    /// <summary>The two units of a pair key (<see cref="PairKey(uint, uint)"/>), in text order.</summary>
    internal static (char First, char Second) PairUnits(uint pair) =>
        BitConverter.IsLittleEndian ? ((char)pair, (char)(pair >> 16)) : ((char)(pair >> 16), (char)pair);

    /// <summary>The two units of a direct pair's value (the first in the low half), or 0 when <paramref name="pair"/> is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint FindDirectPair(ref ulong table0, int shift, uint pair)
    {
        // No pair is 0 (no key starts with U+0000), and the table is at most half full, so the probe ends.
        uint mask = uint.MaxValue >> shift;
        uint index = (pair * HashMultiplier32) >> shift;
        while (true)
        {
            ulong slot = Unsafe.Add(ref table0, (nint)index);
            if ((uint)slot == pair)
            {
                return (uint)(slot >> 32);
            }

            if (slot == 0)
            {
                return 0;
            }

            index = (index + 1) & mask;
        }
    }
}
