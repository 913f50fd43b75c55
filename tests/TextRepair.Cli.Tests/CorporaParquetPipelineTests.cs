using ParquetSharp;
using TextRepair.Cli.Commands;
using TextRepair.Cli.Corpora;
using TextRepair.Cli.IO;
using TextRepair.Cli.Parquet;

namespace TextRepair.Cli.Tests;

/// <summary>
/// The Parquet pipeline (a reader thread, batches processed on the pool, written in order) and the UTF-8 path of
/// <c>convert</c>: every value gets exactly the library's string conversion, in its row, across batches and row groups.
/// </summary>
public sealed class CorporaParquetPipelineTests
{
    // Pieces that convert (one to one, one to several, by phrase), pieces that do not, and characters outside the BMP.
    private static readonly string[] s_pieces =
        ["发展", "鼠标", "后来", "干", "里面", "头发", "软件", "😀", "𠮷", "abc ", "，", "\u3000", "硅二极管", "台", "了", "\n"];

    /// <summary>Values of 0-40 pieces, nulls, empty strings and a few over 16 KB (longer than the tool's first buffers).</summary>
    private static (long, string?, string?)[] Rows(int first, int count)
    {
        var random = new Random(first);
        return
        [
            .. Enumerable.Range(first, count).Select(i => ((long)i, i % 11 == 5 ? null : Text(random, i % 997 == 3 ? 9_000 : random.Next(41)), (string?)null)),
        ];

        static string Text(Random random, int pieces) =>
            string.Concat(Enumerable.Range(0, pieces).Select(_ => s_pieces[random.Next(s_pieces.Length)]));
    }

    [Theory]
    [InlineData("s2t")]
    [InlineData("s2twp")]
    [InlineData("t2s")]
    public async Task Convert_gives_each_value_the_library_conversion_across_batches_and_row_groups(string config)
    {
        // More rows than the batches in flight hold, so the reader runs ahead into the next row group; a tiny group between.
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        string output = directory.File("out.parquet");
        ParquetFiles.Write(input, [Rows(0, 6_000), Rows(6_000, 3), Rows(6_003, 2_500)]);
        List<string?> original = ParquetFiles.ReadStrings(input, "text");
        ChineseConverter converter = ChineseConverter.Get(config);

        ToolResult result = await Tool.RunAsync(["convert", "-c", config, "--field", "text", "--stats", input, "-o", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        List<string?> expected = [.. original.Select(text => text is null ? null : converter.Convert(text))];
        Assert.Equal(expected, ParquetFiles.ReadStrings(output, "text"));
        Assert.Equal(Enumerable.Range(0, 8_503).Select(i => (long)i), ParquetFiles.ReadIds(output));
        int changed = Enumerable.Range(0, original.Count).Count(i => original[i] is not null && !string.Equals(expected[i], original[i], StringComparison.Ordinal));
        Assert.Contains($"documents {original.Count(text => text is not null)}, changed {changed}", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("convert", "-c", "s2t")]
    [InlineData("repair", "--to", "hant", "--report")]
    public async Task A_value_that_is_not_utf8_passes_through_byte_for_byte_with_an_error(params string[] command)
    {
        // "发" + 0xFF + half of "展": invalid UTF-8 in the middle of a value, in the second row group.
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        string output = directory.File("out.parquet");
        byte[] invalid = [.. "发"u8, 0xFF, 0xE5, 0xB1];
        ParquetFiles.Write(
            input,
            [[(1, "发展", null), (2, "后来", null)], [(3, "bad", null), (4, null, null), (5, "头发", null)]],
            textBytes: text => text == "bad" ? invalid : System.Text.Encoding.UTF8.GetBytes(text));

        ToolResult result = await Tool.RunAsync([.. command, "--field", "text", "--stats", input, "-o", output]);

        // Bad input, like invalid UTF-8 anywhere else (2); the run still completes and passes the value through.
        Assert.True(result.ExitCode == 2, result.ToString());
        List<byte[]?> bytes = ParquetFiles.ReadBytes(output, "text");
        Assert.Equal(invalid, bytes[2]);
        Assert.Null(bytes[3]);
        Assert.Equal(["發展", "後來", null, null, "頭髮"], ParquetFiles.ReadStrings(output, "text").Select((text, i) => i == 2 ? null : text));
        Assert.Contains($"{input}: row 3: error: invalid UTF-8 in a string value", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("failed (passed through) 1", result.Stderr, StringComparison.Ordinal);
        if (command.Contains("--report"))
        {
            string? failed = ParquetFiles.ReadStrings(output, "textrepair")[2];
            Assert.Contains("\"error\":\"invalid UTF-8 in a string value", failed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_damaged_page_in_a_later_row_group_is_a_one_line_input_error_and_no_output()
    {
        // The string column is read on a thread of its own: its failure must reach the run as the usual input error.
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        string output = directory.File("out.parquet");
        ParquetFiles.Write(input, [Rows(0, 3_000), Rows(3_000, 3_000)]);
        (long start, long length) = TextChunk(input, rowGroup: 1);
        using (FileStream file = File.OpenWrite(input))
        {
            // Garbage in the middle of the chunk's compressed page data (past its page header).
            file.Position = start + (length / 2);
            file.Write(Enumerable.Repeat((byte)0xFF, 64).ToArray());
        }

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--field", "text", input, "-o", output]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"textrepair: {input}: damaged Parquet file (", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("declares", result.Stderr, StringComparison.Ordinal); // found by reading the page, not by PageSizeCheck
        Assert.False(File.Exists(output));
        Assert.Equal([input], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void An_output_that_fails_is_reported_as_the_outputs_error_not_as_a_damaged_input()
    {
        // The native writer turns its output stream's exception into its own; the run must still name the output.
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        ParquetFiles.Write(input, [Rows(0, 3_000)]);
        var runner = new ParquetRunner(
            new RunSettings { Field = "text" }, RecordMode.Transform(new ConvertProcessor(ChineseConverter.Get("s2t"))), new RunStats(), new RecordFaults(null));

        CliException error = Assert.Throws<CliException>(
            () => runner.Process(InputSource.Resolve([input], recursive: false, new WalkOptions())[0], new NamedOutputStream(new FullDisk(), "out.parquet")));

        Assert.Equal("out.parquet: no space left on device", error.Message);
        Assert.Equal(ExitCodes.Failed, error.ExitCode);
    }

    /// <summary>A stream whose writes fail as on a full disk (ENOSPC).</summary>
    private sealed class FullDisk : Stream
    {
        private const int NoSpace = 28;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => 0;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device", NoSpace);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Where the text column's chunk of a row group lies: the writer puts the chunks one after the other after "PAR1".</summary>
    private static (long Start, long Length) TextChunk(string path, int rowGroup)
    {
        using var reader = new ParquetFileReader(path);
        long start = 4;
        for (int g = 0; ; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            for (int c = 0; c < reader.FileMetaData.NumColumns; c++)
            {
                using ColumnChunkMetaData chunk = group.MetaData.GetColumnChunkMetaData(c);
                if (g == rowGroup && c == 1)
                {
                    return (start, chunk.TotalCompressedSize);
                }

                start += chunk.TotalCompressedSize;
            }
        }
    }
}
