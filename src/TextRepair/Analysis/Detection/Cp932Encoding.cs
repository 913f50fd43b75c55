using System.Buffers;
using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// Shift_JIS as Windows reads it (code page 932, WHATWG's <c>shift_jis</c>), complete. .NET's code page 932 decodes
/// only the pairs Windows also writes; it refuses the 398 pairs Windows reads but writes otherwise (Microsoft's
/// CP932.TXT): the NEC-selected IBM extensions (lead bytes 0xED and 0xEE, rows 89-92 of the WHATWG index-jis0208),
/// which are the IBM extensions (0xFA-0xFC) in another order and what Python's <c>cp932</c>, among others, writes for
/// \u9AD9 (0xEEE0) and \uFA11 (0xED95); nine NEC row-13 symbols that JIS X 0208 has too (0x8790 \u2252 is 0x81E0);
/// and fifteen IBM extensions that NEC row 13 or JIS X 0208 has (0xFA4A \u2160 is 0x8754). Before session 31 a file
/// with them was invalid Shift_JIS to the detector, and was read as GB18030 with confidence 1.00. This decoder rewrites
/// each such pair to the pair Windows writes for its character (same length) before the framework's decoder sees it:
/// 0xED40-0xEEEC are 0xFA5C-0xFC4B in order, 0xEEEF-0xEEF8 (small roman numerals) are 0xFA40-0xFA49, 0xEEF9-0xEEFC are
/// 0xFA54-0xFA57, and the 24 duplicates are listed in <see cref="Canonical(int)"/>. <c>EncodingDetectorTests</c> checks
/// that the two-byte pairs decoding to a character are CP932.TXT's 9,604. Encoding is the framework's. Immutable apart
/// from the fallbacks (set on a clone); a decoder is not thread-safe.
/// </summary>
internal sealed class Cp932Encoding : DelegatingEncoding
{
    /// <summary>Trail bytes per lead byte: 0x40-0x7E and 0x80-0xFC.</summary>
    private const int TrailCount = 188;

    /// <summary>0xED40-0xEEEC, the NEC-selected kanji, are the IBM-extension pairs from index 28 (0xFA5C) on.</summary>
    private const int NecKanjiCount = 360;

    private const int IbmKanjiStart = 28;

    /// <summary>0xEEEF: the first of the ten small roman numerals, IBM index 0 (0xFA40).</summary>
    private const int NecRomanStart = 362;

    /// <summary>0xEEF9-0xEEFC (\uFFE2 \uFFE4 \uFF07 \uFF02): IBM index 20 (0xFA54) on.</summary>
    private const int NecSignsStart = 372;

    private const int IbmSignsStart = 20;

