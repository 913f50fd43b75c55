namespace TextRepair.Cli.Tests;

/// <summary>Messages name the user's files, never a temporary file or .NET wording; temporary names are short.</summary>
public sealed class PathTests
{
    [Fact]
    public async Task Errors_name_the_output_not_a_temporary_file()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "发展\n");
        string output = directory.File("missing/out.txt");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("a.txt"), "-o", output]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"textrepair: {output}: no such file or directory\n", result.Stderr);
        Assert.DoesNotContain(".textrepair-", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_to_a_directory_is_refused_in_plain_words()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "发展\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("a.txt"), "-o", directory.Path]);

        // An existing directory as --output is directory output (corpora); writing a.txt into its own directory would
        // replace the input, which is refused in one line.
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"textrepair: {directory.File("a.txt")}: the output directory contains the input (use --in-place to replace inputs)\n",
            result.Stderr);
        Assert.Equal("发展\n", File.ReadAllText(directory.File("a.txt")));
    }

    [Fact]
    public async Task A_name_at_the_file_system_limit_works_in_place()
    {
        // NAME_MAX is 255 bytes on Linux file systems; the temporary name beside it must not be longer.
        using var directory = new TempDirectory();
        string path = directory.File(new string('n', 251) + ".txt");
        File.WriteAllText(path, "发展\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Theory]
    [InlineData("你好????─────")]
    [InlineData("敓????─")]
    public async Task A_failure_inside_the_library_names_the_file_and_leaves_nothing_behind(string text)
    {
        // These inputs made the encoding repair throw (overlapping edits). Whether the library still fails on them or
        // not, the tool must either repair them or fail with one line naming the file, exit 1, no partial output.
        using var directory = new TempDirectory();
        string path = directory.File("in.txt");
        File.WriteAllText(path, text);

        ToolResult toStdout = await Tool.RunAsync(["repair", path]);
        ToolResult inPlace = await Tool.RunAsync(["repair", "-i", path]);
        ToolResult detect = await Tool.RunAsync(["detect", path]);

        foreach (ToolResult result in (ToolResult[])[toStdout, inPlace, detect])
        {
            if (result.ExitCode != 0)
            {
                Assert.Equal(1, result.ExitCode);
                Assert.Empty(result.Stdout);
                Assert.Single(result.Stderr.TrimEnd().Split('\n'));
                Assert.StartsWith($"textrepair: {path}: failed: ", result.Stderr, StringComparison.Ordinal);
            }
        }

        Assert.Equal([path], Directory.GetFiles(directory.Path));
        if (inPlace.ExitCode != 0)
        {
            Assert.Equal(text, File.ReadAllText(path));
        }
    }
}
