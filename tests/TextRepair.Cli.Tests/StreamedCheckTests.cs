using System.Buffers;
using System.Text;
using TextRepair.Cli.Check;

namespace TextRepair.Cli.Tests;

/// <summary>
/// check's streamed path (<see cref="StreamedCheck"/>, <see cref="LineBlocks"/>) against the whole-file scan it replaces
/// for large plain text: the same bytes out, in every format, at block sizes small enough that every line boundary of
/// the texts below is a block boundary somewhere, on texts that keep to single lines and on texts whose findings depend
/// on the whole text (pinyin annotations, mojibake), which fall back to the whole-file scan from the first block that
/// shows them.
/// </summary>
public sealed class StreamedCheckTests
{
    private static readonly string[] s_lines =
    [
        "我們的軟體資訊都放在這裡。",
        "我們的软体资讯放在這裡。",
        "軟件和信息都不是臺灣用語，裏面的綫也不是。",
        "这是一行简体中文，没有繁体字。",
        "這是一行繁體中文。\r",
        "supplementary 𠮷野家 and 𩸽 between 說話 and ASCII",
        "lone carriage return\r中間 then 裏",
        "发展(fzhn)是硬道理",
        string.Empty,
        "   ",
        "臺灣的「伺服器」與「滑鼠」",
    ];

    // UTF-8 Chinese read as Latin-1: mojibake the encoding engine finds.
    private static readonly string s_mojibake = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("我們的軟體資訊都放在這裡，這是正確的臺灣用語。"));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (int blockBytes in (int[])[16, 97, 4096])
        {
            data.Add("lines", blockBytes);
            data.Add("mojibake-late", blockBytes);
            data.Add("loss-late", blockBytes);
            data.Add("annotations", blockBytes);
            data.Add("bom", blockBytes);
            data.Add("no-final-line-feed", blockBytes);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Streamed_output_equals_the_whole_file_scan_in_every_format(string name, int blockBytes)
    {
        byte[] bytes = Text(name);
        foreach (string tag in (string[])["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
        {
            Assert.True(ChineseVariantTags.TryParse(tag, out ChineseVariant expected));
            var job = new CheckJob(expected, tag, new HashSet<string>(StringComparer.Ordinal));
            foreach (FindingFormat format in Enum.GetValues<FindingFormat>())
            {
                string whole = Whole(bytes, job, format);
                (string streamed, int wholeFrom) = Streamed(bytes, job, format, blockBytes);
                Assert.Equal(whole, streamed);

                // The texts hold what they are meant to test: findings decided within lines only, or, late in the
                // text, findings that make the whole text decide from there on.
                Assert.Contains(": wrong-script:", Whole(bytes, job, FindingFormat.Text), StringComparison.Ordinal);
                string? dependent = name switch
                {
                    "mojibake-late" => ": mojibake:",
                    "loss-late" => ": loss-marker:",
                    "annotations" => ": pinyin-annotation:",
                    _ => null,
                };
                if (dependent is null)
                {
                    Assert.Equal(-1, wholeFrom);
                }
                else
                {
                    Assert.Contains(dependent, Whole(bytes, job, FindingFormat.Text), StringComparison.Ordinal);
                    Assert.True(wholeFrom > (blockBytes < 4096 ? 0 : -1));
                }
            }
        }
    }

    [Fact]
    public void Disabled_rules_are_left_out_as_in_the_whole_file_scan()
    {
        byte[] bytes = Text("lines");
        var job = new CheckJob(ChineseVariant.HantTW, "zh-Hant-TW", new HashSet<string>(["region-term", "mixed-line"], StringComparer.Ordinal));

        string streamed = Streamed(bytes, job, FindingFormat.Text, 64).Output;

        Assert.Equal(Whole(bytes, job, FindingFormat.Text), streamed);
        Assert.DoesNotContain("region-term", streamed, StringComparison.Ordinal);
        Assert.Contains("wrong-script", streamed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1 << 16)]
    public void Blocks_are_whole_lines_that_add_up_to_the_input(int blockBytes)
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a\nbb\n" + new string('長', 300) + "\n\n尾" + new string('x', 100));
        var blocks = new LineBlocks(new MemoryStream(bytes), blockBytes, "t.txt");
        var joined = new List<byte>();
        var ends = new List<byte>();
        while (blocks.Next(out byte[] block, out int length))
        {
            Assert.True(length > 0);
            joined.AddRange(block.AsSpan(0, length).ToArray());
            ends.Add(block[length - 1]);
            ArrayPool<byte>.Shared.Return(block);
        }

        Assert.Equal(bytes, joined.ToArray());
        Assert.All(ends[..^1], end => Assert.Equal((byte)'\n', end));
        Assert.Equal((byte)'x', ends[^1]);
    }

    [Fact]
    public void Survey_tells_valid_utf8_a_bom_and_control_characters()
    {
        static StreamedCheck.InputSurvey Survey(byte[] bytes) => StreamedCheck.Survey(new MemoryStream(bytes), "t.txt", 8);

        Assert.Equal(new StreamedCheck.InputSurvey(true, false, false), Survey(Encoding.UTF8.GetBytes("中文\n繁體\tok\r\n")));
        Assert.Equal(new StreamedCheck.InputSurvey(true, true, false), Survey([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("中文\n")]));
        Assert.Equal(new StreamedCheck.InputSurvey(true, false, true), Survey(Encoding.UTF8.GetBytes("中文\n\u0001x\n")));
        Assert.False(Survey([.. Encoding.UTF8.GetBytes("a long enough first line\n"), 0xE4, 0xB8, 0x0A]).Valid);
        Assert.False(Survey([.. Encoding.UTF8.GetBytes("lone surrogate\n"), 0xED, 0xA0, 0x80, 0x0A]).Valid);
    }

    private static byte[] Text(string name)
    {
        // The same lines in a fixed pseudo-random order, several times over.
        var random = new Random(18);
        var lines = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            lines.Add(s_lines[random.Next(s_lines.Length)]);
        }

        switch (name)
        {
            case "loss-late":
                lines.Insert(100, "loss marker 锟斤拷 and U+FFFD \uFFFD in 繁體 text");
                break;
            case "mojibake-late":
                lines.Insert(90, s_mojibake);
                lines.Insert(100, s_mojibake);
                break;
            case "annotations":
                lines.InsertRange(70, File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt")));
                break;
        }

        string text = string.Join('\n', lines) + (name == "no-final-line-feed" ? string.Empty : "\n");
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return name == "bom" ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private static string Whole(byte[] bytes, CheckJob job, FindingFormat format) =>
        Write(format, sink => sink.Write(CheckInput.ScanWhole("big.txt", bytes, job)));

    private static (string Output, int WholeFrom) Streamed(byte[] bytes, CheckJob job, FindingFormat format, int blockBytes)
    {
        int wholeFrom = 0;
        string output = Write(format, sink => wholeFrom = StreamedCheck.Check(
            new MemoryStream(bytes), "big.txt", job, sink, () => CheckInput.Decode(bytes, "big.txt").Text, blockBytes));
        return (output, wholeFrom);
    }

    private static string Write(FindingFormat format, Action<FindingSink> write)
    {
        var output = new MemoryStream();
        using FindingSink sink = FindingSink.ToStream(output, format, null);
        write(sink);
        sink.Complete();
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
