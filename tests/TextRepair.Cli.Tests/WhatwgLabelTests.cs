using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>
/// <c>--encoding</c> names mean what the detector and the WHATWG Encoding Standard mean by them: a file
/// <c>textrepair encoding</c> names reads back identically with <c>--encoding</c> and that name (session 32).
/// </summary>
public sealed class WhatwgLabelTests
{
    /// <summary>Cantonese in Big5 with HKSCS: 佢 is in Big5 proper, 哋咗嘢啲 only in HKSCS (lead bytes 0x92 and 0x9D).</summary>
    private static readonly byte[] s_hkscs = [0xCA, 0x5C, 0x92, 0x5D, 0x9D, 0xF7, 0x9D, 0xCF, 0x9D, 0xF8, (byte)'\n'];

    [Theory]
    [InlineData("big5")]
    [InlineData("BIG5")]
    [InlineData("big5-hkscs")]
    [InlineData("cn-big5")]
    [InlineData("csbig5")]
    [InlineData("x-x-big5")]
    public async Task Big5_labels_read_hkscs(string name)
    {
        ToolResult result = await Tool.RunAsync(["convert", "-c", "t2hk", "--encoding", name], s_hkscs);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("佢哋咗嘢啲\n", result.Text);
    }

    // Code page 950 keeps its meaning (its user-defined area read as private use), but it said nothing: 哋咗嘢啲 became
    // four private-use characters with exit code 0 (found in session 33).
    [Theory]
    [InlineData("cp950")]
    [InlineData("950")]
    public async Task Code_page_950_says_when_it_reads_private_use(string name)
    {
        ToolResult hk = await Tool.RunAsync(["convert", "-c", "t2hk", "--encoding", name], s_hkscs);
        ToolResult plain = await Tool.RunAsync(["convert", "-c", "t2hk", "--encoding", name], [0xA4, 0xA4, 0xA4, 0xE5, (byte)'\n']);

        Assert.Equal(0, hk.ExitCode);
        Assert.Equal("佢\uE5A2\uECD9\uECB1\uECDA\n", hk.Text);
        Assert.Equal(
            "<stdin>: note: 4 character(s) read as private use by cp950 (its user-defined area, where Big5-HKSCS has the Hong Kong characters; for Hong Kong text use --encoding big5)\n",
            hk.Stderr);
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal("中文\n", plain.Text);
        Assert.Equal(string.Empty, plain.Stderr);
    }

    [Theory]
    [InlineData("euc-kr")]
    [InlineData("ks_c_5601-1987")]
    [InlineData("cp949")]
    public async Task Euc_kr_labels_read_unified_hangul_code(string name)
    {
        // 똠 (0x8C63) and 펲 (0xBC84) are Unified Hangul Code: code page 949, not strict EUC-KR (51949).
        byte[] input = [0x8C, 0x63, 0xB9, 0xE6, (byte)' ', 0xBC, 0x84, 0xBD, 0xC3, (byte)'\n'];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", name], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("똠방 펲시\n", result.Text);
    }

    [Fact]
    public async Task Code_page_51949_stays_strict_and_says_so()
    {
        byte[] input = [0xBC, 0x84, (byte)'\n'];

        ToolResult result = await Tool.RunAsync(["convert", "-c", "s2t", "--encoding", "51949"], input);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("textrepair: <stdin>: not valid 51949 at byte offset 0 (use --replace-invalid to replace invalid sequences with U+FFFD)\n", result.Stderr);
    }

    public static TheoryData<string> DetectorNames()
    {
        var names = new TheoryData<string>();
        foreach (string name in EncodingDetector.CandidateNames)
        {
            names.Add(name);
        }

        names.Add("utf-32le");
        names.Add("utf-32be");
        names.Add("ascii");
        return names;
    }

    /// <summary>
    /// Every name the detector can print, over every two-byte sequence (each on its own line): the tool reading the bytes
    /// with <c>--encoding</c> that name gives what the detector's own decoder gives. Before session 32 euc-kr (51949)
    /// and big5 (950) did not.
    /// </summary>
    [Theory]
    [MemberData(nameof(DetectorNames))]
    public async Task Every_name_the_detector_prints_reads_as_the_detector_decodes(string name)
    {
        Encoding detector = EncodingDetector.GetEncoding(name, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"))!;
        byte[] input;
        if (detector.CodePage is 1200 or 1201 or 12000 or 12001)
        {
            input = detector.GetBytes("简体中文 繁體中文 日本語 한국어 𠀀 Ünïcödé\n");
        }
        else
        {
            int first = name == "ascii" ? 0x20 : 0x80;
            int last = name == "ascii" ? 0x7E : 0xFF;
            var bytes = new List<byte>();
            for (int lead = first; lead <= last; lead++)
            {
                for (int trail = 0x30; trail <= last; trail++)
                {
                    bytes.AddRange([(byte)lead, (byte)trail, (byte)'\n']);
                }
            }

            input = [.. bytes];
        }

        string expected = detector.GetString(input);
        ToolResult named = await Tool.RunAsync(["convert", "-c", "s2t", "--replace-invalid", "--encoding", name], input);
        ToolResult reference = await Tool.RunAsync(["convert", "-c", "s2t"], Encoding.UTF8.GetBytes(expected));

        Assert.Equal(0, named.ExitCode);
        Assert.Equal(0, reference.ExitCode);
        Assert.Equal(reference.Text, named.Text);
    }
}
