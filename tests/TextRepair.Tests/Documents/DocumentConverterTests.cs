using System.IO.Compression;
using System.Text;

namespace TextRepair.Tests.Documents;

public sealed class DocumentConverterTests
{
    private static readonly DocumentConverter s_s2t = new(ChineseConverter.Get("s2t"));
    private static readonly DocumentConverter s_s2twp = new(ChineseConverter.Get("s2twp"));

    [Fact]
    public void Html_ConvertsTextAndTextAttributes_KeepsMarkup()
    {
        string html = "<div class=\"发布\" title=\"发布\" data-x=\"发\"><p>发布<!-- 发布 -->说明</p><img alt=\"图书\" src=\"图.png\"></div>";
        Assert.Equal(
            "<div class=\"发布\" title=\"發佈\" data-x=\"发\"><p>發佈<!-- 发布 -->說明</p><img alt=\"圖書\" src=\"图.png\"></div>",
            s_s2t.Convert(html, DocumentFormat.Html));
    }

    [Fact]
    public void Html_NeverTouchesScriptStyleCodePreOrEntities()
    {
        string html = "<script>var 发 = '<p>发</p>';</script><style>.发{}</style><code>发<b>发</b></code><pre>发</pre>&#21457;&amp;发";
        Assert.Equal(
            "<script>var 发 = '<p>发</p>';</script><style>.发{}</style><code>发<b>发</b></code><pre>发</pre>&#21457;&amp;發",
            s_s2t.Convert(html, DocumentFormat.Html));
    }

    [Fact]
    public void Html_PhraseAcrossInlineTags_ConvertsAsPlainText()
    {
        Assert.Equal("滑鼠", s_s2twp.Convert("鼠标", DocumentFormat.Text));
        Assert.Equal("<b>滑</b>鼠", s_s2twp.Convert("<b>鼠</b>标", DocumentFormat.Html));
        // A block tag is a boundary: no phrase across it.
        Assert.Equal("<p>鼠</p>標", s_s2twp.Convert("<p>鼠</p>标", DocumentFormat.Html));
    }

    [Fact]
    public void Html_PhraseThatChangesLength_LastRunOfTheClusterTakesTheRest()
    {
        string plain = s_s2twp.Convert("SQL注入", DocumentFormat.Text);
        Assert.Equal("SQL隱碼攻擊", plain);
        string html = s_s2twp.Convert("<i>SQL</i>注入，<b>发</b>", DocumentFormat.Html);
        Assert.Equal("<i>SQL</i>隱碼攻擊，<b>發</b>", html);
    }

    [Fact]
    public void Html_XhtmlSelfClosingScript_DoesNotSwallowTheRest()
    {
        Assert.Equal("<script src=\"a.js\"/><p>發</p>", s_s2t.Convert("<script src=\"a.js\"/><p>发</p>", DocumentFormat.Html));
    }

    [Fact]
    public void Markdown_KeepsCodeUrlsAndRawHtml_ConvertsText()
    {
        string markdown = string.Join('\n',
            "---",
            "标题: 发布",
            "---",
            "# 发布 `发` [发布](https://例.com/发 \"发布\") ![图](图.png)",
            "",
            "```发",
            "发布",
            "```",
            "",
            "    发布",
            "",
            "<div class=\"发\">",
            "发布",
            "</div>",
            "",
            "| 发 | `发` |",
            "|---|---|",
            "| 发 | <https://发.com> https://发.cn/发 |",
            "",
            "[发]: https://发.com",
            "");
        string expected = string.Join('\n',
            "---",
            "标题: 發佈",
            "---",
            "# 發佈 `发` [發佈](https://例.com/发 \"發佈\") ![圖](图.png)",
            "",
            "```发",
            "发布",
            "```",
            "",
            "    发布",
            "",
            "<div class=\"发\">",
            "發佈",
            "</div>",
            "",
            "| 發 | `发` |",
            "|---|---|",
            "| 發 | <https://发.com> https://发.cn/发 |",
            "",
            "[发]: https://发.com",
            "");
        Assert.Equal(expected, s_s2t.Convert(markdown, DocumentFormat.Markdown));
    }

    [Fact]
    public void Markdown_ReferenceLabelsStay_SoLinksStillResolve()
    {
        string markdown = "见[发布]和[发布][发]以及[发][]。\n\n[发布]: /a\n[发]: /b\n";
        Assert.Equal("見[发布]和[發佈][发]以及[发][]。\n\n[发布]: /a\n[发]: /b\n", s_s2t.Convert(markdown, DocumentFormat.Markdown));
    }

