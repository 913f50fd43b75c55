using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>In place keeps what sed -i keeps (owner, group, mode), leaves unchanged files alone, and keeps the encoding.</summary>
public sealed class InPlaceSafetyTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Owner_group_and_mode_are_kept()
    {
        using var directory = new TempDirectory();
        string path = directory.File("own.txt");
        File.WriteAllText(path, "发展\n");
        await Run("chown", "1234:2345", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.SetGroup);
        string before = await Stat(path, "%u:%g %a");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", File.ReadAllText(path));
        Assert.Equal("1234:2345 2640", before);
        Assert.Equal(before, await Stat(path, "%u:%g %a"));
    }

    [Fact]
    public async Task An_unchanged_file_keeps_its_inode_and_modification_time()
    {
        using var directory = new TempDirectory();
        string path = directory.File("clean.txt");
        File.WriteAllText(path, "發展\n");
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        string before = await Stat(path, "%i %Y");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(before, await Stat(path, "%i %Y"));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task Gbk_is_written_back_as_gbk()
    {
        Encoding gbk = CodePages.Get(936);
        using var directory = new TempDirectory();
        string path = directory.File("g.txt");
        File.WriteAllBytes(path, gbk.GetBytes("头发\n"));

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "gbk", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(gbk.GetBytes("頭髮\n"), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16be")]
    public async Task Utf16_is_written_back_with_its_byte_order_mark(string name)
    {
        Encoding encoding = name == "utf-16" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        using var directory = new TempDirectory();
        string path = directory.File("u.txt");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes("头发\n")]);

        // "utf-16" with a big-endian mark reads big-endian: the mark decides.
        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "utf-16", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes("頭髮\n")], File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_character_the_encoding_cannot_hold_is_an_error_with_its_position()
    {
        using var directory = new TempDirectory();
        string path = directory.File("e.txt");
        File.WriteAllText(path, "第一行\n好😀\n");

        ToolResult inPlace = await Tool.RunAsync(["convert", "-c", "s2t", "--output-encoding", "gbk", "-i", path]);
        ToolResult toStdout = await Tool.RunAsync(["convert", "-c", "s2t", "--output-encoding", "gbk", path]);

        Assert.Equal(2, inPlace.ExitCode);
        Assert.Equal($"textrepair: {path}: line 2, column 2: '😀' (U+1F600) cannot be written in gbk (choose another --output-encoding)\n", inPlace.Stderr);
        Assert.Equal("第一行\n好😀\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
        Assert.Equal(2, toStdout.ExitCode);
        Assert.Contains("standard output: line 2, column 2", toStdout.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain((byte)'?', toStdout.Stdout);
    }

    [Fact]
    public async Task Output_encoding_same_and_named()
    {
        Encoding gbk = CodePages.Get(936);
        using var directory = new TempDirectory();
        string path = directory.File("g.txt");
        File.WriteAllBytes(path, gbk.GetBytes("头发\n"));

        ToolResult utf8 = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "936", path]);
        ToolResult same = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "cp936", "--output-encoding", "same", path]);
        ToolResult big5 = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "gbk", "--output-encoding", "big5", path]);

        Assert.Equal(0, utf8.ExitCode);
        Assert.Equal("頭髮\n", utf8.Text);
        Assert.Equal(gbk.GetBytes("頭髮\n"), same.Stdout);
        Assert.Equal(CodePages.Get(950).GetBytes("頭髮\n"), big5.Stdout);
    }

    internal static async Task Run(string program, params string[] arguments)
    {
        using Process process = Process.Start(program, arguments);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    internal static async Task<string> Stat(string path, string format)
    {
        var start = new ProcessStartInfo("stat", ["-c", format, path]) { RedirectStandardOutput = true };
        using Process process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}

/// <summary>Legacy encodings for building test inputs.</summary>
internal static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(int codePage) => Encoding.GetEncoding(codePage);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
