using System.Text;
using TextRepair.Analysis.Detection;

namespace TextRepair.Tests;

/// <summary>Japanese legacy files (session 31): half-width katakana, and Windows' Shift_JIS (code page 932) in full.</summary>
public sealed partial class EncodingDetectorTests
{
    // A bank or accounting CSV export: half-width katakana between ASCII. The GB18030 reading has 3 invalid sequences.
    private const string KanaCsv = "商品コード,商品名,価格\n1001,ﾎﾞｰﾙﾍﾟﾝ,100\n1002,ｴﾝﾋﾟﾂ,50\n1003,ﾉｰﾄ,200\n";

    // cp932 as Python's codec writes it: 髙 as 0xEEE0 and 﨑 as 0xED95 (NEC-selected IBM extensions), ① as 0x8740.
    private const string Memo = "議題：①予算案 ②人事異動 ③その他\n担当：髙橋、﨑山\n";
    private const string MemoCp932 =
        "8B6391E881468740975C8E5A88C4208741906C8E9688D993AE20874282BB82CC91BC0A925393968146EEE08BB48141ED958E520A";

    // EUC-JP with half-width katakana (0x8E and a byte): read as GB18030 before, with confidence 1.00.
    private const string EucJpKana = "ﾃﾞｰﾀﾍﾞｰｽ ｴﾗｰ です。\n";
    private const string EucJpKanaBytes = "8EC38EDE8EB08EC08ECD8EDE8EB08EBD208EB48ED78EB020A4C7A4B9A1A30A";

    public static TheoryData<string, string, string> JapaneseLegacyFiles => new()
    {
        { "shift_jis", KanaCsv, Convert.ToHexString(DetectionEvaluationSet.Strict("shift_jis").GetBytes(KanaCsv)) },
        { "shift_jis", "ｶﾞｲﾄﾞﾌﾞｯｸ ﾀﾞｳﾝﾛｰﾄﾞ\n", Convert.ToHexString(DetectionEvaluationSet.Strict("shift_jis").GetBytes("ｶﾞｲﾄﾞﾌﾞｯｸ ﾀﾞｳﾝﾛｰﾄﾞ\n")) },
        { "shift_jis", Memo, MemoCp932 },
        { "euc-jp", EucJpKana, EucJpKanaBytes },
    };

    [Theory]
    [MemberData(nameof(JapaneseLegacyFiles))]
    public void Detect_JapaneseLegacyFile_NamesItsEncodingAndDecodesItExactly(string name, string text, string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);

        string decoded = EncodingDetector.Decode(bytes, out EncodingDetection detection);

