using System.Text;

namespace TextRepair.Cli.IO;

/// <summary>
/// For <c>--encoding auto</c>: the UTF-8 bytes of an input decoded with its detected encoding
/// (<see cref="EncodingDetector.OpenReader"/>: decided from the first bytes, revised if an ASCII start is followed by
/// something else). Read-only, forward-only; not thread-safe.
/// </summary>
internal sealed class AutoDecodingStream : Stream
{
    private readonly DetectingTextReader _reader;
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[16 * 1024];
    private readonly byte[] _bytes = new byte[(16 * 1024 * 3) + 8];
    private int _bytePosition;
    private int _byteLength;
    private bool _done;

    public AutoDecodingStream(Stream raw) => _reader = EncodingDetector.OpenReader(raw);

    /// <summary>The current decision (made on first use).</summary>
    public EncodingDetection Detection => _reader.Detection;

    /// <summary>How often the decision changed while reading.</summary>
    public int Revisions => _reader.Revisions;

    /// <summary>Invalid sequences replaced with U+FFFD.</summary>
    public int ReplacedSequences => _reader.ReplacedSequences;

    /// <summary>A one-line account for --stats and --report, e.g. "encoding gb18030 (confidence 0.97)".</summary>
    public string Describe() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"encoding {Detection.Name} (confidence {Detection.Confidence:0.00}{(Detection.HasBom ? ", byte order mark" : "")}{(Revisions > 0 ? $", revised {Revisions}x" : "")})");

    /// <summary>After an input: says which encoding was used when asked, and fails when sequences were replaced without --replace-invalid.</summary>
    public static void Check(AutoDecodingStream stream, string inputName, bool replaceInvalid, bool describe)
    {
        if (describe)
        {
            Console.Error.WriteLine($"textrepair: {inputName}: {stream.Describe()}");
        }

        if (stream.ReplacedSequences > 0 && !replaceInvalid)
        {
            throw new CliException(
                $"{inputName}: {stream.ReplacedSequences} invalid sequence(s) for the detected {stream.Detection.Name} (use --encoding NAME, or --replace-invalid)");
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_bytePosition == _byteLength)
        {
            if (_done)
            {
                return 0;
            }

            int chars = _reader.Read(_chars);
            _done = chars == 0;
            _bytePosition = 0;
            _byteLength = _encoder.GetBytes(_chars.AsSpan(0, chars), _bytes, flush: _done);
        }

        int count = Math.Min(buffer.Length, _byteLength - _bytePosition);
        _bytes.AsSpan(_bytePosition, count).CopyTo(buffer);
        _bytePosition += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}
