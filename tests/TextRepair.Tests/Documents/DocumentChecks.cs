using System.IO.Compression;
using System.Text;
using System.Xml;
using TextRepair.Documents;

namespace TextRepair.Tests.Documents;

/// <summary>
/// The checks of issue 17 on one document: the characters outside the converted text are identical (the runs found
/// in the input and in the output are stripped and the rest compared), and the converted text equals converting the
/// extracted text as plain text, group by group. For archives: entry order kept, other entries byte-identical (same
/// CRC and compressed size, so copied as stored), XML parts well-formed, and for EPUB the structural check.
/// </summary>
internal static class DocumentChecks
{
    public static string CheckText(string input, DocumentFormat format, ChineseConverter converter)
    {
        string output = new DocumentConverter(converter).Convert(input, format);
        (TextRunList inRuns, TextRunList inSide) = DocumentConverter.Scan(input, format, jsonKeys: false);
        (TextRunList outRuns, TextRunList outSide) = DocumentConverter.Scan(output, format, jsonKeys: false);
        CheckRuns(input, output, converter, [inRuns, inSide], [outRuns, outSide]);
        return output;
    }

    public static void CheckRuns(string input, string output, ChineseConverter converter, TextRunList[] inLists, TextRunList[] outLists)
    {
        Assert.Equal(Skeleton(input, inLists), Skeleton(output, outLists));
        Assert.Equal(Visible(input, inLists, converter), Visible(output, outLists, null));
    }

    /// <summary>The document with every run removed.</summary>
    public static string Skeleton(string document, TextRunList[] lists)
    {
        var inRun = new bool[document.Length];
        foreach (TextRunList list in lists)
        {
            for (int run = 0; run < list.Count; run++)
            {
                Array.Fill(inRun, true, list.Start(run), list.Length(run));
            }
        }

        var builder = new StringBuilder();
        for (int i = 0; i < document.Length; i++)
        {
            if (!inRun[i])
            {
                builder.Append(document[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The visible text, group by group (each converted on its own when a converter is given), one per line.</summary>
    public static string Visible(string document, TextRunList[] lists, ChineseConverter? converter)
    {
        var builder = new StringBuilder();
        foreach (TextRunList list in lists)
        {
            for (int group = 0, run = 0; group < list.GroupCount; run = list.GroupEnd(group), group++)
            {
                var text = new StringBuilder();
                for (int r = run; r < list.GroupEnd(group); r++)
                {
                    text.Append(document, list.Start(r), list.Length(r));
                }

                builder.Append(converter is null ? text.ToString() : converter.Convert(text.ToString())).Append('\u0001');
            }
        }

        return builder.ToString();
    }

    public static byte[] CheckArchive(byte[] input, DocumentFormat format, ChineseConverter converter)
    {
        var documents = new DocumentConverter(converter);
        byte[] output = documents.Convert(input, format);
        using var before = new ZipArchive(new MemoryStream(input), ZipArchiveMode.Read);
        using var after = new ZipArchive(new MemoryStream(output), ZipArchiveMode.Read);
        Dictionary<string, XmlProfile?> parts = ZipParts.Select(before, format).ToDictionary(p => p.Name, p => p.Profile);
        Assert.Equal(before.Entries.Select(e => e.FullName), after.Entries.Select(e => e.FullName));
        for (int i = 0; i < before.Entries.Count; i++)
        {
            ZipArchiveEntry a = before.Entries[i];
            ZipArchiveEntry b = after.Entries[i];
            byte[] aBytes = ZipDocument.Read(a);
            byte[] bBytes = ZipDocument.Read(b);
            if (!parts.TryGetValue(a.FullName, out XmlProfile? profile))
            {
                Assert.Equal(aBytes, bBytes);
                Assert.Equal(a.Crc32, b.Crc32);
                Assert.Equal(a.CompressedLength, b.CompressedLength);
                continue;
            }

            string aText = Encoding.UTF8.GetString(aBytes);
            string bText = Encoding.UTF8.GetString(bBytes);
            if (ParsesAsXml(aText))
            {
                // Well-formed before, well-formed after (some real XHTML is not well-formed to begin with).
                Assert.True(ParsesAsXml(bText), $"{a.FullName} no longer parses as XML");
            }

            (TextRunList[] inLists, TextRunList[] outLists) = profile is null
                ? (ScanHtml(aText), ScanHtml(bText))
                : (ScanXml(aText, profile), ScanXml(bText, profile));
            CheckRuns(aText, bText, converter, inLists, outLists);
        }

        if (format == DocumentFormat.Epub)
        {
            CheckEpubStructure(output, mimetypeFirst: MimetypeFirstAndStored(input));
        }

        return output;
    }

    /// <summary>Whether the first local entry is <c>mimetype</c>, stored (compression method 0).</summary>
    public static bool MimetypeFirstAndStored(byte[] epub) =>
        epub.AsSpan().StartsWith("PK\u0003\u0004"u8)
        && BitConverter.ToUInt16(epub, 8) == 0
        && Encoding.ASCII.GetString(epub, 30, BitConverter.ToUInt16(epub, 26)) == "mimetype";

    /// <summary>
    /// mimetype first and stored (when the input had it so: real EPUBs that break the rule are kept as found);
    /// container.xml and the package document parse; every manifest item present.
    /// </summary>
    public static void CheckEpubStructure(byte[] epub, bool mimetypeFirst)
    {
        Assert.Equal(mimetypeFirst, MimetypeFirstAndStored(epub));
        using var archive = new ZipArchive(new MemoryStream(epub), ZipArchiveMode.Read);
        string package = ZipParts.PackagePath(archive);
        ZipArchiveEntry opf = archive.GetEntry(package)!;
        int slash = package.LastIndexOf('/');
        string directory = slash < 0 ? "" : package[..(slash + 1)];
        foreach ((string href, _) in ZipParts.ManifestItems(opf))
        {
            Assert.NotNull(archive.GetEntry(ZipParts.ResolveHref(directory, href)));
        }
    }

    private static bool ParsesAsXml(string text)
    {
        try
        {
            new XmlDocument { XmlResolver = null }.LoadXml(text.TrimStart('\uFEFF'));
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static TextRunList[] ScanHtml(string text)
    {
        var runs = new TextRunList();
        var side = new TextRunList();
        HtmlScanner.Scan(text, 0, text.Length, runs, side);
        return [runs, side];
    }

    private static TextRunList[] ScanXml(string text, XmlProfile profile)
    {
        var runs = new TextRunList();
        XmlScanner.Scan(text, profile, runs);
        return [runs];
    }
}
