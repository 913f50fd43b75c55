using System.IO.Compression;
using System.Text;

namespace TextRepair.Tests.Documents;

/// <summary>
/// <see cref="DocumentConverter.Repair(string, DocumentFormat)"/> says what a document repair did, as
/// <see cref="TextRepairer.Repair(string, RepairOptions?)"/> does for plain text: the edits in the document's
/// coordinates (applying them to the input document gives the output), and whether text was lost. Before session 41
/// a document repair returned only the text and the tool reported every document as clean and never lossy.
/// </summary>
public sealed class DocumentRepairTests
{
    private static readonly DocumentConverter s_repair = new(RepairOptions.Default);

    // 这是一个关于中文编码的测试文件，我们希望它能被正确修复。 and 今天天气很好，我们一起去公园散步吧。 in UTF-8, read as
    // windows-1252 the way browsers do (undefined bytes as C1 controls): lossless mojibake.
    private const string Original1 = "这是一个关于中文编码的测试文件，我们希望它能被正确修复。";
    private const string Original2 = "今天天气很好，我们一起去公园散步吧。";
    private const string Mojibake1 = "è¿™æ˜¯ä¸€ä¸ªå…³äºŽä¸\u00ADæ–‡ç¼–ç \u0081çš„æµ‹è¯•æ–‡ä»¶ï¼Œæˆ‘ä»¬å¸Œæœ›å®ƒèƒ½è¢«æ\u00AD£ç¡®ä¿®å¤\u008Dã€‚";
    private const string Mojibake2 = "ä»Šå¤©å¤©æ°”å¾ˆå¥½ï¼Œæˆ‘ä»¬ä¸€èµ·åŽ»å…¬å›\u00ADæ•£æ\u00AD¥å\u0090§ã€‚";

    // Original1 in UTF-8 read as GBK with replacement: the odd bytes became U+FFFD, which no repair can restore.
    private const string LossyMojibake = "杩欐槸涓\uFFFD涓\uFFFD鍏充簬涓\uFFFD鏂囩紪鐮佺殑娴嬭瘯鏂囦欢锛屾垜浠\uFFFD甯屾湜瀹冭兘琚\uFFFD姝ｇ‘淇\uFFFD澶嶃\uFFFD\uFFFD";

