namespace TextRepair.Conversion;

/// <summary>The pipeline's side of the one settled pass (<c>StageTable.Settled.cs</c>): its tables, and what it does where the pass stops.</summary>
internal sealed partial class ConversionPipeline
{
    /// <summary>
    /// The longest key of the chain's last stage that <see cref="ConvertLastStageKey"/> matches in place; a stage with
    /// longer keys (none of OpenCC's: TWPhrases' longest has 15 units, HKVariantsPhrases' 14) sends its key pairs
    /// through the chain with the rest of their gap, as before session 17.
    /// </summary>
    private const int LastStageKeyWindow = 32;

    /// <summary>The segmentation table's entries with the whole chain's mapping of the units it settles alone, built on first use.</summary>
    private uint[] SettledEntries(StageTable segmentation)
    {
        uint[]? settled = Volatile.Read(ref _settledEntries);
        if (settled is null)
        {
            // A race builds it twice, with the same result; the fields get only complete arrays (an out parameter is
            // the field itself, and a second build that wrote its inputs array there before filling it gave another
            // thread's conversion zeros: ChineseConverterTests' sixteen threads, session 17).
            settled = segmentation.BuildSettledEntries(_chain, out char[] inputs);
            if (_normalizationRanges is not null)
            {
                // The pass stops at the units the normalization starts at, for ConvertMain to watch (session 28).
                StageTable.Unsettle(settled, _normalizationRanges);
            }

            if (_fullFirst is not null)
            {
                // And at every IDS operator, which sends the text to the full first stage (ConvertMain, session 28).
                StageTable.Unsettle(settled, s_idsOperators);
            }

            _settledDirectPairs = SettledDirectPairs(segmentation, settled, inputs, out ulong[] filter);
            _settledFilter = filter;
            _settledInputs = inputs;
            Volatile.Write(ref _settledEntries, settled);
        }

        return settled;
    }

    /// <summary>
    /// The segmentation table's two-unit keys that are the match wherever no longer key goes on from them
    /// (<see cref="StageTable.KeyPairMatches"/>) and whose segment converts through the chain to two units, with those
    /// units, for the settled pass (<see cref="StageTable.MapSettledPassing"/>): where its filter stops at a settled unit
    /// without a triple token (or with one its triple table shows to be false) and the two units are such a pair, the
    /// segmentation matches them there (the units before are settled, so no match reaches them), and they are a
    /// segment of their own, so the pass writes what the conversion loop would (<see cref="Compose"/>) and goes on.
    /// Every other two-unit key is in the table too, with <see cref="StageTable.PairStops"/>: so a pair token the pass
    /// finds for two units that are in neither of its pair tables is a false one (session 19). Builds the pass's
    /// <paramref name="filter"/> too, where the pairs whose value is each unit's settled mapping are passed keys
    /// (session 25, <c>StageTable.PassedKeys.cs</c>).
    /// </summary>
    /// <remarks>
    /// Before, each such stop returned from the pass for <see cref="StageTable.Settle"/>, the segmentation
    /// <c>Match</c> (a walk) and the composed value from the cache.
    /// </remarks>
    private ulong[] SettledDirectPairs(StageTable segmentation, uint[] settled, char[] inputs, out ulong[] filter)
    {
        var composed = new List<(uint Pair, uint Value)>();
        Span<char> key = stackalloc char[2];
        foreach ((char first, char second, int length, int valueIndex) in segmentation.KeyPairMatches(out _))
        {
            if (length == 0)
            {
                // Only longer keys begin with the two units: the pass stops where their triple token is.
                continue;
            }

            (key[0], key[1]) = (first, second);
            string? value = length == 2 && !char.IsSurrogate(second) && !TextUnits.IsIdsOperator(second) ? Compose(key, valueIndex) : null;
            // A value ending in U+FFFE or U+FFFF would read as a stop or a value of another length (StageTable.OtherLengthPair).
            bool written = value?.Length == 2 && value[1] < (char)(StageTable.OtherLengthPair >> 16);
            composed.Add((StageTable.PairKey(first, second), written ? value![0] | ((uint)value[1] << 16) : StageTable.PairStops));
        }

        Dictionary<ulong, string?> triples = SettledTriples(segmentation, out List<(ulong Key, string Value)> quads);
        filter = segmentation.SettledFilter(settled, inputs, _chain[^1], StageTable.SettledPassedPairs(composed, settled), out List<ulong> lastStageTriples);
        foreach (ulong triple in lastStageTriples)
        {
            // Where a segmentation key has the three units, its segment decides.
            triples.TryAdd(triple, null);
        }

        List<(uint Pair, uint Value)> lastStage = LastStagePairs(segmentation, settled, inputs, out List<(uint Pair, string Value)> otherLength);
        var found = new List<(ulong Key, string? Value)>(triples.Count);
        foreach (KeyValuePair<ulong, string?> triple in triples)
        {
            found.Add((triple.Key, triple.Value));
        }

        return StageTable.SettledDirectTables(composed, lastStage, otherLength, found, quads, complete: true);
    }

