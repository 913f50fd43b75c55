using System.IO.Compression;
using System.Text;
using TextRepair.Cli.Commands;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Tests;

/// <summary>
/// The defects session 12's hostile run found (docs/cli.md, "Hostile inputs"): each input ends in a correct result or a
/// one-line error with a non-zero exit, never a wait forever, a nameless message or memory without bound.
/// </summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("repair")]
    [InlineData("convert -c s2t")]
    [InlineData("encoding")]
    [InlineData("serve")]
    [InlineData("check --expect zh-Hans")]
    public async Task A_closed_standard_input_is_an_error_not_a_wait(string command)
    {
        // The runtime reused descriptor 0 for the read end of its own pipe, and reading it waited forever.
        ToolResult result = await Shell.RunAsync($"$T {command} <&-", timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("textrepair: read error: standard input is closed\n", result.Stderr);
    }

    [Fact]
    public async Task Standard_input_that_is_a_directory_is_named()
    {
        ToolResult result = await Shell.RunAsync("$T repair < .");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("textrepair: <stdin>: is a directory\n", result.Stderr);
    }

    [Fact]
    public async Task Encoding_stops_on_a_closed_pipe()
    {
        // It wrote through the console stream, which ignores EPIPE: it went through every file and exited 0.
        using var directory = new TempDirectory();
        for (int i = 0; i < 2000; i++)
        {
            File.WriteAllText(directory.File($"f{i}.txt"), "汉字\n");
        }

        ToolResult piped = await Shell.RunAsync("($T encoding -r .; echo \"status $?\" >&2) | head -c1 > /dev/null", directory.Path, TimeSpan.FromSeconds(60));
        ToolResult closed = await Shell.RunAsync("$T encoding f1.txt >&-", directory.Path);
        ToolResult full = await Shell.RunAsync("$T encoding f1.txt > /dev/full", directory.Path);

        Assert.Equal("status 141\n", piped.Stderr);
        Assert.Equal(1, closed.ExitCode);
        Assert.Equal("textrepair: write error: standard output is closed\n", closed.Stderr);
        Assert.Equal(1, full.ExitCode);
        Assert.Equal("textrepair: standard output: no space left on device\n", full.Stderr);
    }

    [Fact]
    public async Task A_file_name_that_is_not_UTF8_stops_the_walk_naming_it()
    {
        // .NET cannot open such a name; the run failed later with a nameless "no such file or directory".
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("d"));
        File.WriteAllText(directory.File("d/a.txt"), "汉字\n");
        ToolResult made = await Shell.RunAsync("printf '汉字\\n' > \"d/bad$(printf '\\377').txt\"", directory.Path);
        Assert.Equal(0, made.ExitCode);

        ToolResult walked = await Shell.RunAsync("$T convert -c s2t -r d", directory.Path);
        ToolResult named = await Shell.RunAsync("$T convert -c s2t \"d/bad$(printf '\\377').txt\"", directory.Path);
        File.WriteAllText(directory.File("d/.ignore"), "bad*\n");
        ToolResult ignored = await Shell.RunAsync("$T convert -c s2t -r d", directory.Path);
        await Shell.RunAsync("rm -r d", directory.Path); // .NET cannot delete that name either

        Assert.Equal(2, walked.ExitCode);
        Assert.Empty(walked.Stdout);
        Assert.Equal("textrepair: d/bad\uFFFD.txt: the file name is not valid UTF-8, and this tool cannot open such a file (rename it, or list it in a .ignore file)\n", walked.Stderr);
        Assert.Equal(2, named.ExitCode);
        Assert.Contains("the file name is not valid UTF-8", named.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, ignored.ExitCode);
        Assert.Equal("漢字\n", ignored.Text);
    }

    [Fact]
    public async Task An_unreadable_directory_in_the_tree_is_named()
    {
        // Root reads every directory: the walk then runs as nobody, the way a user meets it.
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.File("top/sub/closed"));
        File.WriteAllText(directory.File("top/sub/a.txt"), "汉字\n");
        string prefix = Posix.EffectiveUser == 0 ? "su nobody -s /bin/sh -c '$T repair -r top'" : "$T repair -r top";
        ToolResult result = await Shell.RunAsync(
            $"chmod -R a+rX . && chmod 700 top/sub/closed && {prefix}", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("textrepair: top/sub/closed: permission denied\n", result.Stderr);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_fills_the_memory()
    {
        // 100 MB of spaces in word/document.xml deflate to about 100 KB (1,000:1): refused past 32 MiB, named.
        using var directory = new TempDirectory();
        WriteDocx(directory.File("bomb.docx"), spaces: 100 << 20);
        WriteDocx(directory.File("fine.docx"), spaces: 1 << 20);
        byte[] before = File.ReadAllBytes(directory.File("bomb.docx"));

        ToolResult bomb = await Tool.RunAsync(["convert", "-c", "s2t", "-i", "bomb.docx"], workingDirectory: directory.Path);
        ToolResult output = await Tool.RunAsync(["repair", "bomb.docx", "-o", "out.docx"], workingDirectory: directory.Path);
        ToolResult fine = await Tool.RunAsync(["convert", "-c", "s2t", "fine.docx", "-o", "fine-out.docx"], workingDirectory: directory.Path);

        Assert.Equal(2, bomb.ExitCode);
        Assert.Equal(2, output.ExitCode);
        Assert.Contains("word/document.xml: inflates to more than 33,554,432 bytes", bomb.Stderr, StringComparison.Ordinal);
        Assert.Contains("(a zip bomb, or a part too large to process)", bomb.Stderr, StringComparison.Ordinal);
        Assert.Single(bomb.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, File.ReadAllBytes(directory.File("bomb.docx")));
        Assert.False(File.Exists(directory.File("out.docx")));
        Assert.Equal(0, fine.ExitCode);
        using ZipArchive converted = ZipFile.OpenRead(directory.File("fine-out.docx"));
        using var reader = new StreamReader(converted.GetEntry("word/document.xml")!.Open());
        Assert.Contains("漢字", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_not_grown_forever()
    {
        // The buffer grew to 2 GiB, then again and again: a 2.2 GB file without a line feed ran for minutes at 19 GB.
        byte[] longLine = Encoding.ASCII.GetBytes(new string('a', 100));
        var reader = new BlockReader(new MemoryStream(longLine), targetSize: 16, startOffset: 0, "long.txt", maxLineBytes: 64);

        CliException error = Assert.Throws<CliException>(() => reader.Read());

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Equal("long.txt: the line at byte offset 0 is longer than 64 bytes without a line feed: too long to process", error.Message);
    }

    [Fact]
    public void A_line_within_the_limit_is_one_block()
    {
        byte[] text = Encoding.ASCII.GetBytes(new string('a', 60) + "\nb\n");
        var reader = new BlockReader(new MemoryStream(text), targetSize: 16, startOffset: 0, "ok.txt", maxLineBytes: 64);

        var read = new List<byte>();
        while (reader.Read() is { } block)
        {
            using (block)
            {
                read.AddRange(block.Data.ToArray());
            }
        }

        Assert.Equal(text, read);
    }

    [Fact]
    public void A_document_past_the_string_limit_is_refused_while_it_is_read()
    {
        // Read whole, a 1.2 GB ASCII file failed after 14.7 s with OutOfMemoryException; now it is refused, named.
        var runner = new Runner(new RunSettings()) { MaxDocumentChars = 100 };
        byte[] large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("汉字abc\n", 30)));
        byte[] small = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("汉字abc\n", 10)));

        CliException error = Assert.Throws<CliException>(
            () => runner.ReadDocument(InputSource.StandardInput, new BlockReader(new MemoryStream(large), 32, 0)));
        string text = runner.ReadDocument(InputSource.StandardInput, new BlockReader(new MemoryStream(small), 32, 0));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.StartsWith("<stdin>: too large to process as one document (more than 100 characters;", error.Message, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(small), text);
    }

    [Fact]
    public async Task The_ambiguities_file_is_never_an_input_or_the_output()
    {
        // It was opened with FileMode.Create before the input was read: a.txt was left empty, exit 0.
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "干 后 发\n");

        ToolResult same = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", "--ambiguities", "a.txt"], workingDirectory: directory.Path);
        ToolResult dotted = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", "--ambiguities", "./a.txt"], workingDirectory: directory.Path);
        ToolResult output = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", "--ambiguities", "o.txt", "-o", "o.txt"], workingDirectory: directory.Path);
        ToolResult fine = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", "--ambiguities", "g.jsonl"], workingDirectory: directory.Path);

        Assert.Equal(2, same.ExitCode);
        Assert.Equal("textrepair: --ambiguities a.txt: is the input a.txt; the guesses are never written over an input\n", same.Stderr);
        Assert.Equal(2, dotted.ExitCode);
        Assert.Equal("干 后 发\n", File.ReadAllText(directory.File("a.txt")));
        Assert.Equal(2, output.ExitCode);
        Assert.Equal("textrepair: --ambiguities o.txt: is also the --output file\n", output.Stderr);
        Assert.Equal(0, fine.ExitCode);
        Assert.Equal("幹 後 發\n", fine.Text);
        Assert.Equal(3, File.ReadAllLines(directory.File("g.jsonl")).Length);
    }

    [Fact]
    public async Task The_baseline_check_writes_is_never_one_of_its_inputs()
    {
        // check --write-baseline a.txt a.txt replaced the checked file with the baseline's JSON, exit 0.
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "软件信息\n");

        ToolResult same = await Tool.RunAsync(["check", "--expect", "zh-Hant", "--write-baseline", "./a.txt", "a.txt"], workingDirectory: directory.Path);
        ToolResult fine = await Tool.RunAsync(["check", "--expect", "zh-Hant", "--write-baseline", "b.json", "a.txt"], workingDirectory: directory.Path);

        Assert.Equal(2, same.ExitCode);
        Assert.Equal("textrepair: --write-baseline ./a.txt: is the input a.txt; a baseline is never written over an input\n", same.Stderr);
        Assert.Equal("软件信息\n", File.ReadAllText(directory.File("a.txt")));
        Assert.Equal(0, fine.ExitCode);
        Assert.True(File.Exists(directory.File("b.json")));
    }

    [Fact]
    public async Task A_failed_write_of_the_ambiguities_file_is_named_and_leaves_nothing()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "干 后 发\n");

        ToolResult full = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", "--ambiguities", "/dev/full"], workingDirectory: directory.Path);
        ToolResult missing = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", "--ambiguities", "no/such/dir.jsonl"], workingDirectory: directory.Path);

        Assert.Equal(1, full.ExitCode);
        Assert.Equal("textrepair: /dev/full: no space left on device\n", full.Stderr);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal("textrepair: no/such/dir.jsonl: no such file or directory\n", missing.Stderr);
        Assert.Equal(["a.txt"], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--phrases", "bad.bin", "textrepair: --phrases bad.bin: not valid UTF-8\n")]
    [InlineData("--protect", "bad.bin", "textrepair: --protect bad.bin: not valid UTF-8\n")]
    [InlineData("--phrases", "dir", "textrepair: --phrases dir: is a directory\n")]
    [InlineData("--protect", "missing.txt", "textrepair: --protect missing.txt: no such file or directory\n")]
    [InlineData("--protect", "separator.txt", "textrepair: --protect separator.txt: A protected term is null, empty or holds a line break. (Parameter 'terms')\n")]
    public async Task A_bad_glossary_or_protect_file_is_bad_input(string option, string file, string expected)
    {
        // A binary --protect file failed with exit 1 and the library's ArgumentException; invalid UTF-8 in --phrases
        // was read as U+FFFD keys; a directory was "Access to the path ... is denied."
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("a.txt"), "汉字\n");
        File.WriteAllBytes(directory.File("bad.bin"), [0x61, 0x09, 0x62, 0x0A, 0xFF, 0xFE, 0x09, 0x78, 0x0A]);
        File.WriteAllText(directory.File("separator.txt"), "a\u2028b\n");
        Directory.CreateDirectory(directory.File("dir"));

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "a.txt", option, file], workingDirectory: directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_max_errors_value_past_the_range_is_bad_usage()
    {
        ToolResult result = await Tool.RunAsync("convert -c s2t --max-errors 99999999999999999999", "汉字\n");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("textrepair: Cannot parse argument '99999999999999999999' for option '--max-errors'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--encoding")]
    [InlineData("--output-encoding")]
    public async Task A_disabled_encoding_is_an_unknown_one(string option)
    {
        // UTF-7: .NET throws NotSupportedException by name; it ended the run with exit 1 and a SYSLIB0001 link.
        ToolResult result = await Tool.RunAsync($"convert -c s2t {option} utf-7", "汉字\n");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"textrepair: {option}: unknown encoding 'utf-7'", result.Stderr, StringComparison.Ordinal);
    }

    private static void WriteDocx(string path, int spaces)
    {
        using ZipArchive archive = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var types = new StreamWriter(archive.CreateEntry("[Content_Types].xml").Open()))
        {
            types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        }

        using Stream document = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
        document.Write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t xml:space=\"preserve\">汉字"u8);
        byte[] block = new byte[1 << 20];
        block.AsSpan().Fill((byte)' ');
        for (int written = 0; written < spaces; written += block.Length)
        {
            document.Write(block, 0, Math.Min(block.Length, spaces - written));
        }

        document.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
    }
}
