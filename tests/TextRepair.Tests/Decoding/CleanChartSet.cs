using System.Globalization;
using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>One clean chart: its family (what generated it) and its text.</summary>
public sealed record ChartCase(string Family, string Text);

/// <summary>
/// Clean charts and inventories generated from the encodings themselves, which the encoding repair must leave alone
/// and unflagged: what users paste from code tables, alphabet lists, keyboard help and font specimens. Every such run
/// is, under some wrong decoder, the bytes of *some* other text, and a chart in a legacy code page's order decodes under
/// another code page to a chart of that code page (GB2312's pinyin vowels to EUC-KR's Greek). Families:
/// <list type="bullet">
/// <item>the rows of each double-byte code page of the matrix (GBK, Big5, Shift-JIS, EUC-JP, EUC-KR) in byte order, cut
/// into charts of 4 to 12 characters: symbols, Greek, Cyrillic, kana, box drawing, pinyin, jamo, and a sample of the
/// Han rows (a character table in GB2312's or Big5's order);</item>
/// <item>the letters of the high half of each single-byte code page (ISO-8859, Windows, DOS, Mac) in byte order, the
/// same letters as capital and small pairs (ÁáÉé), and the page's symbols in byte order;</item>
/// <item>runs of CJK Extension A in code-point order (font specimens, Unicode tables);</item>
/// <item>half-width katakana in Shift-JIS's order (ｱｲｳｴｵ).</item>
/// </list>
/// Each chart appears bare and after a CJK caption (字符表：), both in the half a hash of the chart picks (bit 16 of
/// its FNV-1a hash: the lowest bit only follows the parity of the characters); the held-out half is only measured. Deterministic: the framework's code page tables alone.
/// </summary>
public static class CleanChartSet
{
    static CleanChartSet()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Lengths the charts are cut to, in turn.</summary>
    private static readonly int[] s_lengths = [4, 6, 8, 12, 5];

    /// <summary>Charts taken from one row of a code page at most: spread over the row.</summary>
    private const int ChartsPerRow = 3;

    /// <summary>Every Nth Han row of a double-byte code page is sampled (a character table in its order).</summary>
    private const int HanRowStep = 8;

    private static readonly (string Name, int CodePage)[] s_doubleByte =
    [
        ("gbk", 936), ("big5", 950), ("shift-jis", 932), ("euc-jp", 51932), ("euc-kr", 949),
    ];

    private static readonly (string Name, int CodePage)[] s_singleByte =
    [
        ("iso-8859-1", 28591), ("iso-8859-2", 28592), ("iso-8859-3", 28593), ("iso-8859-4", 28594),
        ("iso-8859-5", 28595), ("iso-8859-7", 28597), ("iso-8859-9", 28599), ("iso-8859-13", 28603),
        ("iso-8859-15", 28605), ("windows-1250", 1250), ("windows-1251", 1251), ("windows-1252", 1252),
        ("windows-1253", 1253), ("windows-1254", 1254), ("windows-1257", 1257), ("cp437", 437), ("cp850", 850),
        ("cp852", 852), ("cp866", 866), ("mac-roman", 10000),
    ];

    /// <summary>The cases of one half: <paramref name="heldOut"/> false for the dev half.</summary>
    public static List<ChartCase> Build(bool heldOut)
    {
        var charts = new List<ChartCase>();
        foreach ((string name, int codePage) in s_doubleByte)
        {
            AddDoubleByteRows(charts, name, Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
        }

        foreach ((string name, int codePage) in s_singleByte)
        {
            AddSingleByteInventories(charts, name, Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback));
        }

        for (int start = 0x3400, k = 0; start < 0x4DB6; start += 0x100, k++)
        {
            int length = Math.Min(2 + (k % 5), 0x4DB6 - start);
            charts.Add(new ChartCase("cjk extension a", string.Concat(Enumerable.Range(start, length).Select(c => (char)c))));
        }

        string halfWidth = string.Concat(Enumerable.Range(0xFF71, 0xFF9D - 0xFF71 + 1).Select(c => (char)c));
        AddCut(charts, "half-width katakana", halfWidth, int.MaxValue);

        var cases = new List<ChartCase>();
        foreach (ChartCase chart in charts.DistinctBy(c => c.Text).Where(c => (((Hash(c.Text) >> 16) & 1) == 1) == heldOut))
        {
            cases.Add(chart);
            cases.Add(chart with { Text = "字符表：" + chart.Text });
        }

        return cases;
    }

