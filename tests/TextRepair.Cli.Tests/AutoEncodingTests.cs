using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary><c>--encoding auto</c> on convert, repair and detect: each input in the encoding detected from its first bytes.</summary>
public sealed class AutoEncodingTests
{
    private const string Simplified = "我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码。\n";
    private const string Traditional = "我們的軟體支援繁體中文與簡體中文之間的轉換，也能偵測檔案的編碼。\n";
    private const string SimplifiedAsTraditional = "我們的軟件支持簡體中文和繁體中文之間的轉換，也能檢測文件的編碼。\n";

    private static readonly byte[] s_elf =
        [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0, 1, 0, 0, 0, 0x10, 0x6D, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0];

    static AutoEncodingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public async Task Convert_Auto_DecodesGbkBig5Utf16AndUtf8AndNamesThemInStats()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("gbk.txt"), Encoding.GetEncoding(936).GetBytes(Simplified));
        File.WriteAllBytes(dir.File("big5.txt"), Encoding.GetEncoding(950).GetBytes(Traditional));
        File.WriteAllBytes(dir.File("utf16.txt"), Encoding.Unicode.GetBytes(Simplified));
        File.WriteAllBytes(dir.File("utf8.txt"), Encoding.UTF8.GetBytes(Simplified));

        ToolResult result = await Tool.RunAsync(
            ["convert", "--config", "s2t", "--encoding", "auto", "--stats", dir.File("gbk.txt"), dir.File("big5.txt"), dir.File("utf16.txt"), dir.File("utf8.txt")]);

        Assert.True(result.ExitCode == 0, result.ToString());

        // Output is UTF-8: the s2t conversion of each text, which it can only be if each input was decoded right.
        Assert.Equal(SimplifiedAsTraditional + Traditional + SimplifiedAsTraditional + SimplifiedAsTraditional, result.Text);
        Assert.Contains("documents 4,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("encodings big5 1, gb18030 1, utf-16le 1, utf-8 1", result.Stderr, StringComparison.Ordinal);
    }

    // A UTF-32 file, with or without its byte order mark, was skipped as a binary file with exit code 0 (session 30).
    [Fact]
    public async Task Convert_Auto_Utf32WithOrWithoutMark_IsConvertedNotSkipped()
    {
        using var dir = new TempDirectory();
        string[] files = ["le-bom.txt", "be-bom.txt", "le.txt", "be.txt"];
        for (int i = 0; i < files.Length; i++)
        {
            var encoding = new UTF32Encoding(bigEndian: i % 2 == 1, byteOrderMark: i < 2);
            File.WriteAllBytes(dir.File(files[i]), [.. encoding.GetPreamble(), .. encoding.GetBytes(Simplified)]);
        }

        ToolResult result = await Tool.RunAsync(["convert", "--config", "s2t", "--encoding", "auto", "--stats", .. files.Select(dir.File)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Concat(Enumerable.Repeat(SimplifiedAsTraditional, 4)), result.Text);
        Assert.DoesNotContain("binary", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("encodings utf-32be 2, utf-32le 2", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_AutoInPlace_WritesUtf32BackWithItsMark()
    {
        using var dir = new TempDirectory();
        string path = dir.File("be.txt");
        var encoding = new UTF32Encoding(bigEndian: true, byteOrderMark: true);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(Simplified)]);

        ToolResult result = await Tool.RunAsync(["convert", "--config", "s2t", "--encoding", "auto", "--in-place", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([.. encoding.GetPreamble(), .. encoding.GetBytes(SimplifiedAsTraditional)], File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Convert_WithoutAuto_GbkIsStillAnError()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("gbk.txt"), Encoding.GetEncoding(936).GetBytes(Simplified));

        ToolResult result = await Tool.RunAsync(["convert", "--config", "s2t", dir.File("gbk.txt")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("UTF-8", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_Auto_InvalidBytesAfterThePrefixAreAnErrorAtTheirOffsetOrReplaced()
    {
        using var dir = new TempDirectory();
        byte[] line = Encoding.GetEncoding(936).GetBytes(Simplified);
        int lines = (1 << 20) / line.Length + 10;
        var bytes = new List<byte>();
        for (int i = 0; i < lines; i++)
        {
            bytes.AddRange(line);
        }

        // 0xFF starts no GB18030 sequence; it lies beyond the first MiB the decision is made from.
        int offset = bytes.Count;
        bytes.Add(0xFF);
        bytes.Add((byte)'\n');
        File.WriteAllBytes(dir.File("gbk.txt"), [.. bytes]);

        ToolResult strict = await Tool.RunAsync(["convert", "--config", "s2t", "--encoding", "auto", dir.File("gbk.txt")]);
        ToolResult replaced = await Tool.RunAsync(["convert", "--config", "s2t", "--encoding", "auto", "--replace-invalid", dir.File("gbk.txt")]);

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains($"not valid gb18030 at byte offset {offset}", strict.Stderr, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.EndsWith(SimplifiedAsTraditional + "\uFFFD\n", replaced.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_Auto_SkipsBinaryFileAndContinues()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.bin"), s_elf);
        File.WriteAllBytes(dir.File("b.txt"), Encoding.GetEncoding(936).GetBytes(Simplified));

        ToolResult result = await Tool.RunAsync(["repair", "--encoding", "auto", "--stats", dir.File("a.bin"), dir.File("b.txt")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(dir.File("a.bin") + ": binary file, skipped", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Simplified, result.Text);
        Assert.Contains("documents 1,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("encodings gb18030 1, binary files skipped 1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_AutoReport_NamesDetectedEncodingAndConfidence()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("big5.txt"), Encoding.GetEncoding(950).GetBytes(Traditional));

        ToolResult result = await Tool.RunAsync(["repair", "--encoding", "auto", "--report", dir.File("big5.txt")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Traditional, result.Text);
        Assert.Matches(@"big5\.txt: read as big5 \(detected, confidence [01]\.\d\d\)", result.Stderr);
    }

    [Fact]
    public async Task Convert_AutoInPlace_WritesBackInDetectedGbk()
    {
        using var dir = new TempDirectory();
        string path = dir.File("gbk.txt");
        File.WriteAllBytes(path, Encoding.GetEncoding(936).GetBytes(Simplified));

        ToolResult result = await Tool.RunAsync(["convert", "--config", "s2t", "--encoding", "auto", "--in-place", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Encoding.GetEncoding(936).GetBytes(SimplifiedAsTraditional), File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Convert_AutoInPlace_LeavesBinaryFileUntouched()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.bin");
        File.WriteAllBytes(path, s_elf);

        ToolResult result = await Tool.RunAsync(["convert", "--config", "s2t", "--encoding", "auto", "--in-place", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("binary file, skipped", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(s_elf, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Detect_Auto_AnalysesDecodedText()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("gbk.txt"), Encoding.GetEncoding(936).GetBytes(Simplified));

        ToolResult result = await Tool.RunAsync(["detect", "--encoding", "auto", "--stats", dir.File("gbk.txt")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("encodings gb18030 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"script\"", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shift_jis", "第二行中文内容\n")]
    [InlineData("euc-kr", "中華民國的首都是臺北市\n")]
    public async Task Repair_Auto_StrayByteTheCodePageLeavesUnassigned_IsInvalidNotPrivateUse(string encoding, string text)
    {
        using var dir = new TempDirectory();
        byte[] valid = Encoding.GetEncoding(encoding).GetBytes(text);
        File.WriteAllBytes(dir.File("a.txt"), [.. valid[..8], 0xFF, .. valid[8..]]);

        ToolResult strict = await Tool.RunAsync(["repair", "--encoding", "auto", dir.File("a.txt")]);
        ToolResult replaced = await Tool.RunAsync(["repair", "--encoding", "auto", "--replace-invalid", dir.File("a.txt")]);

        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("at byte offset 8", strict.Stderr, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Equal(text[..4] + "\uFFFD" + text[4..], replaced.Text);
    }

    [Fact]
    public async Task Repair_Auto_TinyEucJpFile_KeepsItsLineBreak()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.txt"), [0x8F, 0xB0, 0xDF, 0xB9, 0xA5, 0x0A]); // "你好\n" in EUC-JP with JIS X 0212

        ToolResult result = await Tool.RunAsync(["repair", "--encoding", "auto", "--replace-invalid", "--report", dir.File("a.txt")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("utf-16", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_Auto_ShortUtf8TextWithANul_IsRepairedNotSkipped()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.txt"), "中文\0内容\n");

        ToolResult result = await Tool.RunAsync(["repair", "--encoding", "auto", dir.File("a.txt")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("中文\0内容\n", result.Text);
        Assert.DoesNotContain("binary", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_Auto_Utf16WithAStrayByte_IsAnInvalidByteNotABinaryFile()
    {
        using var dir = new TempDirectory();
        byte[] utf16 = Encoding.Unicode.GetBytes("这是一个测试文件，里面有中文。\n");
        File.WriteAllBytes(dir.File("a.txt"), [.. utf16, (byte)'A']);

        ToolResult strict = await Tool.RunAsync(["repair", "--encoding", "auto", dir.File("a.txt")]);
        ToolResult replaced = await Tool.RunAsync(["repair", "--encoding", "auto", "--replace-invalid", dir.File("a.txt")]);

        Assert.Equal(2, strict.ExitCode);
        Assert.Contains($"at byte offset {utf16.Length}", strict.Stderr, StringComparison.Ordinal);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Equal("这是一个测试文件，里面有中文。\n\uFFFD", replaced.Text);
    }
}
