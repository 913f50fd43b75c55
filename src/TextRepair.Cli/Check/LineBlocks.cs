using System.Buffers;

namespace TextRepair.Cli.Check;

/// <summary>
/// Cuts a byte stream into blocks of whole lines: each block is what one read of about <c>blockBytes</c> bytes holds, up
/// to and including its last line feed (the rest starts the next block), or the rest of the stream at its end. A line
/// longer than a block makes its block as long as the line. Cutting after a line feed (an ASCII byte) never splits a
/// UTF-8 sequence, and every rule of <c>check</c> is decided within a line (docs/check.md#speed). Each block is an
/// array rented from <see cref="ArrayPool{T}.Shared"/> that the caller returns; memory is one block plus what the caller
/// keeps. A line longer than <paramref name="maxLineBytes"/> is refused, named by <paramref name="display"/>. Not
/// thread-safe.
/// </summary>
internal sealed class LineBlocks(Stream input, int blockBytes, string display, int maxLineBytes = LineBlocks.MaxLineBytes)
{
    /// <summary>
    /// The longest line a block may hold: a block is decoded into one string, and the longest .NET string is
    /// 1,073,741,791 characters (<see cref="CheckInput.MaxWholeBytes"/>). Without it a line of 1 GiB or more (a sparse
    /// file, <c>/dev/zero</c>) grew the block until the array pool failed with .NET's own exception.
    /// </summary>
    public const int MaxLineBytes = CheckInput.MaxWholeBytes;

    /// <summary>
    /// The largest buffer given back to the shared pool while a long line grows its block: the pool keeps what it is
    /// given, and a line of 1 GiB left every size on the way in it (4.2 GB peak before the refusal, session 13).
    /// </summary>
    private const int MaxPooledBytes = 16 << 20;

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
            if (cut < 0 && _filled > maxLineBytes)
            {
                // No line feed in the whole buffer (the part searched before had none either).
                throw new CliException($"{display}: the line at byte offset {Consumed} is longer than {maxLineBytes:N0} bytes without a line feed: too long to check");
            }

            cut = cut >= 0 ? searched + cut + 1 : _end ? _filled : 0;

            if (cut == 0 && !_end)
            {
                // No line feed in a full buffer: a long line; the block grows to hold it.
                searched = _filled;
                byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _filled).CopyTo(larger);
                if (_buffer.Length <= MaxPooledBytes)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                }

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
