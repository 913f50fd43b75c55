using System.Collections.Concurrent;
using TextRepair.Cli.IO;

namespace TextRepair.Cli;

/// <summary>
/// Processes the blocks of one input on the thread pool and hands the results back in input order. A reader thread
/// stays at most <c>maxInFlight</c> blocks ahead of the writer (the calling thread), which bounds memory whatever the
/// input size, and each result is written as soon as it and those before it are done (a slow pipe still streams).
/// </summary>
internal static class OrderedPipeline
{
    public static int DefaultMaxInFlight => (2 * Environment.ProcessorCount) + 1;

    public static void Run(
        BlockReader reader, Func<InputBlock, BlockResult> process, Action<BlockResult> consume, int maxInFlight)
    {
        InputBlock? first = reader.Read();
        if (first is null)
        {
            return;
        }

        if (reader.AtEnd)
        {
            // The whole input is one block (any file up to the block size): process it on this thread. Starting the
            // reader thread and pool workers, and waking them, was most of the time the tool spent on a small file.
            BlockResult single;
            using (first)
            {
                single = process(first);
            }

            using (single)
            {
                consume(single);
            }

            return;
        }

        using var pending = new BlockingCollection<Task<BlockResult>>(maxInFlight);
        using var stop = new CancellationTokenSource();
        Task producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    for (InputBlock? next = first; next is not null && !stop.IsCancellationRequested; next = reader.Read())
                    {
                        InputBlock block = next;
                        pending.Add(
                            Task.Run(() =>
                            {
                                using (block)
                                {
                                    return process(block);
                                }
                            }),
                            stop.Token);
                    }
                }
                finally
                {
                    pending.CompleteAdding();
                }
            },
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (Task<BlockResult> next in pending.GetConsumingEnumerable())
            {
                using BlockResult result = next.GetAwaiter().GetResult();
                consume(result);
            }
        }
        catch (Exception)
        {
            // Stop reading and report this first failure. Blocks still in flight are left to finish on their own: the
            // reader may be blocked on a terminal or a pipe, and waiting for it could hang.
            stop.Cancel();
            while (pending.TryTake(out Task<BlockResult>? started))
            {
                if (started.IsCompletedSuccessfully)
                {
                    started.Result.Dispose();
                }
            }

            throw;
        }

        // A failure while reading (after the blocks read before it were written).
        producer.GetAwaiter().GetResult();
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

    /// <summary>Records the library failed on (passed through unchanged), by line index within the block.</summary>
    public IReadOnlyList<Corpora.RecordFault>? Faults { get; init; }

    public void Dispose() => Output.Dispose();
}
