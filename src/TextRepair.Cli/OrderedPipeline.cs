using TextRepair.Cli.IO;

namespace TextRepair.Cli;

/// <summary>
/// Processes the blocks of one input on the thread pool and hands the results back in input order. At most
/// <c>maxInFlight</c> blocks are read ahead, which bounds memory whatever the input size.
/// </summary>
internal static class OrderedPipeline
{
    public static int DefaultMaxInFlight => (2 * Environment.ProcessorCount) + 1;

    public static void Run(
        BlockReader reader, Func<InputBlock, BlockResult> process, Action<BlockResult> consume, int maxInFlight)
    {
        var pending = new Queue<Task<BlockResult>>();
        try
        {
            while (reader.Read() is { } block)
            {
                pending.Enqueue(Task.Run(() =>
                {
                    using (block)
                    {
                        return process(block);
                    }
                }));
                while (pending.Count >= maxInFlight)
                {
                    ConsumeNext(pending, consume);
                }
            }

            while (pending.Count > 0)
            {
                ConsumeNext(pending, consume);
            }
        }
        finally
        {
            // After a failure: let the blocks already started finish, and give their buffers back.
            while (pending.Count > 0)
            {
                try
                {
                    pending.Dequeue().GetAwaiter().GetResult().Dispose();
                }
                catch (Exception)
                {
                    // The first failure is the one reported.
                }
            }
        }
    }

    private static void ConsumeNext(Queue<Task<BlockResult>> pending, Action<BlockResult> consume)
    {
        using BlockResult result = pending.Dequeue().GetAwaiter().GetResult();
        consume(result);
    }
}

/// <summary>The output of one block: bytes to write, counters, and the line where it stopped if it found bad input.</summary>
internal sealed class BlockResult : IDisposable
{
    public BlockResult(PooledBuffer output, RunStats stats, int inputLength, int lineCount)
    {
        Output = output;
        Stats = stats;
        InputLength = inputLength;
        LineCount = lineCount;
    }

    public PooledBuffer Output { get; }

    public RunStats Stats { get; }

    /// <summary>Bytes of input this block covered (for progress).</summary>
    public int InputLength { get; }

    /// <summary>Lines in the block (the lines before the error when <see cref="Error"/> is set).</summary>
    public int LineCount { get; }

    /// <summary>Why the line after the first <see cref="LineCount"/> lines could not be processed, if it could not.</summary>
    public string? Error { get; init; }

    /// <summary>The exception that stopped processing at the line after the first <see cref="LineCount"/> lines, if any.</summary>
    public Exception? Failure { get; init; }

    public void Dispose() => Output.Dispose();
}
