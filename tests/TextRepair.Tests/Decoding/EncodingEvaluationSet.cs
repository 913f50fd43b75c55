using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>What a case of the encoding evaluation expects.</summary>
public enum EvalKind
{
    /// <summary>Nothing was lost: the repair must give the original exactly.</summary>
    Recoverable,

    /// <summary>Bytes were lost: must be flagged lossy; the best possible text is the original with U+FFFD for each character that lost a byte.</summary>
    Lossy,

    /// <summary>Clean text: must come back unchanged and unflagged.</summary>
    Clean,
}

/// <summary>One case: the damaged input, the best possible repair, its cell of the matrix and its length class.</summary>
public sealed record EvalCase(string Cell, string Length, EvalKind Kind, string Input, string Expected);

/// <summary>
/// The encoding evaluation set: every cell of the matrix (true encoding × wrong decoder), three lengths (a short field
/// of 2–8 characters, a line, a paragraph of three lines), lossless and lossy (the wrong decoder's replacement, U+FFFD
/// or '?', and a truncated last byte), two- and three-layer chains, clean text in every script and prose that discusses
/// mojibake. Text: LibreOffice help (Data/Mojibake, Debian libreoffice-help-*, MPL-2.0), which the language model never
/// saw (its training packages are different ones, see src/TextRepair/Data/PROVENANCE.md). Lines with an even index
/// form the dev half (used to set the engine's thresholds), odd ones the held-out half (reported). Deterministic.
/// </summary>
public static class EncodingEvaluationSet
{
    public const int PerClass = 3;

    private static readonly System.Text.Encoding s_utf8 = new UTF8Encoding(false);

    static EncodingEvaluationSet()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>True encodings (rows): name, .NET code page, source locales.</summary>
    public static readonly (string Name, int CodePage, string[] Locales)[] Rows =
    [
        ("utf-8", 65001, ["zh-cn", "zh-tw", "ja", "ko"]),
        ("gbk", 936, ["zh-cn"]),
        ("big5", 950, ["zh-tw"]),
        ("shift-jis", 932, ["ja"]),
        ("euc-jp", 51932, ["ja"]),
        ("euc-kr", 949, ["ko"]),
        ("utf-16le", 1200, ["zh-cn"]),
        ("utf-16be", 1201, ["zh-tw"]),
    ];

    /// <summary>Wrong decoders (columns).</summary>
    public static readonly (string Name, int CodePage)[] Columns =
    [
        ("windows-1252", 1252), ("iso-8859-1", 28591), ("cp437", 437), ("cp850", 850), ("cp866", 866), ("mac-roman", 10000),
        ("windows-1251", 1251), ("gbk", 936), ("big5", 950), ("shift-jis", 932), ("euc-kr", 949), ("utf-8", 65001), ("utf-16le", 1200),
    ];

    public static readonly string[] Lengths = ["short", "line", "paragraph"];

    /// <summary>Sentences about mojibake that name loss markers on purpose (clean: must not change or be flagged).</summary>
    public static readonly string[] MojibakeProse =
    [
        "乱码里常见的“锟斤拷”是怎么来的？",
        "很多人都见过锟斤拷，它是 UTF-8 的替换字符被当成 GBK 读出来的结果。",
        "在 Visual Studio 里调试时，未初始化的栈内存显示为“烫烫烫”，堆内存显示为“屯屯屯”。",
        "如果看到“�”，说明解码器遇到了无法识别的字节。",
        "文件名变成了“╬─╝■”这样的字符，是因为 unzip 用 cp866 解释了 GBK 编码的文件名。",
        "网页上的“ä¸­æ–‡”其实就是“中文”两个字的 UTF-8 字节被当成 Windows-1252 显示。",
        "亂碼中最有名的是「錕斤拷」，其次是「燙燙燙」。",
        "文字化けの例として「縺薙ｓ縺ｫ縺｡縺ｯ」がよく知られている。",
    ];

