using System.Buffers;
using System.Text;

namespace TextRepair.Tests;

/// <summary>ChineseConverter's UTF-8 span API and its TextReader API (the string and UTF-16 span API: ChineseConverterTests).</summary>
public sealed class ChineseConverterStreamingTests
{
    [Fact]
    public void Utf8Api_ConvertsValidText()
    {
        ChineseConverter converter = ChineseConverter.Get("tw2sp");
        byte[] source = Encoding.UTF8.GetBytes("滑鼠和硬碟\r\n");
        byte[] destination = new byte[converter.GetMaxConvertedUtf8Length(source.Length)];
        OperationStatus status = converter.ConvertUtf8(source, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(source.Length, consumed);
        Assert.Equal("鼠标和硬盘\r\n", Encoding.UTF8.GetString(destination, 0, written));
    }

    [Fact]
    public void Utf8Api_InvalidByte_ConvertsTheTextBeforeAndStopsAtIt()
    {
        byte[] head = Encoding.UTF8.GetBytes("汉字");
        byte[] source = [.. head, 0xFF, .. Encoding.UTF8.GetBytes("汉")];
        byte[] destination = new byte[64];
        OperationStatus status = ChineseConverter.Get("s2t").ConvertUtf8(source, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.InvalidData, status);
        Assert.Equal(head.Length, consumed);
        Assert.Equal("漢字", Encoding.UTF8.GetString(destination, 0, written));
    }

    [Fact]
    public void Utf8Api_TruncatedSequence_NeedsMoreDataUnlessFinal()
    {
        byte[] source = Encoding.UTF8.GetBytes("汉字\n汉");
        byte[] truncated = source.AsSpan(0, source.Length - 1).ToArray();
        byte[] destination = new byte[64];
        ChineseConverter converter = ChineseConverter.Get("s2t");

        Assert.Equal(OperationStatus.NeedMoreData, converter.ConvertUtf8(truncated, destination, out int consumed, out int written, isFinalBlock: false));
        Assert.Equal(7, consumed);
        Assert.Equal("漢字\n", Encoding.UTF8.GetString(destination, 0, written));

        Assert.Equal(OperationStatus.InvalidData, converter.ConvertUtf8(truncated, destination, out consumed, out _, isFinalBlock: true));
        Assert.Equal(7, consumed);
    }

    [Fact]
    public void Utf8Api_DestinationTooSmall_Resumes()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        byte[] source = Encoding.UTF8.GetBytes("汉字，汉字。头发，干杯！");
        var output = new List<byte>();
        int position = 0;
        while (true)
        {
            byte[] destination = new byte[10];
            OperationStatus status = converter.ConvertUtf8(source.AsSpan(position), destination, out int consumed, out int written);
            output.AddRange(destination.AsSpan(0, written).ToArray());
            position += consumed;
            if (status == OperationStatus.Done)
            {
                break;
            }

            Assert.Equal(OperationStatus.DestinationTooSmall, status);
            Assert.True(consumed > 0);
        }

        Assert.Equal("漢字，漢字。頭髮，乾杯！", Encoding.UTF8.GetString(output.ToArray()));
    }

    // ---- TextReader API ----

    [Fact]
    public void TextReaderApi_ConvertsLongTextInBlocks()
    {
        ChineseConverter converter = ChineseConverter.Get("s2twp");
        string text = string.Concat(Enumerable.Repeat("鼠标里面的硅二极管坏了，导致光标分辨率降低。\n", 2000));
        using var writer = new StringWriter();
        converter.Convert(new StringReader(text), writer);
        Assert.Equal(converter.Convert(text), writer.ToString());
    }

    [Fact]
    public void TextReaderApi_TextWithoutBreaks_IsStillConvertedWhole()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        string text = string.Concat(Enumerable.Repeat("干杯头发", 10000));
        using var writer = new StringWriter();
        converter.Convert(new StringReader(text), writer);
        Assert.Equal(converter.Convert(text), writer.ToString());
    }

    [Fact]
    public void TextReaderApi_Nulls_Throw()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        Assert.Throws<ArgumentNullException>(() => converter.Convert(null!, TextWriter.Null));
        Assert.Throws<ArgumentNullException>(() => converter.Convert(new StringReader(string.Empty), null!));
    }
}
