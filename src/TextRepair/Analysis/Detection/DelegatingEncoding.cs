using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// An encoding that encodes with an inner code page and decodes with a decoder of its own (<see cref="Cp932Encoding"/>,
/// <see cref="StrictCodePageEncoding"/>): the overrides that hand encoding, names and sizes to the inner code page with
/// this instance's fallbacks. Immutable apart from the fallbacks (set on a clone); a decoder is not thread-safe.
/// </summary>
internal abstract class DelegatingEncoding : Encoding
{
    private readonly Encoding _inner;
    private Encoding? _withFallbacks;

    protected DelegatingEncoding(Encoding inner, int codePage, EncoderFallback encoderFallback, DecoderFallback decoderFallback)
        : base(codePage, encoderFallback, decoderFallback)
    {
        _inner = inner;
    }

    public override string WebName => _inner.WebName;

    public override string EncodingName => _inner.EncodingName;

    public override bool IsSingleByte => false;

    public override ReadOnlySpan<byte> Preamble => _inner.Preamble;

    public override byte[] GetPreamble() => _inner.GetPreamble();

    public override int GetByteCount(char[] chars, int index, int count) => Inner().GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Inner().GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetMaxByteCount(int charCount) => _inner.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => _inner.GetMaxCharCount(byteCount);

    public override Encoder GetEncoder() => Inner().GetEncoder();

    /// <summary>The code page decoding as the inner one does, for the decoders built on it.</summary>
    protected Encoding InnerEncoding => _inner;

    /// <summary>The inner code page with this instance's fallbacks (a clone of this encoding may have been given others).</summary>
    protected Encoding Inner()
    {
        Encoding cached = _withFallbacks ?? _inner;
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
}
