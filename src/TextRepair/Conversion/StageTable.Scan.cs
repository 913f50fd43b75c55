using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Conversion;

/// <summary>
/// The start filter: for tables where about every other unit of real text starts a longer key (STPhrases), a
/// filter over the first two units of every two-unit key and the first three units of every longer key, one bit per
/// token, in a 64-bit word picked by the first two units (see <see cref="WordOf"/>). Where it says no, no key
/// longer than one unit matches, so only the unit's entry counts: no trie walk.
/// </summary>
/// <remarks>
/// On the Simplified benchmark text (1.15 M units) 55% of the units start some STPhrases key; the pair filter sent
/// about 158 k positions into a walk and 59 k of them found a phrase, since most pairs that begin a key are only a
/// prefix of longer keys and the walk ends at the third unit. Asked with the third unit too, the filter leaves 65 k
/// walks, 59 k of them matches (counted in s2twp's segmentation pass). It is probed for every unit and its answer
/// combined with the unit's entry without a branch: "does a phrase start here" is a coin toss on such text and a
/// branch on it mispredicts about every other unit. For the other tables few units start a longer key, that branch is
/// predictable, and probing a filter at every unit was measured slower (t2s 3.1 against 1.4 ms, tw2sp 10.7 against
/// 6.6 ms per benchmark text, load 7-13), so they keep the pair filter behind the entry test.
/// Session 10: one hash of the pair picked a line, the third unit the triple's word in it (before: two-bit Bloom
/// tokens of two hashes in two random words). Session 18: both tokens in the one word the pair picks, one load and
/// two shifts of it per unit, the hash's bits taken as they come (45 -> 32 instructions per unit in
/// <see cref="MapFiltered"/>; s2t's stops per text 76,960 -> 81,152, as a pair's triples share its word): s2t
/// 0.80-0.83 of the time per cached chunk (same process, both orders); see docs/conversion.md.
/// </remarks>
internal sealed unsafe partial class StageTable
{
    /// <summary>
    /// Keys from which a table with keys longer than one unit gets a start filter: the tables built with STPhrases
    /// have over 49,000 (about 5,000 of their first units take 55% of the units of Simplified text); every other
    /// table of OpenCC's configs has at most about 6,000 keys (TSCharacters with TSPhrases), mostly single units.
    /// </summary>
    private const int DenseKeyCount = 16384;

    /// <summary>
    /// Bits of the start filter per token, at least (the size is rounded up to a power of two): a 64-bit word holds
    /// about 0.7 tokens on average (47,572 STPhrases tokens in 65,536 words; more for pairs that begin many keys, whose
    /// positions are mostly real key starts anyway). For STPhrases the filter takes 512 KB. Session 11, s2t, best of
    /// cached chunks, interleaved builds (load 6-13): 20 bits (128 KB) 10.95 against 9.39 ms for 40 bits (256 KB);
    /// 80 bits 8.26-8.85 against 9.22-9.24 ms; 160 bits (1 MB) 8.34-9.03, no better than 80. A false start costs a
    /// walk (about 185 cycles with its cache misses), so fewer of them pays for the larger filter. Session 18, with
    /// one word per pair, same process against 80 bits: 40 bits 1.00 and 1.03, 160 bits 0.97 and 1.00 of the time.
    /// </summary>
    private const int StartFilterBitsPerToken = 80;

    /// <summary>
    /// The start filter's hash of a pair key (2^32 over the golden ratio, odd): a 32-bit multiplication by an
    /// immediate, where the 64-bit <see cref="HashMultiplier"/> took a second instruction to load the constant.
    /// </summary>
    private const uint FilterMultiplier = 0x9E3779B1u;

    /// <summary>
    /// Units a table with a start filter converts or scans without it before the filter is built. Building it takes
    /// about 2 ms (session 8, load 15) and it saves about 1.9 ns per unit (s2t 9.45-9.69 against 7.30-7.42 ms per
    /// 1.15 M units, session 8, interleaved), so it pays after about a million units; a process that converts a few
    /// short texts (a first use: Native AOT s2t took 8.0 ms against 1.3 ms for t2s, session 9 quiet run) never
    /// builds it. Both paths give the same matches (StageTableTests).
    /// </summary>
    private const long StartFilterAfterUnits = 1 << 20;

    /// <summary>Words at the start of the filter that stay zero: units that start no longer key read the first (see <see cref="FilterHit"/>).</summary>
    private const int ZeroWords = 1;

