using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// Big5 as the WHATWG Encoding Standard defines it (web name <c>big5</c>): Big5 with the Hong Kong Supplementary
/// Character Set, over <see cref="Big5Index"/>. .NET's code page 950 lacks the HKSCS characters. Decoding follows the
/// standard's Big5 decoder (an invalid trail byte that is ASCII is decoded again on its own); encoding follows its
/// encoder (HKSCS pointers below 0xA1 leads decode only). Invalid input goes to the decoder or encoder fallback.
/// Immutable apart from the fallbacks (set on a clone); thread-safe; the index is loaded on first use.
/// </summary>
internal sealed partial class Big5Encoding : Encoding
{
    private const string Name = "big5";

    public Big5Encoding()
        : this(EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
    {
    }

    public Big5Encoding(EncoderFallback encoderFallback, DecoderFallback decoderFallback)
        : base(0, encoderFallback, decoderFallback)
    {
    }

    public override string WebName => Name;

    public override string EncodingName => "Chinese Traditional (Big5, WHATWG, with HKSCS)";

    public override string HeaderName => Name;

    public override string BodyName => Name;

    public override bool IsSingleByte => false;

    public override int GetMaxByteCount(int charCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(charCount);
        return checked(((charCount + 1) * 2 * Math.Max(1, EncoderFallback.MaxCharCount)) + 2);
    }

    public override int GetMaxCharCount(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);

        // Four pointers decode to two characters from two bytes; an invalid byte gives the fallback's characters.
        return checked((byteCount + 1) * Math.Max(2, DecoderFallback.MaxCharCount));
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes.AsSpan(index, count));

