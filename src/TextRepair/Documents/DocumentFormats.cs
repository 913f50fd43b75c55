using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace TextRepair;

/// <summary>
/// Names of the <see cref="DocumentFormat"/> values and detection of a document's format from its file name and first
/// bytes. Stateless and thread-safe.
/// </summary>
public static class DocumentFormats
{
    // Enough of the start of a file to see a zip's first entry names, a subtitle's first cue, a PO header entry.
    private const int SniffLength = 4096;

    private static readonly string[] s_names =
        ["text", "markdown", "html", "srt", "vtt", "ass", "json", "po", "epub", "docx", "xlsx", "pptx", "odt", "ods", "odp"];

    private static readonly Dictionary<string, DocumentFormat> s_extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentFormat.Text,
        [".md"] = DocumentFormat.Markdown,
        [".markdown"] = DocumentFormat.Markdown,
        [".mdown"] = DocumentFormat.Markdown,
        [".mkd"] = DocumentFormat.Markdown,
        [".html"] = DocumentFormat.Html,
        [".htm"] = DocumentFormat.Html,
        [".xhtml"] = DocumentFormat.Html,
        [".xht"] = DocumentFormat.Html,
        [".srt"] = DocumentFormat.Srt,
        [".vtt"] = DocumentFormat.WebVtt,
        [".ass"] = DocumentFormat.Ass,
        [".ssa"] = DocumentFormat.Ass,
        [".json"] = DocumentFormat.Json,
        [".jsonl"] = DocumentFormat.Json,
        [".ndjson"] = DocumentFormat.Json,
        [".po"] = DocumentFormat.Po,
        [".pot"] = DocumentFormat.Po,
        [".epub"] = DocumentFormat.Epub,
        [".docx"] = DocumentFormat.Docx,
        [".xlsx"] = DocumentFormat.Xlsx,
        [".pptx"] = DocumentFormat.Pptx,
        [".odt"] = DocumentFormat.Odt,
        [".ods"] = DocumentFormat.Ods,
        [".odp"] = DocumentFormat.Odp,
    };

    /// <summary>The names accepted by <see cref="TryParse"/>, in <see cref="DocumentFormat"/> order (the CLI's <c>--format</c> values).</summary>
    public static IReadOnlyList<string> Names => s_names;

    /// <summary>The short name of <paramref name="format"/> (<c>vtt</c> for <see cref="DocumentFormat.WebVtt"/>). Allocates nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not defined.</exception>
    public static string GetName(DocumentFormat format)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)format, (uint)s_names.Length, nameof(format));
        return s_names[(int)format];
    }

    /// <summary>Parses a format name (case-insensitive; also <c>md</c>, <c>htm</c>, <c>xhtml</c>, <c>webvtt</c>, <c>ssa</c>, <c>pot</c>, <c>txt</c>). Allocates nothing.</summary>
    public static bool TryParse(string? name, out DocumentFormat format)
    {
        format = DocumentFormat.Text;
        if (name is null)
        {
            return false;
        }

        int index = Array.FindIndex(s_names, candidate => candidate.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            format = (DocumentFormat)index;
            return true;
        }

        return s_extensions.TryGetValue("." + name, out format) || name.Equals("webvtt", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Detects the format of a document: by the extension of <paramref name="fileName"/> when it is a known one,
    /// otherwise from <paramref name="head"/> (the first bytes; 4 KB suffice): zip archives by their first entries
    /// (an EPUB's or OpenDocument's <c>mimetype</c>, an EPUB's container, the <c>word/</c>, <c>xl/</c>, <c>ppt/</c> parts of Office files),
    /// WebVTT, ASS, HTML, SRT and PO by their opening lines, JSON when the head parses as JSON (all of it when it is
    /// shorter than 4 KB, so is taken for the whole document; its start otherwise). Other text is <see cref="DocumentFormat.Text"/>.
    /// Returns false for content that is binary but of no known format (an unknown zip archive, NUL bytes).
    /// Allocates only when sniffing text. Thread-safe.
    /// </summary>
    public static bool TryDetect(string? fileName, ReadOnlySpan<byte> head, out DocumentFormat format)
    {
        string? extension = Path.GetExtension(fileName);
        if (extension is { Length: > 0 } && s_extensions.TryGetValue(extension, out format))
        {
            return true;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return TryDetectZip(head, out format);
        }

        format = DocumentFormat.Text;
        if (head[..Math.Min(head.Length, SniffLength)].Contains((byte)0))
        {
            return false;
        }

        string text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, SniffLength)]).TrimStart('\uFEFF');
        ReadOnlySpan<char> start = text.AsSpan().TrimStart();
        if (start.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            format = DocumentFormat.WebVtt;
        }
        else if (start.StartsWith("[Script Info]", StringComparison.OrdinalIgnoreCase))
        {
            format = DocumentFormat.Ass;
        }
        else if (start.StartsWith("<", StringComparison.Ordinal)
            && (text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)))
        {
            format = DocumentFormat.Html;
        }
        else if ((start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal))
            && ParsesAsJson(head[..Math.Min(head.Length, SniffLength)], whole: head.Length < SniffLength))
        {
            format = DocumentFormat.Json;
        }
        else if (LooksLikeSrt(start))
        {
            format = DocumentFormat.Srt;
        }
        else if (text.StartsWith("msgid \"", StringComparison.Ordinal) || text.Contains("\nmsgid \"", StringComparison.Ordinal))
        {
            format = DocumentFormat.Po;
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="head"/> is JSON: all of it when it is the <paramref name="whole"/> document, otherwise a
    /// valid start of JSON. Session 29: a log whose lines open with <c>[2024-05-01 10:00:00]</c>, or a CHANGELOG opening
    /// with <c>[公告]</c>, was taken for JSON by its first character and refused as malformed JSON.
    /// </summary>
    private static bool ParsesAsJson(ReadOnlySpan<byte> head, bool whole)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        // The JSON reader's leniencies (comments, trailing commas); no depth limit within the sniffed bytes.
        var reader = new Utf8JsonReader(head, whole, new JsonReaderState(new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            AllowMultipleValues = true,
            MaxDepth = SniffLength,
        }));
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool LooksLikeSrt(ReadOnlySpan<char> start)
    {
        int newline = start.IndexOf('\n');
        if (newline <= 0 || !start[..newline].Trim().ContainsAnyExceptInRange('0', '9') is false)
        {
            return false;
        }

        ReadOnlySpan<char> rest = start[(newline + 1)..];
        int next = rest.IndexOf('\n');
        return (next < 0 ? rest : rest[..next]).Contains("-->", StringComparison.Ordinal);
    }

    private static bool TryDetectZip(ReadOnlySpan<byte> head, out DocumentFormat format)
    {
        format = DocumentFormat.Text;
        const int LocalHeaderLength = 30;
        if (head.Length >= LocalHeaderLength)
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[28..]);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(head[18..]), 128);
            int dataStart = LocalHeaderLength + nameLength + extraLength;
            if (head.Length >= dataStart + size && head.Slice(LocalHeaderLength, nameLength).SequenceEqual("mimetype"u8))
            {
                ReadOnlySpan<byte> mimetype = head.Slice(dataStart, size);
                if (mimetype.SequenceEqual("application/epub+zip"u8))
                {
                    format = DocumentFormat.Epub;
                    return true;
                }

                if (mimetype.StartsWith("application/vnd.oasis.opendocument.text"u8))
                {
                    format = DocumentFormat.Odt;
                    return true;
                }

                if (mimetype.StartsWith("application/vnd.oasis.opendocument.spreadsheet"u8))
                {
                    format = DocumentFormat.Ods;
                    return true;
                }

                if (mimetype.StartsWith("application/vnd.oasis.opendocument.presentation"u8))
                {
                    format = DocumentFormat.Odp;
                    return true;
                }
            }
        }

        // An EPUB whose mimetype entry is not first (they exist) still has its container.
        if (head.IndexOf("META-INF/container.xml"u8) >= 0)
        {
            format = DocumentFormat.Epub;
        }
        else if (head.IndexOf("word/"u8) >= 0)
        {
            format = DocumentFormat.Docx;
        }
        else if (head.IndexOf("xl/"u8) >= 0)
        {
            format = DocumentFormat.Xlsx;
        }
        else if (head.IndexOf("ppt/"u8) >= 0)
        {
            format = DocumentFormat.Pptx;
        }
        else
        {
            return false;
        }

        return true;
    }
}
