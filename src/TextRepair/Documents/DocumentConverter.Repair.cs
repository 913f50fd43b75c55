using TextRepair.Documents;

namespace TextRepair;

/// <summary>Repair with its account: what a document repair changed, where, and whether text was lost.</summary>
public sealed partial class DocumentConverter
{
    /// <summary>
    /// Repairs a document in a text format as <see cref="Convert(string, DocumentFormat)"/> does and says what it did,
    /// as <see cref="TextRepairer.Repair(string, RepairOptions?)"/> does for plain text: <see cref="RepairResult.Text"/>
    /// is the repaired document (the same instance when nothing changes), <see cref="RepairResult.Edits"/> are the edits
    /// written into the document's text runs, in the input document's coordinates, sorted and non-overlapping (applying
    /// them to the input document gives <see cref="RepairResult.Text"/>; a fragment link that follows a repaired
    /// Markdown heading is an edit of the kind of the heading's first edit), and <see cref="RepairResult.Lossy"/> and
    /// <see cref="RepairResult.Decisions"/> are those of the document's visible text repaired as one text. Allocates
    /// the result, its edits, the joined visible text and its repair. Thread-safe.
    /// </summary>
    /// <param name="document">The document text.</param>
    /// <param name="format">A text format (not <see cref="IsBinary"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is a binary format or not defined.</exception>
    /// <exception cref="InvalidOperationException">This converter converts (it was built with a <see cref="ChineseConverter"/>).</exception>
    /// <exception cref="InvalidDataException">As for <see cref="Convert(string, DocumentFormat)"/>.</exception>
    public RepairResult Repair(string document, DocumentFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (IsBinary(format) || !Enum.IsDefined(format))
        {
            throw new ArgumentException($"{format} is not a text format: use the byte[] overload.", nameof(format));
        }

        ThrowIfConverting();
        return RepairText(document, format);
    }

    /// <summary>
    /// Repairs a document of any format given as bytes, as <see cref="Convert(byte[], DocumentFormat)"/> does, and says
    /// what it did. Returns the repaired bytes (the same array when nothing changes). <paramref name="parts"/> gets one
    /// entry per text part that a repair changed or found lossy, with the part's repair as
    /// <see cref="Repair(string, DocumentFormat)"/> gives it (edits in the coordinates of the part's decoded text): for a
    /// text format, the document itself under the name <c>""</c> (its byte order mark not counted); for EPUB and Office,
    /// each zip entry under its name, in archive order. Empty when the document needed no repair. Allocates the
    /// result, the list and, for archives, the changed parts. Thread-safe.
    /// </summary>
    /// <param name="document">The document's bytes.</param>
    /// <param name="format">The document's format.</param>
    /// <param name="parts">The repaired parts and their repairs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not defined.</exception>
    /// <exception cref="InvalidOperationException">This converter converts (it was built with a <see cref="ChineseConverter"/>).</exception>
    /// <exception cref="InvalidDataException">As for <see cref="Convert(byte[], DocumentFormat)"/>.</exception>
    public byte[] Repair(byte[] document, DocumentFormat format, out IReadOnlyList<KeyValuePair<string, RepairResult>> parts)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentException($"{format} is not a document format.", nameof(format));
        }

        ThrowIfConverting();
        var repaired = new List<KeyValuePair<string, RepairResult>>();
        parts = repaired;
        if (IsBinary(format))
        {
            return ZipDocument.Rewrite(document, format, (name, text, profile) =>
            {
                RepairResult part = profile is null ? RepairText(text, DocumentFormat.Html) : RepairXml(text, profile);
                AddIfRepaired(repaired, name, part);
                return part.Text;
            });
        }

        int preamble = document.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text = Decode(document, preamble);
        RepairResult result = RepairText(text, format);
        AddIfRepaired(repaired, string.Empty, result);
        return ReferenceEquals(result.Text, text) ? document : Encode(document, preamble, result.Text);
    }

    private static void AddIfRepaired(List<KeyValuePair<string, RepairResult>> parts, string name, RepairResult result)
    {
        if (result.Changed || result.Lossy || result.Edits.Count > 0)
        {
            parts.Add(new KeyValuePair<string, RepairResult>(name, result));
        }
    }

    private void ThrowIfConverting()
    {
        if (_repairOptions is null)
        {
            throw new InvalidOperationException("This document converter converts; build it with RepairOptions to repair.");
        }
    }

    /// <summary>The repair of a text-format document with its edits in document coordinates (repair mode only).</summary>
    private RepairResult RepairText(string document, DocumentFormat format)
    {
        if (format == DocumentFormat.Text)
        {
            return TextRepairer.Repair(document, _repairOptions);
        }

        MarkdownAnchors? anchors = format == DocumentFormat.Markdown ? new MarkdownAnchors() : null;
        (TextRunList runs, TextRunList side) = Scan(document, format, ConvertJsonKeys, anchors);
        var edits = new List<RepairEdit>();
        List<Replacement> replacements = RunRepairer.Replacements(document, _repairOptions!, edits, out RepairResult? joined, runs, side);
        if (anchors is not null)
        {
            // A fragment link follows the anchor of the heading it names, which the repair may have changed.
            var headings = new List<(int Fragment, int Heading)>();
            anchors.AddFragments(document, replacements, headings);
            int written = edits.Count;
            foreach ((int fragment, int heading) in headings)
            {
                Replacement link = replacements.Find(r => r.Start == fragment);
                RepairEdit first = FirstEditFrom(edits, written, heading);
                edits.Add(new RepairEdit(link.Start, link.Length, link.Text.ToString(), first.Kind) { Chain = first.Chain });
            }
        }

        string text = RunRewriter.Splice(document, replacements);
        return DocumentResult(document, text, edits, joined);
    }

    /// <summary>The first of <paramref name="count"/> edits (in run order, not sorted) that starts at or after <paramref name="position"/>.</summary>
    private static RepairEdit FirstEditFrom(List<RepairEdit> edits, int count, int position)
    {
        RepairEdit first = default;
        bool found = false;
        for (int i = 0; i < count; i++)
        {
            if (edits[i].Start >= position && (!found || edits[i].Start < first.Start))
            {
                first = edits[i];
                found = true;
            }
        }

        return first;
    }

    /// <summary>The repair of an XML part of an archive (repair mode only).</summary>
    private RepairResult RepairXml(string part, XmlProfile profile)
    {
        var runs = new TextRunList();
        XmlScanner.Scan(part, profile, runs);
        var edits = new List<RepairEdit>();
        List<Replacement> replacements = RunRepairer.Replacements(part, _repairOptions!, edits, out RepairResult? joined, runs);
        return DocumentResult(part, RunRewriter.Splice(part, replacements), edits, joined);
    }

    private RepairResult DocumentResult(string document, string text, List<RepairEdit> edits, RepairResult? joined)
    {
        // Edits of different run lists (text, attributes) interleave in the document: a stable sort keeps each
        // position's insertions in the order they were written.
        RepairEdit[] sorted = [.. edits.OrderBy(static edit => edit.Start)];
        joined ??= TextRepairer.Repair(string.Empty, _repairOptions);
        return joined.ForDocument(text, !ReferenceEquals(text, document), sorted);
    }
}
