using System.Text;

namespace TextRepair.Tests;

public sealed class DetectingTextReaderTests
{
    private const string Simplified = "我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码。\n";

    [Fact]
    public void Read_AsciiStartLongerThanTheSampleThenGbk_RevisesExactly()
    {
        string header = string.Concat(Enumerable.Repeat("An English header line, plain ASCII.\n", 1000));
        string text = header + Simplified;
        byte[] bytes = DetectionEvaluationSet.Strict("gb18030").GetBytes(text);

        using DetectingTextReader reader = EncodingDetector.OpenReader(new OneByteAtATimeStream(bytes));
        Assert.Equal("ascii", reader.Detection.Name);
        string read = reader.ReadToEnd();

        Assert.Equal(text, read);
        Assert.Equal("gb18030", reader.Detection.Name);
        Assert.Equal(1, reader.RevisionCount);
        Assert.Equal(0, reader.ReplacedSequenceCount);
    }

    [Theory]
    [InlineData("big5", "我們的軟體支援繁體中文與簡體中文之間的轉換。\n")]
    [InlineData("utf-16be", "我们的软件支持简体中文。\n")]
    [InlineData("shift_jis", "このソフトウェアは文字コードを自動的に判別します。\n")]
    public void Read_LegacyText_GivesTheSameTextAsDecode(string name, string line)
    {
        string text = string.Concat(Enumerable.Repeat(line, 2000));
        byte[] bytes = DetectionEvaluationSet.Strict(name).GetBytes(text);

        using DetectingTextReader reader = EncodingDetector.OpenReader(new MemoryStream(bytes));

        Assert.Equal(text, reader.ReadToEnd());
        Assert.Equal(name, reader.Detection.Name);
        Assert.Equal(EncodingDetector.Decode(bytes, out _), text);
    }

    [Fact]
    public void Read_ByteOrderMark_IsSkippedAndDecides()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Simplified)];

        using DetectingTextReader reader = EncodingDetector.OpenReader(new MemoryStream(bytes));

        Assert.Equal(Simplified, reader.ReadToEnd());
        Assert.True(reader.Detection.HasBom);
    }

    [Fact]
    public void Read_InvalidBytesAfterNonAsciiDecision_AreReplacedAndCounted()
    {
        byte[] gbk = DetectionEvaluationSet.Strict("gb18030").GetBytes(string.Concat(Enumerable.Repeat(Simplified, 1000)));
        byte[] bytes = [.. gbk, 0xFF, (byte)'\n'];

        using DetectingTextReader reader = EncodingDetector.OpenReader(new MemoryStream(bytes), leaveOpen: true);
        string text = reader.ReadToEnd();

        Assert.EndsWith("\uFFFD\n", text, StringComparison.Ordinal);
        Assert.Equal(1, reader.ReplacedSequenceCount);
        Assert.Equal(-1, reader.Peek());
    }

    [Fact]
    public void Read_Empty_IsAsciiAndEmpty()
    {
        using DetectingTextReader reader = EncodingDetector.OpenReader(new MemoryStream());

        Assert.Equal("", reader.ReadToEnd());
        Assert.True(reader.Detection.IsAscii);
    }

    /// <summary>A stream that hands out one byte per read, like a slow pipe.</summary>
    private sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);
    }
}
