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

    [Theory]
    [InlineData("convert -c s2t c1/x.txt c2/x.txt -o out/", "x.txt", "c1/x.txt", "c2/x.txt")]
    [InlineData("convert -c s2t -r c1 c2 -o out", "s.jsonl", "c1/s.jsonl", "c2/s.jsonl")]
    [InlineData("repair --jsonl --to hant c1/s.jsonl c2/s.jsonl -o out/", "s.jsonl", "c1/s.jsonl", "c2/s.jsonl")]
    [InlineData("convert -c s2t -r c1 c2 -o out --skip-existing", "s.jsonl", "c1/s.jsonl", "c2/s.jsonl")]
    [InlineData("detect -r c1 c2 -o out", "s.jsonl", "c1/s.jsonl", "c2/s.jsonl")]
    [InlineData("convert -c s2t c1/x.txt -r c3 -o out", "x.txt", "c1/x.txt", "c3/x.txt/y.txt")]
    public async Task Two_inputs_with_one_output_path_are_refused_before_anything_is_written(string arguments, string output, string first, string second)
    {
        using var directory = new TempDirectory();
        WriteShards(directory);

        ToolResult result = await Tool.RunAsync(arguments.Split(' '), workingDirectory: directory.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(output + ": the outputs of ", line, StringComparison.Ordinal);
        Assert.Contains(first, line, StringComparison.Ordinal);
        Assert.Contains(second, line, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(directory.File("out")) || Directory.GetFileSystemEntries(directory.File("out")).Length == 0);
    }

    [Fact]
    public async Task An_output_that_would_replace_a_later_input_is_refused_before_anything_is_written()
    {
        using var directory = new TempDirectory();
        WriteShards(directory);
        File.WriteAllText(directory.File("x.txt"), "后来零\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "x.txt", "c1/x.txt", "-o", "c1"], workingDirectory: directory.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the output of x.txt would replace the input c1/x.txt; nothing written", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("后来一\n", File.ReadAllText(directory.File("c1/x.txt")));
    }

    [Fact]
    public async Task Inputs_with_distinct_relative_paths_from_several_directories_share_an_output_directory()
    {
        using var directory = new TempDirectory();
        WriteShards(directory);
        File.Delete(directory.File("c2/x.txt"));
        File.Delete(directory.File("c2/s.jsonl"));
        File.WriteAllText(directory.File("c2/y.txt"), "后来二\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-r", "c1", "c2", "-o", "out"], workingDirectory: directory.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("後來一\n", File.ReadAllText(directory.File("out/x.txt")));
        Assert.Equal("後來二\n", File.ReadAllText(directory.File("out/y.txt")));
    }

    private static void WriteShards(TempDirectory directory)
    {
        foreach (string name in new[] { "c1", "c2", "c3/x.txt" })
        {
            Directory.CreateDirectory(directory.File(name));
        }

        File.WriteAllText(directory.File("c1/x.txt"), "后来一\n");
        File.WriteAllText(directory.File("c2/x.txt"), "后来二\n");
        File.WriteAllText(directory.File("c3/x.txt/y.txt"), "后来三\n");
        File.WriteAllText(directory.File("c1/s.jsonl"), "{\"text\":\"后来一\"}\n");
        File.WriteAllText(directory.File("c2/s.jsonl"), "{\"text\":\"后来二\"}\n");
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
