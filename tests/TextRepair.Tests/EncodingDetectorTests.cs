using System.Text;

namespace TextRepair.Tests;

public sealed partial class EncodingDetectorTests
{
    private const string Simplified = "我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码。";
    private const string Traditional = "我們的軟體支援繁體中文與簡體中文之間的轉換，也能偵測檔案的編碼。";

    static EncodingDetectorTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<string, string> RealText => new()
    {
        { "gb18030", Simplified },
        { "big5", Traditional },
        { "shift_jis", "このソフトウェアは文字コードを自動的に判別します。" },
        { "euc-jp", "このソフトウェアは文字コードを自動的に判別します。" },
        { "euc-kr", "이 프로그램은 파일의 문자 인코딩을 자동으로 감지합니다." },
        { "windows-1251", "Программа автоматически определяет кодировку файла." },
        { "windows-1250", "Program automatycznie rozpoznaje kodowanie znaków w pliku użytkownika." },
        { "windows-1252", "Das Programm erkennt die Zeichenkodierung der Datei selbstständig – schön." },
        { "utf-16le", Simplified },
        { "utf-16be", Traditional },
        { "utf-8", Simplified },
    };

    [Theory]
    [MemberData(nameof(RealText))]
    public void Detect_RealSentence_NamesItsEncodingAndDecodesItExactly(string name, string text)
    {
        byte[] bytes = DetectionEvaluationSet.Strict(name).GetBytes(text);

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal(name, detection.Name);
        Assert.Equal(text, decoded);
        Assert.False(detection.HasBom);
        Assert.False(detection.IsBinary);
        Assert.True(detection.Confidence > 0.9, detection.ToString());
        Assert.Equal(EncodingDetector.CandidateNames.Length, detection.Candidates.Count);
    }

    [Fact]
    public void Detect_Empty_IsAsciiWithFullConfidence()
    {
        EncodingDetection detection = EncodingDetector.Detect([]);

        Assert.Equal("ascii", detection.Name);
        Assert.True(detection.IsAscii);
        Assert.Equal(1.0, detection.Confidence);
        Assert.Equal("", EncodingDetector.Decode([], out _));
    }

