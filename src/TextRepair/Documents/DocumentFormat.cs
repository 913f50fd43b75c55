namespace TextRepair;

/// <summary>
/// The document formats <see cref="DocumentConverter"/> reads and writes. Text formats are UTF-16 strings or UTF-8
/// bytes; <see cref="Epub"/> and the Office formats are zip archives (binary).
/// </summary>
public enum DocumentFormat
{
    /// <summary>Plain text: all of it is converted.</summary>
    Text = 0,

    /// <summary>Markdown (CommonMark + GFM tables, front matter).</summary>
    Markdown,

    /// <summary>HTML or XHTML.</summary>
    Html,

    /// <summary>SubRip subtitles (.srt).</summary>
    Srt,

    /// <summary>WebVTT subtitles (.vtt).</summary>
    WebVtt,

    /// <summary>Advanced SubStation Alpha and SubStation Alpha subtitles (.ass, .ssa).</summary>
    Ass,

    /// <summary>JSON (.json), and JSON Lines (.jsonl, .ndjson): one or more top-level values.</summary>
    Json,

    /// <summary>Gettext translation catalogues (.po, .pot).</summary>
    Po,

    /// <summary>EPUB 2 and 3 books (zip).</summary>
    Epub,

    /// <summary>Word documents, Office Open XML (zip).</summary>
    Docx,

    /// <summary>Excel workbooks, Office Open XML (zip).</summary>
    Xlsx,

    /// <summary>PowerPoint presentations, Office Open XML (zip).</summary>
    Pptx,

    /// <summary>OpenDocument text (zip).</summary>
    Odt,

    /// <summary>OpenDocument spreadsheets (zip).</summary>
    Ods,

    /// <summary>OpenDocument presentations (zip).</summary>
    Odp,
}
