namespace TextRepair.Documents;

/// <summary>
/// Finds the visible text of a CommonMark + GFM document, line by line. Container blocks follow CommonMark's block
/// parsing (0.31, section 5 and appendix): each line first matches the open block quotes and list items (a list item
/// by its content indentation, counted in columns with tab stops of four; a GFM footnote definition as a container
/// four columns wide whose label is kept), then opens new ones. Leaf blocks recognised: front matter
/// (<see cref="FrontMatter"/>), fenced and indented code blocks (never touched; a fence ends
/// at a closing fence indented at most three columns, at least as long and of the same character, or with its
/// container), HTML blocks (scanned as HTML: tags kept, text converted), link reference definitions (kept), thematic
/// breaks, ATX headings; every other line is inline content (<see cref="MarkdownInline"/>), which covers paragraphs
/// (with lazy continuation lines), setext headings and table rows. A scanner rather than a full parser: where
/// CommonMark is ambiguous it leans towards leaving text alone. Stateless.
/// </summary>
internal static partial class MarkdownScanner
{
    // CommonMark: up to three columns of indentation still start a block; four make an indented code block.
    private const int CodeIndent = 4;

    // CommonMark 5.2: a list item's content starts one to four columns after its marker; with five or more the item
    // starts with indented code and its content indentation is one column after the marker.
    private const int MaxMarkerSpacing = 4;

    // CommonMark 5.2: an ordered list marker has at most nine digits.
    private const int MaxOrderedDigits = 9;

    private enum Leaf
    {
        None,
        Paragraph,
        Fence,
        IndentedCode,
    }

    /// <summary>An open block quote, or a list item with its content indentation (columns after its container's).</summary>
    private record struct Container(bool IsQuote, int Width, bool Empty);

    /// <summary>A position in a line: the character index and the column reached (inside a tab when only part of it was consumed).</summary>
    private record struct Cursor(int Index, int Column);

    /// <summary>Adds the document's text to <paramref name="runs"/> and its titles and attributes to <paramref name="side"/>; its headings, ids and fragment links to <paramref name="anchors"/> when given.</summary>
    public static void Scan(string text, TextRunList runs, TextRunList side, MarkdownAnchors? anchors = null)
    {
        var inline = new MarkdownInline(text, ReferenceLabels(text), runs, side, anchors);
        var containers = new List<Container>();
        int pos = FrontMatter.Scan(text, runs);
        Leaf leaf = Leaf.None;
        char fence = '\0';
        int fenceLength = 0;

        // The paragraph open: where its text starts and ends (a setext underline makes it a heading).
        int paragraphStart = 0;
        int paragraphEnd = 0;
        while (pos < text.Length)
        {
            int newline = text.IndexOf('\n', pos);
            int next = newline < 0 ? text.Length : newline + 1;
            int end = newline < 0 ? text.Length : newline;
            if (end > pos && text[end - 1] == '\r')
            {
                end--;
            }

            runs.Break();
            var at = new Cursor(pos, 0);
            int matched = MatchContainers(text, containers, ref at, end);
            bool all = matched == containers.Count;
            if (leaf == Leaf.Fence)
            {
                if (all)
                {
                    if (ClosesFence(text, at, end, fence, fenceLength))
                    {
                        leaf = Leaf.None;
                    }

                    pos = next;
                    continue;
                }

                // An unclosed fence ends with its container (CommonMark 4.5).
                leaf = Leaf.None;
            }
            else if (leaf == Leaf.IndentedCode)
            {
                if (all && (Indentation(text, at, end, out Cursor first) >= CodeIndent || first.Index == end))
                {
                    pos = next;
                    continue;
                }

                leaf = Leaf.None;
            }

            while (true)
            {
                int indent = Indentation(text, at, end, out Cursor first);
                int i = first.Index;
                if (i == end)
                {
                    // A blank line ends a paragraph and every container it does not match.
                    Close(containers, matched);
                    leaf = Leaf.None;
                    break;
                }

                MarkContent(containers);
                if (indent >= CodeIndent)
                {
                    if (leaf == Leaf.Paragraph)
                    {
                        // Indented code cannot interrupt a paragraph: a continuation line (lazy or not).
                        inline.Scan(i, end);
                        paragraphEnd = end;
                    }
                    else
                    {
                        Close(containers, matched);
                        leaf = Leaf.IndentedCode;
                    }

                    break;
                }

                bool interrupts = leaf == Leaf.Paragraph && all;
                if (text[i] == '>')
                {
                    Close(containers, matched);
                    containers.Add(new Container(true, 0, false));
                    matched = containers.Count;
                    all = true;
                    leaf = Leaf.None;
                    at = new Cursor(i + 1, first.Column + 1);
                    OptionalSpace(text, ref at, end);
                    continue;
                }

                if (leaf == Leaf.Paragraph && all && IsSetextUnderline(text, i, end))
                {
                    anchors?.AddHeading(paragraphStart, paragraphEnd, atx: false);
                    leaf = Leaf.None;
                    break;
                }

                if (IsThematicBreak(text, i, end))
                {
                    // No text (a setext underline '---' was taken above; after a lazy line it is a break).
                    Close(containers, matched);
                    leaf = Leaf.None;
                    break;
                }

                if (ListMarker(text, i, end, out int markerEnd, out bool startsAtOne, out bool ordered)
                    && !(interrupts && ((ordered && !startsAtOne) || text.AsSpan(markerEnd, end - markerEnd).IsWhiteSpace())))
                {
                    Close(containers, matched);
                    var marker = new Cursor(markerEnd, first.Column + markerEnd - i);
                    int spacing = Indentation(text, marker, end, out Cursor content);
                    bool empty = content.Index == end;
                    if (empty || spacing > MaxMarkerSpacing)
                    {
                        content = marker;
                        Consume(text, ref content, end, 1);
                    }

                    containers.Add(new Container(false, content.Column - at.Column, empty));
                    matched = containers.Count;
                    all = true;
                    leaf = Leaf.None;
                    at = content;
                    continue;
                }

                if (OpensFence(text, i, end, out fence, out fenceLength))
                {
                    Close(containers, matched);
                    leaf = Leaf.Fence;
                    break;
                }

                if (HtmlBlockEnd(text, i, end, leaf == Leaf.Paragraph) is int blockEnd and > 0)
                {
                    Close(containers, matched);
                    HtmlScanner.Scan(text, i, blockEnd, runs, side, anchors);
                    runs.Break();
                    next = blockEnd;
                    leaf = Leaf.None;
                    break;
                }

                if (FootnoteLabelEnd(text, i, end) is int labelEnd and > 0)
                {
                    // A GFM footnote definition: a container (like a list item) whose content is the rest of the line
                    // and the lines indented four columns after it; the label stays, so its uses keep matching it.
                    Close(containers, matched);
                    containers.Add(new Container(false, CodeIndent, false));
                    matched = containers.Count;
                    all = true;
                    leaf = Leaf.None;
                    at = new Cursor(labelEnd, first.Column + labelEnd - i);
                    Indentation(text, at, end, out at);
                    continue;
                }

                if (leaf != Leaf.Paragraph && IsReferenceDefinition(text, i, end))
                {
                    // Kept whole: the label must keep matching its uses, the destination is a URL (a fragment of
                    // this document follows its heading, see MarkdownAnchors).
                    Close(containers, matched);
                    if (anchors is not null)
                    {
                        ReferenceDestination(text, i, end, anchors);
                    }

                    break;
                }

                int start = HeadingMarker(text, i, end, out bool heading);
                if (heading || leaf != Leaf.Paragraph || all)
                {
                    // Otherwise a lazy continuation line: the paragraph's containers stay open.
                    Close(containers, matched);
                }

                if (heading || leaf != Leaf.Paragraph)
                {
                    inline.EndBlock();
                }

                int scanEnd = heading ? HeadingContent(text, start, end, anchors) : end;
                if (!heading && leaf != Leaf.Paragraph)
                {
                    paragraphStart = start;
                }

                paragraphEnd = end;
                inline.Scan(start, scanEnd);
                leaf = heading ? Leaf.None : Leaf.Paragraph;
                break;
            }

            pos = next;
        }

        runs.Break();
    }

