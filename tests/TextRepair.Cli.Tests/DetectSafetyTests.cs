namespace TextRepair.Cli.Tests;

/// <summary>detect writes a report about its inputs and never over one of them.</summary>
public sealed class DetectSafetyTests
{
    [Fact]
    public async Task Detect_refuses_in_place_and_leaves_the_file()
    {
        using var directory = new TempDirectory();
        string path = directory.File("d.txt");
        File.WriteAllText(path, "发展\n");

        ToolResult single = await Tool.RunAsync(["detect", "-i", path]);
        ToolResult tree = await Tool.RunAsync(["detect", "-r", "-i", directory.Path]);

        Assert.Equal(2, single.ExitCode);
        Assert.Contains("--in-place is refused", single.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, tree.ExitCode);
        Assert.Equal("发展\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("same")]
    [InlineData("dot")]
    [InlineData("link")]
    [InlineData("hardlink")]
    public async Task Detect_refuses_an_output_that_is_one_of_its_inputs(string how)
    {
        using var directory = new TempDirectory();
        string path = directory.File("d.txt");
        File.WriteAllText(path, "发展\n");
        string output = how switch
        {
            "same" => path,
            "dot" => Path.Combine(directory.Path, ".", "d.txt"),
            "link" => directory.File("link.txt"),
            _ => directory.File("hard.txt"),
        };
        if (how == "link")
        {
            File.CreateSymbolicLink(output, path);
        }
        else if (how == "hardlink")
        {
            using var ln = System.Diagnostics.Process.Start("ln", [path, output]);
            await ln.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        ToolResult result = await Tool.RunAsync(["detect", path, "-o", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("detect never writes its report over an input", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("发展\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task Detect_writes_to_another_file()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("d.txt"), "发展\n");

        ToolResult result = await Tool.RunAsync(["detect", directory.File("d.txt"), "-o", directory.File("report.jsonl")]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{\"file\":", File.ReadAllText(directory.File("report.jsonl")), StringComparison.Ordinal);
    }
}