    [Theory]
    [InlineData("[")]
    [InlineData("![")]
    [InlineData("*[")]
    public void Markdown_BracketsNestedTensOfThousandsDeep_ConvertWithoutOverflowingTheStack(string opening)
    {
        // 30,000 levels overflowed the stack (session 28): the process died, with no exception to catch.
        const int Depth = 30_000;
        string markdown = string.Concat(Enumerable.Repeat(opening, Depth)) + "软件" + new string(']', Depth);

        string converted = s_s2t.Convert(markdown, DocumentFormat.Markdown);

        Assert.Equal(markdown.Replace("软件", "軟件", StringComparison.Ordinal), converted);
    }

    [Fact]
    public void Markdown_PhraseAcrossEmphasis_ConvertsAsPlainText()
    {
        Assert.Equal("**滑**鼠", s_s2twp.Convert("**鼠**标", DocumentFormat.Markdown));
    }

    [Fact]
    public void Srt_ConvertsCueTextOnly()
    {
        string srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>发布</i>{\\an8}说明\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n发\r\n";
        Assert.Equal(
            "1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>發佈</i>{\\an8}說明\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n發\r\n",
            s_s2t.Convert(srt, DocumentFormat.Srt));
    }

    [Fact]
    public void WebVtt_KeepsHeaderNotesIdentifiersAndSettings()
    {
        string vtt = "WEBVTT 发\n\nNOTE 发布\n\n发-1\n00:01.000 --> 00:02.000 align:start\n<v 发>发布&amp;发</v>\n";
        Assert.Equal(
            "WEBVTT 发\n\nNOTE 发布\n\n发-1\n00:01.000 --> 00:02.000 align:start\n<v 发>發佈&amp;發</v>\n",
            s_s2t.Convert(vtt, DocumentFormat.WebVtt));
    }

    [Fact]
    public void Ass_ConvertsOnlyTheTextFieldOfDialogueAndTheTitle()
    {
        // The title is text since session 41 (AssHeaderTests); styles, names and Comment: lines are not.
        string ass = "[Script Info]\nTitle: 发布\n\n[V4+ Styles]\nStyle: 发,Arial\n\n[Events]\n"
            + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
            + "Dialogue: 0,0:00:01.00,0:00:02.00,发,发,0,0,0,,{\\b1}发布{\\b0},说\\N明\n"
            + "Comment: 0,0:00:01.00,0:00:02.00,发,发,0,0,0,,发布\n";
        string expected = ass.Replace("{\\b1}发布{\\b0},说\\N明", "{\\b1}發佈{\\b0},說\\N明", StringComparison.Ordinal)
            .Replace("Title: 发布", "Title: 發佈", StringComparison.Ordinal);
        Assert.Equal(expected, s_s2t.Convert(ass, DocumentFormat.Ass));
    }

    [Fact]
    public void Office_WordSplitAcrossRuns_ConvertsAsPlainText_ParagraphsAndTabsAreBoundaries()
    {
        string word = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>鼠</w:t></w:r><w:r><w:t>标</w:t></w:r></w:p><w:p><w:r><w:t>鼠</w:t><w:tab/><w:t>标</w:t></w:r></w:p>";
        Assert.Equal(
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>滑</w:t></w:r><w:r><w:t>鼠</w:t></w:r></w:p><w:p><w:r><w:t>鼠</w:t><w:tab/><w:t>標</w:t></w:r></w:p>",
            s_s2twp.ConvertXml(word, TextRepair.Documents.XmlProfiles.Word));
        string odf = "<text:p>鼠<text:span>标</text:span></text:p><text:p>鼠</text:p><text:h>标</text:h><office:annotation><dc:creator>发</dc:creator></office:annotation>";
        Assert.Equal(
            "<text:p>滑<text:span>鼠</text:span></text:p><text:p>鼠</text:p><text:h>標</text:h><office:annotation><dc:creator>发</dc:creator></office:annotation>",
            s_s2twp.ConvertXml(odf, TextRepair.Documents.XmlProfiles.OpenDocument));
        Assert.Equal(
            "<si><t>滑</t><rPh><t>标</t></rPh><r><t>鼠</t></r></si><si><t>標</t></si>",
            s_s2twp.ConvertXml("<si><t>鼠</t><rPh><t>标</t></rPh><r><t>标</t></r></si><si><t>标</t></si>", TextRepair.Documents.XmlProfiles.Spreadsheet));
    }

