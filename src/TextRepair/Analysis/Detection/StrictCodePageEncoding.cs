using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// A code page whose decoder hands the bytes Windows fills with private-use characters to the decoder fallback (see
/// <see cref="StrictCodePages"/>). Encoding is the inner code page's. Immutable like any <see cref="Encoding"/> once
/// read-only; a decoder is not thread-safe.
/// </summary>
internal sealed class StrictCodePageEncoding : Encoding
{
    private readonly Encoding _inner;
    private readonly StrictCodePages.FillerTable _table;
    private Encoding? _withFallbacks;

    public StrictCodePageEncoding(Encoding inner, StrictCodePages.FillerTable table)
        : base(inner.CodePage, inner.EncoderFallback, inner.DecoderFallback)
    {
        _inner = inner;
        _table = table;
    }

    public override string WebName => _inner.WebName;

    public override string EncodingName => _inner.EncodingName;

    public override bool IsSingleByte => false;

    public override ReadOnlySpan<byte> Preamble => _inner.Preamble;

    public override byte[] GetPreamble() => _inner.GetPreamble();

    public override int GetByteCount(char[] chars, int index, int count) => Inner().GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Inner().GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => new StrictDecoder(this).GetCharCount(bytes, index, count, flush: true);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        new StrictDecoder(this).GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

    public override int GetMaxByteCount(int charCount) => _inner.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => _inner.GetMaxCharCount(byteCount);

    public override Decoder GetDecoder() => new StrictDecoder(this);

    public override Encoder GetEncoder() => Inner().GetEncoder();

    public override bool Equals(object? value) => value is StrictCodePageEncoding other && other._inner.Equals(_inner)
        && other.DecoderFallback.Equals(DecoderFallback) && other.EncoderFallback.Equals(EncoderFallback);

    public override int GetHashCode() => _inner.GetHashCode();

    /// <summary>The inner code page with this instance's fallbacks (a clone of this encoding may have been given others).</summary>
    private Encoding Inner()
    {
        Encoding? cached = _withFallbacks ?? _inner;
        if (cached.DecoderFallback.Equals(DecoderFallback) && cached.EncoderFallback.Equals(EncoderFallback))
        {
            return cached;
        }

        var clone = (Encoding)_inner.Clone();
        clone.DecoderFallback = DecoderFallback;
        clone.EncoderFallback = EncoderFallback;
        _withFallbacks = clone;
        return clone;
    }

    /// <summary>
    /// Decodes with the inner code page, then finds the filler bytes by walking the sequences (lead bytes and their
    /// lengths from the table) and gives each to the fallback: an exception at its index, or its replacement in place of
    /// the private-use character. The inner decoder has already refused any malformed sequence before them, so the walk is exact.
    /// </summary>
    private sealed class StrictDecoder : Decoder
    {
        private readonly StrictCodePageEncoding _owner;
        private readonly Decoder _inner;

        // Bytes of a sequence begun in an earlier call still to come.
        private int _pending;

        public StrictDecoder(StrictCodePageEncoding owner)
        {
            _owner = owner;
            _inner = owner.Inner().GetDecoder();
        }

        public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

        public override int GetCharCount(byte[] bytes, int index, int count, bool flush)
        {
            // As the contract says, no state changes: the walk starts from a copy of the pending count.
            int chars = _inner.GetCharCount(bytes, index, count, flush);
            int pending = _pending;
            int at = 0;
            ReadOnlySpan<byte> span = bytes.AsSpan(index, count);
            while (NextFiller(span, ref at, ref pending) is int filler and >= 0)
            {
                chars += Replacement(span[filler], filler).Length - 1;
            }

            return chars;
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush)
        {
            int written = _inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush);
            Span<char> output = chars.AsSpan(charIndex, written);
            ReadOnlySpan<byte> span = bytes.AsSpan(byteIndex, byteCount);
            int at = 0;
            int searchFrom = 0;
            while (NextFiller(span, ref at, ref _pending) is int filler and >= 0)
            {
                string replacement = Replacement(span[filler], filler);
                int found = output[searchFrom..].IndexOfAny(_owner._table.Fillers);
                if (found >= 0 && replacement.Length == 1)
                {
                    output[searchFrom + found] = replacement[0];
                    searchFrom += found + 1;
                }
            }

            if (flush)
            {
                _pending = 0;
            }

            return written;
        }

        public override void Reset()
        {
            _inner.Reset();
            _pending = 0;
        }

        /// <summary>The index of the next filler byte at or after <paramref name="at"/>, or -1; advances the walk past it.</summary>
        private int NextFiller(ReadOnlySpan<byte> bytes, ref int at, ref int pending)
        {
            byte[] lengths = _owner._table.SequenceLength;
            int i = at + pending;
            while (i < bytes.Length)
            {
                if (bytes[i] < 0x80)
                {
                    int skip = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    if (skip < 0)
                    {
                        i = bytes.Length;
                        break;
                    }

                    i += skip;
                }

                int length = lengths[bytes[i]];
                if (length == 0)
                {
                    at = i + 1;
                    pending = 0;
                    return i;
                }

                i += length;
            }

            at = bytes.Length;
            pending = i - bytes.Length;
            return -1;
        }

        /// <summary>What the fallback makes of the filler byte <paramref name="value"/> at <paramref name="index"/> (throws for an exception fallback).</summary>
        private string Replacement(byte value, int index)
        {
            DecoderFallbackBuffer buffer = _owner.DecoderFallback.CreateFallbackBuffer();
            if (!buffer.Fallback([value], index))
            {
                return string.Empty;
            }

            var replacement = new StringBuilder(buffer.Remaining);
            while (buffer.Remaining > 0)
            {
                replacement.Append(buffer.GetNextChar());
            }

            return replacement.ToString();
        }
    }
}
