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
        AddMatrix(cases, lines, random);

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

        CleanLookalikes(cases, lines, new Random(seed + 1));
        return cases;
    }

    /// <summary>
    /// Every cell of the matrix (a row's text read with every wrong decoder) at every length, lossless and lossy, for the
    /// rows whose source locales <paramref name="lines"/> has (a row draws from those of its locales it has).
    /// </summary>
    internal static void AddMatrix(List<EvalCase> cases, Dictionary<string, List<string>> lines, Random random)
    {
        foreach ((string rowName, int rowPage, string[] rowLocales) in Rows)
        {
            string[] locales = rowLocales.Where(lines.ContainsKey).ToArray();
            if (locales.Length == 0)
            {
                continue;
            }

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
    }

    /// <summary>Box drawing, blocks, shapes and Latin-1 symbols as they appear in CJK documents.</summary>
    public const string Symbols = "\u2500\u2501\u2502\u2503\u2550\u2551\u2591\u2592\u2593\u2588\u25A0\u25A1\u25B2\u25B3\u25CF\u25CB\u25C6\u25C7\u2605\u2606\u203B\u00B1\u00D7\u00F7\u00A5\u00A3\u20AC\u00B0\u00A7\u00B6\u00B7\u2022\u2026\u2014\uFF5E\uFF0A\uFF03\u00BB\u00AB\u00A9\u00AE";

    // Clean text that byte-level checks mistake for mojibake (issue 10 and the seed): Han characters one per line,
    // pinyin-annotated text, glossaries, symbol runs. A separate random stream, so the cases above stay as they were.
    private static void CleanLookalikes(List<EvalCase> cases, Dictionary<string, List<string>> lines, Random random)
    {
        Dictionary<char, string> readings = EmbeddedReadings();
        foreach (string length in Lengths)
        {
            int count = length switch { "short" => 2, "line" => 6, _ => 15 };
            Generate(cases, "clean single characters", length, EvalKind.Clean, random, () =>
            {
                string line = lines[random.Next(2) == 0 ? "zh-tw" : "zh-cn"][random.Next(lines["zh-cn"].Count)];
                char[] han = line.Where(c => c is >= '\u4E00' and <= '\u9FFF').Distinct().Take(count).ToArray();
                return han.Length == count ? string.Join("\n", han) : null;
            }, t => (t, t));
            Generate(cases, "clean pinyin-annotated", length, EvalKind.Clean, random, () =>
                Sample(lines["zh-cn"], length, random) is { } text ? Annotate(text, readings, random) : null, t => (t, t));
            Generate(cases, "clean glossary", length, EvalKind.Clean, random, () =>
            {
                var entries = new List<string>();
                for (int k = 0; k < (length == "paragraph" ? 3 : 1); k++)
                {
                    string? term = Sample(lines[random.Next(2) == 0 ? "de" : "en-us"], "short", random);
                    string? zh = Sample(lines["zh-cn"], "short", random);
                    if (term is null || zh is null)
                    {
                        return null;
                    }

                    entries.Add(length == "short" ? $"{term}\t{zh}" : $"{term} \u2014 {zh}: {Sample(lines["zh-cn"], "line", random)}");
                }

                return string.Join("\n", entries);
            }, t => (t, t));
            Generate(cases, "clean symbol runs", length, EvalKind.Clean, random, () =>
            {
                string run = random.Next(3) == 0
                    ? new string(Enumerable.Range(0xC0 + random.Next(20), random.Next(2, 13)).Select(c => (char)c).ToArray())
                    : new string(Symbols[random.Next(Symbols.Length)], random.Next(2, 9));
                return length switch
                {
                    "short" => run,
                    "line" => Sample(lines["zh-cn"], "short", random) is { } head ? head + run + Sample(lines["zh-cn"], "short", random) : null,
                    // A paragraph framed by separator lines (of one symbol).
                    _ => Sample(lines["zh-cn"], "line", random) is { } body ? $"{Frame(run)}\n{body}\n{Frame(run)}" : null,
                };
            }, t => (t, t));
        }
    }

    private static string Frame(string run) => new(run[0], 2 * run.Length);

    // The text with a pinyin reading after about half of its Han characters, as annotated pages have them: 强(qiáng).
    private static string Annotate(string text, Dictionary<char, string> readings, Random random)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            sb.Append(c);
            if (readings.TryGetValue(c, out string? reading) && random.Next(2) == 0)
            {
                sb.Append('(').Append(reading).Append(')');
            }
        }

        return sb.ToString();
    }

    private static Dictionary<char, string> EmbeddedReadings()
    {
        var map = new Dictionary<char, string>();
        foreach ((string key, string value) in TextRepair.Internal.EmbeddedData.ReadTabSeparated("Unihan/Readings.txt"))
        {
            if (key.Length == 1)
            {
                map[key[0]] = value.Split(' ')[0];
            }
        }

        return map;
    }

    internal static void Generate(List<EvalCase> cases, string cell, string length, EvalKind kind, Random random, Func<string?> sample, Func<string, (string Input, string Expected)?> make)
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

    internal static string? Sample(List<string> source, string length, Random random)
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

    internal static bool SameFamily(string row, string column) =>
        row == column || (row.StartsWith("utf-16", StringComparison.Ordinal) && column.StartsWith("utf-16", StringComparison.Ordinal) && row == column);

    /// <summary>True when <paramref name="text"/> is well-formed UTF-16 (no lone surrogate).</summary>
    internal static bool WellFormed(string text) =>
        System.Text.Unicode.Utf8.FromUtf16(text, new byte[text.Length * 3], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;

    internal static System.Text.Encoding Strict(int codePage) => codePage switch
    {
        65001 => new UTF8Encoding(false, true),
        1200 => new UnicodeEncoding(false, false, true),
        1201 => new UnicodeEncoding(true, false, true),
        _ => System.Text.Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
    };

    // A reader like Replacing(codePage, "\uFFFD") whose fallback records the bytes it lost.
    private static System.Text.Encoding Recording(int codePage, LostByteRecorder recorder)
    {
        if (codePage is 65001 or 1200 or 1201)
        {
            var clone = (System.Text.Encoding)Replacing(codePage, "\uFFFD").Clone();
            clone.DecoderFallback = recorder;
            return clone;
        }

        return System.Text.Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, recorder);
    }

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
    /// (the bytes the reader lost, as its fallback reports them: <see cref="LostByteRecorder"/>). A cut that leaves no trace in the text read is
    /// not a case: the text is a shorter clean one.
    /// </summary>
    internal static (string Input, string Expected)? Lossy(string text, System.Text.Encoding writer, int readerPage, Random random)
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
        var recorder = new LostByteRecorder();
        string input = Recording(readerPage, recorder).GetString(bytes, 0, kept);
        if (input != reader.GetString(bytes, 0, kept))
        {
            throw new InvalidOperationException($"Code page {readerPage}: the recording fallback read the bytes differently from the replacing one.");
        }

        foreach ((int index, int count) in recorder.Runs)
        {
            lost.AsSpan(index, count).Fill(true);
        }

        if (!lost.Any(b => b))
        {
            return null;
        }

        if (truncate && input == reader.GetString(bytes, 0, bytes.Length - writer.GetByteCount(LastRune(text))))
        {
            // The cut left no trace: the reader wrote nothing for the last character's remaining bytes (a whole ASCII
            // character, or a lead byte a double-byte reader drops at the end). Such a text is a shorter clean text,
            // and no repair can know a character was lost.
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

        string garbled = input;
        if (readerPage is not (65001 or 1200) && random.Next(2) == 0)
        {
            // The framework's code-page decoders write '?' instead.
            garbled = garbled.Replace('\uFFFD', '?');
        }

        return (garbled, expected.ToString());
    }

    private static string LastRune(string text) => text.Length >= 2 && char.IsLowSurrogate(text[^1]) ? text[^2..] : text[^1..];
}