    [Fact]
    public void Json_ConvertsValues_KeysOnlyWhenAsked()
    {
        string json = "{\"发布\": [\"发布\", 1, \"\\u53d1\\n发\"], \"x\": {\"发\": \"发\"}}";
        Assert.Equal("{\"发布\": [\"發佈\", 1, \"\\u53d1\\n發\"], \"x\": {\"发\": \"發\"}}", s_s2t.Convert(json, DocumentFormat.Json));
        var withKeys = new DocumentConverter(ChineseConverter.Get("s2t")) { ConvertJsonKeys = true };
        Assert.Equal("{\"發佈\": [\"發佈\", 1, \"\\u53d1\\n發\"], \"x\": {\"發\": \"發\"}}", withKeys.Convert(json, DocumentFormat.Json));
    }

    [Fact]
    public void Json_NestedDeeperThanTheLimit_SaysSoAndTheLimitItselfConverts()
    {
        string Nested(int depth) => new string('[', depth) + "\"发\"" + new string(']', depth);

        Assert.Equal(Nested(1024).Replace('发', '發'), s_s2t.Convert(Nested(1024), DocumentFormat.Json));
        InvalidDataException deep = Assert.Throws<InvalidDataException>(() => s_s2t.Convert(Nested(1025), DocumentFormat.Json));
        Assert.Contains("nested deeper than 1024 levels is not supported", deep.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", deep.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_TextInCdata_IsConvertedWithTheTextAroundIt()
    {
        // XML tools may write a w:t's text as CDATA; Word reads it as text, so it is converted (s2twp: 鼠标 → 滑鼠 across it).
        string document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"urn:w\"><w:body><w:p><w:r><w:t>鼠</w:t></w:r>"
            + "<w:r><w:t><![CDATA[标软件 & <x>]]></w:t></w:r></w:p></w:body></w:document>";
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string content) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", document) })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        byte[] output = new DocumentConverter(ChineseConverter.Get("s2twp")).Convert(zip.ToArray(), DocumentFormat.Docx);

        using var result = new ZipArchive(new MemoryStream(output));
        string converted = Encoding.UTF8.GetString(TextRepair.Documents.ZipDocument.Read(result.GetEntry("word/document.xml")!));
        Assert.Contains("<w:t>滑</w:t>", converted, StringComparison.Ordinal);
        Assert.Contains("<![CDATA[鼠軟體 & <x>]]>", converted, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Malformed_IsInvalidDataSayingWhere()
    {
        Assert.Throws<InvalidDataException>(() => s_s2t.Convert("{\"发\": ", DocumentFormat.Json));
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => s_s2t.Convert("{\"a\": 1}\n{\"b\": [1, }\n", DocumentFormat.Json));
        Assert.StartsWith("not valid JSON at line 2, byte 11: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    // JSON Lines: one document of many top-level values, each converted as JSON (keys kept).
    [Fact]
    public void Json_ManyTopLevelValues_AreEachConverted()
    {
        Assert.Equal(
            "{\"发\": \"發佈\"}\n{\"发\": [\"裏面\"]}\n\"頭髮\"\n",
            s_s2t.Convert("{\"发\": \"发布\"}\n{\"发\": [\"里面\"]}\n\"头发\"\n", DocumentFormat.Json));
    }

    [Fact]
    public void Po_ConvertsMsgstrAcrossContinuationLines_KeepsMsgidAndHeader()
    {
        string po = "# 发布\nmsgid \"\"\nmsgstr \"\"\n\"Last-Translator: 发\\n\"\n\n#, c-format\nmsgid \"发布\"\nmsgstr \"\"\n\"鼠\"\n\"标\"\n";
        Assert.Equal(
            "# 发布\nmsgid \"\"\nmsgstr \"\"\n\"Last-Translator: 发\\n\"\n\n#, c-format\nmsgid \"发布\"\nmsgstr \"\"\n\"滑\"\n\"鼠\"\n",
            s_s2twp.Convert(po, DocumentFormat.Po));
    }

    [Fact]
    public void Po_Garbage_IsInvalidDataWithTheLine()
    {
        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => s_s2t.Convert("msgid \"a\"\nmsgstr \"b\"\nhello\n", DocumentFormat.Po));
        Assert.Contains("line 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnchangedDocument_ReturnsTheSameInstance()
    {
        string html = "<p>hello</p>";
        Assert.Same(html, s_s2t.Convert(html, DocumentFormat.Html));
        byte[] bytes = Encoding.UTF8.GetBytes(html);
        Assert.Same(bytes, s_s2t.Convert(bytes, DocumentFormat.Html));
    }

    [Fact]
    public void Bytes_KeepTheByteOrderMark_AndRejectInvalidUtf8()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>发</p>")];
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>發</p>")], s_s2t.Convert(bytes, DocumentFormat.Html));
        Assert.Throws<InvalidDataException>(() => s_s2t.Convert(new byte[] { 0x3C, 0xFF, 0x3E }, DocumentFormat.Html));
    }

    [Fact]
    public void BinaryFormat_StringOverload_Throws()
    {
        Assert.Throws<ArgumentException>(() => s_s2t.Convert("x", DocumentFormat.Epub));
    }

    [Fact]
    public void NotAZip_IsInvalidData()
    {
        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => s_s2t.Convert(Encoding.UTF8.GetBytes("not a zip"), DocumentFormat.Docx));
        Assert.Contains("zip", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_Html_RepairsTextAndKeepsMarkup()
    {
        var repair = new DocumentConverter(RepairOptions.Default);
        string text = "<p>他说:\"你好,世界\"</p><p class=\"a,b\">好的,谢谢</p>";
        string repaired = TextRepairer.Repair("他说:\"你好,世界\"\n好的,谢谢").Text;
        string result = repair.Convert(text, DocumentFormat.Html);
        Assert.StartsWith("<p>", result, StringComparison.Ordinal);
        Assert.Contains("<p class=\"a,b\">", result, StringComparison.Ordinal);
        Assert.Equal(repaired, result.Replace("</p><p class=\"a,b\">", "\n", StringComparison.Ordinal)[3..^4]);
    }

    [Fact]
    public void Epub_ConvertsContentTitleAndNavLabels_KeepsMimetypeFirstAndStored_AndOtherEntriesByteForByte()
    {
        byte[] epub = Epub(
            ("OEBPS/content.opf", "<package xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><metadata><dc:title>发布</dc:title><dc:creator>发</dc:creator></metadata><manifest>"
                + "<item id=\"c\" href=\"text/ch%201.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"n\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>"
                + "<item id=\"s\" href=\"style.css\" media-type=\"text/css\"/></manifest></package>"),
            ("OEBPS/text/ch 1.xhtml", "<html><head><title>发</title><style>.发{}</style></head><body><p class=\"发\">发布</p></body></html>"),
            ("OEBPS/toc.ncx", "<ncx><navMap><navPoint id=\"发\"><navLabel><text>发布</text></navLabel></navPoint></navMap></ncx>"),
            ("OEBPS/style.css", ".发 { color: red }"));
        byte[] output = s_s2t.Convert(epub, DocumentFormat.Epub);
        Assert.True(DocumentChecks.MimetypeFirstAndStored(epub));
        DocumentChecks.CheckEpubStructure(output, mimetypeFirst: true);
        using var archive = new ZipArchive(new MemoryStream(output));
        Assert.StartsWith("<package xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><metadata><dc:title>發佈</dc:title><dc:creator>发</dc:creator></metadata>", Entry(archive, "OEBPS/content.opf"), StringComparison.Ordinal);
        Assert.Equal("<html><head><title>發</title><style>.发{}</style></head><body><p class=\"发\">發佈</p></body></html>", Entry(archive, "OEBPS/text/ch 1.xhtml"));
        Assert.Contains("<navPoint id=\"发\"><navLabel><text>發佈</text>", Entry(archive, "OEBPS/toc.ncx"), StringComparison.Ordinal);
        Assert.Equal(".发 { color: red }", Entry(archive, "OEBPS/style.css"));
        DocumentChecks.CheckArchive(epub, DocumentFormat.Epub, ChineseConverter.Get("s2t"));
    }

    [Fact]
    public void Epub_WithoutContainer_IsInvalidData()
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("mimetype");
        }

        InvalidDataException exception = Assert.Throws<InvalidDataException>(() => s_s2t.Convert(stream.ToArray(), DocumentFormat.Epub));
        Assert.Contains("container.xml", exception.Message, StringComparison.Ordinal);
    }

    private static string Entry(ZipArchive archive, string name) =>
        Encoding.UTF8.GetString(TextRepair.Documents.ZipDocument.Read(archive.GetEntry(name)!));

    private static byte[] Epub(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (Stream mimetype = archive.CreateEntry("mimetype", CompressionLevel.NoCompression).Open())
            {
                mimetype.Write("application/epub+zip"u8);
            }

            var all = new List<(string, string)> { ("META-INF/container.xml", "<container><rootfiles><rootfile full-path=\"OEBPS/content.opf\"/></rootfiles></container>") };
            all.AddRange(entries);
            foreach ((string name, string text) in all)
            {
                using Stream entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }
}