    /// <summary>Bits a pair's hash is rotated by before the third unit is mixed in: the pair's own bit is hash bits 0-5 (<see cref="PairBit"/>).</summary>
    private const int TripleHashRotation = 6;

    // Built once StartFilterAfterUnits units went through the table without it (a race builds it twice, with the same
    // result); empty for the other tables.
    private ulong[]? _startFilter;

    // Units converted or scanned without the start filter. Not atomic: a lost update only delays the filter.
    private long _unfilteredUnits;

    /// <summary>The start filter; empty when this table has fewer than <see cref="DenseKeyCount"/> keys or none longer than one unit.</summary>
    private ulong[] StartFilter => Volatile.Read(ref _startFilter) ?? BuildStartFilter();

    /// <summary>
    /// Finds the next match at or after <paramref name="position"/>, stepping over unmatched positions the way
    /// greedy matching does (one code point, or a whole ideographic description sequence). Returns its position, or
    /// the text length when no key matches in the rest of the text; <paramref name="length"/> and
    /// <paramref name="valueIndex"/> describe the match. Equivalent to <see cref="SkipUnmatched"/> and
    /// <see cref="Match"/> in a loop.
    /// </summary>
    public int NextMatch(ReadOnlySpan<char> text, int position, out int length, out int valueIndex)
    {
        if (Volatile.Read(ref _startFilter) is not null || Volatile.Read(ref _pairEntries) is not null || _unfilteredUnits >= StartFilterAfterUnits)
        {
            return NextMatch(text, position, out length, out valueIndex, useScanTables: true);
        }

        // Counted by the units scanned, not the text's length: the segmentation pass calls this once per match.
        int at = NextMatch(text, position, out length, out valueIndex, useScanTables: false);
        _unfilteredUnits += at - position;
        return at;
    }

    private int NextMatch(ReadOnlySpan<char> text, int position, out int length, out int valueIndex, bool useScanTables, (char First, char Last)[]? watched = null)
    {
        int i = position;
        if (useScanTables && !_denseStarts)
        {
            // The pair entries (StageTable.Pairs.cs) rule out every key at most units; Match decides the others.
            ref char src = ref MemoryMarshal.GetReference(text);
            ref uint pair0 = ref MemoryMarshal.GetArrayDataReference(PairEntries);
            int paired = text.Length - 1;
            while (i < paired)
            {
                i += SkipPaired(ref Unsafe.Add(ref src, i), paired - i, ref pair0, _singleKeyUnits);
                if (i >= paired)
                {
                    break;
                }

                int matched = Match(text, i, out valueIndex);
                if (matched > 0)
                {
                    length = matched;
                    return i;
                }

                int unit = TextUnits.UnmatchedLength(text.Slice(i));
                if (watched is not null && HasWatched(text.Slice(i, unit), watched))
                {
                    // SkipPaired stops at every watched unit, and none starts a key (StageTable.Watched.cs).
                    break;
                }

                i += unit;
            }

            if (watched is not null && HasWatched(text.Slice(Math.Min(i, text.Length)), watched))
            {
                length = 0;
                valueIndex = NoValue;
                return WatchedUnitFound;
            }
        }
        else if (useScanTables)
        {
            ulong[] filterArray = StartFilter;
            ref char src = ref MemoryMarshal.GetReference(text);
            ref ulong filter = ref MemoryMarshal.GetArrayDataReference(filterArray);
            int filterShift = StartFilterShift(filterArray);
            uint* entries = _entries;

            // Units whose entry alone sends them to a walk: the slow path, and with single-unit keys every key start.
            uint always = NeedsSlowPath | (_hasSingleUnitKeys ? ~((1u << NodeShift) - 1) : 0);
            int filtered = text.Length - 2;
            while (i < filtered)
            {
                i += SkipFiltered(ref Unsafe.Add(ref src, i), filtered - i, ref *entries, ref filter, filterShift, always);
                if (i >= filtered)
                {
                    break;
                }

                int matched = Walk(text, i, out valueIndex);
                if (matched > 0)
                {
                    length = matched;
                    return i;
                }

                i += (entries[Unsafe.Add(ref src, i)] & NeedsSlowPath) == 0 ? 1 : TextUnits.UnmatchedLength(text.Slice(i));
            }
        }

        // Before the scan tables are built, and the last units.
        while ((i = SkipUnmatched(text, i)) < text.Length)
        {
            length = Match(text, i, out valueIndex);
            if (length > 0)
            {
                return i;
            }

            i += TextUnits.UnmatchedLength(text.Slice(i));
        }

        length = 0;
        valueIndex = NoValue;
        return text.Length;
    }

