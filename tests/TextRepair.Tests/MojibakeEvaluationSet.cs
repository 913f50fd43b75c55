using System.Text;

namespace TextRepair.Tests;

/// <summary>What a case of the mojibake evaluation set expects.</summary>
public enum MojibakeCaseKind
{
    /// <summary>Damage that can be undone exactly: the repair must give the original.</summary>
    Recoverable,

    /// <summary>Damage with lost bytes: must be flagged lossy; best possible text is the original with U+FFFD where bytes were lost.</summary>
    Lossy,

    /// <summary>Clean text: must come back unchanged and unflagged.</summary>
    Clean,
}

/// <summary>One case: garbled input, the best possible repair, and its class.</summary>
public sealed record MojibakeCase(string Class, MojibakeCaseKind Kind, string Input, string Expected);

/// <summary>
/// Builds the mojibake evaluation set from real text (Data/Mojibake/*.txt, the LibreOffice help from Debian; see
/// Data/Mojibake/PROVENANCE.md) by applying every damage chain with the framework's code pages, the way real software
/// does it (default replacement fallbacks: the decoders' '?' and U+FFFD, the encoders' '?'). Deterministic for a seed.
/// Sentences with an even line number form the development half, odd ones the held-back half used for the reported numbers.
/// </summary>
public static class MojibakeEvaluationSet
{
    private static readonly Encoding s_gbk;
    private static readonly Encoding s_gb18030;
    private static readonly Encoding s_gb2312;
    private static readonly Encoding s_big5;
    private static readonly Encoding s_sjis;
    private static readonly Encoding s_euckr;
    private static readonly Encoding s_cp1252;
    private static readonly Encoding s_latin1 = Encoding.Latin1;
    private static readonly Encoding s_cp437;
    private static readonly Encoding s_utf8 = new UTF8Encoding(false);