    // The row of each lead byte in trail-byte order; a run of consecutive valid codes is cut into charts.
    private static void AddDoubleByteRows(List<ChartCase> charts, string name, Encoding encoding)
    {
        int hanRows = 0;
        for (int lead = 0x81; lead <= 0xFE; lead++)
        {
            var row = new StringBuilder();
            for (int trail = 0x40; trail <= 0xFE; trail++)
            {
                string? c = Decode(encoding, name == "euc-jp" && lead == 0x8F ? null : [(byte)lead, (byte)trail]);
                if (c is null || c.Length != 1 || !Charted(c[0]))
                {
                    continue;
                }

                row.Append(c[0]);
            }

            if (row.Length < 4)
            {
                continue;
            }

            string text = row.ToString();
            bool han = text.Count(IsHan) * 2 > text.Length;
            if (han && hanRows++ % HanRowStep != 0)
            {
                continue;
            }

            string family = han ? $"{name} han rows" : $"{name} rows";
            AddCut(charts, family, new string([.. text.Where(c => IsHan(c) == han)]), ChartsPerRow);
        }
    }

    // A single-byte page's high half: its letters in byte order, the same as capital and small pairs, its symbols.
    private static void AddSingleByteInventories(List<ChartCase> charts, string name, Encoding encoding)
    {
        var letters = new StringBuilder();
        var symbols = new StringBuilder();
        for (int b = 0x80; b <= 0xFF; b++)
        {
            string? c = Decode(encoding, [(byte)b]);
            if (c is null || c.Length != 1 || !Charted(c[0]))
            {
                continue;
            }

            (char.IsLetter(c[0]) ? letters : symbols).Append(c[0]);
        }

        string text = letters.ToString();
        AddCut(charts, "single-byte letters", text, ChartsPerRow);
        var pairs = new StringBuilder();
        foreach (char upper in text.Where(char.IsUpper))
        {
            char lower = char.ToLowerInvariant(upper);
            if (lower != upper && text.Contains(lower, StringComparison.Ordinal))
            {
                pairs.Append(upper).Append(lower);
            }
        }

        AddCut(charts, "single-byte case pairs", pairs.ToString(), ChartsPerRow);
        AddCut(charts, "single-byte symbols", symbols.ToString(), ChartsPerRow);
    }

    // Cuts text into charts of the lengths of s_lengths in turn, and keeps at most max of them, spread over it.
    private static void AddCut(List<ChartCase> charts, string family, string text, int max)
    {
        var cut = new List<string>();
        int k = Hash(family + text) % s_lengths.Length;
        for (int i = 0; i + 2 <= text.Length; k++)
        {
            int length = Math.Min(s_lengths[k % s_lengths.Length], text.Length - i);
            cut.Add(text.Substring(i, length));
            i += length;
        }

        int step = Math.Max(1, cut.Count / Math.Min(max, Math.Max(1, cut.Count)));
        charts.AddRange(cut.Where((_, i) => i % step == 0).Take(max).Select(t => new ChartCase(family, t)));
    }

    private static string? Decode(Encoding encoding, byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // A character a chart shows: printable, not ASCII, not a space, not private use, not a replacement.
    private static bool Charted(char c) =>
        c >= 0x80 && !char.IsControl(c) && !char.IsWhiteSpace(c) && !char.IsSurrogate(c) && c != '\uFFFD'
        && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Format);

    private static bool IsHan(char c) => c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uAC00' and <= '\uD7A3');

    // FNV-1a over the UTF-16 units: stable across runs and platforms (string.GetHashCode is randomised).
    private static int Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
