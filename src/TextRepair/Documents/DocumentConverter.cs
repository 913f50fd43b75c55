using System.Text;
using TextRepair.Documents;

namespace TextRepair;

/// <summary>
/// Converts (or repairs) the text a reader sees in a document and writes every other byte back unchanged: markup,
/// code, URLs, timestamps, keys, identifiers and the archive structure of EPUB and Office files. A phrase split by
/// inline markup (<c>&lt;b&gt;鼠&lt;/b&gt;标</c>, two Word runs, two quoted PO lines) converts as it does in plain text:
/// the visible text is joined, converted, and each run gets its share back (the rule is described in
/// <c>docs/documents.md</c>). Build once and share: instances are immutable and thread-safe.
/// </summary>
/// <remarks>
/// What is converted, per format: plain text, all of it; Markdown, text inlines, headings, table cells, link text and
/// titles, image alt text, footnote text, front matter values, and a fragment link naming a heading follows the
/// converted heading's anchor (never code, other destinations, autolinks, raw HTML tags other than their text
/// attributes, front matter keys); HTML (also raw HTML in Markdown), text nodes and the title, alt, placeholder and
/// aria-label attributes (never tags, other attributes, script, style, code, pre, kbd, samp, var, comments, character
/// references); SRT and WebVTT, cue text; ASS/SSA, the Text field of Dialogue lines and the title and credit fields
/// of Script Info; JSON, string values (and keys with <see cref="ConvertJsonKeys"/>); PO, msgstr; EPUB, XHTML content documents, the package title and description,
/// NCX labels; docx, xlsx, pptx, odt, ods, odp, the text runs of the document parts.
/// </remarks>
public sealed partial class DocumentConverter
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ChineseConverter? _converter;
    private readonly RepairOptions? _repairOptions;

    /// <summary>A document converter that converts text with <paramref name="converter"/>. Allocates nothing else.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="converter"/> is null.</exception>
    public DocumentConverter(ChineseConverter converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        _converter = converter;
    }

    /// <summary>
    /// A document converter that repairs text with <see cref="TextRepairer.Repair(string, RepairOptions?)"/> and <paramref name="repairOptions"/>.
    /// The visible text of a document is repaired as one text (so page-level evidence counts), and each edit is shared
    /// out to the runs it covers: cut between the original characters (for mojibake, each with the characters its bytes
    /// became), so each run keeps its own characters; an edit that cannot be cut goes to the run where it starts
    /// (<c>docs/documents.md</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="repairOptions"/> is null.</exception>
    public DocumentConverter(RepairOptions repairOptions)
    {
        ArgumentNullException.ThrowIfNull(repairOptions);
        _repairOptions = repairOptions;
    }

    /// <summary>The converter used, or null in repair mode.</summary>
    public ChineseConverter? Converter => _converter;

    /// <summary>The repair options used, or null in conversion mode.</summary>
    public RepairOptions? RepairOptions => _repairOptions;

    /// <summary>Whether JSON object keys are converted as well as string values (default false).</summary>
    public bool ConvertJsonKeys { get; init; }

    /// <summary>Whether <paramref name="format"/> is a zip archive (EPUB, Office), which only the byte and stream overloads accept.</summary>
    public static bool IsBinary(DocumentFormat format) => format >= DocumentFormat.Epub;

    /// <summary>
    /// Converts a document in a text format. Returns the same instance when nothing changes; otherwise allocates the
    /// result, the joined visible text and its conversion. Thread-safe.
    /// </summary>
    /// <param name="document">The document text.</param>
    /// <param name="format">A text format (not <see cref="IsBinary"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is a binary format or not defined.</exception>
    /// <exception cref="InvalidDataException">The document is not valid in <paramref name="format"/> (malformed JSON,
    /// a PO line that is no PO syntax, a WebVTT file without its header, ...); the message says where.</exception>
    public string Convert(string document, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (IsBinary(format) || !Enum.IsDefined(format))
        {
            throw new ArgumentException($"{format} is not a text format: use the byte[] or Stream overload.", nameof(format));
        }

        if (_converter is null)
        {
            return RepairText(document, format).Text;
        }

        if (format == DocumentFormat.Text)
        {
            return _converter.Convert(document);
        }

        MarkdownAnchors? anchors = format == DocumentFormat.Markdown ? new MarkdownAnchors() : null;
        (TextRunList runs, TextRunList side) = Scan(document, format, ConvertJsonKeys, anchors);
        List<Replacement> replacements = RunRewriter.Replacements(document, _converter, runs, side);

        // A fragment link follows the anchor of the heading it names, which conversion may have changed.
        anchors?.AddFragments(document, replacements);
        return RunRewriter.Splice(document, replacements);
    }

    /// <summary>
    /// Converts a document of any format given as bytes: text formats as UTF-8 (a byte order mark is kept), EPUB and
    /// Office as zip archives. Returns the same array when nothing changes; otherwise allocates the result and, for
    /// archives, the changed parts. Thread-safe.
    /// </summary>
    /// <param name="document">The document's bytes.</param>
    /// <param name="format">The document's format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="InvalidDataException">The document is not valid in <paramref name="format"/>: not UTF-8, not a
    /// zip archive, a required part missing, malformed XML in a text part, or as for <see cref="Convert(string, DocumentFormat)"/>.</exception>
    public byte[] Convert(byte[] document, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentException($"{format} is not a document format.", nameof(format));
        }

        if (IsBinary(format))
        {
            return ZipDocument.Rewrite(document, format, (_, text, profile) => profile is null ? Convert(text, DocumentFormat.Html) : ConvertXml(text, profile));
        }

        int preamble = document.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text = Decode(document, preamble);
        string result = Convert(text, format);
        return ReferenceEquals(result, text) ? document : Encode(document, preamble, result);
    }

    /// <summary>
    /// Reads all of <paramref name="source"/>, converts it as <see cref="Convert(byte[], DocumentFormat)"/> does and
    /// writes the result to <paramref name="destination"/>. The whole document is held in memory (zip archives need
    /// random access). Nothing is written when the document is invalid. Thread-safe for distinct streams.
    /// </summary>
    /// <exception cref="ArgumentNullException">A stream is null.</exception>
    /// <exception cref="InvalidDataException">As for <see cref="Convert(byte[], DocumentFormat)"/>.</exception>
    public void Convert(Stream source, Stream destination, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        destination.Write(Convert(buffer.ToArray(), format));
    }

    /// <summary>The runs of a text-format document: its text and its side groups (attributes, link titles); a Markdown document's anchors go to <paramref name="anchors"/>.</summary>
    internal static (TextRunList Runs, TextRunList Side) Scan(string document, DocumentFormat format, bool jsonKeys, MarkdownAnchors? anchors = null)
    {
        var runs = new TextRunList();
        var side = new TextRunList();
        switch (format)
        {
            case DocumentFormat.Text:
                runs.Add(0, document.Length);
                runs.Break();
                break;
            case DocumentFormat.Markdown:
                MarkdownScanner.Scan(document, runs, side, anchors);
                break;
            case DocumentFormat.Html:
                HtmlScanner.Scan(document, 0, document.Length, runs, side);
                break;
            case DocumentFormat.Srt:
                SubtitleScanner.ScanSrt(document, runs);
                break;
            case DocumentFormat.WebVtt:
                SubtitleScanner.ScanWebVtt(document, runs);
                break;
            case DocumentFormat.Ass:
                AssScanner.Scan(document, runs);
                break;
            case DocumentFormat.Json:
                JsonScanner.Scan(document, jsonKeys, runs);
                break;
            default:
                PoScanner.Scan(document, runs);
                break;
        }

        return (runs, side);
    }

    internal string ConvertXml(string text, XmlProfile profile)
    {
        var runs = new TextRunList();
        XmlScanner.Scan(text, profile, runs);
        return Apply(text, runs, new TextRunList());
    }

    private string Apply(string document, TextRunList runs, TextRunList side) =>
        _converter is not null
            ? RunRewriter.Convert(document, _converter, runs, side)
            : RunRepairer.Repair(document, _repairOptions!, runs, side);

    private static string Decode(byte[] document, int preamble)
    {
        try
        {
            return s_strictUtf8.GetString(document, preamble, document.Length - preamble);
        }
        catch (DecoderFallbackException exception)
        {
            throw new InvalidDataException($"not valid UTF-8 (at byte {preamble + exception.Index})", exception);
        }
    }

    private static byte[] Encode(byte[] document, int preamble, string text)
    {
        byte[] output = new byte[preamble + s_strictUtf8.GetByteCount(text)];
        document.AsSpan(0, preamble).CopyTo(output);
        s_strictUtf8.GetBytes(text, output.AsSpan(preamble));
        return output;
    }
}