    public override int GetCharCount(ReadOnlySpan<byte> bytes)
    {
        int lead = 0;
        return Decode(bytes, [], countOnly: true, ref lead, flush: true, DecoderFallback.CreateFallbackBuffer());
    }

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        int lead = 0;
        return Decode(bytes, chars, countOnly: false, ref lead, flush: true, DecoderFallback.CreateFallbackBuffer());
    }

    public override int GetByteCount(char[] chars, int index, int count) => GetByteCount(chars.AsSpan(index, count));

    public override int GetByteCount(ReadOnlySpan<char> chars)
    {
        char high = '\0';
        return Encode(chars, [], countOnly: true, ref high, flush: true, EncoderFallback.CreateFallbackBuffer());
    }

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        GetBytes(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex));

    public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        char high = '\0';
        return Encode(chars, bytes, countOnly: false, ref high, flush: true, EncoderFallback.CreateFallbackBuffer());
    }

    public override Decoder GetDecoder() => new Big5Decoder(this);

    public override Encoder GetEncoder() => new Big5Encoder(this);

    public override bool Equals(object? value) =>
        value is Big5Encoding other && EncoderFallback.Equals(other.EncoderFallback) && DecoderFallback.Equals(other.DecoderFallback);

    public override int GetHashCode() => HashCode.Combine(Name, EncoderFallback, DecoderFallback);

    /// <summary>
    /// The standard's Big5 decoder over <paramref name="bytes"/>, starting with a pending <paramref name="lead"/> byte
    /// (0 for none) and leaving one pending at the end unless <paramref name="flush"/>. Returns the characters written
    /// (or counted, with <paramref name="countOnly"/>).
    /// </summary>
    internal static int Decode(
        ReadOnlySpan<byte> bytes, Span<char> chars, bool countOnly, ref int lead, bool flush, DecoderFallbackBuffer fallback)
    {
        Big5Index index = Big5Index.Shared;
        int written = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int b = bytes[i];
            if (lead != 0)
            {
                int l = lead;
                lead = 0;
                int offset = b < 0x7F ? 0x40 : 0x62;
                int codePoint = -1;
                if (b is (>= 0x40 and <= 0x7E) or (>= 0xA1 and <= 0xFE))
                {
                    int pointer = ((l - 0x81) * Big5Index.TrailCount) + (b - offset);
                    codePoint = pointer switch
                    {
                        1133 or 1135 => 0xCA,
                        1164 or 1166 => 0xEA,
                        _ => index.CodePoint(pointer),
                    };
                    if (pointer is 1133 or 1135 or 1164 or 1166)
                    {
                        Put(chars, countOnly, ref written, (char)codePoint);
                        Put(chars, countOnly, ref written, pointer is 1133 or 1164 ? '\u0304' : '\u030C');
                        i++;
                        continue;
                    }
                }

                if (codePoint >= 0)
                {
                    PutCodePoint(chars, countOnly, ref written, codePoint);
                    i++;
                    continue;
                }

                // Invalid pair: an ASCII trail byte is decoded again on its own, any other is part of the error.
                if (b < 0x80)
                {
                    Fail(chars, countOnly, ref written, fallback, [(byte)l], i);
                }
                else
                {
                    Fail(chars, countOnly, ref written, fallback, [(byte)l, (byte)b], i);
                    i++;
                }

                continue;
            }

            if (b < 0x80)
            {
                Put(chars, countOnly, ref written, (char)b);
            }
            else if (b is >= 0x81 and <= 0xFE)
            {
                lead = b;
            }
            else
            {
                Fail(chars, countOnly, ref written, fallback, [(byte)b], i);
            }

            i++;
        }

        if (flush && lead != 0)
        {
            Fail(chars, countOnly, ref written, fallback, [(byte)lead], bytes.Length);
            lead = 0;
        }

        return written;
    }

    /// <summary>The standard's Big5 encoder; a high surrogate at the end stays pending in <paramref name="high"/> unless <paramref name="flush"/>.</summary>
    internal static int Encode(
        ReadOnlySpan<char> chars, Span<byte> bytes, bool countOnly, ref char high, bool flush, EncoderFallbackBuffer fallback)
    {
        Big5Index index = Big5Index.Shared;
        int written = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            int codePoint;
            if (high != '\0')
            {
                char h = high;
                high = '\0';
                if (char.IsLowSurrogate(c))
                {
                    codePoint = char.ConvertToUtf32(h, c);
                    if (!EncodeCodePoint(index, codePoint, bytes, countOnly, ref written))
                    {
                        FailEncode(index, bytes, countOnly, ref written, fallback, fallback.Fallback(h, c, i - 1));
                    }

                    continue;
                }

                FailEncode(index, bytes, countOnly, ref written, fallback, fallback.Fallback(h, i - 1));
            }

            if (char.IsHighSurrogate(c))
            {
                high = c;
                continue;
            }

            if (char.IsLowSurrogate(c) || !EncodeCodePoint(index, c, bytes, countOnly, ref written))
            {
                FailEncode(index, bytes, countOnly, ref written, fallback, fallback.Fallback(c, i));
            }
        }

        if (flush && high != '\0')
        {
            char h = high;
            high = '\0';
            FailEncode(index, bytes, countOnly, ref written, fallback, fallback.Fallback(h, chars.Length));
        }

        return written;
    }

    private static bool EncodeCodePoint(Big5Index index, int codePoint, Span<byte> bytes, bool countOnly, ref int written)
    {
        if (codePoint < 0x80)
        {
            PutByte(bytes, countOnly, ref written, (byte)codePoint);
            return true;
        }

        int pointer = index.Pointer(codePoint);
        if (pointer < 0)
        {
            return false;
        }

        int trail = pointer % Big5Index.TrailCount;
        PutByte(bytes, countOnly, ref written, (byte)((pointer / Big5Index.TrailCount) + 0x81));
        PutByte(bytes, countOnly, ref written, (byte)(trail + (trail < 0x3F ? 0x40 : 0x62)));
        return true;
    }

    private static void FailEncode(Big5Index index, Span<byte> bytes, bool countOnly, ref int written, EncoderFallbackBuffer fallback, bool hasChars)
    {
        if (!hasChars)
        {
            return;
        }

        while (fallback.Remaining > 0)
        {
            char c = fallback.GetNextChar();
            int codePoint = c;
            if (char.IsHighSurrogate(c) && fallback.Remaining > 0)
            {
                codePoint = char.ConvertToUtf32(c, fallback.GetNextChar());
            }

            if (!EncodeCodePoint(index, codePoint, bytes, countOnly, ref written))
            {
                throw new ArgumentException($"The encoder fallback produced U+{codePoint:X4}, which Big5 cannot encode either.");
            }
        }
    }

    private static void Fail(Span<char> chars, bool countOnly, ref int written, DecoderFallbackBuffer fallback, byte[] unknown, int index)
    {
        if (fallback.Fallback(unknown, index))
        {
            while (fallback.Remaining > 0)
            {
                Put(chars, countOnly, ref written, fallback.GetNextChar());
            }
        }
    }

    private static void PutCodePoint(Span<char> chars, bool countOnly, ref int written, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            Put(chars, countOnly, ref written, (char)codePoint);
            return;
        }

        codePoint -= 0x10000;
        Put(chars, countOnly, ref written, (char)(0xD800 + (codePoint >> 10)));
        Put(chars, countOnly, ref written, (char)(0xDC00 + (codePoint & 0x3FF)));
    }

    private static void Put(Span<char> chars, bool countOnly, ref int written, char c)
    {
        if (!countOnly)
        {
            if ((uint)written >= (uint)chars.Length)
            {
                throw new ArgumentException("The destination is too small for the decoded characters.", nameof(chars));
            }

            chars[written] = c;
        }

        written++;
    }

    private static void PutByte(Span<byte> bytes, bool countOnly, ref int written, byte b)
    {
        if (!countOnly)
        {
            if ((uint)written >= (uint)bytes.Length)
            {
                throw new ArgumentException("The destination is too small for the encoded bytes.", nameof(bytes));
            }

            bytes[written] = b;
        }

        written++;
    }
}
