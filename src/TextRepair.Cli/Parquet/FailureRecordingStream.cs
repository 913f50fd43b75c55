namespace TextRepair.Cli.Parquet;

/// <summary>
/// Passes writes through to the output and keeps the first exception they throw. The native Parquet writer catches an
/// exception of its output stream and raises its own with the text of the first (ParquetSharp keeps only the message),
/// so without this a full disk read "damaged Parquet file (Unknown error: TextRepair.Cli.CliException: ... no space
/// left on device at ...)", exit code 2, blaming the input for a failure of the output (found in session 9). The
/// runner throws the recorded exception instead: the output's own one-line error.
/// </summary>
internal sealed class FailureRecordingStream : Stream
{
    private readonly Stream _inner;

    public FailureRecordingStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>The first exception a write or flush threw, or null.</summary>
    public Exception? Failure { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Flush() => Record(() => _inner.Flush());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
        }
        catch (Exception exception)
        {
            Failure ??= exception;
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Record(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            Failure ??= exception;
            throw;
        }
    }
}
