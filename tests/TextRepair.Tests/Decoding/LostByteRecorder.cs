using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A decoder fallback that writes U+FFFD for each run of bytes the decoder cannot read, as
/// <see cref="DecoderReplacementFallback"/> does, and records which bytes those were: the bytes a reader lost, exactly.
/// A decoder fed the whole text reports each run with its offset in the input. (Fed one byte at a time, a decoder that
/// writes U+FFFD for a pending lead byte when the next byte arrives cannot tell whether that byte was lost too: UTF-8's
/// E4 B8 before 文's E6 96 87 lost only E4 B8.) Not thread-safe: one per decoding.
/// </summary>
internal sealed class LostByteRecorder : DecoderFallback
{
    private readonly HashSet<(int Index, int Count)> _runs = [];

    /// <inheritdoc/>
    public override int MaxCharCount => 1;

    /// <summary>The runs of lost bytes: offset in the input and length. A decoding may report a run twice (once while counting, once while writing).</summary>
    public IReadOnlyCollection<(int Index, int Count)> Runs => _runs;

    /// <inheritdoc/>
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(LostByteRecorder owner) : DecoderFallbackBuffer
    {
        private int _left;

        public override int Remaining => _left;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner._runs.Add((index, bytesUnknown.Length));
            _left = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_left == 0)
            {
                return '\0';
            }

            _left--;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_left > 0)
            {
                return false;
            }

            _left++;
            return true;
        }

        public override void Reset() => _left = 0;
    }
}
