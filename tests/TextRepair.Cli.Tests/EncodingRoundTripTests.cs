using System.Text;
using TextRepair.Cli.IO;

namespace TextRepair.Cli.Tests;

/// <summary>
/// <c>--encoding auto</c> then writing back (in place, or <c>--output-encoding same</c>): every encoding the detector
/// can answer comes back byte for byte when nothing changed, and an unchanged file is not rewritten. Before session 31
/// a Big5 file came back as UTF-8 (WHATWG's Big5 has no code page, and the writer looked the encoding up by its number).
/// </summary>
public sealed class EncodingRoundTripTests
{
    private const string Simplified = "我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码。\n";
    private const string Traditional = "中華民國交通部觀光局公告，本年度旅遊補助計畫即日起受理申請。請各縣市政府依規定辦理。\n臺灣的電腦軟體產業發展迅速。\n";
    private const string Japanese = "このソフトウェアは文字コードを自動的に判別します。\n";

    /// <summary>A text the detector answers each name for (iso-8859-1: see <see cref="EveryAnswer_RoundTripsThroughTheToolsInPlaceAndSame"/>).</summary>
    private static readonly Dictionary<string, string> s_samples = new()
    {
        ["ascii"] = "Plain ASCII text.\n",
        ["utf-8"] = Simplified,
        ["utf-16le"] = Simplified,
        ["utf-16be"] = Traditional,
        ["utf-32le"] = Simplified,
        ["utf-32be"] = Traditional,
        ["gb18030"] = Simplified,
        ["big5"] = Traditional,
        ["shift_jis"] = Japanese,
        ["euc-jp"] = Japanese,
        ["euc-kr"] = "이 프로그램은 파일의 문자 인코딩을 자동으로 감지합니다.\n",
        ["windows-1252"] = "Das Programm erkennt die Zeichenkodierung der Datei selbstständig – schön.\n",
        ["iso-8859-1"] = "Ça coûte très cher, ô naïve façade.\n",
        ["windows-1251"] = "Программа автоматически определяет кодировку файла.\n",
        ["windows-1250"] = "Program automatycznie rozpoznaje kodowanie znaków w pliku użytkownika.\n",
    };

    static EncodingRoundTripTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Every name <see cref="EncodingDetector.Detect(ReadOnlySpan{byte})"/> can answer.</summary>
    private static string[] Answers => [.. EncodingDetector.CandidateNames, "ascii", "utf-32le", "utf-32be"];

    [Fact]
    public void EveryAnswer_HasASample()
    {
        Assert.Equal(Answers.Order(StringComparer.Ordinal), s_samples.Keys.Order(StringComparer.Ordinal));
    }

    // The writer of the tool, given the encoding --encoding auto reads each answer with, writes the input's bytes back.
    [Fact]
    public void EveryAnswer_TheWriterGivesTheBytesBack()
    {
        foreach (string name in Answers)
        {
            Encoding encoding = AsRead(name);
            byte[] bytes = encoding.GetBytes(s_samples[name]);
            using var written = new MemoryStream();
            var output = new OutputEncoding(written, encoding, writeBom: false, "out.txt");

            output.Write(Encoding.UTF8.GetBytes(encoding.GetString(bytes)));
            output.Complete();

            Assert.True(bytes.AsSpan().SequenceEqual(written.ToArray()), $"{name}: written back as other bytes");
        }
    }

