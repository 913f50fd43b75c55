namespace TextRepair.Cli.Tests;

/// <summary>
/// <c>-r</c> over directories of Parquet shards (issue 15: "directories with -r"). Parquet is binary, and the walk skips
/// binary files; until session 8 it skipped the Parquet shards too, so <c>-r IN -o OUT/</c> wrote nothing for them.
/// </summary>
public sealed class CorporaParquetDirectoryTests
{
    private static readonly (long, string?, string?)[] s_rows =
    [
        (1, "发展经济", "头条"),
        (2, null, null),
        (3, "鼠标里面的硅二极管坏了", "后来"),
    ];

    private static string S2t(string text) => ChineseConverter.Get("s2t").Convert(text);

    private static readonly string?[] s_converted = [S2t("发展经济"), null, S2t("鼠标里面的硅二极管坏了")];

    [Fact]
    public async Task A_directory_of_jsonl_and_parquet_shards_is_converted_shard_for_shard()
    {
        using var directory = new TempDirectory();
        string input = directory.File("in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "a.jsonl"), "{\"text\":\"发展经济\"}\n{\"id\":2}\n");
        ParquetFiles.Write(Path.Combine(input, "b.parquet"), [s_rows]);
        ParquetFiles.Write(Path.Combine(input, "sub", "c.parquet"), [s_rows, s_rows]);
        File.WriteAllBytes(Path.Combine(input, "notes.bin"), [0x50, 0x00, 0x01, 0x02]);
        string output = directory.File("out") + Path.DirectorySeparatorChar;

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl", "--field", "text", "-r", input, "-o", output]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{{\"text\":\"{S2t("发展经济")}\"}}\n{{\"id\":2}}\n", File.ReadAllText(Path.Combine(output, "a.jsonl")));
        Assert.Equal(s_converted, ParquetFiles.ReadStrings(Path.Combine(output, "b.parquet"), "text"));
        Assert.Equal([.. s_converted, .. s_converted], ParquetFiles.ReadStrings(Path.Combine(output, "sub", "c.parquet"), "text"));
        Assert.Equal([1L, 2, 3, 1, 2, 3], ParquetFiles.ReadIds(Path.Combine(output, "sub", "c.parquet")));
        // Other binary files are still skipped, with a note.
        Assert.False(File.Exists(Path.Combine(output, "notes.bin")));
        Assert.Contains("notes.bin: binary file", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("parquet: binary file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_parquet_takes_every_file_of_the_directory_as_parquet()
    {
        using var directory = new TempDirectory();
        string input = directory.File("in");
        Directory.CreateDirectory(input);
        ParquetFiles.Write(Path.Combine(input, "part-0.bin"), [s_rows]);
        ParquetFiles.Write(Path.Combine(input, "part-1.bin"), [s_rows]);
        string output = directory.File("out") + Path.DirectorySeparatorChar;

        ToolResult result = await Tool.RunAsync(["repair", "--report", "--format", "parquet", "--field", "text", "-r", input, "-o", output, "--stats"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string name in (string[])["part-0.bin", "part-1.bin"])
        {
            Assert.Equal(ParquetFiles.ReadStrings(Path.Combine(input, name), "text"), ParquetFiles.ReadStrings(Path.Combine(output, name), "text"));
            Assert.Equal([false, true, false], ParquetFiles.ReadStrings(Path.Combine(output, name), "textrepair").Select(report => report is null));
        }
    }
}