    static MojibakeEvaluationSet()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        s_gbk = Encoding.GetEncoding(936);
        s_gb18030 = Encoding.GetEncoding(54936);
        s_gb2312 = Encoding.GetEncoding(20936);
        s_big5 = Encoding.GetEncoding(950);
        s_sjis = Encoding.GetEncoding(932);
        s_euckr = Encoding.GetEncoding(949);
        s_cp1252 = Encoding.GetEncoding(1252);
        s_cp437 = Encoding.GetEncoding(437);
    }

    public static IReadOnlyList<string> Lines(string locale)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "Mojibake", locale + ".txt");
        return File.ReadAllLines(path, Encoding.UTF8);
    }

    /// <summary>Builds the set: <paramref name="heldBack"/> selects the odd (true) or even (false) sentences.</summary>
    public static List<MojibakeCase> Build(bool heldBack, int perClass = 20, int seed = 7)
    {
        var random = new Random(seed);
        List<string> Half(string locale) => Lines(locale).Where((_, i) => (i % 2 == 1) == heldBack).ToList();
        List<string> cn = Half("zh-cn"), tw = Half("zh-tw"), ja = Half("ja"), ko = Half("ko"), de = Half("de"), en = Half("en-us");
        var cases = new List<MojibakeCase>();

        void Add(string name, MojibakeCaseKind kind, List<string> source, Func<string, (string Input, string Expected)?> make, Func<string, bool>? keep = null)
        {
            int made = 0;
            int tries = 0;
            while (made < perClass && tries < perClass * 200)
            {
                tries++;
                string text = source[random.Next(source.Count)];
                if (keep is not null && !keep(text))
                {
                    continue;
                }

                if (make(text) is { } pair && (kind != MojibakeCaseKind.Recoverable || pair.Input != pair.Expected))
                {
                    cases.Add(new MojibakeCase(name, kind, pair.Input, pair.Expected));
                    made++;
                }
            }
        }

        var R = MojibakeCaseKind.Recoverable;
        var L = MojibakeCaseKind.Lossy;
        var C = MojibakeCaseKind.Clean;

        // UTF-8 read by single-byte code pages.
        foreach ((string loc, List<string> src) in new[] { ("cn", cn), ("tw", tw) })
        {
            Add($"utf-8>windows-1252 {loc}", R, src, t => Lossless(t, s_utf8, s_cp1252));
            Add($"utf-8>latin-1 {loc}", R, src, t => Lossless(t, s_utf8, s_latin1));
            Add($"utf-8>cp437 {loc}", R, src, t => Lossless(t, s_utf8, s_cp437));
            Add($"utf-8>gbk {loc}", R, src, t => Lossless(t, s_utf8, s_gbk));
            Add($"utf-8>gbk lossy {loc}", L, src, t => LossyUtf8(t, s_gbk));
            Add($"utf-8>big5 {loc}", R, src, t => Lossless(t, s_utf8, s_big5));
            Add($"gbk>latin-1 {loc}", R, src, t => Lossless(t, s_gbk, s_latin1));
            Add($"gbk>windows-1252 {loc}", R, src, t => Lossless(t, s_gbk, s_cp1252));
            Add($"gbk>cp437 {loc}", R, src, t => Lossless(t, s_gbk, s_cp437));
            Add($"utf-8>gbk mixed {loc}", R, src, t => Mixed(t, src[random.Next(src.Count)], src[random.Next(src.Count)], s_utf8, s_gbk));
        }

        Add("utf-8>windows-1252 x2 cn", R, cn, t => Layers(t, 2, s_utf8, s_cp1252));
        Add("utf-8>windows-1252 x3 cn", R, cn, t => Layers(t, 3, s_utf8, s_cp1252));
        Add("utf-8>latin-1 x2 tw", R, tw, t => Layers(t, 2, s_utf8, s_latin1));
        Add("utf-8>gbk x2 cn", R, cn, t => Layers(t, 2, s_utf8, s_gbk));
        Add("utf-8>gb18030 cn", R, cn, t => Lossless(t, s_utf8, s_gb18030));
        Add("utf-8>gbk>windows-1252 cn", R, cn, t => Lossless(t, s_utf8, s_gbk) is { } g ? Lossless(g.Input, s_utf8, s_cp1252) is { } w ? (w.Input, t) : null : null);
        Add("utf-8>windows-1252 nbsp cn", R, cn, t => Lossless(t, s_utf8, s_cp1252) is { } p && p.Input.Contains('\u00A0') ? (p.Input.Replace('\u00A0', ' '), t) : null);
        Add("utf-8>windows-1252 dropped cn", R, cn, t => Lossless(t, s_utf8, s_cp1252) is { } p && p.Input.Any(c => c is >= '\u0080' and < '\u00A0') ? (new string(p.Input.Where(c => c is < '\u0080' or >= '\u00A0').ToArray()), t) : null);
        Add("big5>gbk tw", R, tw, t => Lossless(t, s_big5, s_gbk));
        Add("gbk>big5 cn", R, cn, t => Lossless(t, s_gbk, s_big5));
        Add("big5>gbk mixed tw", R, tw, t => Mixed(t, tw[random.Next(tw.Count)], tw[random.Next(tw.Count)], s_big5, s_gbk));
        Add("gbk>shift-jis cn", R, cn, t => Lossless(t, s_gbk, s_sjis));
        Add("big5>shift-jis tw", R, tw, t => Lossless(t, s_big5, s_sjis));
        Add("gbk>euc-kr cn", R, cn, t => Lossless(t, s_gbk, s_euckr));
        Add("big5>euc-kr tw", R, tw, t => Lossless(t, s_big5, s_euckr));
        Add("ascii>utf-16le en", R, en, t => t.Length % 2 == 0 ? (Encoding.Unicode.GetString(Encoding.ASCII.GetBytes(t)), t) : null);
        Add("ascii>utf-16be en", R, en, t => t.Length % 2 == 0 ? (Encoding.BigEndianUnicode.GetString(Encoding.ASCII.GetBytes(t)), t) : null);
        Add("english with garbled chinese name", R, en, t =>
        {
            string name = Words(cn[random.Next(cn.Count)], random, 2, 4);
            string clean = t + " (" + name + ")";
            return ("" + t + " (" + s_cp1252.GetString(s_utf8.GetBytes(name)) + ")", clean);
        });
        Add("chinese page with garbled title", R, cn, t =>
        {
            string title = t;
            string body = cn[random.Next(cn.Count)] + "\n" + cn[random.Next(cn.Count)];
            return Lossless(title, s_utf8, s_gbk) is { } g ? (g.Input + "\n" + body, title + "\n" + body) : null;
        });

        // Lossy cases.
        Add("utf-8>gbk lossy fffd cn", L, cn, t => LossyUtf8(t, Encoding.GetEncoding(936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"))));
        Add("utf-8>big5 lossy tw", L, tw, t => LossyUtf8(t, s_big5));
        Add("kunjinkao cn", L, cn, t =>
        {
            string lost = LoseChars(t, random, '\uFFFD');
            return (s_gbk.GetString(s_utf8.GetBytes(lost)), lost) is var p && !p.Item1.Contains('?') && lost.Contains('\uFFFD') ? p : null;
        });
        Add("tangtangtang cn", L, cn, t => Insert(t, random, "烫烫烫烫"));
        Add("tuntuntun cn", L, cn, t => Insert(t, random, "屯屯屯屯屯屯"));
        Add("replacement character cn", L, cn, t => LoseChars(t, random, '\uFFFD') is var lost && lost.Contains('\uFFFD') ? Same(lost) : null);
        Add("question marks gb2312 tw", L, tw, t => Same(s_gb2312.GetString(s_gb2312.GetBytes(t))), t => s_gb2312.GetString(s_gb2312.GetBytes(t)).Count(c => c == '?') > t.Count(c => c == '?'));
        Add("question marks big5 cn", L, cn, t => Same(s_big5.GetString(s_big5.GetBytes(t))), t => s_big5.GetString(s_big5.GetBytes(t)).Count(c => c == '?') > t.Count(c => c == '?'));

        // Clean text.
        Add("clean zh-cn", C, cn, t => (t, t));
        Add("clean zh-tw", C, tw, t => (t, t));
        Add("clean zh-cn rare characters", C, cn, t => (t, t), t => t.Any(c => c >= 0x4E00 && !IsGb2312Level1(c)));
        Add("clean zh-tw rare characters", C, tw, t => (t, t), t => t.Any(c => c >= 0x4E00 && !IsBig5Common(c)));
        Add("clean ja", C, ja, t => (t, t));
        Add("clean ko", C, ko, t => (t, t));
        Add("clean de", C, de, t => (t, t));
        Add("clean en", C, en, t => (t, t));
        Add("clean zh-cn ascii punctuation", C, cn, t => (t.Replace('，', ',').Replace('：', ':').Replace('（', '(').Replace('）', ')').Replace('？', '?'), ""), t => t.Contains('，') || t.Contains('？'));
        string[] latin = ["café", "Ærøskøbing", "Ãœber-Ã Ltd", "São Paulo", "naïve façade", "Ñandú", "Łódź", "Øresund", "Ã-Series 3", "Crème brûlée", "ÅÄÖ", "Ölfusá"];
        Add("clean latin names in chinese", C, cn, t => (t + " " + latin[random.Next(latin.Length)], ""));
        string[] math = ["∑ x² ≥ 0", "α + β = γ", "f(x) = √x ± 1", "a ≤ b ≤ c", "∫₀¹ x dx = ½", "π ≈ 3.14159", "A ∩ B ≡ ∅", "x → ∞", "sin²θ + cos²θ = 1", "µ = 5 µm"];
        Add("clean math in chinese", C, cn, t => (t + " " + math[random.Next(math.Length)], ""));
        string[] code = ["if (a < b) { x = \"中文\"; }", "printf(\"%s\\n\", s);", "<p class=\"zh\">中文</p>", "s = s.replace('?', '!')", "x ?? y", "a ? b : c", "SELECT * FROM t WHERE a <> 'é';", "ls -la | grep \"测试\""];
        Add("clean code with chinese", C, cn, t => (t + " " + code[random.Next(code.Length)], ""));
        Add("clean pinyin", C, cn, t => (t + "（Zhōngwén, nǐ hǎo, lǜsè）", ""));
        Add("clean mixed scripts", C, cn, t => (t + " " + tw[random.Next(tw.Count)] + " " + ja[random.Next(ja.Count)] + " " + ko[random.Next(ko.Count)], ""));

        // Clean cases carry their own input as expected.
        for (int i = 0; i < cases.Count; i++)
        {
            if (cases[i].Kind == C && cases[i].Expected.Length == 0)
            {
                cases[i] = cases[i] with { Expected = cases[i].Input };
            }
        }

        return cases;
    }

    private static (string, string) Same(string text) => (text, text);

    private static bool IsGb2312Level1(char c)
    {
        byte[] b = s_gb2312.GetBytes(c.ToString());
        return b.Length == 2 && b[0] is >= 0xB0 and <= 0xD7;
    }

    private static bool IsBig5Common(char c)
    {
        byte[] b = s_big5.GetBytes(c.ToString());
        int code = b.Length == 2 ? (b[0] << 8) | b[1] : 0;
        return code is >= 0xA440 and <= 0xC67E;
    }

    /// <summary>Encoded with <paramref name="writer"/>, decoded with <paramref name="reader"/>, when nothing is lost on the way.</summary>
    private static (string Input, string Expected)? Lossless(string text, Encoding writer, Encoding reader)
    {
        if (!RoundTrips(text, writer))
        {
            return null;
        }

        byte[] bytes = writer.GetBytes(text);
        string garbled = reader.GetString(bytes);
        return reader.GetBytes(garbled).AsSpan().SequenceEqual(bytes) && RoundTrips(garbled, reader) ? (garbled, text) : null;
    }

    private static bool RoundTrips(string text, Encoding encoding) => encoding.GetString(encoding.GetBytes(text)) == text;

    private static (string Input, string Expected)? Layers(string text, int layers, Encoding writer, Encoding reader)
    {
        string garbled = text;
        for (int i = 0; i < layers; i++)
        {
            if (Lossless(garbled, writer, reader) is not { } p)
            {
                return null;
            }

            garbled = p.Input;
        }

        return (garbled, text);
    }

    /// <summary>Clean text with one sentence garbled in the middle, on the same line.</summary>
    private static (string Input, string Expected)? Mixed(string text, string before, string after, Encoding writer, Encoding reader) =>
        Lossless(text, writer, reader) is { } p ? (before + p.Input + after, before + text + after) : null;

    /// <summary>
    /// UTF-8 read by a double-byte decoder that lost bytes ('?' or U+FFFD); the best possible repair is the original
    /// with U+FFFD for each character that lost a byte (computed from the byte positions the decoder dropped).
    /// </summary>
    private static (string Input, string Expected)? LossyUtf8(string text, Encoding reader)
    {
        byte[] bytes = s_utf8.GetBytes(text);
        string garbled = reader.GetString(bytes);
        if (!garbled.Contains('?') && !garbled.Contains('\uFFFD'))
        {
            return null;
        }

        // Which bytes were lost: feed the reader one byte at a time; a replacement stands for the bytes it held.
        var lost = new bool[bytes.Length];
        var decoder = reader.GetDecoder();
        var chars = new char[4];
        int pending = -1;
        for (int i = 0; i < bytes.Length; i++)
        {
            int n = decoder.GetChars(bytes, i, 1, chars, 0, flush: i == bytes.Length - 1);
            if (n == 0)
            {
                pending = pending < 0 ? i : pending;
                continue;
            }

            if (chars[0] is '?' or '\uFFFD' && bytes[i] != (byte)'?')
            {
                int last = n >= 2 && chars[1] is not ('?' or '\uFFFD') ? i - 1 : i;
                for (int k = pending < 0 ? i : pending; k <= last; k++)
                {
                    lost[k] = true;
                }
            }

            pending = -1;
        }

        var expected = new StringBuilder();
        int pos = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int len = rune.Utf8SequenceLength;
            bool any = false;
            for (int k = pos; k < pos + len; k++)
            {
                any |= lost[k];
            }

            expected.Append(any ? "\uFFFD" : rune.ToString());
            pos += len;
        }

        return (garbled, expected.ToString());
    }

    private static string LoseChars(string text, Random random, char with)
    {
        var chars = text.ToCharArray();
        int count = 1 + random.Next(2);
        for (int k = 0; k < count; k++)
        {
            int i = random.Next(chars.Length);
            if (!char.IsSurrogate(chars[i]) && chars[i] >= 0x4E00)
            {
                chars[i] = with;
            }
        }

        return new string(chars);
    }

    private static (string Input, string Expected) Insert(string text, Random random, string marker)
    {
        int i = random.Next(text.Length + 1);
        string damaged = text[..i] + marker + text[i..];
        return (damaged, damaged);
    }

    private static string Words(string text, Random random, int min, int max)
    {
        var han = text.Where(c => c >= 0x4E00 && c <= 0x9FFF).ToArray();
        int len = Math.Min(han.Length, min + random.Next(max - min + 1));
        int start = random.Next(Math.Max(1, han.Length - len));
        return new string(han, start, len);
    }
}
