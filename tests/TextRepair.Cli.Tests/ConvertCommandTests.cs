using System.Text;

namespace TextRepair.Cli.Tests;

public sealed class ConvertCommandTests
{
    private static readonly string s_mixed =
        "汉字转换，中国人民银行发布了新的规定。\r\n第二行\u2028行内\r单独回车\n没有结尾换行的最后一行 😀 𠀀";

    [Fact]
    public async Task Stdin_to_stdout_matches_the_library()
    {
        ToolResult result = await Tool.RunAsync("convert --config s2t", s_mixed);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChineseConverter.Get("s2t").Convert(s_mixed), result.Text);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Crlf_lone_cr_and_missing_final_newline_are_kept()
    {
        ToolResult result = await Tool.RunAsync("convert -c t2s", "頭髮\r\n乾燥\r後面");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("头发\r\n干燥\r后面", result.Text);
    }

    [Fact]
    public async Task Utf8_bom_is_skipped_on_stdout()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("漢字\n")];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "t2s"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Encoding.UTF8.GetBytes("汉字\n"), result.Stdout);
    }

    [Fact]
    public async Task Empty_input_gives_empty_output()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t", string.Empty);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Several_files_are_written_in_order()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "发展\n");
        File.WriteAllText(directory.File("b.txt"), "国家\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("a.txt"), directory.File("b.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("發展\n國家\n", result.Text);
    }

    [Fact]
    public async Task Output_option_writes_the_file_and_nothing_to_stdout()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("in.txt"), "后来\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", directory.File("in.txt"), "--output", directory.File("out.txt")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(ChineseConverter.Get("s2t").Convert("后来\n"), File.ReadAllText(directory.File("out.txt")));
        Assert.Equal(["in.txt", "out.txt"], Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Directory_needs_recursive_and_then_takes_files_in_path_order()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("sub"));
        File.WriteAllText(directory.File("b.txt"), "二\n");
        File.WriteAllText(directory.File("a.txt"), "一\n");
        File.WriteAllText(Path.Combine(directory.File("sub"), "c.txt"), "发\n");

        ToolResult refused = await Tool.RunAsync(["convert", "-c", "s2t", directory.Path]);
        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--recursive", directory.Path]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--recursive", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("一\n二\n發\n", result.Text);
    }

    [Fact]
    public async Task A_line_of_several_megabytes_converts_like_the_library()
    {
        var builder = new StringBuilder();
        while (builder.Length < 1_200_000)
        {
            builder.Append("中华人民共和国的发展与后来的历史，");
        }

        string line = builder.ToString();

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t"], Encoding.UTF8.GetBytes(line));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChineseConverter.Get("s2t").Convert(line), result.Text);
    }

    [Fact]
    public async Task Many_blocks_stay_in_order()
    {
        // Several 1 MB blocks processed in parallel must come back in input order.
        var builder = new StringBuilder();
        for (int i = 0; builder.Length < 2_500_000; i++)
        {
            builder.Append(i).Append(" 发展后来干燥\n");
        }

        string text = builder.ToString();

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t"], Encoding.UTF8.GetBytes(text));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChineseConverter.Get("s2t").Convert(text), result.Text);
    }

    [Fact]
    public async Task Config_name_is_validated_and_listed()
    {
        ToolResult result = await Tool.RunAsync("convert -c nope", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("s2twp", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Tofu_risk_dictionaries_can_be_left_out()
    {
        string text = "這是一段繁體中文文字，裏面有一些字。";

        ToolResult included = await Tool.RunAsync("convert -c t2s", text);
        ToolResult excluded = await Tool.RunAsync("convert -c t2s --exclude-tofu-risk-dictionaries", text);

        Assert.Equal(ChineseConverter.Get("t2s").Convert(text), included.Text);
        Assert.Equal(ChineseConverter.Get("t2s", ChineseConverterOptions.ExcludeTofuRiskDictionaries).Convert(text), excluded.Text);
    }
}
