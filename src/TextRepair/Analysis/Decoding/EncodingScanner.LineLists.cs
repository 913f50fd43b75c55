namespace TextRepair.Analysis.Decoding;

internal static partial class EncodingScanner
{
    /// <summary>
    /// The per-line lists of <see cref="FindInLine"/>, kept for the next line of the same text: a first repair of the 340 KB
    /// garbled benchmark document made two lists of findings and a flag per character for each of its 2,400 lines,
    /// which grew to about 5 findings each (session 37). Each use clears what it takes; one text's lines at a time.
    /// </summary>
    internal sealed class LineLists
    {
        private bool[] _covered = [];

        /// <summary>The line's findings (restorations, then markers and losses when the line is damaged).</summary>
        public List<EncodingFinding> Line { get; } = [];

        /// <summary>The line's losses and markers that count only when the line is damaged.</summary>
        public List<EncodingFinding> Pending { get; } = [];

        /// <summary>The findings of the line read as a whole (<see cref="ReplacedDoubleByteLine"/>).</summary>
        public List<EncodingFinding> Read { get; } = [];

        /// <summary><paramref name="length"/> flags, all false.</summary>
        public Span<bool> Covered(int length)
        {
            if (_covered.Length < length)
            {
                _covered = new bool[Math.Max(length, _covered.Length * 2)];
            }

            Span<bool> flags = _covered.AsSpan(0, length);
            flags.Clear();
            return flags;
        }
    }
}
