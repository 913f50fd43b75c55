using System.Buffers;

namespace TextRepair.Conversion;

/// <summary>
/// The conversion chain over one segment (the text between segmentation matches, or a whole piece without
/// segmentation), the composed values of segmentation phrases, and the chain's intermediate buffers.
/// </summary>
internal sealed partial class ConversionPipeline
{
    private string Compose(ReadOnlySpan<char> key, int valueIndex)
    {
        bool small = Scratch.FitsStack(this, key.Length);
        char[]? rented = small ? null : ArrayPool<char>.Shared.Rent((int)MaxOutputLength(key.Length) + 1);
        Span<char> buffer = small ? stackalloc char[Scratch.StackUnits] : rented;
        var scratch = new Scratch(this, key.Length, small ? stackalloc char[2 * Scratch.StackUnits] : default);
        try
        {
            // Fused: the first stage turns the whole segment into its segmentation value (see ResidualTable).
            int written = _fullFirst is not null
                ? ConvertSegment(_segmentation!.Value(valueIndex), null, buffer, ref scratch)
                : ConvertSegment(key, _chain.Length == 0 ? null : _chain[0], buffer, ref scratch);
            return new string(buffer.Slice(0, written));
        }
        finally
        {
            scratch.Dispose();
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Runs the conversion chain over one segment, with <paramref name="first"/> as the first stage (null: the
    /// first stage was already applied).
    /// </summary>
    private int ConvertSegment(ReadOnlySpan<char> segment, StageTable? first, Span<char> destination, ref Scratch scratch, (char First, char Last)[]? watched = null)
    {
        StageTable[] chain = _chain;
        int stages = chain.Length - (first is null ? 1 : 0);
        if (stages <= 0)
        {
            segment.CopyTo(destination);
            return segment.Length;
        }

        ReadOnlySpan<char> text = segment;
        for (int s = 0; s < stages - 1; s++)
        {
            StageTable stage = s == 0 && first is not null ? first : chain[s + chain.Length - stages];
            Span<char> buffer = scratch.Buffer(s & 1);
            int written = s == 0 && watched is not null ? first!.ConvertUnlessWatched(text, buffer, watched) : stage.Convert(text, buffer);
            if (written == StageTable.WatchedUnitFound)
            {
                return written;
            }

            text = buffer.Slice(0, written);
        }

        StageTable final = stages == 1 && first is not null ? first : chain[^1];
        return stages == 1 && watched is not null ? final.ConvertUnlessWatched(text, destination, watched) : final.Convert(text, destination);
    }

    /// <summary>
    /// Intermediate buffers for the chain: two halves of a stack buffer for short text, otherwise rented once per
    /// converted piece.
    /// </summary>
    private ref struct Scratch
    {
        /// <summary>
        /// Units of one stack buffer: text whose conversion fits (up to about 100 characters) needs no rented buffer,
        /// so that a first conversion of short text JIT-compiles nothing (see ChineseConverter.StackUnits).
        /// </summary>
        public const int StackUnits = 256;

        private readonly int _length;
        private readonly Span<char> _stack;
        private char[]? _first;
        private char[]? _second;

        public Scratch(ConversionPipeline pipeline, int textLength, Span<char> stack)
        {
            _length = pipeline._chain.Length < 2 ? 0 : (int)Math.Min(Array.MaxLength, pipeline.MaxOutputLength(textLength) + 1);
            _stack = stack;
        }

        /// <summary>Whether a text of <paramref name="textLength"/> units converts within <see cref="StackUnits"/> at every stage.</summary>
        public static bool FitsStack(ConversionPipeline pipeline, int textLength) => pipeline.MaxOutputLength(textLength) + 1 <= StackUnits;

        public Span<char> Buffer(int which)
        {
            if (_stack.Length >= 2 * StackUnits)
            {
                return _stack.Slice(which * StackUnits, StackUnits);
            }

            return which == 0 ? (_first ??= ArrayPool<char>.Shared.Rent(_length)) : (_second ??= ArrayPool<char>.Shared.Rent(_length));
        }

        public void Dispose()
        {
            if (_first is not null)
            {
                ArrayPool<char>.Shared.Return(_first);
            }

            if (_second is not null)
            {
                ArrayPool<char>.Shared.Return(_second);
            }
        }
    }
}
