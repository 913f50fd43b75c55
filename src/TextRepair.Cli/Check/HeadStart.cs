namespace TextRepair.Cli.Check;

/// <summary>
/// Starts checking the first input while the inputs are prepared. Nothing is written before every input has been read or
/// surveyed (<see cref="CheckInput.Prepare"/>), so that bad input stops the check with nothing written; for a large
/// plain-text file that survey is a read of the whole file that validates its UTF-8 (about 0.1 s of CPU per 100 MB,
/// session 10), which the check then waited for. Now, when the first input is a large plain-text file, a thread of its
/// own cuts its first blocks and the thread pool scans them meanwhile (<see cref="BlockPipeline.StartNext"/>), up to
/// <see cref="MaxBlocks"/>; their findings are written only once the survey says the file is streamed as it was
/// surveyed (valid UTF-8, no C0 controls). Otherwise, or when starting failed, the blocks are dropped and the input is
/// checked as before. Not thread-safe: the command's thread takes it.
/// </summary>
internal sealed class HeadStart : IDisposable
{
    /// <summary>
    /// Blocks started before the output may be written: 8 MB of input. The survey validates about 1 GB/s (5% of the CPU
    /// of a 100 MB check, Native AOT profile, session 11) while the check, on the other core, scans 60-170 MB/s, so the
    /// survey of 100 MB ends after 6-17 MB of one core's scanning: about this many blocks. Memory is bounded at these
    /// blocks' findings and texts: with 256 blocks, 117 MB peak on Taiwan text under zh-Hant-TW (344,752 findings)
    /// against main's 67 MB.
    /// </summary>
    public const int MaxBlocks = 128;

    private readonly Stream _input;
    private readonly BlockPipeline _pipeline;
    private readonly Task _feeder;
    private volatile bool _stop;
    private bool _failed;

    private HeadStart(Stream input, BlockPipeline pipeline)
    {
        _input = input;
        _pipeline = pipeline;
        _feeder = Task.Factory.StartNew(Feed, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Starts checking <paramref name="path"/> when it is a large plain-text file (one that
    /// <see cref="CheckInput.Prepare"/> surveys); otherwise, or when it cannot be opened, null (preparing it reports why).
    /// </summary>
    public static HeadStart? Begin(string path, CheckJob job, FindingFormat format, bool baseline)
    {
        if (!CheckInput.IsSurveyed(path))
        {
            return null;
        }

        Stream input;
        try
        {
            input = CheckInput.OpenRead(path);
        }
        catch (CliException)
        {
            return null;
        }

        var pipeline = new BlockPipeline(
            input, CheckInput.DisplayName(path), job, FindingSink.BlockFormatOf(format, baseline), FindingSink.NeedsFingerprintsOf(format, baseline), StreamedCheck.BlockBytes);
        return new HeadStart(input, pipeline);
    }

    /// <summary>Stops starting blocks; the pipeline with the blocks started, or null when starting them failed.</summary>
    public BlockPipeline? Take()
    {
        _stop = true;
        _feeder.Wait();
        return _failed ? null : _pipeline;
    }

    /// <summary>Stops, waits for the blocks still running and closes the input.</summary>
    public void Dispose()
    {
        _stop = true;
        _feeder.Wait();
        _pipeline.Dispose();
        _input.Dispose();
    }

    private void Feed()
    {
        try
        {
            while (!_stop && _pipeline.Pending < MaxBlocks && _pipeline.StartNext())
            {
            }
        }
        catch (Exception exception) when (exception is CliException or IOException or UnauthorizedAccessException)
        {
            // Checked again from the start when its turn comes, which reports the error in order.
            _failed = true;
        }
    }
}
