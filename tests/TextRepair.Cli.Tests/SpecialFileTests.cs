namespace TextRepair.Cli.Tests;

/// <summary>Devices, FIFOs and descriptors are written directly, never replaced by a regular file.</summary>
public sealed class SpecialFileTests
{
    [Fact]
    public async Task Output_to_dev_null_leaves_the_device_a_device()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("notes.txt"), "发展\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("notes.txt"), "-o", "/dev/null"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("character special file", FileKind("/dev/null"));
        Assert.Empty(Directory.GetFiles("/dev", ".textrepair-*"));
    }

    [Fact]
    public async Task Output_to_dev_full_fails_with_the_device_name_and_keeps_the_device()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("notes.txt"), "发展\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("notes.txt"), "-o", "/dev/full"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("textrepair: /dev/full: no space left on device\n", result.Stderr);
        Assert.Equal("character special file", FileKind("/dev/full"));
    }

    [Fact]
    public async Task Output_to_a_fifo_reaches_its_reader()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("notes.txt"), "发展\n");

        ToolResult result = await Shell.RunAsync(
            "mkfifo f && (cat f > got.txt &) && $T convert -c s2t notes.txt -o f && sleep 0.2 && cat got.txt && test -p f",
            directory.Path,
            TimeSpan.FromSeconds(30));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", result.Text);
    }

    [Fact]
    public async Task In_place_refuses_a_fifo_and_a_device()
    {
        ToolResult fifo = await Shell.RunAsync("d=$(mktemp -d) && mkfifo $d/f && $T convert -c s2t -i $d/f; rc=$?; test -p $d/f && rm -r $d && exit $rc", timeout: TimeSpan.FromSeconds(30));
        ToolResult device = await Tool.RunAsync(["convert", "-c", "s2t", "-i", "/dev/null"]);

        Assert.Equal(2, fifo.ExitCode);
        Assert.Contains("not a regular file (a FIFO)", fifo.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, device.ExitCode);
        Assert.Contains("/dev/null: not a regular file (a character device)", device.Stderr, StringComparison.Ordinal);
        Assert.Equal("character special file", FileKind("/dev/null"));
    }

    [Fact]
    public async Task Output_to_dev_stdout_in_a_pipe_works()
    {
        ToolResult result = await Shell.RunAsync("printf '发展\\n' | $T convert -c s2t -o /dev/stdout | cat");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n", result.Text);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Output_to_dev_stdout_appends_at_the_shells_offset()
    {
        using var directory = new TempDirectory();

        ToolResult result = await Shell.RunAsync("(echo a; printf '发\\n' | $T convert -c s2t -o /dev/stdout; echo b) > out.txt && cat out.txt", directory.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\n發\nb\n", result.Text);
    }

    private static string FileKind(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%F", path]) { RedirectStandardOutput = true })!;
        string kind = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return kind;
    }
}
