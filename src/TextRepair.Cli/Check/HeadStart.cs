namespace TextRepair.Cli.Check;

/// <summary>
/// Checks the first input, when it is a large plain-text file, before the inputs are prepared, and takes the place of
/// its survey where it can. Nothing may be written before every input has been read or surveyed
/// (<see cref="CheckInput.Prepare"/>), so that bad input stops the check with nothing written; for a large plain-text
/// file that survey is a read of the whole file that validates its UTF-8 (5% of the CPU of a clean check, Native AOT
/// profile, session 11), and the check used to wait for it. Here a thread of its own cuts the file's blocks and the
/// thread pool scans them (<see cref="BlockPipeline"/>), their findings held; decoding a block validates its UTF-8 and
/// the worker looks for C0 controls, so a file scanned to its end this way needs no survey
/// (<see cref="Outcome.Validated"/>). When the findings held grow past <see cref="MaxHeldFindings"/> or the text they
/// keep past <see cref="MaxKeptUnits"/>, only the rest of the file is surveyed (<see cref="Outcome.Capped"/>, from
/// <see cref="SurveyFrom"/>) while up to <see cref="MaxBlocks"/> more blocks are scanned. A block that is not valid
/// UTF-8 or holds a control drops it all (<see cref="Outcome.Abandoned"/>): the input is then prepared as before, which
/// names the bad byte or checks the file whole. Not thread-safe: the command's thread drives it.
/// </summary>
internal sealed class HeadStart : IDisposable
{
    /// <summary>
    /// Findings held before the rest of the file is surveyed instead: a finding, its message and its formatted line
    /// take about 400 bytes, so this bounds them at about 7 MB (Taiwan text under zh-Hant-TW holds 344,752 findings per
    /// 100 MB: its first 5 MB are scanned this way; clean text, a few hundred or thousand findings, to its end). With
    /// 50,000 the SARIF check of that text peaked at 159 MB (JIT build, session 11).
    /// </summary>
    public const int MaxHeldFindings = 16_384;

    /// <summary>
    /// UTF-16 units of block text the held findings keep alive (16 MB): a finding the sink writes itself (SARIF, a
    /// baseline) keeps its block's text, its line being a slice of it; findings formatted on the workers (text lines,
    /// JSON Lines) keep none.
    /// </summary>
    public const int MaxKeptUnits = 8 << 20;

    /// <summary>
    /// Blocks started beyond the validated ones while the rest of the file is surveyed: 8 MB of input. The survey
    /// validates about 1 GB/s while the check, on the other core, scans 60-170 MB/s, so the survey of 100 MB ends after
    /// 6-17 MB of one core's scanning: about this many blocks (256 kept 117 MB peak under zh-Hant-TW, session 11).
    /// </summary>
    public const int MaxBlocks = 128;

    // Blocks scanned at once while the findings are held: two per core, as when writing.
    private static readonly int s_inFlight = 2 * Environment.ProcessorCount;

    private readonly Stream _input;
    private readonly BlockPipeline _pipeline;
    private readonly ManualResetEventSlim _settled = new();
    private readonly Task _feeder;
    private volatile bool _stop;
    private Outcome _outcome;

    private HeadStart(Stream input, BlockPipeline pipeline)
    {
        _input = input;
        _pipeline = pipeline;
        _feeder = Task.Factory.StartNew(Feed, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>How far the head start got.</summary>
    public enum Outcome
    {
        /// <summary>The whole file was scanned: valid UTF-8, no C0 controls; it needs no survey.</summary>
        Validated,

        /// <summary>The file was valid so far; the rest, from <see cref="SurveyFrom"/>, needs a survey.</summary>
        Capped,

        /// <summary>Invalid UTF-8, a C0 control or a read error: the blocks are dropped; prepare the input as before.</summary>
        Abandoned,
    }

    /// <summary>Why the file was abandoned when no other read could do better: its error (see <see cref="Feed"/>).</summary>
    public CliException? Failure { get; private set; }

    /// <summary>The byte offset from which the file still needs a survey (<see cref="Outcome.Capped"/>).</summary>
    public long SurveyFrom { get; private set; }

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

    /// <summary>Waits until the file is scanned to its end, capped or abandoned (see <see cref="Outcome"/>).</summary>
    public Outcome Settle()
    {
        _settled.Wait();
        return _outcome;
    }

    /// <summary>Stops starting blocks; the pipeline with the blocks started (after <see cref="Outcome.Validated"/> or <see cref="Outcome.Capped"/>).</summary>
    public BlockPipeline Take()
    {
        _stop = true;
        _feeder.Wait();
        return _pipeline;
    }

    /// <summary>Stops, waits for the blocks still running and closes the input.</summary>
    public void Dispose()
    {
        _stop = true;
        _feeder.Wait();
        _pipeline.Dispose();
        _input.Dispose();
        _settled.Dispose();
    }

    private void Feed()
    {
        try
        {
            long findings = 0, kept = 0;
            while (findings <= MaxHeldFindings && kept <= MaxKeptUnits)
            {
                if (_stop)
                {
                    Settled(Outcome.Abandoned);
                    return;
                }

                if (_pipeline.Unaccounted >= s_inFlight || (_pipeline.Ended && _pipeline.Unaccounted > 0))
                {
                    (int found, int units, bool valid, bool controls) = _pipeline.Account();
                    if (!valid || controls)
                    {
                        Settled(Outcome.Abandoned);
                        return;
                    }

                    findings += found;
                    kept += units;
                }
                else if (_pipeline.Ended)
                {
                    Settled(Outcome.Validated);
                    return;
                }
                else
                {
                    _pipeline.StartNext();
                }
            }

            // Capped: the blocks started so far are validated first; the rest of the file is the survey's.
            while (_pipeline.Unaccounted > 0)
            {
                (_, _, bool valid, bool controls) = _pipeline.Account();
                if (!valid || controls)
                {
                    Settled(Outcome.Abandoned);
                    return;
                }
            }

            SurveyFrom = _pipeline.BytesRead;
            int limit = _pipeline.Pending + MaxBlocks;
            Settled(Outcome.Capped);
            while (!_stop && _pipeline.Pending < limit && _pipeline.StartNext())
            {
            }
        }
        catch (CliException exception) when (exception is not UnreadableInputException)
        {
            // Bad input whatever reads it (a line past LineBlocks.MaxLineBytes): the first input's error, reported as
            // it is rather than found again by a second read (a 1.1 GB line: 4.2 GB peak and twice the time).
            Failure = exception;
            Settled(Outcome.Abandoned);
        }
        catch (Exception exception) when (exception is CliException or IOException or UnauthorizedAccessException)
        {
            // Checked again from the start when its turn comes, which reports the error in order.
            Settled(Outcome.Abandoned);
        }
    }

    private void Settled(Outcome outcome)
    {
        if (!_settled.IsSet)
        {
            _outcome = outcome;
            _settled.Set();
        }
    }
}
