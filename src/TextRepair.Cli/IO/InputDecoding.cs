using System.Globalization;
using System.Text;

namespace TextRepair.Cli.IO;

/// <summary>An input opened for processing: its bytes as UTF-8, and what was found about its encoding.</summary>
internal sealed class DecodedInput : IDisposable
{
    public DecodedInput(Stream utf8, long startOffset, Encoding encoding, bool hadBom, EncodingDetection? detection = null)
    {
        Detection = detection;
        Utf8 = utf8;
        StartOffset = startOffset;
        Encoding = encoding;
        HadBom = hadBom;
    }

    /// <summary>The text as UTF-8 bytes (the input itself when it is UTF-8, still to be validated), after any byte order mark.</summary>
    public Stream Utf8 { get; }

    /// <summary>Where <see cref="Utf8"/> starts in the input (after a UTF-8 byte order mark), for byte offsets in messages.</summary>
    public long StartOffset { get; }

    /// <summary>The input's encoding (with the byte order the mark showed).</summary>
    public Encoding Encoding { get; }

    public bool HadBom { get; }

    /// <summary>With <c>--encoding auto</c>: what the detector found in the input's first bytes; otherwise null.</summary>
    public EncodingDetection? Detection { get; }

    public bool IsUtf8 => Encoding.CodePage == 65001;

    /// <summary>
    /// Under code page 950, how many private-use characters (U+E000..U+F8FF) it has given so far: it reads its
    /// user-defined area there, where Big5-HKSCS puts the Hong Kong characters. 0 under any other encoding (not counted).
    /// </summary>
    public long PrivateUseRead => (Utf8 as InputDecoding.DecodingStream)?.PrivateUseRead ?? 0;

    public void Dispose() => Utf8.Dispose();
}

/// <summary>
/// Opens an input in its encoding: a byte order mark is read and skipped (it decides the byte order of UTF-16 and
/// UTF-32, whatever the name given), a UTF-16 or UTF-32 file read as something else is refused with a message saying so,
/// and legacy encodings are decoded to UTF-8 with errors at the input's byte offset.
/// </summary>
internal static class InputDecoding
{
    /// <summary>
    /// How much of an input <c>--encoding auto</c> reads to decide its encoding. The detector scores its first
    /// <see cref="EncodingDetector.SampleByteCount"/> (16 KB) under every candidate and checks the rest of what it is given
    /// for validity under the leading ones, so a bigger prefix only catches a contradiction later in the file. 1 MiB
    /// holds the whole of most text files while bounding the memory per input; a longer file is decided from its first
    /// MiB, and bytes after it that the chosen encoding cannot decode are an error at their offset (or U+FFFD).
    /// </summary>
    public const int AutoPrefixBytes = 1 << 20;

    public static DecodedInput Open(Stream raw, string name, Encoding? requested, bool replaceInvalid)
        => Open(raw, name, requested, replaceInvalid, exact: false, detection: null);

    /// <summary>
    /// <c>--encoding auto</c>: detects the encoding from the first <see cref="AutoPrefixBytes"/> bytes (a byte order
    /// mark wins) and opens the whole input in it. Returns null, with <paramref name="detection"/> set, for binary input.
    /// </summary>
    public static DecodedInput? OpenDetected(Stream raw, string name, bool replaceInvalid, out EncodingDetection detection)
    {
        byte[] prefix = new byte[AutoPrefixBytes];
        int length;
        try
        {
            length = raw.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        }
        catch
        {
            raw.Dispose();
            throw;
        }

        ReadOnlySpan<byte> sample = prefix.AsSpan(0, length);
        if (length == prefix.Length && sample.LastIndexOf((byte)'\n') is int lineFeed and > 0)
        {
            // More follows: decide on whole lines (whole UTF-16 pairs), so that no sequence cut at the end counts against a candidate.
            sample = sample[..((lineFeed + 1) & ~1)];
        }

        detection = EncodingDetector.Detect(sample);
        var rest = new PrefixedStream(prefix.AsMemory(0, length), raw);
        if (detection.IsBinary)
        {
            rest.Dispose();
            return null;
        }

        DecoderFallback decoderFallback = replaceInvalid ? new DecoderReplacementFallback("\uFFFD") : DecoderFallback.ExceptionFallback;
        Encoding? encoding = detection.Encoding.CodePage == 65001
            ? null
            : EncodingDetector.GetEncoding(detection.Name, EncoderFallback.ExceptionFallback, decoderFallback);
        return Open(rest, name, encoding, replaceInvalid, exact: true, detection);
    }

