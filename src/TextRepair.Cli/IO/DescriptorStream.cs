namespace TextRepair.Cli.IO;

/// <summary>
/// A write-only stream over an inherited descriptor (standard output, <c>/dev/fd/N</c>), unbuffered. Unlike the
/// console stream it reports a closed pipe (EPIPE) as an <see cref="IOException"/>, and unlike a FileStream it writes
/// at the descriptor's own offset. Not thread-safe.
/// </summary>
internal sealed class DescriptorStream : Stream
{
    private readonly int _descriptor;

    public DescriptorStream(int descriptor)
    {
        _descriptor = descriptor;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int error = Posix.WriteAll(_descriptor, buffer);
        if (error != 0)
        {
            // The error number as HResult, as .NET does for its own I/O errors on Unix (see IoErrors).
            throw new IOException(Posix.Describe(error), error);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
