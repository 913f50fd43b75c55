using System.Text;
using System.Text.Json;

namespace TextRepair.Cli.Tests;

public sealed class EncodingCommandTests
{
    private const string Simplified = "我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码。\n";
    private const string Traditional = "我們的軟體支援繁體中文與簡體中文之間的轉換，也能偵測檔案的編碼。\n";

    static EncodingCommandTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public async Task Encoding_Files_OneLinePerFileWithNameAndConfidence()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("gbk.txt"), Encoding.GetEncoding("gb18030").GetBytes(Simplified));
        File.WriteAllBytes(dir.File("big5.txt"), Encoding.GetEncoding(950).GetBytes(Traditional));
        File.WriteAllBytes(dir.File("utf16.txt"), Encoding.Unicode.GetBytes(Simplified));

        ToolResult result = await Tool.RunAsync(["encoding", dir.File("big5.txt"), dir.File("gbk.txt"), dir.File("utf16.txt")]);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"big5\.txt: big5 \(confidence [01]\.\d\d\)$", lines[0]);
        Assert.Matches(@"gbk\.txt: gb18030 \(confidence [01]\.\d\d\)$", lines[1]);
        Assert.Matches(@"utf16\.txt: utf-16le \(confidence [01]\.\d\d\)$", lines[2]);
    }

    [Fact]
    public async Task Encoding_Json_OneObjectPerLineWithRankedCandidatesNamedForWhatwgAndDotNet()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("sjis.txt"), Encoding.GetEncoding(932).GetBytes("このソフトウェアは文字コードを自動的に判別します。\n"));

        ToolResult result = await Tool.RunAsync(["encoding", "--json", dir.File("sjis.txt")]);

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Text);
        JsonElement root = json.RootElement;
        Assert.Equal(dir.File("sjis.txt"), root.GetProperty("path").GetString());
        Assert.Equal("shift_jis", root.GetProperty("encoding").GetString());
        double confidence = root.GetProperty("confidence").GetDouble();
        JsonElement[] candidates = [.. root.GetProperty("candidates").EnumerateArray()];
        Assert.Equal("shift_jis", candidates[0].GetProperty("encoding").GetString());
        Assert.Equal(confidence, candidates[0].GetProperty("confidence").GetDouble());
        foreach (JsonElement candidate in candidates)
        {
            // Every name is one .NET's Encoding.GetEncoding accepts (WHATWG labels are checked in the library tests).
            Assert.NotNull(Encoding.GetEncoding(candidate.GetProperty("encoding").GetString()!));
        }
    }

    [Fact]
    public async Task Encoding_RecursiveDirectory_ReportsBinaryFilesAsBinary()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("sub"));
        File.WriteAllBytes(dir.File("sub/a.txt"), Encoding.GetEncoding(949).GetBytes("이 프로그램은 파일의 문자 인코딩을 자동으로 감지합니다.\n"));
        File.WriteAllBytes(dir.File("sub/b.bin"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0, 1, 0, 0, 0, 0x10, 0x6D, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0]);
        File.WriteAllBytes(dir.File("sub/c.txt"), []);

        // The directory walk of --recursive leaves binary files out; named explicitly, they are reported as binary.
        ToolResult result = await Tool.RunAsync(["encoding", "--recursive", dir.Path, dir.File("sub/b.bin")]);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("a.txt: euc-kr (confidence 1.00)", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("c.txt: ascii (confidence 1.00)", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("b.bin: binary", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encoding_DirectoryWithoutRecursive_IsABadUsageError()
    {
        using var dir = new TempDirectory();

        ToolResult result = await Tool.RunAsync(["encoding", dir.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--recursive", result.Stderr, StringComparison.Ordinal);
    }
}
