using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// A decoder fallback that replaces each invalid byte sequence with U+FFFD and counts them. Each decoder gets its own
/// buffer (and count), so one instance serves every thread.
/// </summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    public static CountingDecoderFallback Instance { get; } = new();

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    /// <summary>Invalid sequences the decoder met so far (0 when its fallback buffer is not one of these).</summary>
    public static int Count(Decoder decoder) => decoder.FallbackBuffer is Buffer buffer ? buffer.Count : 0;

    /// <summary>A copy of <paramref name="encoding"/> whose decoders count their invalid sequences (set on the encoding: the framework's code-page decoders ignore a fallback set on the decoder).</summary>
    public static Encoding Counting(Encoding encoding)
    {
        var counting = (Encoding)encoding.Clone();
        counting.DecoderFallback = Instance;
        return counting;
    }

    /// <summary>A decoder of <paramref name="encoding"/> that counts its invalid sequences.</summary>
    public static Decoder CreateDecoder(Encoding encoding) =>
        (encoding.DecoderFallback == Instance ? encoding : Counting(encoding)).GetDecoder();

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private bool _pending;

        public int Count { get; private set; }

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            Count++;
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