    /// <summary>
    /// Whether to convert <paramref name="units"/> more units with the start filter (or, for a table without one, with
    /// the pair entries): once they are built or <see cref="StartFilterAfterUnits"/> units went through without them.
    /// </summary>
    private bool UsesScanTables(int units)
    {
        if (Volatile.Read(ref _startFilter) is not null || Volatile.Read(ref _plainFilter) is not null || Volatile.Read(ref _pairEntries) is not null)
        {
            return true;
        }

        long seen = _unfilteredUnits + units;
        _unfilteredUnits = seen;
        return seen >= StartFilterAfterUnits;
    }

    /// <summary>Type argument of the conversion loop for a table with a start filter.</summary>
    private struct DenseStarts;

    /// <summary>Type argument of the conversion loop for a table without a start filter or pair entries.</summary>
    private struct SparseStarts;

    /// <summary>Type argument of the conversion loop for a table with pair entries (see <c>StageTable.Pairs.cs</c>).</summary>
    private struct PairStarts;

    /// <summary>The right shift that turns a pair's hash into a word index of <paramref name="filter"/> (any value for an empty filter).</summary>
    private static int StartFilterShift(ulong[] filter) => 32 - BitOperations.Log2((uint)(filter.Length - ZeroWords));

    /// <summary>
    /// <see cref="StartsLongerKey"/> when the start filter admits a key longer than one unit at <paramref name="i"/>
    /// (which has two more units after it), otherwise 0; computed without a branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MayStartLonger(uint entry, ref char src, int i, ref ulong filter, int filterShift)
    {
        ref char at = ref Unsafe.Add(ref src, i);
        return (FilterHit(entry, PairKey(ref at), Unsafe.Add(ref at, 2), ref filter, filterShift) & 1) << 16;
    }

    /// <summary>
    /// Maps the units from <paramref name="src"/> on that the start filter settles alone (see <see cref="MayStartLonger"/>),
    /// each to one unit from <paramref name="dst"/> on, and returns how many: it stops before the first unit that needs
    /// a walk or the slow path, or after <paramref name="count"/> units (two units after the last must exist).
    /// </summary>
    /// <remarks>
    /// Not inlined: inlined into the conversion loop, whose walk, copies and sink keep many values live across calls,
    /// the JIT kept this loop's counters, table references and filter shift on the stack and reloaded them at every
    /// unit (seven stack accesses per unit in the s2t loop's disassembly); here, with six arguments (all passed in
    /// registers) and one index for input and output, only the destination reference is kept on the stack.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int MapFiltered(ref char src, int count, ref char dst, ref uint entry0, ref ulong filter, int filterShift)
    {
        // The indexes are native-sized, so that no sign extension is left in the loop (session 11); the pair key is
        // one load (session 18: before, the pair rolled along in a register, a shift and an or per unit).
        nint i = 0;
        for (; i < count; i++)
        {
            ref char at = ref Unsafe.Add(ref src, i);
            uint unit = at;
            uint entry = Unsafe.Add(ref entry0, (nint)unit);
            if ((((entry >> NeedsSlowPathBit) | FilterHit(entry, PairKey(ref at), Unsafe.Add(ref at, 2), ref filter, filterShift)) & 1) != 0)
            {
                break;
            }

            Unsafe.Add(ref dst, i) = (char)(entry ^ unit);
        }

        return (int)i;
    }

    /// <summary>
    /// The scanning twin of <see cref="MapFiltered"/> for the segmentation pass (<see cref="NextMatch(ReadOnlySpan{char}, int, out int, out int)"/>):
    /// returns how many units from <paramref name="src"/> on need no walk, at most <paramref name="count"/> (two
    /// units after the last must exist). A unit needs one when its entry has a bit of <paramref name="always"/> or
    /// the filter admits a longer key there.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SkipFiltered(ref char src, int count, ref uint entry0, ref ulong filter, int filterShift, uint always)
    {
        nint i = 0;
        for (; i < count; i++)
        {
            ref char at = ref Unsafe.Add(ref src, i);
            uint entry = Unsafe.Add(ref entry0, (nint)at);
            if (((entry & always) | (FilterHit(entry, PairKey(ref at), Unsafe.Add(ref at, 2), ref filter, filterShift) & 1)) != 0)
            {
                break;
            }
        }

        return (int)i;
    }

