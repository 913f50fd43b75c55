using System.Buffers;

namespace TextRepair.Documents;

/// <summary>
/// The inline part of <see cref="MarkdownScanner"/>: finds the text of one line of a paragraph, heading or table row.
/// Emphasis delimiters and link brackets are left out of the runs without ending the group (so <c>**鼠**标</c> and
/// <c>[鼠](u)标</c> convert as <c>鼠标</c>); code spans, backslash escapes, character references, table pipes, line
/// ends end it. Never touched: code spans, link and image destinations, reference labels, autolinks and bare
/// http(s)/ftp URLs (GFM), raw HTML tags and the content of the elements the HTML reader keeps (code, kbd, ...). Link
/// titles and the text attributes of raw HTML go to the side list as groups of their own. Not thread-safe.
/// </summary>
internal sealed partial class MarkdownInline
{
    private static readonly SearchValues<char> s_specials = SearchValues.Create("\\`*_~|&<[]!:");

    // A URI scheme of an autolink is 2 to 32 characters (CommonMark 0.31, 6.5).
    private const int MaxSchemeLength = 32;

    /// <summary>
    /// Brackets nested deeper than this are text, not links: each level of link text is scanned by a nested call, and
    /// 30,000 nested '[' overflowed the stack and killed the process (session 28). CommonMark sets no limit; no
    /// document nests links more than a few levels, and cmark and Markdig stop at similar depths.
    /// </summary>
    private const int MaxLinkNesting = 256;

    /// <summary>
    /// A link destination with more unclosed '(' than this is not a destination. CommonMark lets implementations limit
    /// the nesting ("at least three levels") and cmark stops at 32; without a limit every unclosed <c>[a](</c> on a line
    /// was read to the line end, so a line of them took quadratic time (session 29: 60 KB of <c>[a](</c> 2.8 s, 240 KB 40 s).
    /// </summary>
    private const int MaxDestinationParens = 32;

    private readonly string _text;
    private int _depth;
    private readonly HashSet<string> _labels;
    private readonly TextRunList _runs;
    private readonly TextRunList _side;
    private readonly MarkdownAnchors? _anchors;

    // Work remembered across the scans of one line so that no scan repeats (see MarkdownInline.Memo.cs).
    private int[] _bracketClose = [];
    private int[] _bracketStack = [];
    private int _bracketStart;
    private int _bracketEnd;
    private Occurrence _tagClose;
    private Occurrence _commentClose;
    private Searched _titleFail0;
    private Searched _titleFail1;
    private Searched _titleFail2;
    private Dictionary<int, Searched>? _backtickFail;

    public MarkdownInline(string text, HashSet<string> labels, TextRunList runs, TextRunList side, MarkdownAnchors? anchors)
    {
        _text = text;
        _labels = labels;
        _runs = runs;
        _side = side;
        _anchors = anchors;
    }

    public void Scan(int start, int end)
    {
        if (_depth == 0)
        {
            MatchBrackets(start, end);
        }

        _depth++;
        try
        {
            ScanLevel(start, end);
        }
        finally
        {
            _depth--;
        }
    }

    private void ScanLevel(int start, int end)
    {
        string text = _text;
        int i = InKeptElement ? SkipKeptElement(start, end) : start;
        int textStart = i;
        while (i < end)
        {
            int found = text.AsSpan(i, end - i).IndexOfAny(s_specials);
            if (found < 0)
            {
                break;
            }

            int at = i + found;
            int resume = Special(at, end, textStart);
            if (resume < 0)
            {
                // Not markup after all: the character is text.
                i = at + 1;
                continue;
            }

            if (InKeptElement)
            {
                // A kept element (code, kbd, ...) opened here or inside link text.
                resume = SkipKeptElement(resume, end);
            }

            i = textStart = resume;
        }

        _runs.Add(textStart, end - textStart);
    }

    /// <summary>Handles the markup at <paramref name="at"/>; returns where text resumes, or -1 when it is plain text.</summary>
    private int Special(int at, int end, int textStart)
    {
        string text = _text;
        char c = text[at];
        switch (c)
        {
            case '\\':
                if (at + 1 < end && text[at + 1] < '\u007f' && (char.IsPunctuation(text[at + 1]) || char.IsSymbol(text[at + 1])))
                {
                    Flush(textStart, at, breaks: true);
                    return at + 2;
                }

                return -1;
            case '`':
            {
                int n = RunLength(at, end, '`');
                int close = FindBacktickRun(at + n, end, n);
                Flush(textStart, at, breaks: close >= 0);
                return close >= 0 ? close + n : at + n;
            }

            case '*' or '_' or '~':
                Flush(textStart, at, breaks: false);
                return at + RunLength(at, end, c);
            case '|':
                Flush(textStart, at, breaks: true);
                return at + 1;
            case '&':
            {
                int after = Entities.Match(text, at, end);
                if (after < 0)
                {
                    return -1;
                }

                Flush(textStart, at, breaks: true);
                return after;
            }

            case '<':
                return Angle(at, end, textStart);
            case '[':
                Flush(textStart, at, breaks: false);
                return Link(at, end);
            case '!':
                if (at + 1 < end && text[at + 1] == '[')
                {
                    Flush(textStart, at, breaks: false);
                    return Link(at + 1, end);
                }

                return -1;
            case ']':
            {
                // A bracket whose opening is on an earlier line: still keep a destination that follows untouched.
                if (at + 1 < end && text[at + 1] == '(' && TryLinkTail(at + 1, end, out int tailEnd, out _, out _))
                {
                    Flush(textStart, at, breaks: false);
                    return tailEnd;
                }

                return -1;
            }

            default:
                return BareUrl(at, end, textStart);
        }
    }

    private void Flush(int textStart, int at, bool breaks)
    {
        _runs.Add(textStart, at - textStart);
        if (breaks)
        {
            _runs.Break();
        }
    }

    private int RunLength(int at, int end, char c)
    {
        int j = at;
        while (j < end && _text[j] == c)
        {
            j++;
        }

        return j - at;
    }

    /// <summary>The start of the next run of exactly <paramref name="n"/> backticks at or after <paramref name="from"/>, or -1.</summary>
    private int FindBacktickRun(int from, int end, int n)
    {
        if (_backtickFail is not null && _backtickFail.TryGetValue(n, out Searched failed) && failed.Covers(from, end))
        {
            return -1;
        }

        int j = from;
        while (j < end)
        {
            int tick = _text.IndexOf('`', j, end - j);
            if (tick < 0)
            {
                break;
            }

            int length = RunLength(tick, end, '`');
            if (length == n)
            {
                return tick;
            }

            j = tick + length;
        }

        // From here to the end there is no run of n: a later run of n backticks on this line need not look again
        // (a search starts right after a whole run, where this one also stood).
        (_backtickFail ??= [])[n] = new Searched(from, end);
        return -1;
    }

    private int SkipSpace(int j, int end)
    {
        while (j < end && char.IsWhiteSpace(_text[j]))
        {
            j++;
        }

        return j;
    }
}