    [Fact]
    public async Task EveryAnswer_RoundTripsThroughTheToolsInPlaceAndSame()
    {
        using var directory = new TempDirectory();
        var files = new Dictionary<string, byte[]>();
        foreach (string name in Answers)
        {
            byte[] bytes = AsRead(name).GetBytes(s_samples[name]);
            EncodingDetection detection = EncodingDetector.Detect(bytes);

            // No text makes the detector answer iso-8859-1 over windows-1252: they differ in 0x80-0x9F only, where
            // Latin-1 has C1 controls. The writer test above covers its encoding.
            Assert.True(detection.Name == name || (name == "iso-8859-1" && detection.Name == "windows-1252"), $"{name}: detected as {detection}");
            files[name + ".txt"] = bytes;
            if (AsRead(name).CodePage is 65001 or 1200 or 1201 or 12000 or 12001 && name != "ascii")
            {
                files[name + "-bom.txt"] = [.. Encoding.GetEncoding(AsRead(name).CodePage).GetPreamble(), .. bytes];
            }
        }

        foreach ((string file, byte[] bytes) in files)
        {
            File.WriteAllBytes(directory.File(file), bytes);
            File.SetLastWriteTimeUtc(directory.File(file), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        string[] paths = [.. files.Keys.Select(directory.File)];
        ToolResult same = await Tool.RunAsync(["repair", "--to", "keep", "--encoding", "auto", "--output-encoding", "same", "-o", directory.File("same") + "/", .. paths]);
        ToolResult inPlace = await Tool.RunAsync(["repair", "--to", "keep", "--encoding", "auto", "--in-place", "--stats", .. paths]);

        Assert.True(same.ExitCode == 0, same.ToString());
        Assert.True(inPlace.ExitCode == 0, inPlace.ToString());
        Assert.Contains($"documents {files.Count}, changed 0,", inPlace.Stderr, StringComparison.Ordinal);
        foreach ((string file, byte[] bytes) in files)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(directory.File(Path.Combine("same", file)))), $"{file}: --output-encoding same wrote other bytes");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(directory.File(file))), $"{file}: rewritten in place as other bytes");
            Assert.Equal(2020, File.GetLastWriteTimeUtc(directory.File(file)).Year);
        }
    }

    [Fact]
    public async Task Convert_AutoInPlace_WritesBig5BackAsBig5()
    {
        using var directory = new TempDirectory();
        string path = directory.File("tw.txt");
        const string text = "以后台灣的電腦軟體產業發展迅速。\n";
        Encoding big5 = AsRead("big5");
        File.WriteAllBytes(path, big5.GetBytes(text));

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "auto", "--in-place", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        string converted = ChineseConverter.Get("s2t").Convert(text);
        Assert.NotEqual(text, converted);
        Assert.Equal(big5.GetBytes(converted), File.ReadAllBytes(path));
    }

    // Two byte sequences for one character: the encoder writes one back, so the file's text is unchanged in other bytes.
    [Theory]
    [InlineData("big5", new byte[] { 0xA2, 0xA4 }, Traditional)] // U+2550; WHATWG's encoder writes F9 F9
    public async Task InPlace_TheSameTextInOtherBytes_IsNotRewritten(string name, byte[] duplicate, string text)
    {
        using var directory = new TempDirectory();
        string path = directory.File("a.txt");
        Encoding encoding = AsRead(name);
        byte[] bytes = [.. encoding.GetBytes(text), .. duplicate, (byte)'\n'];
        Assert.Equal(name, EncodingDetector.Detect(bytes).Name);
        Assert.NotEqual(bytes, encoding.GetBytes(encoding.GetString(bytes)));
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        ToolResult result = await Tool.RunAsync(["repair", "--to", "keep", "--encoding", "auto", "--in-place", path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(2020, File.GetLastWriteTimeUtc(path).Year);
    }

    // WHATWG's Big5 decodes the HKSCS pointers of lead bytes 0x87-0xA0 but never encodes them: refused, never lost.
    [Fact]
    public async Task InPlace_Big5WithAnHkscsCharacterTheEncoderCannotWrite_IsLeftAsItWas()
    {
        using var directory = new TempDirectory();
        string path = directory.File("hk.txt");
        byte[] bytes = [.. AsRead("big5").GetBytes(Traditional), 0x88, 0x40, (byte)'\n'];
        File.WriteAllBytes(path, bytes);

        ToolResult result = await Tool.RunAsync(["repair", "--to", "keep", "--encoding", "auto", "--in-place", path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("(U+31C0) cannot be written in big5", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    // The encoding --encoding auto reads the answer with (InputDecoding.OpenDetected), strict both ways.
    private static Encoding AsRead(string name) =>
        EncodingDetector.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
}