    public static IReadOnlyList<string> Lines(string locale) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "Mojibake", locale + ".txt"), System.Text.Encoding.UTF8);

    public static List<EvalCase> Build(bool heldOut, int seed = 12)
    {
        var random = new Random(seed);
        var lines = new Dictionary<string, List<string>>();
        foreach (string locale in new[] { "zh-cn", "zh-tw", "ja", "ko", "de", "en-us" })
        {
            lines[locale] = Lines(locale).Where((_, i) => (i % 2 == 1) == heldOut).ToList();
        }

        var cases = new List<EvalCase>();
        foreach ((string rowName, int rowPage, string[] locales) in Rows)
        {
            System.Text.Encoding writer = Strict(rowPage);
            foreach ((string colName, int colPage) in Columns)
            {
                if (SameFamily(rowName, colName))
                {
                    continue;
                }

                System.Text.Encoding reader = Strict(colPage);
                string cell = $"{rowName} > {colName}";
                foreach (string length in Lengths)
                {
                    Generate(cases, cell, length, EvalKind.Recoverable, random, () => Sample(lines[locales[random.Next(locales.Length)]], length, random), t => Lossless(t, writer, reader));
                    Generate(cases, cell, length, EvalKind.Lossy, random, () => Sample(lines[locales[random.Next(locales.Length)]], length, random), t => Lossy(t, writer, colPage, random));
                }
            }
        }

        // Layered chains: UTF-8 text garbled two and three times by random wrong decoders.
        string[] layerReaders = ["windows-1252", "gbk", "iso-8859-1", "cp437", "big5"];
        foreach (int layers in new[] { 2, 3 })
        {
            foreach (string length in Lengths)
            {
                Generate(cases, $"utf-8 x{layers}", length, EvalKind.Recoverable, random, () => Sample(lines["zh-cn"], length, random), t =>
                {
                    string garbled = t;
                    for (int k = 0; k < layers; k++)
                    {
                        string name = layerReaders[random.Next(layerReaders.Length)];
                        int page = Columns.First(c => c.Name == name).CodePage;
                        if (Lossless(garbled, s_utf8, Strict(page)) is not { } p)
                        {
                            return null;
                        }

                        garbled = p.Input;
                    }

                    return (garbled, t);
                });
            }
        }

        // Clean text in every script, at every length, and prose about mojibake.
        foreach (string locale in lines.Keys)
        {
            foreach (string length in Lengths)
            {
                Generate(cases, $"clean {locale}", length, EvalKind.Clean, random, () => Sample(lines[locale], length, random), t => (t, t));
            }
        }

        foreach (string sentence in MojibakeProse)
        {
            cases.Add(new EvalCase("clean prose about mojibake", "line", EvalKind.Clean, sentence, sentence));
        }

        return cases;
    }

    private static void Generate(List<EvalCase> cases, string cell, string length, EvalKind kind, Random random, Func<string?> sample, Func<string, (string Input, string Expected)?> make)
    {
        int made = 0;
        for (int tries = 0; made < PerClass && tries < PerClass * 60; tries++)
        {
            if (sample() is { } text && make(text) is { } pair && (kind == EvalKind.Clean || pair.Input != pair.Expected))
            {
                cases.Add(new EvalCase(cell, length, kind, pair.Input, pair.Expected));
                made++;
            }
        }
    }

    private static string? Sample(List<string> source, string length, Random random)
    {
        string line = source[random.Next(source.Count)];
        switch (length)
        {
            case "short":
                // A run of 2-8 letters (no punctuation), like a file name or a tag.
                int n = random.Next(2, 9);
                int start = random.Next(Math.Max(1, line.Length - n));
                if (start + n > line.Length)
                {
                    return null;
                }

                string field = line.Substring(start, n);
                return field.All(char.IsLetter) ? field : null;
            case "line":
                return line.Length is >= 10 and <= 160 ? line : null;
            default:
                return string.Join("\n", line, source[random.Next(source.Count)], source[random.Next(source.Count)]);
        }
    }

    private static bool SameFamily(string row, string column) =>
        row == column || (row.StartsWith("utf-16", StringComparison.Ordinal) && column.StartsWith("utf-16", StringComparison.Ordinal) && row == column);

    internal static System.Text.Encoding Strict(int codePage) => codePage switch
    {
        65001 => new UTF8Encoding(false, true),
        1200 => new UnicodeEncoding(false, false, true),
        1201 => new UnicodeEncoding(true, false, true),
        _ => System.Text.Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
    };

    private static System.Text.Encoding Replacing(int codePage, string replacement) => codePage switch
    {
        65001 => new UTF8Encoding(false, false),
        1200 => new UnicodeEncoding(false, false, false),
        1201 => new UnicodeEncoding(true, false, false),
        _ => System.Text.Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(replacement)),
    };

    /// <summary>Written with <paramref name="writer"/>, read with <paramref name="reader"/>, when nothing is lost on the way.</summary>
    internal static (string Input, string Expected)? Lossless(string text, System.Text.Encoding writer, System.Text.Encoding reader)
    {
        try
        {
            byte[] bytes = writer.GetBytes(text);
            string garbled = reader.GetString(bytes);
            return reader.GetBytes(garbled).AsSpan().SequenceEqual(bytes) ? (garbled, text) : null;
        }
        catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Written with <paramref name="writer"/>, its last byte cut off half of the time, read with a replacing decoder
    /// (U+FFFD or '?'). The best possible repair is the original with U+FFFD for each character that lost a byte
    /// (lost bytes are found by feeding the reader one byte at a time).
    /// </summary>
    private static (string Input, string Expected)? Lossy(string text, System.Text.Encoding writer, int readerPage, Random random)
    {
        byte[] bytes;
        try
        {
            bytes = writer.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }

        bool truncate = random.Next(2) == 0;
        int kept = truncate ? bytes.Length - 1 : bytes.Length;
        bool[] lost = new bool[bytes.Length];
        if (truncate)
        {
            lost[^1] = true;
        }

        System.Text.Encoding reader = Replacing(readerPage, "\uFFFD");
        var decoder = reader.GetDecoder();
        var chars = new char[8];
        var input = new StringBuilder();
        int pending = -1;
        for (int i = 0; i < kept; i++)
        {
            int n = decoder.GetChars(bytes, i, 1, chars, 0, flush: i == kept - 1);
            input.Append(chars, 0, n);
            if (n == 0)
            {
                pending = pending < 0 ? i : pending;
                continue;
            }

            if (chars[0] == '\uFFFD')
            {
                int last = n >= 2 && chars[1] != '\uFFFD' ? i - 1 : i;
                for (int k = pending < 0 ? i : pending; k <= last; k++)
                {
                    lost[k] = true;
                }
            }

            pending = -1;
        }

        if (!lost.Any(b => b))
        {
            return null;
        }

        // Characters of the original that lost a byte become U+FFFD.
        var expected = new StringBuilder();
        int position = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int length = writer.GetByteCount(rune.ToString());
            bool any = lost.AsSpan(position, length).Contains(true);
            expected.Append(any ? "\uFFFD" : rune.ToString());
            position += length;
        }

        string garbled = input.ToString();
        if (readerPage is not (65001 or 1200) && random.Next(2) == 0)
        {
            // The framework's code-page decoders write '?' instead.
            garbled = garbled.Replace('\uFFFD', '?');
        }

        return (garbled, expected.ToString());
    }
}
