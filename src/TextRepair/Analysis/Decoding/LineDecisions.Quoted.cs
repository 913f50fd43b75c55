using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>Tokens quoted in CJK prose (see <see cref="IsQuotedInCjkProse"/>).</summary>
internal sealed partial class LineDecisions
{
    /// <summary>
    /// CJK letters a line needs outside a quoted token for the token to count as quoted in prose. Two: the shortest
    /// Chinese sentence around a quote ("叫“…”").
    /// </summary>
    private const int MinProseCjk = 2;

    // True when every finding (none too) is a span quoted in CJK prose (see IsQuotedInCjkProse). A loop of Taken's test,
    // written out: as a lambda it allocated a closure and a delegate per token taken (session 37).
    private bool AllQuotedInCjkProse(List<EncodingFinding> restored)
    {
        foreach (EncodingFinding f in restored)
        {
            if (!IsQuotedInCjkProse(f.Start, f.End))
            {
                return false;
            }
        }

        return true;
    }

    // A span between quotes or brackets, on a line whose other text holds CJK letters.
    private bool IsQuotedInCjkProse(int start, int end)
    {
        if (start == _lineStart || end >= _lineEnd || !Openers.Contains(_text[start - 1], StringComparison.Ordinal)
            || !Closers.Contains(_text[end], StringComparison.Ordinal))
        {
            return false;
        }

        // The prose is the line's CJK letters outside every quotation: a row of quoted fields ("浜у搧缂栧彿","搴撳瓨",
        // CSV or JSON written in UTF-8 and read as GBK) quotes every field and has no prose around them. A quotation
        // that holds the span's own is its context, not a quote beside it: the prose inside it counts (see CjkAround).
        return CjkAround(_lineStart, _lineEnd, start - 1, end) >= MinProseCjk;
    }

    // CJK letters of text[from..to) outside its quotations, and, when one of them holds the quotation open..close (the
    // span's opener and closer), those around the span inside that one, and so on inward: a CSV field, a JSON value or
    // an HTML attribute that holds a sentence holds its prose ("1,\"文件名变成了“╬─╝■”这样的字符\",3.5" quotes ╬─╝■ in
    // prose as the sentence alone does; counting outside every quotation, its CSV quotes left it none). Each segment is
    // scanned once per line (keyed by its start) and its quotations searched by halves, so a line of many quoted
    // findings stays near linear.
    private int CjkAround(int from, int to, int open, int close)
    {
        _segments ??= [];
        if (!_segments.TryGetValue(from, out Segment? segment))
        {
            segment = ScanSegment(_text.AsSpan(from, to - from), from);
            _segments.Add(from, segment);
        }

        // The quotations of a segment follow one another: only the last that opens before the span's may hold it.
        List<(int Open, int Close)> quotations = segment.Quotations;
        int lo = 0, hi = quotations.Count - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (quotations[mid].Open < open)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return last >= 0 && quotations[last].Close > close
            ? segment.Cjk + CjkAround(quotations[last].Open + 1, quotations[last].Close, open, close)
            : segment.Cjk;
    }

    // A segment's CJK letters outside its quotations, and those quotations (indices of opener and closer in the text).
    private sealed record Segment(int Cjk, List<(int Open, int Close)> Quotations);

    // Segments of the line scanned by CjkAround, by start.
    private Dictionary<int, Segment>? _segments;

    // CJK letters of line outside spans from an opener to its closer (the first closer of the same kind after it), and
    // those spans (offset added). Linear: an opener after the last closer of its kind is not searched from (a line of
    // unclosed '(' would make every search run to the line's end), and a search that finds its closer is skipped over.
    private static Segment ScanSegment(ReadOnlySpan<char> line, int offset)
    {
        Span<int> lastCloser = stackalloc int[Closers.Length];
        for (int k = 0; k < Closers.Length; k++)
        {
            lastCloser[k] = line.LastIndexOf(Closers[k]);
        }

        int cjk = 0;
        var quotations = new List<(int, int)>();
        for (int i = 0; i < line.Length; i++)
        {
            int kind = Openers.IndexOf(line[i], StringComparison.Ordinal);
            int close = kind < 0 || lastCloser[kind] <= i ? -1 : line[(i + 1)..].IndexOf(Closers[kind]);
            if (close >= 0)
            {
                quotations.Add((offset + i, offset + i + 1 + close));
                i += close + 1;
                continue;
            }

            cjk += IsCjkLetter(line[i]) ? 1 : 0;
        }

        return new Segment(cjk, quotations);
    }

    // Kana, Han or a Hangul syllable.
    private static bool IsCjkLetter(char c) => CjkText.IsKanaBlock(c) || CjkText.IsUnifiedIdeograph(c) || CjkText.IsHangulSyllable(c);
}