    [Fact]
    public void Detect_PureAscii_IsAsciiAndUtf8Compatible()
    {
        EncodingDetection detection = EncodingDetector.Detect("Hello, world!\r\n\tTabs and lines.\n"u8);

        Assert.Equal("ascii", detection.Name);
        Assert.True(detection.IsAscii);
        Assert.Equal(65001, detection.Encoding.CodePage);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE }, "utf-16le")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "utf-16be")]
    public void Detect_ByteOrderMark_WinsOverTheContent(byte[] bom, string name)
    {
        byte[] gbk = DetectionEvaluationSet.Strict("gb18030").GetBytes(Simplified);
        byte[] text = DetectionEvaluationSet.Strict(name).GetBytes(Simplified);

        EncodingDetection onGbk = EncodingDetector.Detect([.. bom, .. gbk]);
        string decoded = EncodingDetector.Decode([.. bom, .. text], out EncodingDetection detection);

        Assert.Equal(name, onGbk.Name);
        Assert.Equal(bom.Length, onGbk.BomLength);
        Assert.True(detection.HasBom);
        Assert.Equal(Simplified, decoded);
    }

    // UTF-32 by its mark or by its structure (Utf32Detection): before session 30 the detector had no UTF-32 candidate,
    // and the tool's --encoding auto skipped such a file as binary with exit code 0.
    [Theory]
    [InlineData("utf-32le", true)]
    [InlineData("utf-32be", true)]
    [InlineData("utf-32le", false)]
    [InlineData("utf-32be", false)]
    public void Detect_Utf32_ByItsMarkOrItsStructure(string name, bool bom)
    {
        const string text = Simplified + "\nHello, 繁體 😀\n";
        var encoding = new UTF32Encoding(bigEndian: name == "utf-32be", byteOrderMark: bom);

        string decoded = EncodingDetector.Decode([.. encoding.GetPreamble(), .. encoding.GetBytes(text)], out EncodingDetection detection);

        Assert.Equal(name, detection.Name);
        Assert.Equal(bom ? 4 : 0, detection.BomLength);
        Assert.False(detection.IsBinary);
        Assert.Equal(text, decoded);
        Assert.Equal(name == "utf-32be", detection.Encoding.GetBytes("A")[0] == 0);
    }

    [Fact]
    public void Detect_Utf32Structure_NeedsScalarValuesThatAreText()
    {
        // An array of small integers has UTF-32's structure but reads as control characters: binary, not UTF-32.
        byte[] integers = new byte[400];
        for (int i = 0; i < 100; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(integers.AsSpan(i * 4), i % 20);
        }

        Assert.DoesNotContain("utf-32", EncodingDetector.Detect(integers).Name, StringComparison.Ordinal);

        // UTF-16 text, of CJK or of ASCII, never has it.
        Assert.Equal("utf-16le", EncodingDetector.Detect(Encoding.Unicode.GetBytes(Simplified + Simplified)).Name);
        Assert.Equal("utf-16le", EncodingDetector.Detect(Encoding.Unicode.GetBytes("Hello, world! This is ASCII text.\n")).Name);
        Assert.Equal("utf-16be", EncodingDetector.Detect(Encoding.BigEndianUnicode.GetBytes("Hello, world! This is ASCII text.\n")).Name);
    }

    // The one table of byte order marks: the tool reads marks through it (session 31: it had three copies of its own).
    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }, "utf-8", 3, 65001)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0 }, "utf-32le", 4, 12000)]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, 0x41 }, "utf-32be", 4, 12001)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0 }, "utf-16le", 2, 1200)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, 0x41 }, "utf-16be", 2, 1201)]
    public void DetectByteOrderMark_NamesEachMarkAsDetectDoes(byte[] bytes, string name, int length, int codePage)
    {
        EncodingDetection mark = EncodingDetector.DetectByteOrderMark(bytes)!;

        Assert.Equal(name, mark.Name);
        Assert.Equal(length, mark.BomLength);
        Assert.Equal(codePage, mark.Encoding.CodePage);
        Assert.Same(mark, EncodingDetector.Detect(bytes));
        Assert.Same(mark, EncodingDetector.DetectByteOrderMark(bytes.AsSpan(0, length)));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xEF, 0xBB })]
    [InlineData(new byte[] { 0xFE })]
    [InlineData(new byte[] { 0, 0, 0xFF, 0xFE })]
    [InlineData(new byte[] { 0x41, 0xEF, 0xBB, 0xBF })]
    public void DetectByteOrderMark_NoMark_IsNull(byte[] bytes)
    {
        Assert.Null(EncodingDetector.DetectByteOrderMark(bytes));
    }

    [Fact]
    public void DetectUtf32_AnswersTheStructureAlone()
    {
        byte[] little = new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes(Simplified);
        byte[] big = new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(Simplified);
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal("utf-32le", EncodingDetector.DetectUtf32(little)!.Name);
        Assert.Equal("utf-32be", EncodingDetector.DetectUtf32(big)!.Name);
        Assert.Equal(EncodingDetector.Detect(little).Name, EncodingDetector.DetectUtf32(little)!.Name);
        Assert.Null(EncodingDetector.DetectUtf32(elf));
        Assert.Null(EncodingDetector.DetectUtf32(Encoding.Unicode.GetBytes(Simplified)));

        // A prefix cut inside a unit: whole units only when more follows.
        Assert.Null(EncodingDetector.DetectUtf32(little.AsSpan(0, little.Length - 1)));
        Assert.Equal("utf-32le", EncodingDetector.DetectUtf32(little.AsSpan(0, little.Length - 1), isFinalBlock: false)!.Name);
    }

    [Fact]
    public void Detect_ValidUtf8_IsUtf8EvenWhenAnotherDecodingReadsBetter()
    {
        // UTF-8 of "ÖÐÎÄ" is C3 96 C3 90 C3 8E C3 84; the language models like other decodings of such bytes better.
        byte[] bytes = Encoding.UTF8.GetBytes("ÖÐÎÄ");

        Assert.Equal("utf-8", EncodingDetector.Detect(bytes).Name);
    }

    [Fact]
    public void Detect_LossyDecoding_NeverBeatsALosslessOne()
    {
        // U+20AC and U+1F600 need GB18030's four-byte sequences, which GBK-only decoders (and Big5, EUC-*) reject.
        string text = "价格是 100 € 😀，" + Simplified;
        byte[] bytes = DetectionEvaluationSet.Strict("gb18030").GetBytes(text);

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal("gb18030", detection.Name);
        Assert.Equal(text, decoded);
    }

    [Fact]
    public void Detect_ExecutableBytes_IsBinary()
    {
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0, 1, 0, 0, 0, 0x10, 0x6D, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0xB8, 0x90, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0x38, 0, 0x0D, 0, 0x40, 0, 0x1F, 0, 0x1E, 0];

        Assert.True(EncodingDetector.Detect(elf).IsBinary);
        Assert.False(EncodingDetector.Detect(Encoding.Unicode.GetBytes("Plain English text in UTF-16, no byte order mark.")).IsBinary);
    }

    [Fact]
    public void Detect_LongAsciiStartThenGbk_LooksWhereTheBytesDiffer()
    {
        byte[] ascii = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("A long English header line.\n", 2000)));
        byte[] bytes = [.. ascii, .. DetectionEvaluationSet.Strict("gb18030").GetBytes(Simplified)];

        Assert.Equal("gb18030", EncodingDetector.Detect(bytes).Name);
    }

    [Fact]
    public void Detect_LongInputInvalidAfterTheSample_IsRevisedByTheValidityScan()
    {
        // Traditional text that reads well as GB18030 in its first 16 KB, then has a Big5 pair GB18030 cannot decode (0x8840, HKSCS).
        var text = new StringBuilder();
        while (text.Length < 12_000)
        {
            text.Append(Traditional).Append('\n');
        }

        byte[] big5 = DetectionEvaluationSet.Strict("big5").GetBytes(text.ToString());
        byte[] bytes = [.. big5, 0x88, 0x40, (byte)'\n'];

        EncodingDetection detection = EncodingDetector.Detect(bytes);

        Assert.Equal("big5", detection.Name);
        Assert.Equal(text + "\u31C0\n", detection.Encoding.GetString(bytes)); // pointer 1099 of index-big5
    }

    [Fact]
    public void GetEncoding_Big5_IsWhatwgBig5WithHkscs()
    {
        Encoding big5 = EncodingDetector.GetEncoding("BIG5", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

        Assert.Equal("big5", big5.WebName);
        Assert.Equal("\u00CA\u0304\u00EA\u030C", big5.GetString([0x88, 0x62, 0x88, 0xA5]));
        Assert.Equal("\u43F0", big5.GetString([0x87, 0x40])); // HKSCS pointer 942, decode only (below the 0xA1 leads)
        Assert.Equal(Traditional, big5.GetString(big5.GetBytes(Traditional)));
        Assert.Equal("\u4E36", big5.GetString(big5.GetBytes("\u4E36"))); // HKSCS in the encodable range
        Assert.Throws<EncoderFallbackException>(() => Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes("\u4E36"));
        Assert.Throws<DecoderFallbackException>(() => big5.GetString([0xA4]));
        Assert.Null(EncodingDetector.GetEncoding("koi8-r", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
    }

    [Fact]
    public void Big5Decoder_PairSplitAcrossCalls_DecodesLikeTheWhole()
    {
        Encoding big5 = EncodingDetector.GetEncoding("big5", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        byte[] bytes = big5.GetBytes(Traditional);
        Decoder decoder = big5.GetDecoder();
        var text = new StringBuilder();
        char[] chars = new char[8];
        for (int i = 0; i < bytes.Length; i++)
        {
            int count = decoder.GetChars(bytes, i, 1, chars, 0, flush: i == bytes.Length - 1);
            text.Append(chars, 0, count);
        }

        Assert.Equal(Traditional, text.ToString());
    }

    [Fact]
    public void Big5Decoder_InvalidTrailThatIsAscii_IsDecodedAgain()
    {
        Encoding big5 = EncodingDetector.GetEncoding("big5", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"))!;

        Assert.Equal("\uFFFD0", big5.GetString([0xA4, (byte)'0']));
        Assert.Equal("\uFFFD\n", big5.GetString([0xA4, (byte)'\n']));
    }

    [Fact]
    public void Detect_TinyLegacyTextEndingInALineFeed_IsNotUtf16()
    {
        // "你好\n" in EUC-JP (Python's, with JIS X 0212): read as UTF-16LE "낏맟થ" with confidence 1.00, its line feed fused into U+0AA5.
        byte[] bytes = [0x8F, 0xB0, 0xDF, 0xB9, 0xA5, 0x0A];

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.DoesNotContain("utf-16", detection.Name, StringComparison.Ordinal);
        Assert.EndsWith("\n", decoded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我们的软件支持简体中文。\n")]
    [InlineData("我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码，包括以上")] // ends in U+4E0A: last byte 0x0A in big-endian
    public void Detect_Utf16BigEndianEndingInByte0A_StaysUtf16(string text)
    {
        EncodingDetection detection = EncodingDetector.Detect(Encoding.BigEndianUnicode.GetBytes(text));

        Assert.Equal("utf-16be", detection.Name);
    }

    [Fact]
    public void Detect_ShortUtf8TextWithOneNul_IsUtf8Text()
    {
        EncodingDetection detection = EncodingDetector.Detect(Encoding.UTF8.GetBytes("中文\0内容\n"));

        Assert.False(detection.IsBinary);
        Assert.Equal("utf-8", detection.Name);
    }

    [Fact]
    public void Detect_Utf16TextWithOneByteTooMany_IsUtf16NotBinary()
    {
        byte[] bytes = [.. Encoding.Unicode.GetBytes("这是一个测试文件，里面有中文。\n"), (byte)'A'];

        EncodingDetection detection = EncodingDetector.Detect(bytes);

        Assert.False(detection.IsBinary);
        Assert.Equal("utf-16le", detection.Name);
    }
    [Theory]
    [InlineData("gb18030", "这是一个测试文件，里面有中文。我们的软件支持简体中文和繁体中文之间的转换，也能检测文件的编码。")]
    [InlineData("big5", "這是一個測試檔案，裡面有中文。我們的軟體支援簡體中文和繁體中文之間的轉換，也能偵測檔案的編碼。")]
    [InlineData("shift_jis", "日本語の文章です。東京都の天気予報を調べました。会議は明日の午後三時から始まります。")]
    [InlineData("euc-kr", "한국어 문장입니다. 서울의 날씨를 확인했습니다. 회의는 내일 오후 세 시에 시작합니다.")]
    public void Decode_LegacyTextWithAnInvalidByte_MarksItWithReplacementCharacterNotQuestionMark(string name, string text)
    {
        // A byte no code page here reads (0xFF), put after an ASCII or full-width boundary in the middle: a '?' there
        // would be indistinguishable from a question mark the writer wrote.
        byte[] good = DetectionEvaluationSet.Strict(name).GetBytes(text);
        int cut = DetectionEvaluationSet.Strict(name).GetByteCount(text[..(text.Length / 2)]);
        byte[] bytes = [.. good[..cut], 0xFF, .. good[cut..]];

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal(name, detection.Name);
        Assert.DoesNotContain('?', decoded);
        Assert.Equal(1, decoded.Count(c => c == '\uFFFD'));
        Assert.Equal(decoded, detection.Encoding.GetString(bytes));
    }
}
