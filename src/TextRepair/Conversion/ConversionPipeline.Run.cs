using System.Runtime.CompilerServices;

namespace TextRepair.Conversion;

/// <summary>Running a pipeline over a piece of text: user phrases, normalization, segmentation, the chain.</summary>
internal sealed partial class ConversionPipeline
{
    /// <summary>
    /// Converts <paramref name="source"/> as a complete text into <paramref name="destination"/>, which must hold
    /// <see cref="MaxOutputLength"/>(source.Length) units. Returns the number of units written.
    /// </summary>
    public int ConvertFinal(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (_user is null)
        {
            return ConvertConfig(source, destination);
        }

        // User phrases first: their longest matches are written verbatim, the text between them is converted.
        StageTable user = _user;
        int written = 0;
        int runStart = 0;
        int i = 0;
        while (i < source.Length)
        {
            int matched = user.Match(source, i, out int valueIndex);
            if (matched == 0)
            {
                i += TextUnits.CodePointLength(source, i);
                continue;
            }

            if (i > runStart)
            {
                written += ConvertConfig(source.Slice(runStart, i - runStart), destination.Slice(written));
            }

            ReadOnlySpan<char> value = user.Value(valueIndex);
            value.CopyTo(destination.Slice(written));
            written += value.Length;
            i += matched;
            runStart = i;
        }

        if (i > runStart)
        {
            written += ConvertConfig(source.Slice(runStart, i - runStart), destination.Slice(written));
        }

        return written;
    }

    /// <summary>
    /// Runs segmentation and the chain over <paramref name="text"/>. With <paramref name="watched"/> (see
    /// <see cref="WatchesNormalization"/>) returns <see cref="StageTable.WatchedUnitFound"/> when the text holds a
    /// unit of those ranges: the segmentation pass, or without segmentation the first stage, sees every unit.
    /// </summary>
    private int ConvertMain(ReadOnlySpan<char> text, Span<char> destination, (char First, char Last)[]? watched = null)
    {
        var scratch = new Scratch(this, text.Length, Scratch.FitsStack(this, text.Length) ? stackalloc char[2 * Scratch.StackUnits] : default);
        try
        {
            if (_segmentation is null)
            {
                return ConvertSegment(text, _chain.Length == 0 ? null : _chain[0], destination, ref scratch, watched);
            }

            StageTable segmentation = _segmentation;
            StageTable? first = _chain.Length == 0 ? null : _chain[0];

            // IDS sequences step differently from code points: a text with an IDS operator uses the whole first stage.
            // Once the settled pass runs, which stops at each (SettledEntries), the text is looked at as it goes, and
            // converted again from the start where one is found, instead of in a pass of its own (session 28).
            bool tracksIds = _fullFirst is not null && first is not null && segmentation.HasStartFilter && KeysAvoidIdsOperators();
            if (_fullFirst is not null && !tracksIds && text.IndexOfAnyInRange(IdsFirst, IdsLast) >= 0)
            {
                first = _fullFirst.Value;
            }

        Restart:

            // The text between segmentation matches goes through the chain. Its leading units that every stage
            // settles alone (see StageTable.TryMapAlone) are mapped here, without a call per gap: greedy matching
            // starts a match at each of them in every stage, so the rest of the gap, from `pending` on, converts on
            // its own to the same text.
            StageTable[] chain = _chain;
            // The one-pass mapping (StageTable.Settled.cs) once the segmentation table's start filter is built.
            uint[]? settled = first is not null && ReferenceEquals(first, chain[0]) && segmentation.HasStartFilter
                ? SettledEntries(segmentation)
                : null;
            char[]? inputs = _settledInputs;
            StageTable last = chain[^1];
            int written = 0;
            int pending = -1;
            int i = 0;

            // Watching without pair entries (TracksWatchedUnits): the units before `seen` hold no watched unit.
            bool tracks = watched is not null && !segmentation.HasPairEntries;
            int seen = 0;
            while (true)
            {
                if ((tracks || tracksIds) && seen < i)
                {
                    if (tracks && HasWatchedUnit(text.Slice(seen, i - seen), watched!))
                    {
                        return StageTable.WatchedUnitFound;
                    }

                    if (tracksIds && text.Slice(seen, i - seen).IndexOfAnyInRange(IdsFirst, IdsLast) >= 0)
                    {
                        first = _fullFirst!.Value;
                        tracksIds = false;
                        goto Restart;
                    }

                    seen = i;
                }

                int next = -1;
                int matched = 0;
                int valueIndex = 0;
                if (settled is not null && pending < 0)
                {
                    // The units up to the next that may start a phrase or that the chain may not settle alone, in one
                    // pass (StageTable.Settled.cs). Where only a phrase may start, the segmentation table decides.
                    int mapped = segmentation.MapSettledPassing(text, i, destination.Slice(written), settled, _settledFilter!, out int wrote, _settledDirectPairs!, out int passed);
                    if (passed < 0)
                    {
                        // A stop that may lie within a passed pair (StageTable.PassedKeys.cs, session 25): its units are
                        // mapped alone and the pass goes on after them.
                        written += wrote;
                        i += mapped;
                        seen = tracks || tracksIds ? i : seen;
                        int tails = segmentation.MapPassedTail(text, i, -passed, settled, _settledFilter!, destination.Slice(written));
                        written += tails;
                        i += tails;
                        continue;
                    }

                    if (mapped > 0 && i + mapped < text.Length && segmentation.TakesBackLastUnit(settled, _settledFilter!, text, i + mapped, passed))
                    {
                        // The last unit mapped may begin a key of the last stage with what the chain makes of the
                        // unsettled unit after it: StageTable.Settle decides it below. The pass wrote it alone.
                        mapped--;
                        wrote--;
                    }

                    written += wrote;
                    i += mapped;

                    // The pass stops at every watched unit and IDS operator (SettledEntries).
                    seen = tracks || tracksIds ? i : seen;
                    if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]) && StartsNoKey(segmentation, text[i]))
                    {
                        // A code point outside the BMP that starts no key of any table (an emoji): every stage
                        // copies it and starts again after it, as at a settled unit (see StartsNoKey).
                        destination[written++] = text[i];
                        destination[written++] = text[i + 1];
                        i += 2;
                        continue;
                    }

                    int settles = i < text.Length ? StageTable.Settle(settled, inputs!, last, text, i) : StageTable.NotSettled;
                    if (settles != StageTable.NotSettled)
                    {
                        matched = segmentation.Match(text, i, out valueIndex);
                        if (matched == 0 && settles >= 0)
                        {
                            destination[written++] = (char)settles;
                            i++;
                            continue;
                        }

                        if (matched == 0)
                        {
                            // A key pair of the last stage: its match here, on the units' inputs to it (session 17).
                            int units = ConvertLastStageKey(segmentation, settled, text, i, -2 - settles, destination.Slice(written), ref written);
                            if (units > 0)
                            {
                                i += units;
                                continue;
                            }
                        }
                        else
                        {
                            next = i;
                        }
                    }
                }

