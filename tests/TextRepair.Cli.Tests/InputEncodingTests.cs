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
}
