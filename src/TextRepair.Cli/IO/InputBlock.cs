using System.Buffers;

namespace TextRepair.Cli.IO;

/// <summary>
/// A run of whole lines of one input (only the last block of an input may end without a line feed), in a
/// rented buffer. <see cref="Offset"/> is the position of <see cref="Data"/> in the input's bytes, for error messages.
/// </summary>
internal sealed class InputBlock : IDisposable
{
    private byte[]? _buffer;
    private readonly int _start;
    private readonly int _length;

    public InputBlock(byte[] buffer, int start, int length, long offset)
    {
        _buffer = buffer;
        _start = start;
        _length = length;
        Offset = offset;
    }

    public long Offset { get; }

    public int Length => _length;

    public ReadOnlySpan<byte> Data => _buffer is null
        ? throw new ObjectDisposedException(nameof(InputBlock))
        : _buffer.AsSpan(_start, _length);

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
