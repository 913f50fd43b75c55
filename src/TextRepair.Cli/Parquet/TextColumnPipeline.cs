using System.Collections.Concurrent;
using ParquetSharp;

namespace TextRepair.Cli.Parquet;

/// <summary>
/// Reads the string column of every row group on a thread of its own, processes each batch on the thread pool as soon
/// as it is read, and hands the processed batches back in file order to the calling thread, which writes them. So
/// reading (decompression) of batch N+1, processing of batch N and writing (compression) of batch N-1 overlap, as the
/// JSONL pipeline overlaps reading, processing and writing of its blocks. A fixed set of batches circulates between the
/// reader and the caller: memory is bounded by <see cref="BatchesInFlight"/> batches, whatever the file size.
/// </summary>
internal sealed class TextColumnPipeline : IDisposable
{
    /// <summary>
    /// Batches allocated per file: one being read, one written, the others processed or waiting. Measured on the
    /// 150,000-record file of docs/corpora.md (2 cores, session 9): 3 to 8 batches of 512-2,048 levels ran alike within
    /// the noise (3.19-3.43 s); 4 of 1,024 levels use the least memory of them.
    /// </summary>
    internal const int BatchesInFlight = 4;

    private readonly BlockingCollection<TextColumnChunk> _free = new(BatchesInFlight);
    private readonly BlockingCollection<Batch> _ready = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    /// <param name="reader">The file; it must outlive this instance (disposing this instance waits for its thread).</param>
    /// <param name="column">The string column's index.</param>
    /// <param name="maxDefinition">The definition level of a present value.</param>
    /// <param name="levelsPerBatch">Levels per batch.</param>
    /// <param name="process">Processes a batch (called on the thread pool, several batches at once).</param>
    public TextColumnPipeline(
        ParquetFileReader reader, int column, short maxDefinition, int levelsPerBatch, Func<TextColumnChunk, ValueProcessor.Results> process)
    {
        for (int i = 0; i < BatchesInFlight; i++)
        {
            _free.Add(new TextColumnChunk(maxDefinition, levelsPerBatch));
        }

        int rowGroups = reader.FileMetaData.NumRowGroups;
        _reader = Task.Factory.StartNew(
            () => Read(reader, rowGroups, column, process), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// The processed batches of the next row group, in order. Each batch is the caller's until the next one is taken:
    /// then it goes back to the reader, and its results are disposed. A failure of the reader is thrown here.
    /// </summary>
    public IEnumerable<(TextColumnChunk Chunk, ValueProcessor.Results Results)> NextRowGroup()
    {
        while (true)
        {
            Batch batch = _ready.Take();
            if (batch.Failure is { } failure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            if (batch.Chunk is not { } chunk)
            {
                yield break;
            }

            using ValueProcessor.Results results = batch.Results!.GetAwaiter().GetResult();
            try
            {
                yield return (chunk, results);
            }
            finally
            {
                _free.Add(chunk);
            }
        }
    }

    private void Read(ParquetFileReader reader, int rowGroups, int column, Func<TextColumnChunk, ValueProcessor.Results> process)
    {
        try
        {
            for (int group = 0; group < rowGroups; group++)
            {
                using RowGroupReader groupReader = reader.RowGroup(group);
                using ColumnReader columnReader = groupReader.Column(column);
                var typed = (ColumnReader<ByteArray>)columnReader;
                long row = -1;
                while (true)
                {
                    TextColumnChunk chunk = _free.Take(_stop.Token);
                    if (!chunk.Read(typed, row))
                    {
                        _free.Add(chunk);
                        break;
                    }

                    row = chunk.LastRow;
                    _ready.Add(new Batch(chunk, Task.Run(() => process(chunk)), null));
                }

                _ready.Add(new Batch(null, null, null));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The caller stopped (it failed, or it is done with the file).
        }
        catch (Exception exception)
        {
            _ready.Add(new Batch(null, null, exception));
        }
    }

    /// <summary>Stops the reader and waits for it and for the batches still being processed.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _reader.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled before it started; its own failures are passed on through the queue.
        }

        while (_ready.TryTake(out Batch? batch))
        {
            if (batch.Results is { } results)
            {
                try
                {
                    results.GetAwaiter().GetResult().Dispose();
                }
                catch (Exception)
                {
                    // A processing failure after the caller has stopped: the caller's own failure is the one reported.
                }
            }
        }

        _ready.Dispose();
        _free.Dispose();
        _stop.Dispose();
    }

    /// <summary>A processed batch, the end of a row group (no chunk), or a failure of the reader.</summary>
    private sealed record Batch(TextColumnChunk? Chunk, Task<ValueProcessor.Results>? Results, Exception? Failure);
}
