using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>What <c>-r</c> walks into: like rg and fd, not hidden names, not ignored files, not binary files.</summary>
public sealed class RecursiveWalkTests
{
    private const string Simplified = "发展\n";
    private const string Traditional = "發展\n";

    [Fact]
    public async Task Hidden_directories_and_files_are_skipped_unless_hidden()
    {
        using var directory = new TempDirectory();
        Write(directory, "a.txt", Simplified);
        Write(directory, ".git/config", Simplified);
        Write(directory, ".hg/hgrc", Simplified);
        Write(directory, ".svn/entries", Simplified);
        Write(directory, ".env", Simplified);
        Write(directory, ".cache/b.txt", Simplified);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", directory.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Traditional, Read(directory, "a.txt"));
        Assert.All([".git/config", ".hg/hgrc", ".svn/entries", ".env", ".cache/b.txt"], name => Assert.Equal(Simplified, Read(directory, name)));

        ToolResult hidden = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", "--hidden", directory.Path]);

        Assert.Equal(0, hidden.ExitCode);
        Assert.Equal(Traditional, Read(directory, ".env"));
        Assert.Equal(Traditional, Read(directory, ".cache/b.txt"));
        Assert.Equal(Simplified, Read(directory, ".git/config"));
    }

    [Fact]
    public async Task Gitignore_is_honoured_in_a_repository()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File(".git"));
        Write(directory, ".gitignore", "# comment\n*.log\n!keep.log\nbuild/\n/top.txt\ndocs/**/draft*.txt\n**/gen/*.txt\nspace\\ \n");
        Write(directory, "a.txt", Simplified);
        Write(directory, "x.log", Simplified);
        Write(directory, "keep.log", Simplified);
        Write(directory, "build/out.txt", Simplified);
        Write(directory, "top.txt", Simplified);
        Write(directory, "sub/top.txt", Simplified);
        Write(directory, "docs/a/b/draft1.txt", Simplified);
        Write(directory, "docs/a/final.txt", Simplified);
        Write(directory, "src/gen/g.txt", Simplified);
        Write(directory, "space ", Simplified);
        Write(directory, "sub/.gitignore", "*.txt\n!sub-keep.txt\n");
        Write(directory, "sub/sub-keep.txt", Simplified);
        Write(directory, "sub/other.txt", Simplified);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", directory.Path]);

        Assert.Equal(0, result.ExitCode);
        string[] converted = ["a.txt", "keep.log", "docs/a/final.txt", "sub/sub-keep.txt"];
        string[] ignored = ["x.log", "build/out.txt", "top.txt", "sub/top.txt", "docs/a/b/draft1.txt", "src/gen/g.txt", "space ", "sub/other.txt"];
        Assert.All(converted, name => Assert.Equal(Traditional, Read(directory, name)));
        Assert.All(ignored, name => Assert.Equal(Simplified, Read(directory, name)));

        ToolResult noIgnore = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", "--no-ignore", directory.Path]);

        Assert.Equal(0, noIgnore.ExitCode);
        Assert.All(ignored, name => Assert.Equal(Traditional, Read(directory, name)));
    }

    [Fact]
    public async Task Dot_ignore_files_apply_outside_a_repository_and_gitignore_does_not()
    {
        using var directory = new TempDirectory();
        Write(directory, ".ignore", "skip.txt\n");
        Write(directory, ".gitignore", "a.txt\n");
        Write(directory, "a.txt", Simplified);
        Write(directory, "skip.txt", Simplified);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", directory.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Traditional, Read(directory, "a.txt"));
        Assert.Equal(Simplified, Read(directory, "skip.txt"));
    }

    [Fact]
    public async Task Binary_files_are_skipped_with_a_note()
    {
        using var directory = new TempDirectory();
        Write(directory, "a.txt", Simplified);
        byte[] binary = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. Encoding.UTF8.GetBytes("发展")];
        File.WriteAllBytes(directory.File("prog"), binary);
        byte[] controls = [.. Enumerable.Repeat((byte)1, 200), .. Encoding.UTF8.GetBytes("发展")];
        File.WriteAllBytes(directory.File("controls.bin"), controls);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", "--replace-invalid", directory.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Traditional, Read(directory, "a.txt"));
        Assert.Equal(binary, File.ReadAllBytes(directory.File("prog")));
        Assert.Equal(controls, File.ReadAllBytes(directory.File("controls.bin")));
        Assert.Contains($"skipping {directory.File("prog")}: binary file (NUL byte at offset 7)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("controls.bin: binary file", result.Stderr, StringComparison.Ordinal);
    }

    // A UTF-32BE file with its mark was skipped as binary (its NUL bytes) with exit code 0 (session 30).
    [Fact]
    public async Task Utf32_files_with_a_mark_are_not_skipped_as_binary()
    {
        using var directory = new TempDirectory();
        var encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Simplified)];
        File.WriteAllBytes(directory.File("u.txt"), bytes);

        ToolResult refused = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", directory.Path]);
        ToolResult converted = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", "--encoding", "utf-32", directory.Path]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("UTF-32 BOM", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("binary", refused.Stderr, StringComparison.Ordinal);
        Assert.True(converted.ExitCode == 0, converted.ToString());
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes(Traditional)], File.ReadAllBytes(directory.File("u.txt")));
    }

    // A UTF-32 file without a mark was skipped as binary (its NUL bytes) with a note and exit code 0 (session 31), and
    // so was a UTF-16 file without one (session 32). The walk now stops before anything is processed, as for a file
    // name it cannot open, and names the encoding to ask for.
    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public async Task Utf16_and_utf32_files_without_a_mark_are_refused_naming_the_encoding(string name)
    {
        using var directory = new TempDirectory();
        Write(directory, "a.txt", Simplified);
        bool bigEndian = name.EndsWith("be", StringComparison.Ordinal);
        Encoding encoding = name.StartsWith("utf-16", StringComparison.Ordinal)
            ? new UnicodeEncoding(bigEndian, byteOrderMark: false)
            : new UTF32Encoding(bigEndian, byteOrderMark: false);
        byte[] bytes = encoding.GetBytes(Simplified + "中华人民共和国 version 2\n");
        File.WriteAllBytes(directory.File("u.txt"), bytes);

        ToolResult refused = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", directory.Path]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(
            $"textrepair: {directory.File("u.txt")}: this file is {name.ToUpperInvariant()} text without a byte order mark; it is not UTF-8 (use --encoding {name}, or --encoding auto)\n",
            refused.Stderr);
        Assert.Equal(Simplified, Read(directory, "a.txt"));
        Assert.Equal(bytes, File.ReadAllBytes(directory.File("u.txt")));

        File.Delete(directory.File("a.txt"));
        ToolResult named = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", "--encoding", name, directory.Path]);

        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal(encoding.GetBytes(Traditional + "中華人民共和國 version 2\n"), File.ReadAllBytes(directory.File("u.txt")));
    }

    [Fact]
    public async Task Utf16_files_are_not_taken_for_binary_with_their_encoding()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(directory.File("u.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Simplified)]);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "-i", "--encoding", "utf-16", directory.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Traditional)], File.ReadAllBytes(directory.File("u.txt")));
    }

    [Fact]
    public async Task Leftover_temporary_files_are_skipped_and_cleaned_up_when_abandoned()
    {
        using var directory = new TempDirectory();
        Write(directory, "a.txt", Simplified);
        string leftover = directory.File(".textrepair-k3j9x2ab.tmp");
        string locked = directory.File(".textrepair-aaaaaaaa.tmp");
        string lookalike = directory.File(".textrepair-other.tmp");
        foreach (string path in (string[])[leftover, locked, lookalike])
        {
            File.WriteAllText(path, "后来\n");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        }

        ToolResult walked = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "--hidden", directory.Path]);

        Assert.Equal(0, walked.ExitCode);
        // Our two leftovers are not read; the look-alike is an ordinary hidden file.
        Assert.Equal("後來\n" + Traditional, walked.Text);
        Assert.True(File.Exists(leftover));

        // A run still writing its temporary file holds a lock on it (FileShare.None is flock on Unix).
        using (var writer = new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            ToolResult inPlace = await Tool.RunAsync(["convert", "-c", "s2t", "-i", directory.File("a.txt")]);

            Assert.Equal(0, inPlace.ExitCode);
            Assert.False(File.Exists(leftover));
            Assert.True(File.Exists(locked));
            Assert.True(File.Exists(lookalike));
        }
    }

    private static void Write(TempDirectory directory, string name, string text)
    {
        string path = directory.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Read(TempDirectory directory, string name) => File.ReadAllText(directory.File(name));
}