    public Cp932Encoding(EncoderFallback encoderFallback, DecoderFallback decoderFallback)
        : base(DetectionEncodings.CodePage(932, encoderFallback, decoderFallback), 932, encoderFallback, decoderFallback)
    {
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => new Cp932Decoder(this).GetCharCount(bytes, index, count, flush: true);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        new Cp932Decoder(this).GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

    // A lead byte held back from the previous block decodes with this block.
    public override int GetMaxCharCount(int byteCount) => InnerEncoding.GetMaxCharCount(byteCount + 1);

    public override Decoder GetDecoder() => new Cp932Decoder(this);

    public override bool Equals(object? value) => value is Cp932Encoding other
        && other.DecoderFallback.Equals(DecoderFallback) && other.EncoderFallback.Equals(EncoderFallback);

    public override int GetHashCode() => HashCode.Combine(932, DecoderFallback, EncoderFallback);

    /// <summary>
    /// The pair Windows writes for the character of the pair <paramref name="lead"/> <paramref name="trail"/> (lead in
    /// the high byte) when the framework's table lacks it, or -1 when the pair needs no rewriting (or is unassigned:
    /// 0xEEED and 0xEEEE).
    /// </summary>
    internal static int ToWrittenPair(int lead, int trail)
    {
        if (trail is < 0x40 or 0x7F or > 0xFC)
        {
            return -1;
        }

        int pair = lead is 0xED or 0xEE ? IbmExtension(lead, trail) : (lead << 8) | trail;
        if (pair < 0)
        {
            return -1;
        }

        int written = Canonical(pair);
        return written != ((lead << 8) | trail) ? written : -1;
    }

    /// <summary>The IBM-extension pair (0xFA40-0xFC4B) of the NEC-selected pair <paramref name="lead"/> <paramref name="trail"/> (0xED40-0xEEFC), or -1.</summary>
    private static int IbmExtension(int lead, int trail)
    {
        int nec = ((lead - 0xED) * TrailCount) + trail - (trail < 0x7F ? 0x40 : 0x41);
        int ibm = nec switch
        {
            < NecKanjiCount => nec + IbmKanjiStart,
            >= NecRomanStart and < NecSignsStart => nec - NecRomanStart,
            >= NecSignsStart => nec - NecSignsStart + IbmSignsStart,
            _ => -1,
        };
        if (ibm < 0)
        {
            return -1;
        }

        int ibmTrail = ibm % TrailCount;
        return ((0xFA + (ibm / TrailCount)) << 8) | (ibmTrail + (ibmTrail < 0x3F ? 0x40 : 0x41));
    }

    /// <summary>The pair Windows writes for the character of <paramref name="pair"/>, for the duplicates CP932.TXT lists; else <paramref name="pair"/>.</summary>
    private static int Canonical(int pair) => pair switch
    {
        0x8790 => 0x81E0, // \u2252
        0x8791 => 0x81DF, // \u2261
        0x8792 => 0x81E7, // \u222B
        0x8795 => 0x81E3, // \u221A
        0x8796 => 0x81DB, // \u22A5
        0x8797 => 0x81DA, // \u2220
        0x879A => 0x81E6, // \u2235
        0x879B => 0x81BF, // \u2229
        0x879C => 0x81BE, // \u222A
        >= 0xFA4A and <= 0xFA53 => 0x8754 + (pair - 0xFA4A), // \u2160-\u2169
        0xFA54 => 0x81CA, // \uFFE2
        0xFA58 => 0x878A, // \u3231
        0xFA59 => 0x8782, // \u2116
        0xFA5A => 0x8784, // \u2121
        0xFA5B => 0x81E6, // \u2235
        _ => pair,
    };

    /// <summary>
    /// Rewrites the pairs the framework's table lacks and hands the bytes to the framework's decoder. A lead byte at
    /// the end of a block is held back until its trail byte comes (the framework's decoder would take the pair
    /// unrewritten); the offset a fallback is told for an invalid sequence in the next block is then one more than in
    /// that block.
    /// </summary>
    private sealed class Cp932Decoder(Cp932Encoding owner) : Decoder
    {
        private readonly Decoder _inner = owner.Inner().GetDecoder();

        /// <summary>A lead byte the previous block ended with, not yet given to the framework's decoder; -1 for none.</summary>
        private int _held = -1;

        public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

        public override int GetCharCount(byte[] bytes, int index, int count, bool flush)
        {
            // No state changes, as the contract says: the rewrite works on a copy of the held byte.
            int held = _held;
            byte[] rewritten = Rewrite(bytes.AsSpan(index, count), flush, ref held, out int length);
            try
            {
                return _inner.GetCharCount(rewritten, 0, length, flush);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rewritten);
            }
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush)
        {
            byte[] rewritten = Rewrite(bytes.AsSpan(byteIndex, byteCount), flush, ref _held, out int length);
            try
            {
                return _inner.GetChars(rewritten, 0, length, chars, charIndex, flush);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rewritten);
            }
        }

        public override void Reset()
        {
            _inner.Reset();
            _held = -1;
        }

        /// <summary>The held lead byte and <paramref name="bytes"/>, pairs rewritten, without a lead byte now held at the end (unless <paramref name="flush"/>).</summary>
        private static byte[] Rewrite(ReadOnlySpan<byte> bytes, bool flush, ref int held, out int length)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(bytes.Length + 1);
            int start = 0;
            if (held >= 0)
            {
                buffer[0] = (byte)held;
                start = 1;
            }

            bytes.CopyTo(buffer.AsSpan(start));
            length = start + bytes.Length;
            held = -1;
            int i = 0;
            while (i < length)
            {
                int b = buffer[i];
                if (b is < 0x81 or (> 0x9F and < 0xE0) or > 0xFC)
                {
                    i++;
                    continue;
                }

                if (i + 1 == length)
                {
                    if (!flush)
                    {
                        held = b;
                        length--;
                    }

                    break;
                }

                int trail = buffer[i + 1];
                if (trail is < 0x40 or 0x7F or > 0xFC)
                {
                    i++; // an invalid pair: the framework's decoder reports the lead byte
                    continue;
                }

                int written = ToWrittenPair(b, trail);
                if (written >= 0)
                {
                    buffer[i] = (byte)(written >> 8);
                    buffer[i + 1] = (byte)written;
                }

                i += 2;
            }

            return buffer;
        }
    }
}
