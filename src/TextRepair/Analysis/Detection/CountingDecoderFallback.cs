using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// A decoder fallback that replaces each invalid byte sequence with U+FFFD and counts them. The count lives in the
/// fallback (the framework's code-page decoders do not always use the buffer <see cref="Decoder.FallbackBuffer"/>
/// returns), so each decoding gets its own instance through <see cref="CreateDecoder"/>. Not thread-safe.
/// </summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    private int _count;

    /// <summary>Invalid sequences met so far by decoders using this fallback.</summary>
    public int Count => _count;

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>
    /// A decoder of <paramref name="encoding"/> whose invalid sequences are counted in <paramref name="fallback"/>
    /// (set on a clone of the encoding: the framework's code-page decoders ignore a fallback set on the decoder).
    /// </summary>
    public static Decoder CreateDecoder(Encoding encoding, out CountingDecoderFallback fallback)
    {
        fallback = new CountingDecoderFallback();
        var counting = (Encoding)encoding.Clone();
        counting.DecoderFallback = fallback;
        return counting.GetDecoder();
    }

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner._count++;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
