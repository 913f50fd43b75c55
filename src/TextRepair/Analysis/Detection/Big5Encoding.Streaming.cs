using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>The stateful decoder and encoder of <see cref="Big5Encoding"/> (a lead byte or a high surrogate carried between calls).</summary>
internal sealed partial class Big5Encoding
{
    private sealed class Big5Decoder : Decoder
    {
        private int _lead;

        public Big5Decoder(Big5Encoding encoding) => Fallback = encoding.DecoderFallback;

        public override int GetCharCount(byte[] bytes, int index, int count) => GetCharCount(bytes, index, count, flush: false);

        public override int GetCharCount(byte[] bytes, int index, int count, bool flush)
        {
            int lead = _lead;
            return Decode(bytes.AsSpan(index, count), [], countOnly: true, ref lead, flush, FallbackBuffer);
        }

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
            GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush) =>
            Decode(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), countOnly: false, ref _lead, flush, FallbackBuffer);

        public override void Reset()
        {
            _lead = 0;
            FallbackBuffer.Reset();
        }
    }

    private sealed class Big5Encoder : Encoder
    {
        private char _high;

        public Big5Encoder(Big5Encoding encoding) => Fallback = encoding.EncoderFallback;

        public override int GetByteCount(char[] chars, int index, int count, bool flush)
        {
            char high = _high;
            return Encode(chars.AsSpan(index, count), [], countOnly: true, ref high, flush, FallbackBuffer);
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush) =>
            Encode(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex), countOnly: false, ref _high, flush, FallbackBuffer);

        public override void Reset()
        {
            _high = '\0';
            FallbackBuffer.Reset();
        }
    }
}
