using System.Buffers;

namespace TextRepair.Conversion;

/// <summary>The normalization stage of a pipeline (CJK compatibility ideographs in t2s, tw2s, tw2sp, hk2s, hk2sp).</summary>
internal sealed partial class ConversionPipeline
{
    private int ConvertConfig(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (_normalization.Length == 0)
        {
            return ConvertMain(source, destination);
        }

        if (WatchesNormalization())
        {
            // One pass: the first stage gives up at a unit the normalization may change (StageTable.Watched.cs).
            int written = ConvertMain(source, destination, _normalizationRanges);
            if (written != StageTable.WatchedUnitFound)
            {
                return written;
            }
        }

        if (!MayNeedNormalization(source))
        {
            return ConvertMain(source, destination);
        }

        char[]? rented = null;
        try
        {
            ReadOnlySpan<char> text = source;
            foreach (StageTable stage in _normalization)
            {
                long need = stage.ExpansionNumerator * (long)text.Length / stage.ExpansionDenominator + 1;
                char[] buffer = ArrayPool<char>.Shared.Rent((int)need);
                int written = stage.Convert(text, buffer);
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }

                rented = buffer;
                text = buffer.AsSpan(0, written);
            }

            return ConvertMain(text, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private bool MayNeedNormalization(ReadOnlySpan<char> text) =>
        _normalizationRanges is null || HasWatchedUnit(text, _normalizationRanges);

    /// <summary>
    /// Whether the pre-check of <see cref="MayNeedNormalization"/> can be left to the segmentation pass
    /// (<see cref="StageTable.NextMatchUnlessWatched"/>: tw2s, tw2sp, hk2s, hk2sp) or, without segmentation (t2s), to
    /// the first stage's conversion loop (<see cref="StageTable.ConvertUnlessWatched"/>): a config whose one
    /// normalization stage starts only at units that table's fast loop stops at, once it has its pair entries (after
    /// warm-up).
    /// </summary>
    private bool WatchesNormalization()
    {
        // The segmentation pass sees every unit of a segmented config's text; without it, the first stage does.
        StageTable? watcher = _segmentation ?? (_chain.Length == 0 ? null : _chain[0]);
        if (_normalizationRanges is null || watcher is null
            || !(watcher.HasPairEntries || (_segmentation is null ? watcher.WatchesWithStartFilter : TracksWatchedUnits)))
        {
            return false;
        }

        int state = Volatile.Read(ref _watchState);
        if (state == 0)
        {
            // Decided once per pipeline (a race decides it twice, alike).
            state = (watcher.HasPairEntries || _segmentation is null ? watcher.CanWatch(_normalizationRanges) : KeysAvoidWatchedUnits()) ? 1 : -1;
            Volatile.Write(ref _watchState, state);
        }

        return state > 0;
    }

    /// <summary>
    /// Whether <see cref="ConvertMain"/> watches for the normalization's units itself (session 28: s2tw, s2twp, s2hk,
    /// s2hkp, whose segmentation table has a start filter and no pair entries): once the settled pass runs, which stops
    /// at each of them (<see cref="SettledEntries"/> leaves them unsettled), it looks for them in the units it passes
    /// over otherwise (<see cref="HasWatchedUnit"/>), instead of a pre-check of every piece.
    /// </summary>
    private bool TracksWatchedUnits => _segmentation is { HasPairEntries: false, HasStartFilter: true } && _fullFirst is not null;

    /// <summary>First IDS operator (ideographic description characters U+2FF0..U+2FFF).</summary>
    private const char IdsFirst = '\u2FF0';

    /// <summary>Last IDS operator.</summary>
    private const char IdsLast = '\u2FFF';

    private static readonly (char First, char Last)[] s_idsOperators = [(IdsFirst, IdsLast)];

    // Whether no key of the pipeline's tables has an IDS operator: 0 not decided yet, 1 yes, -1 no.
    private int _idsKeyState;

    /// <summary>Whether no table of the pipeline has a key with a unit of the normalization's ranges: the settled pass writes keys whole.</summary>
    private bool KeysAvoidWatchedUnits() => KeysAvoid(_normalizationRanges!);

    /// <summary>
    /// Whether no table of the pipeline has a key with an IDS operator, so that <see cref="ConvertMain"/> finds every
    /// one in the units the settled pass stops at or passes over otherwise; decided once per pipeline.
    /// </summary>
    private bool KeysAvoidIdsOperators()
    {
        int state = Volatile.Read(ref _idsKeyState);
        if (state == 0)
        {
            state = KeysAvoid(s_idsOperators) ? 1 : -1;
            Volatile.Write(ref _idsKeyState, state);
        }

        return state > 0;
    }

    private bool KeysAvoid((char First, char Last)[] ranges)
    {
        if (_segmentation is not null && !_segmentation.KeysAvoid(ranges))
        {
            return false;
        }

        foreach (StageTable stage in _chain)
        {
            if (!stage.KeysAvoid(ranges))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> holds a unit of <paramref name="watched"/>.</summary>
    private static bool HasWatchedUnit(ReadOnlySpan<char> text, (char First, char Last)[] watched)
    {
        // IndexOfAnyInRange, not ContainsAnyInRange: the framework's ReadyToRun image holds the first for char, the
        // second is JIT-compiled on first use (session 9, DOTNET_JitDisasmSummary), which starts the JIT in an app that
        // had not needed it yet.
        foreach ((char first, char last) in watched)
        {
            if (text.IndexOfAnyInRange(first, last) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
