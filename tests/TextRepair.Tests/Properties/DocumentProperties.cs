using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

/// <summary>
/// Laws of the format layer on generated documents: text pieces made of dictionary phrases (so phrases straddle the
/// markup) interleaved with markup. Extraction here is independent of the scanners: the generator knows which
/// pieces are text.
/// </summary>
public sealed partial class DocumentProperties
{
    private static readonly string[] s_configs = ["s2twp", "s2t", "t2s", "tw2sp", "s2hk"];

    // Text without the characters that would be markup in HTML or XML.
    private static readonly Gen<string> s_text = ConversionText.Text
        .Select(t => new string(t.Where(c => c is not ('<' or '&' or '>' or '\r' or '\0')).ToArray()));

    // Text that survives UTF-8 (zip parts are UTF-8): no lone surrogates.
    private static readonly Gen<string> s_utf8Text = s_text
        .Select(t => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(t)));

    private static readonly Gen<string> s_inlineTag = Gen.Elements(
        "<b>", "</b>", "<i>", "</i>", "<span class=\"发布\">", "</span>", "<!-- 鼠标 -->", "<a href=\"/软件\">", "</a>");

    private static readonly Arbitrary<(string Config, string[] Pieces, string[] Tags)> s_inlineHtml =
        Gen.Elements(s_configs)
            .SelectMany(_ => s_text.ArrayOf(), (config, pieces) => (config, pieces))
            .SelectMany(cp => s_inlineTag.ArrayOf(cp.pieces.Length), (cp, tags) => (cp.config, cp.pieces, tags))
            .ToArbitrary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [Property(MaxTest = 300)]
    public Property Html_InlineTags_TextConvertsAsPlainTextAndTagsStay() =>
        Prop.ForAll(s_inlineHtml, input =>
        {
            var html = new StringBuilder();
            for (int i = 0; i < input.Pieces.Length; i++)
            {
                html.Append(input.Pieces[i]).Append(input.Tags[i]);
            }

            ChineseConverter converter = ChineseConverter.Get(input.Config);
            string output = new DocumentConverter(converter).Convert(html.ToString(), DocumentFormat.Html);
            string plain = converter.Convert(string.Concat(input.Pieces));
            return Tag().Replace(output, "") == plain
                && Tag().Matches(output).Select(m => m.Value).SequenceEqual(input.Tags.Where(t => t.Length > 0));
        });

    [Property(MaxTest = 200)]
    public Property Html_BlockTagsCodeAndAttributes_AreBoundariesAndStay() =>
        Prop.ForAll(Gen.Elements(s_configs).ToArbitrary(), s_text.ArrayOf().ToArbitrary(), (config, pieces) =>
        {
            // Every piece in its own block; every other piece inside <code>, which never changes.
            var html = new StringBuilder();
            var expected = new StringBuilder();
            ChineseConverter converter = ChineseConverter.Get(config);
            for (int i = 0; i < pieces.Length; i++)
            {
                string open = i % 2 == 0 ? "<p title=\"x\">" : "<code class=\"鼠标\">";
                string close = i % 2 == 0 ? "</p>" : "</code>";
                html.Append(open).Append(pieces[i]).Append(close);
                expected.Append(open).Append(i % 2 == 0 ? converter.Convert(pieces[i]) : pieces[i]).Append(close);
            }

            return new DocumentConverter(converter).Convert(html.ToString(), DocumentFormat.Html) == expected.ToString();
        });

    [Property(MaxTest = 200)]
    public Property Markdown_CodeSpansAndDestinationsStay_TextConverts() =>
        Prop.ForAll(Gen.Elements(s_configs).ToArbitrary(), s_text.Select(t => t.Replace("`", "").Replace("\n", " ")).ArrayOf().ToArbitrary(), (config, pieces) =>
        {
            ChineseConverter converter = ChineseConverter.Get(config);
            var markdown = new StringBuilder();
            var expected = new StringBuilder();
            for (int i = 0; i < pieces.Length; i++)
            {
                // Pieces that hold markdown syntax of their own are used inside code spans only.
                bool plainPiece = pieces[i].IndexOfAny(['\\', '*', '_', '~', '|', '[', ']', '!', ':', '#', '-', '+', '=', '(', ')', '"', '\'', '$']) < 0
                    && !pieces[i].Any(char.IsDigit) && pieces[i].Trim().Length == pieces[i].Length;
                switch (i % 3)
                {
                    case 0 when plainPiece:
                        markdown.Append("**").Append(pieces[i]).Append("**\n\n");
                        expected.Append("**").Append(converter.Convert(pieces[i])).Append("**\n\n");
                        break;
                    case 1 when plainPiece:
                        markdown.Append('[').Append(pieces[i]).Append("](https://例.com/").Append(i).Append(pieces[i].Length).Append(")\n\n");
                        expected.Append('[').Append(converter.Convert(pieces[i])).Append("](https://例.com/").Append(i).Append(pieces[i].Length).Append(")\n\n");
                        break;
                    default:
                        markdown.Append("x `").Append(pieces[i]).Append("` y\n\n");
                        expected.Append("x `").Append(pieces[i]).Append("` y\n\n");
                        break;
                }
            }

            return new DocumentConverter(converter).Convert(markdown.ToString(), DocumentFormat.Markdown) == expected.ToString();
        });

    [Property(MaxTest = 100)]
    public Property Docx_WordSplitAcrossRuns_ConvertsAsPlainTextAndOtherEntriesStay() =>
        Prop.ForAll(Gen.Elements(s_configs).ToArbitrary(), s_utf8Text.Select(t => t.Replace("\n", "")).ArrayOf().ToArbitrary(), (config, runs) =>
        {
            ChineseConverter converter = ChineseConverter.Get(config);
            string body = string.Concat(runs.Select((r, i) => $"<w:r><w:rPr>{(i % 2 == 0 ? "<w:b/>" : "")}</w:rPr><w:t xml:space=\"preserve\">{r}</w:t></w:r>"));
            string documentXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"urn:w\"><w:body><w:p>" + body + "</w:p></w:body></w:document>";
            byte[] docx = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", documentXml), ("word/styles.xml", "<w:styles name=\"鼠标\"/>"));
            byte[] output = new DocumentConverter(converter).Convert(docx, DocumentFormat.Docx);
            using var archive = new ZipArchive(new MemoryStream(output));
            string converted = Encoding.UTF8.GetString(TextRepair.Documents.ZipDocument.Read(archive.GetEntry("word/document.xml")!));
            string texts = string.Concat(Regex.Matches(converted, "<w:t xml:space=\"preserve\">([^<]*)</w:t>").Select(m => m.Groups[1].Value));
            string styles = Encoding.UTF8.GetString(TextRepair.Documents.ZipDocument.Read(archive.GetEntry("word/styles.xml")!));
            return texts == converter.Convert(string.Concat(runs))
                && Regex.Count(converted, "<w:t") == runs.Length
                && styles == "<w:styles name=\"鼠标\"/>"
                && archive.Entries.Select(e => e.FullName).SequenceEqual(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]);
        });

    [Property(MaxTest = 200)]
    public Property Po_MsgstrSplitAcrossLines_ConvertsAsPlainText() =>
        Prop.ForAll(Gen.Elements(s_configs).ToArbitrary(), s_text.Select(t => new string(t.Where(c => c is not ('"' or '\\' or '\n')).ToArray())).ArrayOf().ToArbitrary(), (config, lines) =>
        {
            ChineseConverter converter = ChineseConverter.Get(config);
            string po = "msgid \"鼠标\"\nmsgstr \"\"\n" + string.Concat(lines.Select(l => "\"" + l + "\"\n"));
            string output = new DocumentConverter(converter).Convert(po, DocumentFormat.Po);
            string[] outLines = output.Split('\n');
            string joined = string.Concat(outLines.Skip(2).Where(l => l.Length > 0).Select(l => l[1..^1]));
            return outLines[0] == "msgid \"鼠标\"" && joined == converter.Convert(string.Concat(lines));
        });

    [Property(MaxTest = 200)]
    public Property Repair_Html_KeepsEveryTag() =>
        Prop.ForAll(s_inlineHtml, input =>
        {
            var html = new StringBuilder();
            for (int i = 0; i < input.Pieces.Length; i++)
            {
                html.Append(input.Pieces[i]).Append(input.Tags[i]);
            }

            string output = new DocumentConverter(RepairOptions.Default).Convert(html.ToString(), DocumentFormat.Html);
            return Tag().Matches(output).Select(m => m.Value).SequenceEqual(input.Tags.Where(t => t.Length > 0));
        });

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string text) in entries)
            {
                using Stream entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }
}