    /// <summary>
    /// The triple table of the settled pass: the segmentation table's three-unit keys that are the match wherever they
    /// start (<see cref="StageTable.ThreeUnitPrefixes"/>), with what their segment converts to through the chain (of any
    /// length since session 20; before, only three units): where the pass's filter stops at a settled unit with the
    /// key's triple token, the key is a segment of its own, and the pass writes what the conversion loop would
    /// (<see cref="Compose"/>). Every other triple the filter has a token for is in the table too, without a value: the
    /// segmentation's other first three units of longer keys, and (added by the caller) the last stage's.
    /// </summary>
    /// <remarks>Before, each three-unit key returned from the pass for <see cref="StageTable.Settle"/>, the
    /// segmentation <c>Match</c> (a walk three levels down) and the composed value from the cache: 9,348 per text in
    /// s2twp, s2tw, s2hk and s2hkp (session 19).</remarks>
    private Dictionary<ulong, string?> SettledTriples(StageTable segmentation, out List<(ulong Key, string Value)> quads)
    {
        var triples = new Dictionary<ulong, string?>();
        Span<char> key = stackalloc char[4];
        List<(char First, char Second, char Third, int ValueIndex)> prefixes = segmentation.ThreeUnitPrefixes(out List<(ulong Key, int ValueIndex)> fourUnitKeys);
        foreach ((char first, char second, char third, int valueIndex) in prefixes)
        {
            (key[0], key[1], key[2]) = (first, second, third);
            triples[StageTable.TripleKey(first, second, third)] = valueIndex >= 0 ? Compose(key.Slice(0, 3), valueIndex) : null;
        }

        // Four-unit keys that are the match wherever they start, composed as the triples (session 20).
        quads = new List<(ulong Key, string Value)>(fourUnitKeys.Count);
        foreach ((ulong four, int valueIndex) in fourUnitKeys)
        {
            StageTable.QuadUnits(four, key);
            quads.Add((four, Compose(key, valueIndex)));
        }

        return triples;
    }