    /// <summary>
    /// Bit 0 is set when the start filter admits a key longer than one unit at a position whose unit has
    /// <paramref name="entry"/>, whose first two units make the pair key <paramref name="pair"/> (see
    /// <see cref="PairKey(uint, uint)"/>) and whose third is <paramref name="third"/>; the other bits are noise.
    /// </summary>
    /// <remarks>
    /// A unit whose entry says it starts no longer key reads the filter's first word, which is zero, instead of its
    /// pair's word (selected without a branch): on Simplified text that is 45% of the units, whose probes otherwise
    /// spread over the whole filter and pushed the entries and the trie's root out of the L2 cache (session 11).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint FilterHit(uint entry, uint pair, uint third, ref ulong filter, int filterShift)
    {
        uint pairHash = pair * FilterMultiplier;
        nint startsLonger = (nint)((long)((ulong)entry << (63 - StartsLongerKeyBit)) >> 63);
        ulong word = Unsafe.Add(ref filter, WordOf(pairHash, filterShift) & startsLonger);
        return (uint)((word >> PairBit(pairHash)) | (word >> TripleBit(pairHash, third)));
    }

    /// <summary>The word of the filter (1 .. 2^(64 - shift); word 0 is the zero word) that holds a pair's tokens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint WordOf(uint pairHash, int filterShift) => (nint)(pairHash >> filterShift) + ZeroWords;

    /// <summary>
    /// The bit of a pair's token in its word: hash bits 0-5 (a shift count is taken mod 64). They depend on the pair's
    /// low bits only, enough to tell apart the few pairs that share a word, which the high bits picked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PairBit(uint pairHash) => (int)pairHash;

    /// <summary>The bit of a triple's token in its pair's word: the third unit mixed with hash bits 6-11 of the pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TripleBit(uint pairHash, uint third) => (int)(BitOperations.RotateRight(pairHash, TripleHashRotation) ^ third);

    /// <summary>Builds the start filter from the trie's first three levels; empty for a table without one.</summary>
    private ulong[] BuildStartFilter()
    {
        ulong[] filter = [];
        if (_denseStarts)
        {
            filter = NewStartFilter();
            AddStartTokens(filter, StartFilterShift(filter));
        }

        Volatile.Write(ref _startFilter, filter);
        return filter;
    }

    /// <summary>An empty filter of the start filter's size: a power of two of words after the zero word, at least <see cref="StartFilterBitsPerToken"/> bits per token.</summary>
    private ulong[] NewStartFilter() =>
        new ulong[ZeroWords + (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, (long)AddStartTokens(null, 0) * StartFilterBitsPerToken / 64))];

    /// <summary>
    /// Sets the bits of every start token in <paramref name="filter"/> (when not null): each two-unit key, and the
    /// first three units of each longer key; for the <paramref name="passed"/> pairs and <paramref name="passedTriples"/>
    /// (<c>StageTable.PassedKeys.cs</c>) a tail token instead. Returns the number of tokens.
    /// </summary>
    private int AddStartTokens(ulong[]? filter, int shift, HashSet<uint>? passed = null, HashSet<ulong>? passedTriples = null)
    {
        int tokens = 0;
        foreach ((char firstUnit, nint slot) in TwoUnitPrefixes())
        {
            uint* second = _slots + (slot * SlotUints);
            uint pair = PairKey(firstUnit, second[0] & 0xFFFFu);
            uint pairHash = pair * FilterMultiplier;
            nint word = WordOf(pairHash, shift);
            if ((second[1] & ValueMask) != 0)
            {
                tokens++;
                AddBits(filter, word, passed is not null && passed.Contains(pair) ? 1UL << TailBit(pair) : 1UL << PairBit(pairHash));
            }

            if ((second[0] & HasChildren) == 0)
            {
                continue;
            }

            int secondSize = 1 << (int)((second[0] >> BlockLog2Shift) & 31);
            for (int s2 = 0; s2 < secondSize; s2++)
            {
                uint* third = _slots + ((nint)(second[2] + s2) * SlotUints);
                if ((third[0] & Occupied) != 0)
                {
                    tokens++;
                    uint unit = third[0] & 0xFFFFu;
                    AddBits(filter, word, passedTriples is not null && passedTriples.Contains(TripleKey(firstUnit, (char)second[0], (char)unit))
                        ? 1UL << TailBit(pair)
                        : 1UL << TripleBit(pairHash, unit));
                }
            }
        }

        return tokens;

        static void AddBits(ulong[]? filter, nint word, ulong bits)
        {
            if (filter is not null)
            {
                filter[word] |= bits;
            }
        }
    }
}
