namespace TextRepair.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public async Task Version_and_help_exit_with_0()
    {
        ToolResult version = await Tool.RunAsync(["--version"]);
        ToolResult help = await Tool.RunAsync(["--help"]);
        ToolResult convertHelp = await Tool.RunAsync(["convert", "--help"]);
        ToolResult repairHelp = await Tool.RunAsync(["repair", "--help"]);
        ToolResult detectHelp = await Tool.RunAsync(["detect", "--help"]);

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Text);
        Assert.All([help, convertHelp, repairHelp, detectHelp], result => Assert.Equal(0, result.ExitCode));
        Assert.Contains("convert", help.Text, StringComparison.Ordinal);
        Assert.Contains("--config", convertHelp.Text, StringComparison.Ordinal);
        Assert.Contains("--to", repairHelp.Text, StringComparison.Ordinal);
        Assert.Contains("--report", repairHelp.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("convert")]                          // --config missing
    [InlineData("convert -c s2t --no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("repair --to martian")]
    [InlineData("convert -c s2t --field text")]      // --field needs --jsonl
    [InlineData("convert -c s2t /no/such/file.txt")]
    public async Task Bad_usage_exits_with_2_and_one_line(string arguments)
    {
        ToolResult result = await Tool.RunAsync(arguments, "发展\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("textrepair: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failure_while_writing_exits_with_1_and_verbose_adds_the_stack()
    {
        ToolResult result = await Tool.RunShellAsync("convert -c s2t", "<<'EOF' > /dev/full\n发展\nEOF");
        ToolResult verbose = await Tool.RunShellAsync("convert -c s2t --verbose", "<<'EOF' > /dev/full\n发展\nEOF");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("textrepair: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("   at ", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_line_on_a_terminal_when_the_size_is_known()
    {
        // script(1) (util-linux, essential in Debian) gives the tool a pseudo-terminal as stderr.
        using var directory = new TempDirectory();
        string path = directory.File("a.txt");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("发展\n", 100_000)));

        ToolResult fromFile = await Tool.RunShellAsync("convert -c s2t '" + path + "' > /dev/null", string.Empty, inTerminal: true);
        ToolResult fromStdin = await Tool.RunShellAsync("convert -c s2t < '" + path + "' > /dev/null", string.Empty, inTerminal: true);

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Contains("MB/s", fromFile.Text, StringComparison.Ordinal);
        Assert.Contains("ETA", fromFile.Text, StringComparison.Ordinal);
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.DoesNotContain("MB/s", fromStdin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_progress_line_on_a_pipe()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), string.Concat(Enumerable.Repeat("发展\n", 100_000)));

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("a.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
    }
}
