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

    private bool MayNeedNormalization(ReadOnlySpan<char> text)
    {
        if (_normalizationRanges is null)
        {
            return true;
        }

        // IndexOfAnyInRange, not ContainsAnyInRange: the framework's ReadyToRun image holds the first for char, the
        // second is JIT-compiled on first use (session 9, DOTNET_JitDisasmSummary), which starts the JIT in an app that
        // had not needed it yet.
        foreach ((char first, char last) in _normalizationRanges)
        {
            if (text.IndexOfAnyInRange(first, last) >= 0)
            {
                return true;
            }
        }

        return false;
    }

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
        if (_normalizationRanges is null || watcher is null || !watcher.HasPairEntries)
        {
            return false;
        }

        int state = Volatile.Read(ref _watchState);
        if (state == 0)
        {
            // Decided once per pipeline (a race decides it twice, alike).
            state = watcher.CanWatch(_normalizationRanges) ? 1 : -1;
            Volatile.Write(ref _watchState, state);
        }

        return state > 0;
    }
}
