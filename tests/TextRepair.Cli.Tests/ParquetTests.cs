using System.Text.Json;
using ParquetSharp;

namespace TextRepair.Cli.Tests;

public sealed class ParquetTests
{
    private static readonly (long, string?, string?)[] s_first =
    [
        (1, "发展经济", "头条"),
        (2, null, null),
        (3, "abc", "后来"),
    ];

    private static readonly (long, string?, string?)[] s_second =
    [
        (4, "鼠标里面的硅二极管坏了", "无"),
        (5, string.Empty, null),
    ];

    private static string S2t(string text) => ChineseConverter.Get("s2t").Convert(text);

    private static string Input(TempDirectory directory, string name = "in.parquet")
    {
        string path = directory.File(name);
        ParquetFiles.Write(path, [s_first, s_second]);
        return path;
    }

    [Fact]
    public async Task Convert_rewrites_the_column_and_keeps_schema_row_groups_codecs_metadata_and_other_columns()
    {
        using var directory = new TempDirectory();
        string input = Input(directory);
        string output = directory.File("out.parquet");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--field", "text", input, "-o", output, "--stats"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [S2t("发展经济"), null, "abc", S2t("鼠标里面的硅二极管坏了"), string.Empty],
            ParquetFiles.ReadStrings(output, "text"));
        Assert.Equal(ParquetFiles.ReadStrings(input, "meta.title"), ParquetFiles.ReadStrings(output, "meta.title"));
        Assert.Equal([1L, 2, 3, 4, 5], ParquetFiles.ReadIds(output));
        Assert.Equal(ParquetFiles.Layout(input), ParquetFiles.Layout(output), new LayoutComparer());
        Assert.Equal("tests", ParquetFiles.Metadata(output)["origin"]);
        Assert.Contains("documents 4, changed 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_column_is_named_by_its_dotted_path_and_format_parquet_reads_any_name()
    {
        using var directory = new TempDirectory();
        string input = Input(directory, "shard.bin");
        string output = directory.File("out.bin");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--format", "parquet", "--field", "meta.title", input, "-o", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([S2t("头条"), null, S2t("后来"), S2t("无"), null], ParquetFiles.ReadStrings(output, "meta.title"));
        Assert.Equal(ParquetFiles.ReadStrings(input, "text"), ParquetFiles.ReadStrings(output, "text"));
    }

    [Fact]
    public async Task Repair_with_report_adds_a_report_column_null_where_the_text_is_null()
    {
        using var directory = new TempDirectory();
        string input = Input(directory);
        string output = directory.File("out.parquet");

        ToolResult result = await Tool.RunAsync(["repair", "--report", input, "-o", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        List<string?> reports = ParquetFiles.ReadStrings(output, "textrepair");
        Assert.Equal(5, reports.Count);
        Assert.Null(reports[1]);
        using JsonDocument first = JsonDocument.Parse(reports[0]!);
        Assert.False(first.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(JsonValueKind.Array, first.RootElement.GetProperty("edits").ValueKind);
        Assert.Equal(ParquetFiles.ReadStrings(input, "text"), ParquetFiles.ReadStrings(output, "text"));
        Assert.Equal(4, ParquetFiles.Layout(output)[0].Columns.Count);
    }

    [Fact]
    public async Task Row_groups_larger_than_a_processing_batch_keep_every_row_in_place()
    {
        using var directory = new TempDirectory();
        string input = directory.File("in.parquet");
        string output = directory.File("out.parquet");
        (long, string?, string?)[] rows = [.. Enumerable.Range(0, 20_000).Select(i => ((long)i, i % 7 == 0 ? null : $"发{i}", (string?)null))];
        ParquetFiles.Write(input, [rows, rows[..3]]);

        ToolResult result = await Tool.RunAsync(["repair", "--to", "hant", "--report", input, "-o", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        List<string?> texts = ParquetFiles.ReadStrings(output, "text");
        List<string?> reports = ParquetFiles.ReadStrings(output, "textrepair");
        Assert.Equal(20_003, texts.Count);
        Assert.All(Enumerable.Range(0, 20_003), i => Assert.Equal(i % 20_000 % 7 == 0 ? null : $"發{i % 20_000}", texts[i]));
        Assert.All(Enumerable.Range(0, 20_003), i => Assert.Equal(texts[i] is null, reports[i] is null));
    }

    [Fact]
    public async Task Detect_writes_one_report_per_non_null_row()
    {
        using var directory = new TempDirectory();
        string input = Input(directory);

        ToolResult result = await Tool.RunAsync(["detect", "--field", "text", input]);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([0L, 2, 3, 4], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("row").GetInt64()));
        Assert.All(lines, line => Assert.Equal(input, JsonDocument.Parse(line).RootElement.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("id", "holds Int64")]
    [InlineData("meta", "no column 'meta'")]
    [InlineData("missing", "no column 'missing' (columns: id, text, meta.title)")]
    public async Task A_field_that_is_not_a_string_column_is_an_error(string field, string message)
    {
        using var directory = new TempDirectory();
        string input = Input(directory);
        string output = directory.File("out.parquet");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--field", field, input, "-o", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_and_output_to_stdout_are_errors()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("bad.parquet"), "not parquet at all");
        string input = Input(directory);

        ToolResult bad = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("bad.parquet"), "-o", directory.File("out.parquet")]);
        ToolResult stdout = await Tool.RunAsync(["convert", "-c", "s2t", input]);

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a readable Parquet file", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, stdout.ExitCode);
        Assert.Contains("Parquet output needs --output", stdout.Stderr, StringComparison.Ordinal);
    }

    private sealed class LayoutComparer : IEqualityComparer<(long Rows, List<(string Column, Compression Codec)> Columns)>
    {
        public bool Equals((long Rows, List<(string Column, Compression Codec)> Columns) x, (long Rows, List<(string Column, Compression Codec)> Columns) y) =>
            x.Rows == y.Rows && x.Columns.SequenceEqual(y.Columns);

        public int GetHashCode((long Rows, List<(string Column, Compression Codec)> Columns) obj) => obj.Rows.GetHashCode();
    }
}