    // Documents with two text places each, @1@ and @2@ (placeholders no mojibake contains: ¶ is the last byte of 件).
    public static TheoryData<DocumentFormat, string> Documents => new()
    {
        { DocumentFormat.Markdown, "# 说明\n\n@1@\n\n* **@2@** 见 `code` 和 [链接](http://example.com/路径)\n" },
        { DocumentFormat.Html, "<html><head><title>@2@</title></head><body><p class=\"x\">@1@</p><p><img alt=\"图\" src=\"a.png\">更多</p></body></html>\n" },
        { DocumentFormat.Srt, "1\n00:00:01,000 --> 00:00:02,500\n@1@\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>@2@</i>\n" },
        { DocumentFormat.WebVtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n@1@\n\n00:00:03.000 --> 00:00:04.000\n@2@\n" },
        {
            DocumentFormat.Ass,
            "[Script Info]\nTitle: @2@\nScriptType: v4.00+\nPlayResX: 1920\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
                + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,@1@\nDialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,{\\i1}@2@{\\i0}\n"
        },
        { DocumentFormat.Json, "{\"title\": \"@2@\", \"items\": [{\"id\": 1, \"text\": \"@1@\"}]}\n" },
        { DocumentFormat.Po, "msgid \"Greeting\"\nmsgstr \"@1@\"\n\nmsgid \"Farewell\"\nmsgstr \"@2@\"\n" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Mojibake_IsRepaired_EditsReproduceTheOutput_NotLossy(DocumentFormat format, string template)
    {
        string document = Fill(template, Mojibake1, Mojibake2);
        RepairResult result = s_repair.Repair(document, format);
        Assert.Equal(Fill(template, Original1, Original2), result.Text);
        Assert.True(result.Changed);
        Assert.False(result.Lossy);
        Assert.NotEmpty(result.Edits);
        Assert.All(result.Edits, edit => Assert.Equal(RepairKind.Encoding, edit.Kind));
        Assert.All(result.Edits, edit => Assert.Equal("utf-8 decoded as windows-1252", edit.Chain));
        Assert.Equal(result.Text, SeedTests.Apply(document, result.Edits));
        Assert.Equal(result.Text, s_repair.Convert(document, format));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void LostBytes_AreLossy_EditsReproduceTheOutput(DocumentFormat format, string template)
    {
        string document = Fill(template, LossyMojibake, Mojibake2);
        RepairResult result = s_repair.Repair(document, format);
        Assert.True(result.Changed);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, edit => edit.Kind == RepairKind.LossMarker);
        Assert.Contains(Original2, result.Text, StringComparison.Ordinal);
        Assert.Equal(result.Text, SeedTests.Apply(document, result.Edits));
        Assert.Contains("Lossy", result.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void CleanDocument_IsTheSameInstance_NoEdits_NotLossy(DocumentFormat format, string template)
    {
        string document = Fill(template, Original1, Original2);
        RepairResult result = s_repair.Repair(document, format);
        Assert.Same(document, result.Text);
        Assert.False(result.Changed);
        Assert.False(result.Lossy);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Edits_AreInDocumentCoordinates_OnlyInsideTheTextRuns()
    {
        string document = "<p>" + Mojibake1 + "</p><p title=\"" + Mojibake2 + "\">x</p>";
        RepairResult result = s_repair.Repair(document, DocumentFormat.Html);
        IReadOnlyList<Range> runs = DocumentText.FindRanges(document, DocumentFormat.Html);
        Assert.All(result.Edits, edit => Assert.Contains(runs, run => run.Start.Value <= edit.Start && edit.End <= run.End.Value));
        Assert.Equal("<p>" + Original1 + "</p><p title=\"" + Original2 + "\">x</p>", SeedTests.Apply(document, result.Edits));
    }

    [Fact]
    public void Html_TagsAtRandomPlacesInMojibake_EditsStillReproduceTheOutput()
    {
        // Markup between the bytes of one character, between characters, around a lost byte: whatever the runs get,
        // the edits say it.
        var random = new Random(41);
        string[] texts = [Mojibake1, Mojibake2, LossyMojibake, Original1];
        for (int i = 0; i < 300; i++)
        {
            var document = new StringBuilder("<p>");
            string text = texts[random.Next(texts.Length)] + texts[random.Next(texts.Length)];
            int cuts = random.Next(1, 5);
            var at = new SortedSet<int>();
            while (at.Count < cuts)
            {
                at.Add(random.Next(1, text.Length));
            }

            int previous = 0;
            foreach (int cut in at)
            {
                document.Append(text, previous, cut - previous).Append(random.Next(3) switch { 0 => "<b>", 1 => "</b>", _ => "<br>" });
                previous = cut;
            }

            document.Append(text, previous, text.Length - previous).Append("</p>");
            string input = document.ToString();
            RepairResult result = s_repair.Repair(input, DocumentFormat.Html);
            Assert.Equal(result.Text, SeedTests.Apply(input, result.Edits));
            Assert.Equal(result.Text, s_repair.Convert(input, DocumentFormat.Html));
            Assert.Equal(!ReferenceEquals(input, result.Text), result.Changed);
        }
    }

    [Fact]
    public void Markdown_FragmentLinkFollowingARepairedHeading_IsAnEditToo()
    {
        string document = "# " + Mojibake2 + "\n\n[见上文](#" + Uri.EscapeDataString(Mojibake2) + ")\n";
        RepairResult result = s_repair.Repair(document, DocumentFormat.Markdown);
        Assert.Equal(result.Text, SeedTests.Apply(document, result.Edits));
        Assert.Equal(result.Text, s_repair.Convert(document, DocumentFormat.Markdown));
        Assert.StartsWith("# " + Original2, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_TextFormat_OnePartWithoutAName_ByteOrderMarkNotCounted()
    {
        byte[] document = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\n" + LossyMojibake + "\n")];
        byte[] output = s_repair.Repair(document, DocumentFormat.Srt, out IReadOnlyList<KeyValuePair<string, RepairResult>> parts);
        KeyValuePair<string, RepairResult> part = Assert.Single(parts);
        Assert.Equal(string.Empty, part.Key);
        Assert.True(part.Value.Lossy);
        Assert.Equal(s_repair.Convert(document, DocumentFormat.Srt), output);
        Assert.Equal(Encoding.UTF8.GetString(output.AsSpan(3)), part.Value.Text);
        Assert.Equal(part.Value.Text, SeedTests.Apply(Encoding.UTF8.GetString(document.AsSpan(3)), part.Value.Edits));
    }

    [Fact]
    public void Bytes_CleanDocument_SameArray_NoParts()
    {
        byte[] document = Encoding.UTF8.GetBytes("<p>" + Original1 + "</p>");
        Assert.Same(document, s_repair.Repair(document, DocumentFormat.Html, out IReadOnlyList<KeyValuePair<string, RepairResult>> parts));
        Assert.Empty(parts);
    }

    [Fact]
    public void Docx_EachRepairedPartIsReportedByName()
    {
        string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"urn:w\"><w:body><w:p><w:r><w:t>" + LossyMojibake
            + "</w:t></w:r></w:p><w:p><w:r><w:t>" + Original2 + "</w:t></w:r></w:p></w:body></w:document>";
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string content) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", body) })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        byte[] document = zip.ToArray();
        byte[] output = s_repair.Repair(document, DocumentFormat.Docx, out IReadOnlyList<KeyValuePair<string, RepairResult>> parts);
        Assert.NotSame(document, output);
        Assert.Equal(s_repair.Convert(document, DocumentFormat.Docx), output);
        KeyValuePair<string, RepairResult> part = Assert.Single(parts);
        Assert.Equal("word/document.xml", part.Key);
        Assert.True(part.Value.Lossy);
        Assert.Equal(part.Value.Text, SeedTests.Apply(body, part.Value.Edits));
    }

    [Fact]
    public void ConversionMode_CannotRepair()
    {
        var converter = new DocumentConverter(ChineseConverter.Get("s2t"));
        Assert.Throws<InvalidOperationException>(() => converter.Repair("<p>x</p>", DocumentFormat.Html));
        Assert.Throws<InvalidOperationException>(() => converter.Repair([], DocumentFormat.Html, out _));
    }

    [Fact]
    public void BinaryFormatAsString_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => s_repair.Repair("x", DocumentFormat.Docx));
    }

    private static string Fill(string template, string first, string second) =>
        template.Replace("@1@", first, StringComparison.Ordinal).Replace("@2@", second, StringComparison.Ordinal);
}
