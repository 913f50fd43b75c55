namespace TextRepair.Documents;

/// <summary>The text of each XML part kind of EPUB and Office documents (<see cref="XmlProfile"/>). Thread-safe.</summary>
internal static class XmlProfiles
{
    /// <summary>WordprocessingML: <c>w:t</c> runs, joined within a paragraph across run boundaries.</summary>
    public static XmlProfile Word { get; } = new(
        new NameSet(false, "w:t"),
        new NameSet(false, "w:p", "w:tab", "w:br", "w:cr", "w:sym", "w:fldChar", "w:noBreakHyphen", "w:softHyphen", "w:footnoteReference", "w:endnoteReference"),
        NameSet.Empty);

    /// <summary>SpreadsheetML shared strings and inline strings: <c>t</c> within <c>si</c>/<c>is</c>, without phonetic runs.</summary>
    public static XmlProfile Spreadsheet { get; } = new(
        new NameSet(false, "t"),
        new NameSet(false, "si", "is", "c"),
        new NameSet(false, "rPh"));

    /// <summary>DrawingML text in slides and notes: <c>a:t</c> within <c>a:p</c>; fields (slide numbers, dates) are kept.</summary>
    public static XmlProfile Presentation { get; } = new(
        new NameSet(false, "a:t"),
        new NameSet(false, "a:p", "a:br"),
        new NameSet(false, "a:fld"));

    /// <summary>OpenDocument: all text inside <c>text:p</c> and <c>text:h</c>, across <c>text:span</c> and <c>text:a</c>.</summary>
    public static XmlProfile OpenDocument { get; } = new(
        new NameSet(false, "text:p", "text:h"),
        new NameSet(false, "text:p", "text:h", "text:s", "text:tab", "text:line-break", "text:note", "text:note-body"),
        new NameSet(false, "text:note-citation"));

    /// <summary>EPUB package document: the title and description.</summary>
    public static XmlProfile Package { get; } = new(
        new NameSet(false, "dc:title", "dc:description"),
        new NameSet(false, "dc:title", "dc:description"),
        NameSet.Empty);

    /// <summary>EPUB 2 NCX: the navigation labels (<c>text</c> within <c>docTitle</c>, <c>navLabel</c>).</summary>
    public static XmlProfile Ncx { get; } = new(
        new NameSet(false, "text", "ncx:text"),
        new NameSet(false, "text", "ncx:text"),
        NameSet.Empty);
}