    /// <summary>Matches the line against the open containers, outermost first; returns how many matched.</summary>
    private static int MatchContainers(string text, List<Container> containers, ref Cursor at, int end)
    {
        for (int k = 0; k < containers.Count; k++)
        {
            Container container = containers[k];
            int indent = Indentation(text, at, end, out Cursor first);
            if (container.IsQuote)
            {
                if (indent >= CodeIndent || first.Index == end || text[first.Index] != '>')
                {
                    return k;
                }

                at = new Cursor(first.Index + 1, first.Column + 1);
                OptionalSpace(text, ref at, end);
            }
            else if (first.Index == end)
            {
                // A blank line stays in a list item, unless the item has had nothing but blank lines.
                if (container.Empty)
                {
                    return k;
                }

                at = first;
            }
            else if (indent >= container.Width)
            {
                Consume(text, ref at, end, container.Width);
            }
            else
            {
                return k;
            }
        }

        return containers.Count;
    }

    private static void Close(List<Container> containers, int matched)
    {
        if (matched < containers.Count)
        {
            containers.RemoveRange(matched, containers.Count - matched);
        }
    }

    /// <summary>A line with content: the innermost list item is no longer empty.</summary>
    private static void MarkContent(List<Container> containers)
    {
        if (containers.Count > 0 && containers[^1].Empty)
        {
            containers[^1] = containers[^1] with { Empty = false };
        }
    }

    /// <summary>Columns of indentation from <paramref name="at"/> (tab stops of four) and the first character that is not a space or tab.</summary>
    private static int Indentation(string text, Cursor at, int end, out Cursor first)
    {
        int i = at.Index;
        int column = at.Column;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            column = text[i] == '\t' ? NextTabStop(column) : column + 1;
            i++;
        }

        first = new Cursor(i, column);
        return column - at.Column;
    }

    /// <summary>Consumes up to <paramref name="columns"/> columns of spaces and tabs; a tab may be consumed in part.</summary>
    private static void Consume(string text, ref Cursor at, int end, int columns)
    {
        int target = at.Column + columns;
        int i = at.Index;
        int column = at.Column;
        while (column < target && i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            int after = text[i] == '\t' ? NextTabStop(column) : column + 1;
            if (after > target)
            {
                column = target;
                break;
            }

            column = after;
            i++;
        }

        at = new Cursor(i, column);
    }

    private static int NextTabStop(int column) => column - (column % CodeIndent) + CodeIndent;

    /// <summary>The optional space (one column: a space, or part of a tab) after a block quote marker.</summary>
    private static void OptionalSpace(string text, ref Cursor at, int end)
    {
        if (at.Index < end && (text[at.Index] == ' ' || text[at.Index] == '\t'))
        {
            Consume(text, ref at, end, 1);
        }
    }

    private static int RunOf(string text, int i, int end, char c)
    {
        int j = i;
        while (j < end && text[j] == c)
        {
            j++;
        }

        return j - i;
    }
}
