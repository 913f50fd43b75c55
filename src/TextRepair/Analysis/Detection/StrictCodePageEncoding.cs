using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// A code page whose decoder hands the bytes Windows fills with private-use characters to the decoder fallback (see
/// <see cref="StrictCodePages"/>). Encoding is the inner code page's. Immutable like any <see cref="Encoding"/> once
/// read-only; a decoder is not thread-safe.
/// </summary>
internal sealed class StrictCodePageEncoding : DelegatingEncoding
{
    private readonly StrictCodePages.FillerTable _table;

    public StrictCodePageEncoding(Encoding inner, StrictCodePages.FillerTable table)
        : base(inner, inner.CodePage, inner.EncoderFallback, inner.DecoderFallback)
    {
        _table = table;
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => new StrictDecoder(this).GetCharCount(bytes, index, count, flush: true);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        new StrictDecoder(this).GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

    public override Decoder GetDecoder() => new StrictDecoder(this);

    public override bool Equals(object? value) => value is StrictCodePageEncoding other && other.InnerEncoding.Equals(InnerEncoding)
        && other.DecoderFallback.Equals(DecoderFallback) && other.EncoderFallback.Equals(EncoderFallback);

    public override int GetHashCode() => InnerEncoding.GetHashCode();

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
