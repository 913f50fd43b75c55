using System.Buffers;

namespace TextRepair.Analysis.Decoding;

// The working buffers of LayerUndo.Undo.
internal static partial class LayerUndo
{
    /// <summary>
    /// Longest text whose working buffers a thread keeps for its next undo: the scanner's longest token
    /// (<see cref="EncodingScanner.MaxTokenLength"/>), about 150 KB of buffers per thread at most. A search undoes
    /// hundreds of layers on the same few tokens, and renting the five buffers from the shared pool each time (four of
    /// one size, of which the pool's per-thread slot holds one, so the rest went through its locked per-core stacks)
    /// took locks at every layer (session 22). Longer texts rent from the pool.
    /// </summary>
    private const int MaxKeptChars = EncodingScanner.MaxTokenLength;

    [ThreadStatic]
    private static Kept? t_kept;

    // The buffers of one undo: the bytes (at most 4 slots per character), where each character starts, the output (at
    // most one character per byte slot) and the group boundaries in the old and the new text.
    private readonly struct Buffers
    {
        private readonly Kept? _kept;

        private Buffers(int[] bytes, int[] charStart, char[] output, int[] oldBounds, int[] newBounds, Kept? kept)
        {
            (Bytes, CharStart, Output, OldBounds, NewBounds, _kept) = (bytes, charStart, output, oldBounds, newBounds, kept);
        }

        public int[] Bytes { get; }

        public int[] CharStart { get; }

        public char[] Output { get; }

        public int[] OldBounds { get; }

        public int[] NewBounds { get; }

        // The thread's kept buffers, grown to length, unless an undo on this thread holds them; else buffers from the pool.
        public static Buffers For(int length)
        {
            if (length <= MaxKeptChars && (t_kept ??= new Kept()) is { InUse: false } kept)
            {
                kept.Take(length);
                return new Buffers(kept.Bytes, kept.CharStart, kept.Output, kept.OldBounds, kept.NewBounds, kept);
            }

            return new Buffers(
                ArrayPool<int>.Shared.Rent((length * 4) + 1),
                ArrayPool<int>.Shared.Rent(length + 1),
                ArrayPool<char>.Shared.Rent((length * 4) + 4),
                ArrayPool<int>.Shared.Rent(length + 1),
                ArrayPool<int>.Shared.Rent(length + 1),
                null);
        }

        public void Release()
        {
            if (_kept is not null)
            {
                _kept.InUse = false;
                return;
            }

            ArrayPool<int>.Shared.Return(Bytes);
            ArrayPool<int>.Shared.Return(CharStart);
            ArrayPool<char>.Shared.Return(Output);
            ArrayPool<int>.Shared.Return(OldBounds);
            ArrayPool<int>.Shared.Return(NewBounds);
        }
    }

    // A thread's buffers, grown to the longest text it undid (at most MaxKeptChars characters).
    private sealed class Kept
    {
        private int _capacity;

        public bool InUse { get; set; }

        public int[] Bytes { get; private set; } = [];

        public int[] CharStart { get; private set; } = [];

        public char[] Output { get; private set; } = [];

        public int[] OldBounds { get; private set; } = [];

        public int[] NewBounds { get; private set; } = [];

        public void Take(int length)
        {
            InUse = true;
            if (length <= _capacity)
            {
                return;
            }

            _capacity = Math.Min(MaxKeptChars, Math.Max(length, _capacity * 2));
            Bytes = new int[(_capacity * 4) + 1];
            CharStart = new int[_capacity + 1];
            Output = new char[(_capacity * 4) + 4];
            OldBounds = new int[_capacity + 1];
            NewBounds = new int[_capacity + 1];
        }
    }
}
