using System.Buffers;

namespace TextRepair.Cli.IO;

/// <summary>
/// Cuts a byte stream into blocks of whole lines of about <c>targetSize</c> bytes. A block is cut after its last
/// line feed, so no line and no UTF-8 sequence is ever split between blocks (0x0A is never part of a multi-byte
/// sequence); a line longer than the target makes its block grow to hold it. Not thread-safe: one reader per input, used by one thread.
/// </summary>
internal sealed class BlockReader
{
    /// <summary>
    /// The longest line a block may hold: 1 GiB. Past it the input is refused (exit 2, naming the byte offset), because
    /// nothing downstream can take it whole: a .NET string holds at most 2^30 - 33 characters, and the conversion's
    /// output buffer (the line plus an eighth) must stay under 2 GiB. Before this limit the buffer grew to 2 GiB and
    /// then grew again forever: a 2.2 GB file without a line feed ran for minutes at 19 GB of memory (session 12).
    /// </summary>
    public const int DefaultMaxLineBytes = 1 << 30;

    private readonly Stream _stream;
    private readonly string _name;
    private readonly int _maxLineBytes;
    private readonly int _targetSize;
    private readonly bool _seekable;
    private byte[] _carry = [];
    private int _carryLength;
    private long _offset;
    private bool _endOfStream;

    /// <param name="stream">The bytes to cut.</param>
    /// <param name="targetSize">The block size aimed at.</param>
    /// <param name="startOffset">Where the stream starts in the input (after a byte order mark), for offsets in messages.</param>
    /// <param name="name">The input's name, for the message about a line too long.</param>
    /// <param name="maxLineBytes">The longest line accepted (<see cref="DefaultMaxLineBytes"/>; tests pass less).</param>
    public BlockReader(Stream stream, int targetSize, long startOffset, string name = "<stdin>", int maxLineBytes = DefaultMaxLineBytes)
    {
        _stream = stream;
        _name = name;
        _maxLineBytes = maxLineBytes;
        _targetSize = targetSize;
        _offset = startOffset;
        _seekable = stream.CanSeek;
    }

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True when the stream has ended and every byte was handed out: <see cref="Read"/> returns null.</summary>
    public bool AtEnd => _endOfStream && _carryLength == 0;

    public InputBlock? Read()
    {
        if (_endOfStream && _carryLength == 0)
        {
            return null;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_targetSize, _carryLength + (_targetSize / 2)));
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        int filled = _carryLength;
        int searchFrom = _carryLength; // the carried bytes hold no line feed
        _carryLength = 0;
        int cut;
        while (true)
        {
            while (filled < buffer.Length && !_endOfStream)
            {
                int read = _stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    _endOfStream = true;
                }

                filled += read;
                BytesRead += read;
                if (!_seekable && read > 0 && buffer.AsSpan(filled - read, read).Contains((byte)'\n'))
                {
                    // A pipe or terminal gives what it has (at most its buffer): hand those lines on rather than wait
                    // for a full block, so that `tail -f log | textrepair ...` shows each line as it comes.
                    break;
                }
            }

            if (_endOfStream)
            {
                cut = filled;
                break;
            }

            int lastLineFeed = buffer.AsSpan(searchFrom, filled - searchFrom).LastIndexOf((byte)'\n');
            if (lastLineFeed >= 0)
            {
                cut = searchFrom + lastLineFeed + 1;
                break;
            }

            // One line longer than the buffer: grow rather than split it, up to the limit.
            if (filled >= _maxLineBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw new CliException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{_name}: the line at byte offset {_offset} is longer than {_maxLineBytes:N0} bytes without a line feed: too long to process"));
            }

            searchFrom = filled;
            byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, _maxLineBytes + 1L));
            buffer.AsSpan(0, filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        int rest = filled - cut;
        if (rest > 0)
        {
            if (_carry.Length < rest)
            {
                _carry = new byte[Math.Max(rest, _targetSize / 4)];
            }

            buffer.AsSpan(cut, rest).CopyTo(_carry);
            _carryLength = rest;
        }

        if (cut == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        var block = new InputBlock(buffer, 0, cut, _offset);
        _offset += cut;
        return block;
    }
}
