using System.Buffers;

namespace TextRepair.Cli.Check;

/// <summary>
/// Cuts a byte stream into blocks of whole lines: each block is what one read of about <c>blockBytes</c> bytes holds, up
/// to and including its last line feed (the rest starts the next block), or the rest of the stream at its end. A line
/// longer than a block makes its block as long as the line. Cutting after a line feed (an ASCII byte) never splits a
/// UTF-8 sequence, and every rule of <c>check</c> is decided within a line (docs/check.md#speed). Each block is an
/// array rented from <see cref="ArrayPool{T}.Shared"/> that the caller returns; memory is one block plus what the caller
/// keeps. Not thread-safe.
/// </summary>
internal sealed class LineBlocks(Stream input, int blockBytes)
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
    private int _filled;
    private bool _end;

    /// <summary>Bytes given out in blocks so far.</summary>
    public long Consumed { get; private set; }

    /// <summary>
    /// The next block (its <paramref name="length"/> first bytes of <paramref name="block"/>); false at the end of the
    /// stream, when every byte has been given out.
    /// </summary>
    public bool Next(out byte[] block, out int length)
    {
        int searched = 0;
        block = [];
        length = 0;
        while (_buffer.Length > 0)
        {
            while (!_end && _filled < _buffer.Length)
            {
                int read = input.Read(_buffer, _filled, _buffer.Length - _filled);
                _end = read == 0;
                _filled += read;
            }

            int cut = _buffer.AsSpan(searched, _filled - searched).LastIndexOf((byte)'\n');
            cut = cut >= 0 ? searched + cut + 1 : _end ? _filled : 0;
            if (cut == 0 && !_end)
            {
                // No line feed in a full buffer: a long line; the block grows to hold it.
                searched = _filled;
                byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
                continue;
            }

            if (cut == 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
                return false;
            }

            // The rest (part of a line) moves to the next block's array now: the caller may return this one at once.
            block = _buffer;
            length = cut;
            Consumed += cut;
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockBytes, _filled - cut));
            block.AsSpan(cut, _filled - cut).CopyTo(_buffer);
            _filled -= cut;
            return true;
        }

        return false;
    }
}
