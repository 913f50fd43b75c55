using System.IO.Compression;
using System.Xml;

namespace TextRepair.Documents;

/// <summary>
/// Which entries of an EPUB or Office archive hold text, and how to read each (<see cref="XmlProfile"/>, or null for
/// XHTML). EPUB: the content documents and navigation listed in the package manifest, the package document itself
/// (title, description) and the NCX. Office: the document, header, footer, note and comment parts of Word, the shared
/// and inline strings of Excel, the slides and notes of PowerPoint, <c>content.xml</c> and <c>styles.xml</c> of
/// OpenDocument. An archive without its format's main part is reported as <see cref="InvalidDataException"/>.
/// </summary>
internal static class ZipParts
{
    public static IEnumerable<(string Name, XmlProfile? Profile)> Select(ZipArchive archive, DocumentFormat format) => format switch
    {
        DocumentFormat.Epub => Epub(archive),
        DocumentFormat.Docx => Office(archive, "word/document.xml", XmlProfiles.Word, IsWordPart),
        DocumentFormat.Xlsx => Office(archive, "xl/workbook.xml", XmlProfiles.Spreadsheet, IsSpreadsheetPart),
        DocumentFormat.Pptx => Office(archive, "ppt/presentation.xml", XmlProfiles.Presentation, IsPresentationPart),
        _ => Office(archive, "content.xml", XmlProfiles.OpenDocument, static name => name is "content.xml" or "styles.xml"),
    };

    private static List<(string, XmlProfile?)> Office(ZipArchive archive, string mainPart, XmlProfile profile, Func<string, bool> isPart)
    {
        if (archive.GetEntry(mainPart) is null)
        {
            throw new InvalidDataException($"not the expected document: the archive has no {mainPart}");
        }

        return archive.Entries.Where(entry => isPart(entry.FullName)).Select(entry => (entry.FullName, (XmlProfile?)profile)).ToList();
    }

    private static bool IsWordPart(string name) =>
        name.StartsWith("word/", StringComparison.Ordinal) && name.IndexOf('/', 5) < 0 && name.EndsWith(".xml", StringComparison.Ordinal)
        && (name is "word/document.xml" or "word/footnotes.xml" or "word/endnotes.xml" or "word/comments.xml"
            || name.StartsWith("word/header", StringComparison.Ordinal) || name.StartsWith("word/footer", StringComparison.Ordinal));

    private static bool IsSpreadsheetPart(string name) =>
        name == "xl/sharedStrings.xml"
        || (name.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal) && name.IndexOf('/', 14) < 0);

    private static bool IsPresentationPart(string name) =>
        name.EndsWith(".xml", StringComparison.Ordinal)
        && ((name.StartsWith("ppt/slides/slide", StringComparison.Ordinal) && name.IndexOf('/', 11) < 0)
            || (name.StartsWith("ppt/notesSlides/notesSlide", StringComparison.Ordinal) && name.IndexOf('/', 16) < 0));

    private static List<(string, XmlProfile?)> Epub(ZipArchive archive)
    {
        string packagePath = PackagePath(archive);
        ZipArchiveEntry package = archive.GetEntry(packagePath)
            ?? throw new InvalidDataException($"not a valid EPUB: the package document {packagePath} named in META-INF/container.xml is missing");
        var parts = new List<(string, XmlProfile?)> { (packagePath, XmlProfiles.Package) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { packagePath };
        int slash = packagePath.LastIndexOf('/');
        string directory = slash < 0 ? "" : packagePath[..(slash + 1)];
        foreach ((string href, string mediaType) in ManifestItems(package))
        {
            XmlProfile? profile;
            if (mediaType is "application/xhtml+xml" or "text/html")
            {
                profile = null;
            }
            else if (mediaType == "application/x-dtbncx+xml")
            {
                profile = XmlProfiles.Ncx;
            }
            else
            {
                continue;
            }

            string name = ResolveHref(directory, href);
            if (seen.Add(name))
            {
                parts.Add((name, profile));
            }
        }

        return parts;
    }

    /// <summary>The full path of the first rootfile in <c>META-INF/container.xml</c>.</summary>
    public static string PackagePath(ZipArchive archive)
    {
        ZipArchiveEntry container = archive.GetEntry("META-INF/container.xml")
            ?? throw new InvalidDataException("not a valid EPUB: META-INF/container.xml is missing");
        foreach (XmlElement element in Load(container).GetElementsByTagName("rootfile", "*"))
        {
            string path = element.GetAttribute("full-path");
            if (path.Length > 0)
            {
                return path;
            }
        }

        throw new InvalidDataException("not a valid EPUB: META-INF/container.xml names no rootfile");
    }

    /// <summary>The href and media type of every manifest item of a package document.</summary>
    public static List<(string Href, string MediaType)> ManifestItems(ZipArchiveEntry package)
    {
        var items = new List<(string, string)>();
        foreach (XmlElement item in Load(package).GetElementsByTagName("item", "*"))
        {
            items.Add((item.GetAttribute("href"), item.GetAttribute("media-type")));
        }

        return items;
    }

    /// <summary>An href of the manifest, relative to the package document's directory, as an entry name.</summary>
    public static string ResolveHref(string directory, string href)
    {
        string path = Uri.UnescapeDataString(href.Split('#')[0]);
        var segments = new List<string>();
        foreach (string segment in (directory + path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private static XmlDocument Load(ZipArchiveEntry entry)
    {
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            // Through the zip-bomb guard: a manifest inflating to gigabytes is refused, not loaded.
            using var stream = new MemoryStream(ZipDocument.Read(entry), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{entry.FullName}: not well-formed XML ({exception.Message})", exception);
        }

        return document;
    }
}
