using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>Encoding names as users write them, byte order marks, and decode errors at the file's byte offset.</summary>
public sealed class EncodingNameTests
{
    [Theory]
    [InlineData("936")]
    [InlineData("cp936")]
    [InlineData("CP936")]
    [InlineData("windows-936")]
    [InlineData("gbk")]
    public async Task Gbk_by_any_name(string name)
    {
        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", name], CodePages.Get(936).GetBytes("头发\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("頭髮\n", result.Text);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("UTF-8")]
    [InlineData("65001")]
    public async Task Utf8_by_any_name(string name)
    {
        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", name], Encoding.UTF8.GetBytes("头发\n"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("頭髮\n", result.Text);
    }

    [Fact]
    public async Task Utf16_honours_a_big_endian_byte_order_mark()
    {
        byte[] input = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("头发\n")];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "utf-16"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("頭髮\n", result.Text);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16")]
    public async Task A_utf16_file_read_as_utf8_says_so(byte[] bom, string kind)
    {
        using var directory = new TempDirectory();
        string path = directory.File("u.txt");
        File.WriteAllBytes(path, [.. bom, .. Encoding.Unicode.GetBytes("头发\n")]);

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"textrepair: {path}: this file has a {kind} BOM; it is not UTF-8 (use --encoding utf-16)\n", result.Stderr);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(65535)] // the lead byte ends the first 64 KiB read, its bad trail byte starts the next
    [InlineData(200_000)]
    public async Task Decode_errors_give_the_files_byte_offset(int prefixLength)
    {
        byte[] input = [.. Enumerable.Repeat((byte)'a', prefixLength), 0x81, 0x20, (byte)'\n'];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "gbk"], input);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"textrepair: <stdin>: not valid gbk at byte offset {prefixLength} (use --replace-invalid to replace invalid sequences with U+FFFD)\n", result.Stderr);
    }

    [Fact]
    public async Task Utf8_errors_after_a_byte_order_mark_count_the_mark()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, (byte)'a', 0xFF, (byte)'\n'];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t"], input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid UTF-8 at byte offset 4", result.Stderr, StringComparison.Ordinal);
    }
}