    private static DecodedInput Open(Stream raw, string name, Encoding? requested, bool replaceInvalid, bool exact, EncodingDetection? detection)
    {
        byte[] head = new byte[4];
        int length = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        EncodingDetection? mark = EncodingDetector.DetectByteOrderMark(head.AsSpan(0, length));
        int bomCodePage = mark?.Encoding.CodePage ?? 0;
        int bomLength = mark?.BomLength ?? 0;
        int codePage = requested?.CodePage ?? 65001;
        bool wide = Commands.EncodingNames.IsWide(codePage);
        if (bomCodePage is 1200 or 1201 or 12000 or 12001 && !wide)
        {
            string kind = bomCodePage is 1200 or 1201 ? "UTF-16" : "UTF-32";
            throw new CliException(
                $"{name}: this file has a {kind} BOM; it is not {(requested is null ? "UTF-8" : Commands.EncodingNames.Display(requested))} (use --encoding {kind.ToLowerInvariant()})");
        }

        // A mark of the other byte order (or width) wins over the name: "utf-16" with FE FF is big-endian.
        if (wide && bomCodePage is 1200 or 1201 or 12000 or 12001)
        {
            codePage = bomCodePage;
        }
        else if (bomCodePage == 65001 && codePage != 65001)
        {
            bomLength = 0;
        }

        bool hadBom = bomLength > 0 && bomCodePage == codePage;
        var rest = new PrefixedStream(head.AsMemory(hadBom ? bomLength : 0, length - (hadBom ? bomLength : 0)), raw);
        long start = hadBom ? bomLength : 0;
        if (codePage == 65001)
        {
            return new DecodedInput(rest, start, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), hadBom, detection);
        }

        // The encoding named or detected is used as built, with the decoder fallback asked for: WHATWG Big5 has no code
        // page of its own (0), and code page 950 read its HKSCS characters as private use (session 32). Looked up by
        // the code page only where a byte order mark chose another; a byte the code page leaves unassigned (Windows
        // maps Shift_JIS 0xFF to U+F8F3) is invalid, not private use.
        DecoderFallback fallback = replaceInvalid ? new DecoderReplacementFallback("\uFFFD") : DecoderFallback.ExceptionFallback;
        Encoding encoding;
        if (requested is not null && requested.CodePage == codePage && exact)
        {
            encoding = requested;
        }
        else if (requested is not null && requested.CodePage == codePage)
        {
            encoding = (Encoding)requested.Clone();
            encoding.EncoderFallback = EncoderFallback.ExceptionFallback;
            encoding.DecoderFallback = fallback;
        }
        else
        {
            encoding = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, fallback);
        }

        return new DecodedInput(new DecodingStream(rest, encoding, start, name), start, encoding, hadBom, detection);
    }

    /// <summary>Reads some bytes already read, then the rest of a stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ForwardReadStream(inner)
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return Inner.Read(buffer);
            }

            int count = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..count].CopyTo(buffer);
            _prefix = _prefix[count..];

            // One call gives the prefix and what follows, as a read of the whole stream would.
            return count < buffer.Length ? count + Inner.Read(buffer[count..]) : count;
        }
    }

    /// <summary>Decodes a legacy encoding to UTF-8 as it is read; an invalid sequence is reported at its byte offset in the input.</summary>
    internal sealed class DecodingStream : ForwardReadStream
    {
        private const int ChunkSize = 1 << 16;
        private readonly Encoding _encoding;
        private readonly Decoder _decoder;
        private readonly Encoder _utf8 = new UTF8Encoding(false).GetEncoder();
        private readonly string _name;
        private readonly byte[] _raw = new byte[ChunkSize];
        private readonly char[] _chars;
        private readonly byte[] _pending;
        private long _offset;
        private int _pendingStart;
        private int _pendingEnd;
        private bool _done;

        // Only code page 950's private use is reported (see DecodedInput.PrivateUseRead): no other encoding pays the count.
        private readonly bool _countPrivateUse;

        /// <summary>Private-use characters decoded so far under code page 950 (see <see cref="DecodedInput.PrivateUseRead"/>).</summary>
        public long PrivateUseRead { get; private set; }

        public DecodingStream(Stream inner, Encoding encoding, long offset, string name)
            : base(inner)
        {
            _encoding = encoding;
            _countPrivateUse = encoding.CodePage == 950;
            _decoder = encoding.GetDecoder();
            _offset = offset;
            _name = name;
            _chars = new char[encoding.GetMaxCharCount(ChunkSize) + 2];
            _pending = new byte[(_chars.Length * 3) + 8];
        }

        public override int Read(Span<byte> buffer)
        {
            while (_pendingStart == _pendingEnd)
            {
                if (_done)
                {
                    return 0;
                }

                Fill();
            }

            int count = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
            _pending.AsSpan(_pendingStart, count).CopyTo(buffer);
            _pendingStart += count;
            return count;
        }

        private void Fill()
        {
            int read = Inner.Read(_raw, 0, _raw.Length);
            _done = read == 0;
            int chars;
            try
            {
                chars = _decoder.GetChars(_raw, 0, read, _chars, 0, flush: _done);
            }
            catch (DecoderFallbackException exception)
            {
                // Index is relative to this chunk; negative when the bad sequence began in the previous one.
                long at = Math.Max(0, _offset + exception.Index);
                throw new CliException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{_name}: not valid {Commands.EncodingNames.Display(_encoding)} at byte offset {at} (use --replace-invalid to replace invalid sequences with U+FFFD)"));
            }

            _offset += read;
            PrivateUseRead += _countPrivateUse ? CountPrivateUse(_chars.AsSpan(0, chars)) : 0;
            _pendingStart = 0;
            _pendingEnd = _utf8.GetBytes(_chars, 0, chars, _pending, 0, flush: _done);
        }

        private static int CountPrivateUse(ReadOnlySpan<char> chars)
        {
            int count = 0;
            for (int at; (at = chars.IndexOfAnyInRange('\uE000', '\uF8FF')) >= 0; chars = chars[(at + 1)..])
            {
                count++;
            }

            return count;
        }
    }
}