    /// <summary>
    /// The key pairs of the chain's last stage as the two units of the text <c>u</c>, <c>v</c> whose inputs to that
    /// stage they are, both settled by the stages before it, where no segmentation key matches at <c>u</c> but a
    /// longer one (the pass tests its triple token first): what the chain writes there when no third unit goes on with
    /// a key of the last stage (the pass tests those units' triple tokens too, <see cref="StageTable.BuildSettledEntries"/>).
    /// That is the match of a walk from the two inputs alone: a two-unit key with a value of two units, written where
    /// no segmentation key may start at <c>v</c> (the segment would end between them); or no key of two units, and
    /// then <c>u</c>'s own mapping, one unit (the value's second half is 0), since a shorter segment changes nothing.
    /// Every other such <c>u</c>, <c>v</c> is in the table too, with <see cref="StageTable.PairStops"/>.
    /// </summary>
    /// <remarks>Before, each returned from the pass: <see cref="StageTable.Settle"/>'s exact pair test, the segmentation
    /// <c>Match</c> at both units and <see cref="ConvertLastStageKey"/> (s2twp: 63,762 stops per text, 33,855 of them
    /// at a key pair of TWPhrases, session 19; session 18 wrote the 282 pairs that begin no segmentation key and no
    /// longer key of the last stage).</remarks>
    private List<(uint Pair, uint Value)> LastStagePairs(StageTable segmentation, uint[] settled, char[] inputs, out List<(uint Pair, string Value)> otherLength)
    {
        var found = new List<(uint Pair, uint Value)>();
        otherLength = [];
        StageTable last = _chain[^1];
        if (!last.HasPairEntries)
        {
            return found;
        }

        Dictionary<char, List<char>> byInput = StageTable.UnitsByLastInput(settled, inputs);
        Span<char> key = stackalloc char[2];
        foreach ((char a, char b, int length, int valueIndex) in last.KeyPairMatches(out _))
        {
            if (!byInput.TryGetValue(a, out List<char>? firsts) || !byInput.TryGetValue(b, out List<char>? seconds))
            {
                continue;
            }

            ReadOnlySpan<char> value = length > 0 ? last.Value(valueIndex) : new ReadOnlySpan<char>(in a);
            // A two-unit value ending in U+FFFE would read as a value of another length (StageTable.OtherLengthPair).
            bool twoUnits = length == 2 && value.Length == 2 && value[1] < (char)(StageTable.OtherLengthPair >> 16);
            string? other = length == 2 && !twoUnits && value.Length > 0 ? value.ToString() : null;
            uint written = twoUnits ? value[0] | ((uint)value[1] << 16) : length < 2 && value.Length == 1 ? value[0] : StageTable.PairStops;
            foreach (char u in firsts)
            {
                foreach (char v in seconds)
                {
                    (key[0], key[1]) = (u, v);
                    bool segmented = segmentation.Match(key, 0, out _) != 0;
                    if (other is not null && !segmented)
                    {
                        otherLength.Add((StageTable.PairKey(u, v), other));
                        continue;
                    }

                    found.Add((StageTable.PairKey(u, v), segmented ? StageTable.PairStops : written));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Whether no key of the segmentation table or of any stage of the chain starts with <paramref name="high"/>, the
    /// high surrogate of a pair at which <see cref="StageTable.MapSettledPassing"/> stopped. Then greedy matching, in the
    /// segmentation and in every stage, finds no match at the pair, copies the code point and starts again after it;
    /// and no match from before it reaches it, since the pass settled the units before it (a unit that starts a key of
    /// the last stage right before an unsettled one was taken back, <see cref="StageTable.StopsAfterKeyStart"/>, and
    /// the pass stopped there instead). So the pair is copied and the one pass goes on,
    /// where before it began a gap that went through the chain up to the next segmentation match: the 2,560 emoji
    /// (U+1F50E) of the Simplified benchmark text sent 67,848 of its 1,153,758 units that way in s2tw (session 13's
    /// count, 2,549 gaps). Since session 19 the settled entries settle such surrogates, so the pass maps them itself
    /// and stops at one only within its last units (<see cref="StageTable.BuildSettledEntries"/>).
    /// </summary>
    private bool StartsNoKey(StageTable segmentation, char high) => segmentation.StartsNoKey(high, _chain);

    /// <summary>
    /// Converts the last stage's match at <paramref name="position"/>, where the settled pass stopped at a unit that
    /// every stage but the last settles alone and whose input to the last stage begins one of its longer keys with the
    /// next unit's (<paramref name="keyPair"/>, from <see cref="StageTable.Settle"/>), and no segmentation key matches. Returns the units
    /// of <paramref name="text"/> it took (adding what it wrote to <paramref name="written"/>), or 0 when the chain must
    /// decide: a unit within the last stage's longest key that a stage before it does not settle alone.
    /// </summary>
    /// <remarks>
    /// Exact because the units before <paramref name="position"/> in the segment are settled (no key of any stage
    /// starts at them), so every stage starts matching at <paramref name="position"/>; the units from there to the
    /// last stage's longest key are settled by the stages before it, so its input there is their inputs unit by unit
    /// (<c>_settledInputs</c>); the segment ends at the first of them where a segmentation key matches, and a match
    /// that would run past it is looked for again within the segment. After the match every stage starts again at
    /// its end. Before, the whole rest of the gap up to the next segmentation match went through the chain
    /// (<c>NextMatch</c> over it, both stages' conversion loops): 26,819 gaps and 532,709 of the 1,153,758 units of
    /// the Simplified benchmark text in s2twp, counted (session 17).
    /// </remarks>
    private int ConvertLastStageKey(StageTable segmentation, uint[] settled, ReadOnlySpan<char> text, int position, int keyPair, Span<char> destination, ref int written)
    {
        StageTable last = _chain[^1];
        char[] inputs = _settledInputs!;
        if (keyPair > 0)
        {
            // A two-unit key that is the match wherever its units meet (the exact pair table's value), unless the
            // segment ends between them: then the unit's own mapping.
            bool cut = segmentation.Match(text, position + 1, out _) > 0;
            char alone = (char)(settled[text[position]] ^ text[position]);
            ReadOnlySpan<char> pairValue = cut ? new ReadOnlySpan<char>(in alone) : last.Value(keyPair - 1);
            pairValue.CopyTo(destination);
            written += pairValue.Length;
            return cut ? 1 : 2;
        }

        int window = Math.Min(last.MaxKeyLength, text.Length - position);
        if (window > LastStageKeyWindow)
        {
            return 0;
        }

        Span<char> keyInputs = stackalloc char[LastStageKeyWindow];
        for (int n = 0; n < window; n++)
        {
            char unit = text[position + n];
            if (!StageTable.SettlesBeforeLast(settled, unit))
            {
                return 0;
            }

            keyInputs[n] = inputs[unit];
        }

        int length = last.Match(keyInputs.Slice(0, window), 0, out int valueIndex);
        for (int end = 1; end < length; end++)
        {
            if (segmentation.Match(text, position + end, out _) > 0)
            {
                // The segment ends here: the last stage matches within it.
                length = last.Match(keyInputs.Slice(0, end), 0, out valueIndex);
                break;
            }
        }

        if (length == 0)
        {
            destination[0] = keyInputs[0];
            written++;
            return 1;
        }

        ReadOnlySpan<char> value = last.Value(valueIndex);
        value.CopyTo(destination);
        written += value.Length;
        return length;
    }
}
