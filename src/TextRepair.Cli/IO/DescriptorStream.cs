namespace TextRepair.Cli.IO;

/// <summary>
/// A write-only stream over an inherited descriptor (standard output, <c>/dev/fd/N</c>), unbuffered. Unlike the
/// console stream it reports a closed pipe (EPIPE) as an <see cref="IOException"/>, and unlike a FileStream it writes
/// at the descriptor's own offset. Not thread-safe.
/// </summary>
internal sealed class DescriptorStream : ForwardWriteStream
{
    private readonly int _descriptor;

    public DescriptorStream(int descriptor)
    {
        _descriptor = descriptor;
    }

    public override void Flush()
    {
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int error = Posix.WriteAll(_descriptor, buffer);
        if (error != 0)
        {
            // The error number as HResult, as .NET does for its own I/O errors on Unix (see IoErrors).
            throw new IOException(Posix.Describe(error), error);
        }
    }
}
