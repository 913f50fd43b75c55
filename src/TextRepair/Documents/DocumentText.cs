namespace TextRepair;

/// <summary>
/// Where the text a reader sees lies in a document: the ranges <see cref="DocumentConverter"/> converts, found by the
/// same format readers, for a tool that edits text in place (<c>textrepair check --fix</c>) and must leave markup,
/// code, link destinations, keys and timestamps as they are. Stateless and thread-safe.
/// </summary>
public static class DocumentText
{
    /// <summary>
    /// The ranges of <paramref name="document"/> that a <see cref="DocumentConverter"/> converts when the document is in
    /// <paramref name="format"/> (JSON object keys excluded), in source order and not overlapping; for
    /// <see cref="DocumentFormat.Text"/>, the whole document. Allocates the list and the reader's working lists.
    /// </summary>
    /// <param name="document">The document text.</param>
    /// <param name="format">A text format (not <see cref="DocumentConverter.IsBinary"/>).</param>
    /// <returns>A new list of ranges into <paramref name="document"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is a binary format or not defined.</exception>
    /// <exception cref="InvalidDataException">The document is not valid in <paramref name="format"/>, as for
    /// <see cref="DocumentConverter.Convert(string, DocumentFormat)"/>.</exception>
    public static IReadOnlyList<Range> FindRanges(string document, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (DocumentConverter.IsBinary(format) || !Enum.IsDefined(format))
        {
            throw new ArgumentException($"{format} is not a text format.", nameof(format));
        }

        (Documents.TextRunList runs, Documents.TextRunList side) = DocumentConverter.Scan(document, format, jsonKeys: false);
        var ranges = new List<Range>(runs.Count + side.Count);
        foreach (Documents.TextRunList list in new[] { runs, side })
        {
            for (int i = 0; i < list.Count; i++)
            {
                ranges.Add(new Range(list.Start(i), list.Start(i) + list.Length(i)));
            }
        }

        ranges.Sort(static (a, b) => a.Start.Value.CompareTo(b.Start.Value));
        return ranges;
    }
}
