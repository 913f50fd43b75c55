using System.Text;

namespace TextRepair.Cli.Tests;

public sealed class InputEncodingTests
{
    static InputEncodingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public async Task Invalid_utf8_stops_with_exit_code_2_naming_the_byte_offset()
    {
        byte[] input = [.. Encoding.UTF8.GetBytes("第一行\nab"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("cd\n")];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t"], input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("byte offset 12", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Invalid_utf8_offset_counts_from_the_start_of_a_large_input()
    {
        byte[] prefix = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("发展中国家\n", 100_000)));
        byte[] input = [.. prefix, 0xFF, (byte)'\n'];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--jsonl", "--skip-invalid"], input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"byte offset {prefix.Length}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_invalid_turns_bad_sequences_into_replacement_characters()
    {
        byte[] input = [(byte)'a', 0xFF, 0xFE, (byte)'b', 0xE6, 0xB1, (byte)'\n'];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--replace-invalid", "--stats"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\uFFFD\uFFFDb\uFFFD\n", result.Text);
        Assert.Contains("invalid UTF-8 sequences replaced 3", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gbk", "简体中文的文件，发展")]
    [InlineData("gb18030", "简体中文的文件 𠀀")]
    [InlineData("big5", "繁體中文的檔案")]
    [InlineData("shift_jis", "日本語のテキスト")]
    public async Task Legacy_encodings_are_read_and_written_as_utf8(string encoding, string text)
    {
        byte[] input = Encoding.GetEncoding(encoding).GetBytes(text + "\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "t2tw", "--encoding", encoding], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ChineseConverter.Get("t2tw").Convert(text + "\n"), result.Text);
    }

    [Fact]
    public async Task Invalid_legacy_input_is_bad_input_unless_replaced()
    {
        byte[] input = [0xB0, 0xA1, 0x81, (byte)'\n']; // "啊", then a lead byte with no trail byte

        ToolResult strict = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "gbk"], input);
        ToolResult replaced = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "gbk", "--replace-invalid"], input);

        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("gbk", strict.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, replaced.ExitCode);
        Assert.StartsWith("啊", replaced.Text, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', replaced.Text);
    }

    [Fact]
    public async Task Unknown_encoding_is_a_usage_error()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --encoding klingon", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("klingon", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t.csv")]
    [InlineData("t.log")]
    [InlineData("t")]
    public async Task Utf16_file_with_a_bom_is_text_whatever_its_name(string name)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File(name), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("姓名,年龄\n张三,25\n")]);

        ToolResult named = await Tool.RunAsync(["repair", "--encoding", "utf-16", dir.File(name)]);
        ToolResult auto = await Tool.RunAsync(["repair", "--encoding", "auto", dir.File(name)]);

        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal("姓名,年龄\n张三,25\n", named.Text);
        Assert.True(auto.ExitCode == 0, auto.ToString());
        Assert.Equal("姓名,年龄\n张三,25\n", auto.Text);
    }

    [Theory]
    [InlineData("shift_jis", "第二行中文内容")]
    [InlineData("euc-jp", "第二行中文内容")]
    [InlineData("euc-kr", "中華民國的首都是臺北市")]
    [InlineData("gbk", "中华人民共和国")]
    [InlineData("big5", "中華民國的首都")]
    public async Task Stray_byte_the_code_page_leaves_unassigned_is_invalid_not_private_use(string encoding, string text)
    {
        // Windows' tables map a lone 0xFF to a private-use character (Shift_JIS U+F8F3, EUC-KR U+F8F7): it was decoded silently.
        byte[] valid = Encoding.GetEncoding(encoding).GetBytes(text + "\n");
        byte[] input = [.. valid[..8], 0xFF, .. valid[8..]];

        ToolResult strict = await Tool.RunAsync(["repair", "--encoding", encoding], input);
        ToolResult replaced = await Tool.RunAsync(["repair", "--encoding", encoding, "--replace-invalid", "--stats"], input);

        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("at byte offset 8", strict.Stderr, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Equal(text[..4] + "\uFFFD" + text[4..] + "\n", replaced.Text);
    }

    [Fact]
    public async Task Private_use_of_a_user_defined_area_is_kept()
    {
        byte[] input = [0x82, 0xA0, 0xF0, 0x40, (byte)'\n']; // Shift_JIS "あ", then the first user-defined character (U+E000)

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "shift_jis"], input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("あ\uE000\n", result.Text);
    }
}
