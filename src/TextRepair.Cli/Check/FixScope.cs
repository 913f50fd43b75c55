namespace TextRepair.Cli.Check;

/// <summary>
/// Where <c>check --fix</c> may rewrite a character: in the text a reader sees, as <c>convert</c> finds it in the file's
/// format (<see cref="DocumentText"/>: never code, link destinations, tags, attributes other than the visible ones,
/// script or style), and outside URLs, e-mail addresses, file paths and markup as <c>convert --protect-urls
/// --protect-emails --protect-paths --protect-markup</c> finds them. Session 29: <c>check --fix</c> rewrote code blocks,
/// inline code, link hosts (例子.中国 became another domain, 例子.中國), an HTML id and script, e-mail domains and
/// Windows paths. A finding outside the scope stays a finding, reported as usual. One per file; not thread-safe.
/// </summary>
internal sealed class FixScope
{
    private static readonly Lazy<ChineseConverter> s_protection = new(() => ChineseConverter.Get("s2t").WithProtection(
        ProtectedText.Markup | ProtectedText.Urls | ProtectedText.EmailAddresses | ProtectedText.Paths));

    private readonly IReadOnlyList<Range> _text;
    private readonly IReadOnlyList<ProtectedSpan> _protected;

    private FixScope(IReadOnlyList<Range> text, IReadOnlyList<ProtectedSpan> protectedSpans)
    {
        _text = text;
        _protected = protectedSpans;
    }

    /// <summary>
    /// The scope of <paramref name="file"/> (decoded, without its byte order mark). Localisation files are checked in
    /// their values only (<see cref="LocalizationText"/>), so all of them is text; any other file is read in the format
    /// <c>convert --format auto</c> gives it (by extension, else by content). A file its format's reader refuses gets an
    /// empty scope: nothing in it is rewritten.
    /// </summary>
    public static FixScope Of(string path, byte[] bytes, string file)
    {
        IReadOnlyList<Range> text = [new Range(0, file.Length)];
        if (LocalizationText.IsPlainText(path))
        {
            if (!DocumentFormats.TryDetect(path, bytes, out DocumentFormat format) || DocumentConverter.IsBinary(format))
            {
                text = [];
            }
            else if (format != DocumentFormat.Text)
            {
                try
                {
                    text = DocumentText.FindRanges(file, format);
                }
                catch (InvalidDataException)
                {
                    text = [];
                }
            }
        }

        return new FixScope(text, s_protection.Value.FindProtectedSpans(file));
    }

    /// <summary>Whether the characters of <paramref name="finding"/> lie in the scope.</summary>
    public bool Contains(CheckFinding finding)
    {
        int start = finding.FileOffset;
        int end = start + finding.Text.Length;
        return Covers(_text, start, end) && !Overlaps(_protected, start, end);
    }

    private static bool Covers(IReadOnlyList<Range> ranges, int start, int end)
    {
        int low = 0, high = ranges.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            Range range = ranges[middle];
            if (range.End.Value <= start)
            {
                low = middle + 1;
            }
            else if (range.Start.Value > start)
            {
                high = middle - 1;
            }
            else
            {
                return end <= range.End.Value;
            }
        }

        return false;
    }

    private static bool Overlaps(IReadOnlyList<ProtectedSpan> spans, int start, int end)
    {
        int low = 0, high = spans.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            ProtectedSpan span = spans[middle];
            if (span.Start + span.Length <= start)
            {
                low = middle + 1;
            }
            else if (span.Start >= end)
            {
                high = middle - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