                if (next < 0)
                {
                    next = watched is null || tracks
                        ? segmentation.NextMatch(text, i, out matched, out valueIndex)
                        : segmentation.NextMatchUnlessWatched(text, i, out matched, out valueIndex, watched);
                    if (next == StageTable.WatchedUnitFound)
                    {
                        return next;
                    }

                    if (tracksIds && text.Slice(i, next - i).IndexOfAnyInRange(IdsFirst, IdsLast) >= 0)
                    {
                        // Before the gap goes through the chain: the fused first stage never sees an IDS operator.
                        first = _fullFirst!.Value;
                        tracksIds = false;
                        goto Restart;
                    }

                    if (pending < 0 && first is not null)
                    {
                        for (; i < next; i++)
                        {
                            if (!first.TryMapAlone(text[i], out char mapped) || !MapAloneAfterFirst(chain, ref mapped))
                            {
                                pending = i;
                                break;
                            }

                            destination[written++] = mapped;
                        }
                    }
                    else if (pending < 0 && i < next)
                    {
                        pending = i;
                    }
                }

                i = next;
                if (i >= text.Length)
                {
                    break;
                }

                if (pending >= 0)
                {
                    written += ConvertSegment(text.Slice(pending, i - pending), first, destination.Slice(written), ref scratch);
                    pending = -1;
                }

                // Read first, store only when missing: `??=` on an array element takes its address, which costs a
                // covariance check at every match (CastHelpers.LdelemaRef: 2.1% of s2twp's samples, session 11).
                string?[]? block = _composed![valueIndex / ComposedBlock];
                if (block is null)
                {
                    block = new string?[ComposedBlock];
                    _composed[valueIndex / ComposedBlock] = block;
                }

                string? composed = block[valueIndex % ComposedBlock];
                if (composed is null)
                {
                    composed = Compose(text.Slice(i, matched), valueIndex);
                    block[valueIndex % ComposedBlock] = composed;
                }

                if (composed.Length == 1)
                {
                    destination[written] = composed[0];
                }
                else
                {
                    composed.CopyTo(destination.Slice(written));
                }

                written += composed.Length;
                i += matched;
            }

            if (pending >= 0)
            {
                written += ConvertSegment(text.Slice(pending), first, destination.Slice(written), ref scratch);
            }

            if (tracksIds && text.Slice(seen).IndexOfAnyInRange(IdsFirst, IdsLast) >= 0)
            {
                first = _fullFirst!.Value;
                tracksIds = false;
                goto Restart;
            }

            return tracks && HasWatchedUnit(text.Slice(seen), watched!) ? StageTable.WatchedUnitFound : written;
        }
        finally
        {
            scratch.Dispose();
        }
    }

    /// <summary>Maps a unit the first stage settled alone through the later stages; false when one of them does not settle it alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MapAloneAfterFirst(StageTable[] chain, ref char unit)
    {
        for (int s = 1; s < chain.Length; s++)
        {
            if (!chain[s].TryMapAlone(unit, out unit))
            {
                return false;
            }
        }

        return true;
    }
}
