using System.Diagnostics;

namespace TextRepair.Cli.Tests;

public sealed class DirectoryOutputTests
{
    [Fact]
    public async Task A_directory_is_written_to_the_same_relative_paths_and_skip_existing_resumes()
    {
        using var directory = new TempDirectory();
        string input = Directory.CreateDirectory(directory.File("in")).FullName;
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "a.jsonl"), "{\"text\":\"发\"}\n");
        File.WriteAllText(Path.Combine(input, "sub", "b.jsonl"), "{\"text\":\"后\"}\n");
        string output = directory.File("out");

        ToolResult first = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl", "-r", input, "-o", output]);
        File.WriteAllText(Path.Combine(output, "a.jsonl"), "kept\n");
        File.Delete(Path.Combine(output, "sub", "b.jsonl"));
        ToolResult resumed = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl", "-r", input, "-o", output, "--skip-existing", "--stats"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(output, "a.jsonl")));
        Assert.Equal("{\"text\":\"後\"}\n", File.ReadAllText(Path.Combine(output, "sub", "b.jsonl")));
        Assert.Contains("documents 1, changed 1, inputs skipped (output exists) 1", resumed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_existing_needs_an_output_directory()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "发");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("a.txt"), "-o", directory.File("b.txt"), "--skip-existing"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--skip-existing needs --output DIR", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_with_sigkill_mid_run_leaves_no_output_file()
    {
        using var directory = new TempDirectory();
        string output = directory.File("out.jsonl");
        using Process process = Tool.Start(["convert", "-c", "s2t", "--jsonl", "-o", output]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Stdin stays open: the tool has written part of the output to its temporary file when it is killed.
        for (int i = 0; i < 1000; i++)
        {
            await process.StandardInput.WriteLineAsync("{\"text\":\"发展\"}".AsMemory(), timeout.Token);
        }

        await process.StandardInput.FlushAsync(timeout.Token);
        while (Directory.GetFiles(directory.Path).Length == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        process.Kill();
        await process.WaitForExitAsync(timeout.Token);

        Assert.False(File.Exists(output));
        Assert.All(Directory.GetFiles(directory.Path), file =>
        {
            Assert.StartsWith(".textrepair-", Path.GetFileName(file), StringComparison.Ordinal);
            Assert.EndsWith(".tmp", file, StringComparison.Ordinal);
        });
    }
}
