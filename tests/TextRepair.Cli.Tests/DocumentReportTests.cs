using System.IO.Compression;
using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>
/// <c>repair --report</c> and <c>--stats</c> on documents say what was repaired and whether text was lost, as they do for
/// plain text. Before session 41 every document was counted with no edits and never lossy, even when mojibake was
/// repaired and bytes had been lost inside its text.
/// </summary>
public sealed class DocumentReportTests : IDisposable
{
    // 这是一个关于中文编码的测试文件，我们希望它能被正确修复。 in UTF-8 read as windows-1252 (lossless) and as GBK with
    // replacement (the odd bytes lost as U+FFFD).
    private const string Mojibake = "è¿™æ˜¯ä¸€ä¸ªå…³äºŽä¸\u00ADæ–‡ç¼–ç \u0081çš„æµ‹è¯•æ–‡ä»¶ï¼Œæˆ‘ä»¬å¸Œæœ›å®ƒèƒ½è¢«æ\u00AD£ç¡®ä¿®å¤\u008Dã€‚";
    private const string Lossy = "杩欐槸涓\uFFFD涓\uFFFD鍏充簬涓\uFFFD鏂囩紪鐮佺殑娴嬭瘯鏂囦欢锛屾垜浠\uFFFD甯屾湜瀹冭兘琚\uFFFD姝ｇ‘淇\uFFFD澶嶃\uFFFD\uFFFD";
    private const string Clean = "这是一个关于中文编码的测试文件，我们希望它能被正确修复。";

    private readonly string _directory = Directory.CreateTempSubdirectory("textrepair-document-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> Documents => new()
    {
        { "page.md", "# 标题\n\n@@\n" },
        { "page.html", "<html><body><p>@@</p></body></html>\n" },
        { "movie.srt", "1\n00:00:01,000 --> 00:00:02,000\n@@\n" },
        { "movie.ass", "[Script Info]\nTitle: @@\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,@@\n" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Stats_count_the_edits_of_a_repaired_document(string name, string template)
    {
        string path = Write(name, template.Replace("@@", Mojibake, StringComparison.Ordinal));

        ToolResult result = await Tool.RunAsync(["repair", "--stats", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(template.Replace("@@", Clean, StringComparison.Ordinal), result.Text);
        Assert.Matches(@"documents 1, changed 1, lossy 0, edits [1-9]\d* \(encoding [1-9]", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Stats_and_report_say_a_document_lost_text(string name, string template)
    {
        string path = Write(name, template.Replace("@@", Lossy, StringComparison.Ordinal));

        ToolResult result = await Tool.RunAsync(["repair", "--stats", "--report", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("documents 1, changed 1, lossy 1,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("lossMarker", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(path + ": - Encoding:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Lossy: text was lost", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_clean_document_reports_nothing(string name, string template)
    {
        string text = template.Replace("@@", Clean, StringComparison.Ordinal);
        string path = Write(name, text);

        ToolResult result = await Tool.RunAsync(["repair", "--stats", "--report", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(text, result.Text);
        Assert.Contains("documents 1, changed 0, lossy 0, edits 0", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing to repair", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_parts_are_reported_by_name_and_counted()
    {
        string path = Path.Combine(_directory, "report.docx");
        using (ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteEntry(archive, "[Content_Types].xml", "<Types/>");
            WriteEntry(archive, "word/document.xml", "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>" + Lossy + "</w:t></w:r></w:p></w:body></w:document>");
        }

        ToolResult result = await Tool.RunAsync(["repair", "--stats", "--report", path, "-o", Path.Combine(_directory, "out.docx")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(path + ":word/document.xml: - Encoding:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("documents 1, changed 1, lossy 1,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_stats_of_documents_are_unchanged()
    {
        string path = Write("page.html", "<p>鼠标</p>");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2twp", "--stats", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("<p>滑鼠</p>", result.Text);
        Assert.Contains("documents 1, changed 1", result.Stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static void WriteEntry(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
