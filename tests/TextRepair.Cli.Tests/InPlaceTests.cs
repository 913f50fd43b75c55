using System.Text;

namespace TextRepair.Cli.Tests;

public sealed class InPlaceTests
{
    [Fact]
    public async Task Each_file_is_replaced_with_its_result()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "发展\r\n");
        File.WriteAllText(directory.File("b.txt"), "后来");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--in-place", directory.File("a.txt"), directory.File("b.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(ChineseConverter.Get("s2t").Convert("发展\r\n"), File.ReadAllText(directory.File("a.txt")));
        Assert.Equal(ChineseConverter.Get("s2t").Convert("后来"), File.ReadAllText(directory.File("b.txt")));
        Assert.Equal(2, Directory.GetFiles(directory.Path).Length);
    }

    [Fact]
    public async Task A_byte_order_mark_is_kept_in_place()
    {
        using var directory = new TempDirectory();
        string path = directory.File("bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("漢字\n")]);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "t2s", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("汉字\n")], File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_failure_half_way_leaves_the_original_intact_and_no_temporary_file()
    {
        // Several megabytes of good lines are converted (and written to the temporary file) before the bad byte is met.
        using var directory = new TempDirectory();
        string path = directory.File("big.txt");
        byte[] original = [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("中华人民共和国发展\n", 80_000))), 0xFF, (byte)'\n'];
        File.WriteAllBytes(path, original);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--in-place", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid UTF-8", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task A_malformed_jsonl_line_leaves_the_original_intact()
    {
        using var directory = new TempDirectory();
        string path = directory.File("corpus.jsonl");
        string original = "{\"text\":\"发展\"}\n{\"text\":\"后来\"}\n{\"text\": oops}\n";
        File.WriteAllText(path, original);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl", "-i", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":3:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task Terminated_while_writing_leaves_no_output_and_no_temporary_file()
    {
        using var directory = new TempDirectory();
        string output = directory.File("out.jsonl");
        using System.Diagnostics.Process process = Tool.Start(["convert", "-c", "s2t", "--jsonl", "-o", output]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // Stdin stays open, so the tool is surely still writing when the signal comes.
        await process.StandardInput.WriteLineAsync("{\"text\":\"发\"}".AsMemory(), timeout.Token);
        await process.StandardInput.FlushAsync(timeout.Token);
        while (Directory.GetFiles(directory.Path).Length == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        using (System.Diagnostics.Process kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public async Task In_place_refuses_stdin_and_output()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "x");

        ToolResult stdin = await Tool.RunAsync("convert -c s2t --in-place", "x");
        ToolResult both = await Tool.RunAsync(["convert", "-c", "s2t", "-i", directory.File("a.txt"), "-o", directory.File("b.txt")]);

        Assert.Equal(2, stdin.ExitCode);
        Assert.Equal(2, both.ExitCode);
        Assert.False(File.Exists(directory.File("b.txt")));
    }

    [Fact]
    public async Task Through_a_symbolic_link_the_target_is_replaced_and_the_link_kept()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("real.txt"), "发展\n");
        File.CreateSymbolicLink(directory.File("link.txt"), "real.txt");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-i", directory.File("link.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", File.ReadAllText(directory.File("real.txt")));
        Assert.NotNull(new FileInfo(directory.File("link.txt")).LinkTarget);
    }

    [Fact]
    public async Task Output_may_be_the_input_file_itself()
    {
        using var directory = new TempDirectory();
        string path = directory.File("same.txt");
        File.WriteAllText(path, "发展\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", path, "-o", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", File.ReadAllText(path));
    }
}