        Assert.Equal(name, detection.Name);
        Assert.Equal(text, decoded);
        Assert.True(detection.Confidence > 0.9, detection.ToString());
    }

    [Fact]
    public void Detect_HalfwidthKatakanaCsv_NoReadingWithInvalidSequencesWinsOverTheCleanOne()
    {
        byte[] bytes = DetectionEvaluationSet.Strict("shift_jis").GetBytes(KanaCsv);
        Encoding gb18030 = EncodingDetector.GetEncoding("gb18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        Assert.Throws<DecoderFallbackException>(() => gb18030.GetString(bytes));

        EncodingDetection detection = EncodingDetector.Detect(bytes);

        EncodingCandidate gb = detection.Candidates.Single(candidate => candidate.Name == "gb18030");
        Assert.True(gb.Confidence < 0.01, detection.ToString());
    }

    [Fact]
    public void GetEncoding_ShiftJis_DecodesTheNecSelectedIbmExtensionsAsTheIbmExtensions()
    {
        Encoding shiftJis = EncodingDetector.GetEncoding("shift_jis", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var ibm = new HashSet<string>();
        for (int lead = 0xFA; lead <= 0xFC; lead++)
        {
            for (int trail = 0x40; trail <= 0xFC; trail++)
            {
                if (TryDecode(shiftJis, lead, trail) is string text)
                {
                    ibm.Add(text);
                }
            }
        }

        var nec = new List<string>();
        for (int lead = 0xED; lead <= 0xEE; lead++)
        {
            for (int trail = 0x40; trail <= 0xFC; trail++)
            {
                if (TryDecode(shiftJis, lead, trail) is string text)
                {
                    nec.Add(text);
                }
            }
        }

        // Microsoft's CP932.TXT: 374 characters in rows 89-92, all of them among the IBM extensions, none twice.
        Assert.Equal(374, nec.Count);
        Assert.Equal(374, nec.Distinct().Count());
        Assert.DoesNotContain(nec, text => !ibm.Contains(text));
        Assert.Equal("纊", Decode(shiftJis, 0xED, 0x40));
        Assert.Equal("黑", Decode(shiftJis, 0xEE, 0xEC));
        Assert.Equal("ⅰ", Decode(shiftJis, 0xEE, 0xEF));
        Assert.Equal("ⅹ", Decode(shiftJis, 0xEE, 0xF8));
        Assert.Equal("￢", Decode(shiftJis, 0xEE, 0xF9));
        Assert.Equal("＂", Decode(shiftJis, 0xEE, 0xFC));
        Assert.Null(TryDecode(shiftJis, 0xEE, 0xED));
    }

    [Fact]
    public void GetEncoding_ShiftJis_DecodesEveryPairOfMicrosoftsCp932Table()
    {
        Encoding shiftJis = EncodingDetector.GetEncoding("shift_jis", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        int pairs = 0;
        foreach (int lead in Enumerable.Range(0x81, 0x1F).Concat(Enumerable.Range(0xE0, 0x1D)))
        {
            for (int trail = 0x40; trail <= 0xFC; trail++)
            {
                pairs += TryDecode(shiftJis, lead, trail) is null ? 0 : 1;
            }
        }

        // CP932.TXT (what Windows and Python's cp932 decode): 7,724 two-byte characters and 1,880 user-defined ones.
        // The framework's table alone decodes 9,206: it lacks the 374 NEC-selected IBM extensions and 24 duplicates.
        Assert.Equal(9604, pairs);
        Assert.Equal("≒", Decode(shiftJis, 0x87, 0x90));
        Assert.Equal("Ⅰ", Decode(shiftJis, 0xFA, 0x4A));
        Assert.Equal("㈱", Decode(shiftJis, 0xFA, 0x58));
        Assert.Equal("∵", Decode(shiftJis, 0xFA, 0x5B));
        Assert.Equal("￢", Decode(shiftJis, 0xFA, 0x54));
    }

    [Fact]
    public void GetEncoding_ShiftJis_DecodesANecSelectedPairSplitAcrossBlocks()
    {
        byte[] bytes = Convert.FromHexString(MemoCp932);
        Encoding shiftJis = EncodingDetector.GetEncoding("shift_jis", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        Decoder decoder = shiftJis.GetDecoder();
        var text = new StringBuilder();
        char[] chars = new char[8];
        for (int i = 0; i < bytes.Length; i++)
        {
            Assert.Equal(decoder.GetCharCount(bytes, i, 1, flush: i == bytes.Length - 1), decoder.GetCharCount(bytes, i, 1, flush: i == bytes.Length - 1));
            int count = decoder.GetChars(bytes, i, 1, chars, 0, flush: i == bytes.Length - 1);
            text.Append(chars, 0, count);
        }

        Assert.Equal(Memo, text.ToString());
        Assert.Equal(Memo, shiftJis.GetString(bytes));
        Assert.Equal(Memo.Length, shiftJis.GetCharCount(bytes));
    }

    [Fact]
    public void HalfwidthKatakana_Widen_IsNfkcOfEveryLetterAndEveryComposedLetter()
    {
        for (char c = '\uFF61'; c <= '\uFF9D'; c++)
        {
            string nfkc = c.ToString().Normalize(NormalizationForm.FormKC);
            Assert.Equal(nfkc + nfkc, Widen(new string(c, 2)));
            foreach (char mark in "\uFF9E\uFF9F")
            {
                string pair = string.Concat(c, mark);
                string composed = pair.Normalize(NormalizationForm.FormKC);
                string expected = composed.Length == 1 ? composed : nfkc + (mark == '\uFF9E' ? "\u309B" : "\u309C");
                Assert.Equal(expected, Widen(pair));
            }
        }

        Assert.Equal("データベース エラー です。", Widen("ﾃﾞｰﾀﾍﾞｰｽ ｴﾗｰ です。"));
    }

    [Fact]
    public void HalfwidthKatakana_Widen_LeavesALoneHalfwidthFormAlone()
    {
        // ISO-8859-1 " 45°" read as Shift_JIS: 0xB0 is ｰ, a half-width form no half-width text has standing alone.
        Assert.Equal(" 45ｰ", Widen(" 45ｰ"));
        Assert.Equal("ｱ ｲ", Widen("ｱ ｲ"));
        Assert.Equal("アイ ｳ", Widen("ｱｲ ｳ"));
    }

    private static string Widen(string text)
    {
        char[] chars = text.ToCharArray();
        return new string(chars, 0, HalfwidthKatakana.Widen(chars));
    }

    private static string Decode(Encoding encoding, int lead, int trail) => encoding.GetString([(byte)lead, (byte)trail]);

    private static string? TryDecode(Encoding encoding, int lead, int trail)
    {
        if (trail == 0x7F)
        {
            return null;
        }

        try
        {
            string text = encoding.GetString([(byte)lead, (byte)trail]);
            return text.Length == 1 || char.IsSurrogatePair(text, 0) ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
