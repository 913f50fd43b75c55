namespace TextRepair.Cli.Tests;

/// <summary>Closed pipes and closed standard descriptors end the tool promptly with a defined exit code.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task A_closed_output_pipe_stops_the_tool()
    {
        // Without EPIPE handling this never ends (yes never stops); the shell's timeout fails the test.
        ToolResult result = await Shell.RunAsync("yes 头发里面 2>/dev/null | $T convert -c s2t | head -2", timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("頭髮裏面\n頭髮裏面\n", result.Text);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task The_exit_code_on_a_closed_pipe_is_141()
    {
        ToolResult result = await Shell.RunAsync("(yes 头发 2>/dev/null | $T convert -c s2t; echo \"status $?\" >&2) | head -1 > /dev/null", timeout: TimeSpan.FromSeconds(30));

        Assert.Equal("status 141\n", result.Stderr);
    }

    [Theory]
    [InlineData("--help >&-", 1)]
    [InlineData("convert -c s2t /dev/null >&-", 1)]
    [InlineData("--help 2>&- > /dev/null", 0)]
    [InlineData("convert -c s2t /no/such/file 2>&-", 2)]
    public async Task Closed_standard_streams_give_a_defined_exit_code(string command, int expected)
    {
        ToolResult result = await Shell.RunAsync("$T " + command);

        Assert.Equal(expected, result.ExitCode);
        if (command.Contains(">&-", StringComparison.Ordinal) && !command.Contains("2>&-", StringComparison.Ordinal))
        {
            Assert.Equal("textrepair: write error: standard output is closed\n", result.Stderr);
        }
    }

    [Fact]
    public async Task Double_dash_ends_the_options()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("-x.txt"), "发展\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--", "-x.txt"], workingDirectory: directory.Path);
        ToolResult withoutDash = await Tool.RunAsync(["convert", "-c", "s2t", "-x.txt"], workingDirectory: directory.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", result.Text);
        Assert.Equal(2, withoutDash.ExitCode);
    }
}
