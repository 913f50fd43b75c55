using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>
/// Bad input in one of several inputs that each have an output of their own (<c>--output DIR</c>, <c>--in-place</c>):
/// named on stderr, its output not written, the other inputs processed, exit code 2 at the end.
/// </summary>
public sealed class InputFaultTests
{
    static InputFaultTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public async Task Recursive_run_into_a_directory_goes_on_past_a_bad_input()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("in"));
        File.WriteAllText(dir.File("in/a.txt"), "第一\n");
        File.WriteAllBytes(dir.File("in/b.txt"), [0xE4, 0xB8, (byte)'\n']); // a cut UTF-8 sequence
        File.WriteAllText(dir.File("in/c.txt"), "第三\n");

        ToolResult result = await Tool.RunAsync(["repair", "-r", "--stats", "-o", dir.File("out"), dir.File("in")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("b.txt: invalid UTF-8 at byte offset 0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("inputs refused 1", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("第一\n", File.ReadAllText(dir.File("out/a.txt")));
        Assert.False(File.Exists(dir.File("out/b.txt")));
        Assert.Equal("第三\n", File.ReadAllText(dir.File("out/c.txt")));
    }

    [Fact]
    public async Task Recursive_auto_run_reads_a_utf16_csv_and_goes_on()
    {
        // Session 27's report: the UTF-16 CSV was "unknown binary format" and the run stopped there, c.txt unwritten.
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("in"));
        File.WriteAllBytes(dir.File("in/a.csv"), Encoding.GetEncoding("gbk").GetBytes("姓名,城市\n张三,北京\n"));
        File.WriteAllBytes(dir.File("in/b.csv"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("姓名,年龄\n张三,25\n")]);
        File.WriteAllBytes(dir.File("in/c.txt"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("姓名,年龄\n张三,25\n")]);

        ToolResult result = await Tool.RunAsync(["repair", "-r", "--encoding", "auto", "--stats", "-o", dir.File("out"), dir.File("in")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("姓名,城市\n张三,北京\n", File.ReadAllText(dir.File("out/a.csv")));
        Assert.Equal("姓名,年龄\n张三,25\n", File.ReadAllText(dir.File("out/b.csv")));
        Assert.Equal("姓名,年龄\n张三,25\n", File.ReadAllText(dir.File("out/c.txt")));
    }

    [Fact]
    public async Task In_place_run_leaves_a_bad_input_as_it_was_and_converts_the_others()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.txt"), "发\n");
        byte[] bad = [0xE5, 0x8F, (byte)'\n'];
        File.WriteAllBytes(dir.File("b.txt"), bad);
        File.WriteAllText(dir.File("c.txt"), "后\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-i", dir.File("a.txt"), dir.File("b.txt"), dir.File("c.txt")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("b.txt: invalid UTF-8", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(ChineseConverter.Get("s2t").Convert("发\n"), File.ReadAllText(dir.File("a.txt")));
        Assert.Equal(bad, File.ReadAllBytes(dir.File("b.txt")));
        Assert.Equal(ChineseConverter.Get("s2t").Convert("后\n"), File.ReadAllText(dir.File("c.txt")));
    }

    [Fact]
    public async Task Run_into_one_output_still_stops_at_the_first_bad_input()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.txt"), "发\n");
        File.WriteAllBytes(dir.File("b.txt"), [0xE5, 0x8F, (byte)'\n']);
        File.WriteAllText(dir.File("c.txt"), "后\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-o", dir.File("out.txt"), dir.File("a.txt"), dir.File("b.txt"), dir.File("c.txt")]);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(dir.File("out.txt")));
    }
}
