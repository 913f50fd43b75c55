using System.Text;
using TextRepair.Analysis.Detection;

namespace TextRepair;

/// <summary>
/// A <see cref="TextReader"/> over a byte stream in an unknown encoding, made by
/// <see cref="EncodingDetector.OpenReader"/>. It decides the encoding from the first bytes (up to
/// <see cref="EncodingDetector.SampleByteCount"/>; a byte order mark decides at once and is skipped), then decodes
/// block by block, so it never reads the whole stream before returning text. When everything so far was ASCII and a
/// later block is not (a long English header before Chinese text, say), it detects again from that block and goes on
/// with the new encoding: the text already returned decodes the same under both, so the revision is exact
/// (<see cref="RevisionCount"/> counts them). Invalid sequences found later under an encoding that was decided on
/// non-ASCII text become U+FFFD and are counted in <see cref="ReplacedSequenceCount"/>. Not thread-safe; owns buffers of
/// about 200 KB.
/// </summary>
public sealed class DetectingTextReader : TextReader
{
    private const int BufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _bytes = new byte[EncodingDetector.SampleByteCount + BufferBytes];
    private readonly char[] _chars = new char[(2 * (EncodingDetector.SampleByteCount + BufferBytes)) + 16];
    private int _byteStart;
    private int _byteEnd;
    private int _charPosition;
    private int _charLength;
    private bool _endOfStream;
    private bool _flushed;
    private EncodingDetection? _detection;
    private Decoder? _decoder;
    private CountingDecoderFallback? _fallback;
    private int _replacedBefore;

    internal DetectingTextReader(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The current decision (detects from the first bytes if nothing was read yet, which may block on the stream).</summary>
    public EncodingDetection Detection
    {
        get
        {
            EnsureDetected();
            return _detection!;
        }
    }

    /// <summary>How many times the decision was revised after more of the stream was read.</summary>
    public int RevisionCount { get; private set; }

    /// <summary>Invalid byte sequences (under the decided encoding) replaced with U+FFFD so far.</summary>
    public int ReplacedSequenceCount => _replacedBefore + (_fallback?.Count ?? 0);

    /// <inheritdoc/>
    public override int Peek() => Fill() ? _chars[_charPosition] : -1;

    /// <inheritdoc/>
    public override int Read() => Fill() ? _chars[_charPosition++] : -1;

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        int count = Math.Min(buffer.Length, _charLength - _charPosition);
        _chars.AsSpan(_charPosition, count).CopyTo(buffer);
        _charPosition += count;
        return count;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    private void EnsureDetected()
    {
        if (_detection is not null)
        {
            return;
        }

        ReadAtLeast(EncodingDetector.SampleByteCount);
        ReadOnlySpan<byte> prefix = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
        _detection = EncodingDetector.Detect(prefix, complete: _endOfStream, allowBom: true);
        _byteStart += _detection.BomLength;
        _decoder = CountingDecoderFallback.CreateDecoder(_detection.Encoding, out _fallback);
    }

    /// <summary>Makes characters available; false at the end of the stream.</summary>
    private bool Fill()
    {
        EnsureDetected();
        while (_charPosition == _charLength)
        {
            if (_byteStart == _byteEnd)
            {
                if (_endOfStream)
                {
                    if (_flushed)
                    {
                        return false;
                    }

                    _flushed = true;
                    _charPosition = 0;
                    _charLength = _decoder!.GetChars([], _chars, flush: true);
                    continue;
                }

                ReadAtLeast(1);
                continue;
            }

            ReadOnlySpan<byte> chunk = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
            if (_detection!.IsAscii && chunk.IndexOfAnyExceptInRange((byte)1, (byte)0x7F) is int other and >= 0)
            {
                if (other > 0)
                {
                    Decode(chunk[..other], flush: false);
                    _byteStart += other;
                    return true;
                }

                Revise();
                continue;
            }

            Decode(chunk, flush: false);
            _byteStart = _byteEnd;
        }

        return true;
    }

    /// <summary>Everything so far was ASCII and the next byte is not: detect again from here.</summary>
    private void Revise()
    {
        ReadAtLeast(EncodingDetector.SampleByteCount);
        ReadOnlySpan<byte> rest = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
        EncodingDetection revised = EncodingDetector.Detect(rest, complete: _endOfStream, allowBom: false);
        if (revised.IsAscii)
        {
            // NUL bytes only: keep decoding as UTF-8 (ASCII) rather than flip to UTF-16 in mid-stream.
            revised = new EncodingDetection(
                [new EncodingCandidate("utf-8", DetectionEncodings.Utf8, revised.Confidence)], 0, isAscii: false, revised.IsBinary);
        }

        _replacedBefore += _fallback?.Count ?? 0;
        _detection = revised;
        _decoder = CountingDecoderFallback.CreateDecoder(revised.Encoding, out _fallback);
        RevisionCount++;
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        _charPosition = 0;
        _charLength = _decoder!.GetChars(bytes, _chars, flush);
    }

    /// <summary>Reads until at least <paramref name="count"/> unconsumed bytes are buffered or the stream ends.</summary>
    private void ReadAtLeast(int count)
    {
        if (_byteStart > 0)
        {
            _bytes.AsSpan(_byteStart, _byteEnd - _byteStart).CopyTo(_bytes);
            _byteEnd -= _byteStart;
            _byteStart = 0;
        }

        if (_bytes.Length < count)
        {
            Array.Resize(ref _bytes, count);
        }

        while (!_endOfStream && _byteEnd < count)
        {
            int read = _stream.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _byteEnd += read;
        }
    }
}
