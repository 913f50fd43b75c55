using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TextRepair.Cli.Check;

/// <summary>What a check looks for: the expected variant and the rules turned off. Immutable; shared by the workers.</summary>
internal sealed record CheckJob(ChineseVariant Expected, string Tag, IReadOnlySet<string> Disabled);

/// <summary>
/// Checks a large plain-text input in blocks of whole lines (<see cref="LineBlocks"/>), several at a time on the thread
/// pool, and writes each block's findings in file order as soon as the blocks before it are written: memory is the
/// blocks in flight, not the file, and the tool's cores share the work. The findings are those of the whole file
/// (<see cref="CheckScanner.Scan(string, string, LocalizationText, ChineseVariant, string)"/>) because every rule is
/// decided within a line, with two exceptions the blocks report (see
/// <see cref="CheckScanner.Scan(string, string, LocalizationText, ChineseVariant, string, int, int, out bool)"/>):
/// pinyin annotation candidates (decided on the whole text) and encoding damage (the engine tries the chains it found
/// on the following lines). From the first block with either, the rest of the findings come from a scan of the whole
/// text, as before streaming (the blocks before it hold neither, so their findings are the same both ways). The third,
/// UTF-16 text read by a byte decoder (judged on the whole text's C0 control characters), is ruled out beforehand by
/// <see cref="Survey"/>. Not thread-safe (one caller; it runs its own workers).
/// </summary>
internal static class StreamedCheck
{
    /// <summary>
    /// Bytes read per block. Small enough that a block's text is allocated in the young generation (64 KB of Chinese
    /// text is about 22,000 UTF-16 units, 44 KB, under the 85 KB of the large-object heap, whose fresh pages made the
    /// whole-file check slow, docs/check.md#speed), large enough that the per-block work (a task, the analyser's lists)
    /// is noise: 1,520 blocks for 99.6 MB.
    /// </summary>
    public const int BlockBytes = 1 << 16;

    /// <summary>
    /// Plain-text inputs up to this size are checked whole (one read, one scan, kept until the output is written):
    /// the pipeline pays off from a few blocks on.
    /// </summary>
    public const int MinStreamedBytes = 4 * BlockBytes;

    // C0 control characters other than tab, line feed and carriage return: what UTF-16 text read by a byte decoder holds
    // (the encoding engine's Utf16TextReading, decided on the whole text).
    private static readonly SearchValues<byte> s_controls = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    /// <summary>
    /// What <see cref="Survey"/> found in an input: <paramref name="InvalidAt"/> is the byte offset of the first byte
    /// that is not valid UTF-8 (-1 when valid); <paramref name="OtherBom"/> names a UTF-16 or UTF-32 byte order mark at
    /// its start.
    /// </summary>
    public readonly record struct InputSurvey(bool Valid, bool Bom, bool HasControls, long InvalidAt = -1, string? OtherBom = null);

    /// <summary>
    /// Reads <paramref name="input"/> through once: is it valid UTF-8 (after a BOM), and does it hold C0 control
    /// characters other than tab and line breaks (then it is checked whole). Allocates nothing but the block buffer.
    /// </summary>
    /// <exception cref="CliException">A line is longer than <see cref="LineBlocks.MaxLineBytes"/>.</exception>
    public static InputSurvey Survey(Stream input, string display, int blockBytes = BlockBytes)
    {
        var blocks = new LineBlocks(input, blockBytes, display);
        bool first = true, bom = false, controls = false;
        long invalidAt = -1, start = 0;
        string? otherBom = null;
        while (blocks.Next(out byte[] block, out int length))
        {
            ReadOnlySpan<byte> bytes = block.AsSpan(0, length);
            int skip = 0;
            if (first)
            {
                bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
                otherBom = OtherBom(bytes);
                skip = bom ? 3 : 0;
                first = false;
            }

            if (invalidAt < 0 && !Utf8.IsValid(bytes[skip..]))
            {
                invalidAt = start + skip + FirstInvalid(bytes[skip..]);
            }

            controls |= bytes[skip..].ContainsAny(s_controls);
            start += length;
            ArrayPool<byte>.Shared.Return(block);
        }

        return new InputSurvey(invalidAt < 0, bom, controls, invalidAt, invalidAt < 0 ? null : otherBom);
    }

    /// <summary>The index of the first byte of <paramref name="bytes"/> that starts no valid UTF-8 sequence, or their length.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out int consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return at;
    }

    /// <summary>"UTF-32" or "UTF-16" when <paramref name="start"/> (the first bytes of an input) is that byte order mark, else null.</summary>
    public static string? OtherBom(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]) ? "UTF-32"
        : start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? "UTF-16"
        : null;

    /// <summary>
    /// Checks <paramref name="input"/> (plain text, valid UTF-8 per <see cref="Survey"/>, without C0 controls; a BOM is
    /// skipped) and writes its findings to <paramref name="sink"/>. <paramref name="wholeText"/> gives the whole decoded
    /// text when a block shows that the rest of the findings depend on it (see the class summary).
    /// </summary>
    /// <returns>The UTF-16 offset from which the whole text decided the findings; -1 when the blocks decided them all.</returns>
    /// <exception cref="CliException">The input is no longer valid UTF-8 (it changed since the survey).</exception>
    public static int Check(Stream input, string display, CheckJob job, FindingSink sink, Func<string> wholeText, int blockBytes = BlockBytes)
    {
        using var pipeline = new BlockPipeline(input, display, job, sink.BlockFormat, sink.NeedsFingerprints, blockBytes);
        return pipeline.Finish(sink, wholeText);
    }
}
