using System.Text;

namespace TextRepair.Tests;

/// <summary>
/// <see cref="StrictCodePages"/>: a byte a code page leaves unassigned, which Windows' table fills with a private-use
/// character, is invalid input; the private-use characters the standards assign to multi-byte sequences are kept.
/// </summary>
public sealed class StrictCodePagesTests
{
    static StrictCodePagesTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<int, string> Texts => new()
    {
        { 932, "第二行中文内容" },
        { 51932, "第二行中文内容" },
        { 949, "中華民國的首都是臺北市" },
        { 936, "中华人民共和国" },
        { 950, "中華民國的首都" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decode_StrayFfByte_IsInvalidAtItsIndex(int codePage, string text)
    {
        byte[] valid = Encoding.GetEncoding(codePage).GetBytes(text);
        byte[] bytes = [.. valid[..4], 0xFF, .. valid[4..]];
        Encoding strict = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        DecoderFallbackException exception = Assert.Throws<DecoderFallbackException>(() => strict.GetString(bytes));

        Assert.Equal(4, exception.Index);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decode_StrayFfByte_WithReplacement_IsReplacementCharacter(int codePage, string text)
    {
        byte[] valid = Encoding.GetEncoding(codePage).GetBytes(text);
        byte[] bytes = [.. valid[..4], 0xFF, .. valid[4..]];
        Encoding strict = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));

        string decoded = strict.GetString(bytes);

        Assert.Equal(text[..2] + "\uFFFD" + text[2..], decoded);
    }

    [Theory]
    [InlineData(932, new byte[] { 0xA0 })]
    [InlineData(932, new byte[] { 0xFD })]
    [InlineData(51932, new byte[] { 0xA0 })]
    public void Decode_OtherFillerBytes_AreInvalid(int codePage, byte[] filler)
    {
        Encoding strict = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        Assert.Throws<DecoderFallbackException>(() => strict.GetString([(byte)'a', .. filler, (byte)'b']));
    }

    [Theory]
    [InlineData(932, new byte[] { 0xF0, 0x40 }, '\uE000')] // Shift_JIS user-defined area (Windows EUDC)
    [InlineData(936, new byte[] { 0xA1, 0x40 }, '\uE4C6')] // GBK user-defined area
    [InlineData(54936, new byte[] { 0xAA, 0xA1 }, '\uE000')] // GB18030 user-defined area
    [InlineData(950, new byte[] { 0x81, 0x40 }, '\uEEB8')] // Big5 user-defined area
    [InlineData(949, new byte[] { 0xC9, 0xA1 }, '\uE000')] // EUC-KR user-defined row
    public void Decode_PrivateUseOfTheStandard_IsKept(int codePage, byte[] bytes, char expected)
    {
        Encoding strict = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        Assert.Equal("a" + expected, strict.GetString([(byte)'a', .. bytes]));
    }

    [Theory]
    [InlineData(932)]
    [InlineData(51932)]
    [InlineData(949)]
    [InlineData(936)]
    [InlineData(950)]
    [InlineData(1361)]
    public void Decode_EveryTwoByteSequence_AsTheCodePageDecodesIt(int codePage)
    {
        Encoding inner = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        Encoding strict = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        for (int lead = 0x81; lead <= 0xFE; lead++)
        {
            for (int trail = 0x21; trail <= 0xFE; trail++)
            {
                byte[] pair = [(byte)lead, (byte)trail];
                string expected = inner.GetString(pair);
                if (expected.Length == 1 && expected[0] != '\uFFFD')
                {
                    Assert.Equal(expected, strict.GetString(pair));
                }
            }
        }
    }

    [Fact]
    public void Decoder_SequenceSplitAcrossCalls_TrailIsNotMistakenForFiller()
    {
        // 0x81 0xA0 is a Shift_JIS pair (U+25A1); 0xA0 alone is a filler byte.
        Decoder decoder = StrictCodePages.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetDecoder();
        char[] chars = new char[4];

        int first = decoder.GetChars([(byte)'a', 0x81], 0, 2, chars, 0, flush: false);
        int second = decoder.GetChars([0xA0, (byte)'b'], 0, 2, chars, first, flush: true);

        Assert.Equal("a\u25A1b", new string(chars, 0, first + second));
    }

    [Theory]
    [InlineData(65001)]
    [InlineData(54936)]
    [InlineData(1252)]
    public void GetEncoding_CodePageWithoutFillers_IsTheFrameworksOwn(int codePage)
    {
        Encoding strict = StrictCodePages.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        Assert.NotEqual(typeof(StrictCodePages).Assembly, strict.GetType().Assembly);
        Assert.Equal(codePage, strict.CodePage);
    }

    [Fact]
    public void EncodingDetector_ShiftJisWithStrayByte_DecodesItAsInvalidNotPrivateUse()
    {
        const string Text = "第二行中文内容，これはテストです。\n";
        byte[] valid = Encoding.GetEncoding(932).GetBytes(Text);
        byte[] bytes = [.. valid[..8], 0xFF, .. valid[8..]];

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal("shift_jis", detection.Name);
        Assert.DoesNotContain('\uF8F3', decoded);
        Assert.Equal(Text, decoded.Remove(4, 1)); // the detector's replacement character in place of the byte
    }
}
