using System.IO.Compression;
using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary><c>--format</c> on <c>convert</c> and <c>repair</c>: documents keep everything but their visible text.</summary>
public sealed class DocumentFormatTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("textrepair-documents-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Auto_detects_html_by_extension_and_keeps_markup()
    {
        string path = Write("page.html", "<div class=\"发布\"><b>鼠</b>标</div>");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2twp", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("<div class=\"发布\"><b>滑</b>鼠</div>", result.Text);
    }

    // Before session 30 a JSON Lines file of more than one record was read as text: its keys were converted.
    [Fact]
    public async Task Json_lines_keep_their_keys_and_a_malformed_line_is_an_error_saying_where()
    {
        string lines = Write("data.jsonl", "{\"简体\": \"后来\"}\n{\"简体\": \"里面\"}\n");
        string broken = Write("broken.jsonl", "{\"text\": \"后来\"}\n{\"text\": \"里面\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", lines]);
        ToolResult error = await Tool.RunAsync(["convert", "-c", "s2t", broken]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{\"简体\": \"後來\"}\n{\"简体\": \"裏面\"}\n", result.Text);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal("", error.Text);
        Assert.Contains("broken.jsonl: not valid JSON at line 2, byte ", error.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_opening_with_a_bracket_that_is_no_json_is_converted_as_text()
    {
        string logs = Directory.CreateDirectory(Path.Combine(_directory, "logs")).FullName;
        Write("logs/app.log", "[2024-05-01 10:00:00] INFO 用户登录后来\n");
        Write("logs/CHANGELOG", "[公告] 后来的头发\n");
        string output = Path.Combine(_directory, "out");

        ToolResult directory = await Tool.RunAsync(["convert", "-c", "s2t", "-r", logs, "-o", output]);
        ToolResult repair = await Tool.RunAsync(["repair", "-i", Path.Combine(logs, "app.log")]);

        Assert.True(directory.ExitCode == 0, directory.ToString());
        Assert.Equal("[2024-05-01 10:00:00] INFO 用戶登錄後來\n", File.ReadAllText(Path.Combine(output, "app.log")));
        Assert.Equal("[公告] 後來的頭髮\n", File.ReadAllText(Path.Combine(output, "CHANGELOG")));
        Assert.True(repair.ExitCode == 0, repair.ToString());
    }

    [Fact]
    public async Task Stdin_is_text_unless_format_is_given()
    {
        ToolResult plain = await Tool.RunAsync("convert -c s2t", "<p class=\"发\">发</p>");
        ToolResult html = await Tool.RunAsync("convert -c s2t --format html", "<p class=\"发\">发</p>");
        ToolResult auto = await Tool.RunAsync("convert -c s2t --format auto", "<!DOCTYPE html><p class=\"发\">发</p>");

        Assert.Equal("<p class=\"發\">發</p>", plain.Text);
        Assert.Equal("<p class=\"发\">發</p>", html.Text);
        Assert.Equal("<!DOCTYPE html><p class=\"发\">發</p>", auto.Text);
    }

    [Fact]
    public async Task Explicit_format_overrides_the_extension()
    {
        string path = Write("notes.txt", "# 发布\n\n`发`\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--format", "markdown", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("# 發佈\n\n`发`\n", result.Text);
    }

    [Fact]
    public async Task Srt_keeps_timestamps_and_in_place_is_atomic()
    {
        string path = Write("movie.srt", "1\n00:00:01,000 --> 00:00:02,000\n发布\n");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "-i", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1\n00:00:01,000 --> 00:00:02,000\n發佈\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task Corrupt_file_gives_one_line_naming_it_and_writes_nothing()
    {
        string path = Write("data.json", "{\"发\": ");
        string output = Path.Combine(_directory, "out.json");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", path, "-o", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("data.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("JSON", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Docx_is_converted_to_a_file_and_never_to_stdout()
    {
        string path = Path.Combine(_directory, "report.docx");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            WriteEntry(archive, "[Content_Types].xml", "<Types/>");
            WriteEntry(archive, "word/document.xml", "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>鼠</w:t></w:r><w:r><w:t>标</w:t></w:r></w:p></w:body></w:document>");
        }

        ToolResult toStdout = await Tool.RunAsync(["convert", "-c", "s2twp", path]);
        string output = Path.Combine(_directory, "report.tw.docx");
        ToolResult toFile = await Tool.RunAsync(["convert", "-c", "s2twp", path, "-o", output]);

        Assert.Equal(2, toStdout.ExitCode);
        Assert.Contains("binary", toStdout.Stderr, StringComparison.Ordinal);
        Assert.Empty(toStdout.Stdout);
        Assert.Equal(0, toFile.ExitCode);
        using ZipArchive converted = ZipFile.OpenRead(output);
        using var reader = new StreamReader(converted.GetEntry("word/document.xml")!.Open());
        Assert.Contains("<w:t>滑</w:t></w:r><w:r><w:t>鼠</w:t>", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_a_zip_with_a_docx_name_is_a_clear_error()
    {
        string path = Write("fake.docx", "hello");

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", path, "-o", Path.Combine(_directory, "o.docx")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("fake.docx", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("zip", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_html_keeps_tags()
    {
        string path = Write("page.html", "<p class=\"a,b\">他说:\"你好,世界\"</p>");

        ToolResult result = await Tool.RunAsync(["repair", "--format", "html", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<p class=\"a,b\">", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("</p>", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_with_jsonl_is_rejected()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --jsonl --format html", "{}\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Stderr, StringComparison.Ordinal);
    }

    private static void WriteEntry(ZipArchive archive, string name, string text)
    {
        using Stream stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
