using System.Globalization;
using System.Text;

namespace TextRepair.Cli.IO;

/// <summary>
/// Writes the UTF-8 the commands produce in the output's encoding, optionally after its byte order mark. Strict: a
/// character the encoding cannot represent stops the run with its line and column in the output (never a silent "?").
/// Not thread-safe.
/// </summary>
internal sealed class OutputEncoding : ForwardWriteStream
{
    private readonly Stream _inner;
    private readonly Encoding? _target;
    private readonly Encoding? _strict;
    private readonly Decoder _utf8 = new UTF8Encoding(false).GetDecoder();
    private readonly Encoder? _encoder;
    private readonly string _name;
    private byte[] _preamble;
    private char[] _chars = [];
    private byte[] _bytes = [];
    private long _line = 1;
    private long _column = 1;

    /// <param name="inner">Where the encoded bytes go.</param>
    /// <param name="target">The output encoding; UTF-8 is passed through as it is.</param>
    /// <param name="writeBom">Write the encoding's byte order mark first.</param>
    /// <param name="name">The output, for messages.</param>
    public OutputEncoding(Stream inner, Encoding target, bool writeBom, string name)
    {
        _inner = inner;
        _name = name;
        _preamble = writeBom ? target.GetPreamble() : [];
        if (writeBom && _preamble.Length == 0 && target.CodePage == 65001)
        {
            _preamble = [0xEF, 0xBB, 0xBF];
        }

        if (target.CodePage != 65001)
        {
            _target = target;
            _strict = Strict(target);
            _encoder = _strict.GetEncoder();
        }
    }

    /// <summary>
    /// <paramref name="encoding"/> itself with an exception fallback for encoding. Not looked up again by its code page:
    /// WHATWG's Big5, which <c>--encoding auto</c> reads <c>big5</c> with, has none (0), and code page 0 is the
    /// system's default, UTF-8, so a Big5 file was written back as UTF-8 in place (session 31).
    /// </summary>
    internal static Encoding Strict(Encoding encoding)
    {
        if (encoding.EncoderFallback is EncoderExceptionFallback)
        {
            return encoding;
        }

        var strict = (Encoding)encoding.Clone();
        strict.EncoderFallback = EncoderFallback.ExceptionFallback;
        return strict;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WritePreamble();
        if (_encoder is null)
        {
            _inner.Write(buffer);
            return;
        }

        Encode(buffer, flush: false);
    }

    /// <summary>Writes what is pending (the mark of an empty output included); call once at the end of the output.</summary>
    public void Complete()
    {
        WritePreamble();
        if (_encoder is not null)
        {
            Encode([], flush: true);
        }

        _inner.Flush();
    }

    public override void Flush() => _inner.Flush();

    private void WritePreamble()
    {
        if (_preamble.Length > 0)
        {
            byte[] preamble = _preamble;
            _preamble = [];
            _inner.Write(preamble);
        }
    }

    private void Encode(ReadOnlySpan<byte> utf8, bool flush)
    {
        int charCount = _utf8.GetCharCount(utf8, flush);
        if (_chars.Length < charCount)
        {
            _chars = new char[Math.Max(charCount, 4096)];
        }

        int chars = _utf8.GetChars(utf8, _chars, flush);
        ReadOnlySpan<char> text = _chars.AsSpan(0, chars);
        int byteCount;
        try
        {
            byteCount = _encoder!.GetByteCount(text, flush);
        }
        catch (EncoderFallbackException)
        {
            throw Unrepresentable(text);
        }

        if (_bytes.Length < byteCount)
        {
            _bytes = new byte[Math.Max(byteCount, 4096)];
        }

        int written = _encoder.GetBytes(text, _bytes, flush);
        _inner.Write(_bytes.AsSpan(0, written));
        Advance(text);
    }

    private void Advance(ReadOnlySpan<char> text)
    {
        int lastLineFeed = text.LastIndexOf('\n');
        if (lastLineFeed >= 0)
        {
            _line += text.Count('\n');
            _column = 1;
            text = text[(lastLineFeed + 1)..];
        }

        foreach (Rune _ in text.EnumerateRunes())
        {
            _column++;
        }
    }

    // Finds the first character that cannot be written (one rune at a time: this is the error path).
    private CliException Unrepresentable(ReadOnlySpan<char> text)
    {
        int index = 0;
        Span<char> one = stackalloc char[2];
        foreach (Rune rune in text.EnumerateRunes())
        {
            int length = rune.EncodeToUtf16(one);
            try
            {
                _strict!.GetByteCount(one[..length]);
            }
            catch (EncoderFallbackException)
            {
                Advance(text[..index]);
                return new CliException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{_name}: line {_line}, column {_column}: '{rune}' (U+{rune.Value:X4}) cannot be written in {Commands.EncodingNames.Display(_target!)} (choose another --output-encoding)"));
            }

            index += length;
        }

        return new CliException($"{_name}: the text cannot be written in {Commands.EncodingNames.Display(_target!)}");
    }
}
