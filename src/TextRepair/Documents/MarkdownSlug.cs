using System.Globalization;
using System.Net;
using System.Text;

namespace TextRepair.Documents;

/// <summary>
/// The anchor GitHub gives a Markdown heading: the heading's text as a reader sees it (no emphasis delimiters, link
/// destinations, images or tags; code spans by their content, references decoded), lower-cased, without characters
/// other than letters, marks, digits, connector punctuation, '-' and ' ', spaces turned into '-' (github-slugger,
/// html-pipeline's <c>TableOfContentsFilter</c>); a repeated anchor gets "-1", "-2", ... Stateless.
/// </summary>
internal static class MarkdownSlug
{
    /// <summary>
    /// The slug of a heading whose source is <paramref name="heading"/>: the inline content after the '#' marker of an
    /// ATX heading (<paramref name="atx"/>; a closing sequence of '#' is no text), or the lines of a setext heading.
    /// </summary>
    public static string Of(string heading, bool atx)
    {
        ReadOnlySpan<char> content = heading.AsSpan().Trim();
        if (atx)
        {
            // The closing sequence: '#'s after a space (or the whole content) with nothing after them.
            ReadOnlySpan<char> open = content.TrimEnd('#');
            if (open.Length == 0 || open[^1] is ' ' or '\t')
            {
                content = open.TrimEnd();
            }
        }

        string text = PlainText(content.ToString()).Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                slug.Append('-');
            }
            else if (IsWordOrHyphen(rune))
            {
                slug.Append(rune.ToString());
            }
        }

        return slug.ToString();
    }

    /// <summary>Gives each slug of a document's headings, in order, the suffix that makes it unique (github-slugger's rule).</summary>
    public static List<string> Deduplicate(IEnumerable<string> slugs)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string original in slugs)
        {
            string slug = original;
            while (occurrences.ContainsKey(slug))
            {
                int n = ++occurrences[original];
                slug = original + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            occurrences[slug] = 0;
            result.Add(slug);
        }

        return result;
    }

    private static bool IsWordOrHyphen(Rune rune)
    {
        if (rune.Value == '-')
        {
            return true;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return Rune.IsLetter(rune)
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
    }

    /// <summary>The text a reader sees in the inline source <paramref name="source"/> (an approximation that leaves punctuation the slug drops anyway).</summary>
    private static string PlainText(string source)
    {
        // Every search below is answered once per heading, so a heading of a megabyte of '![' or '<a' stays linear.
        int[] partner = Partners(source);
        int nextAngle = -1;
        Dictionary<int, int>? unclosedRuns = null;
        var text = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            switch (c)
            {
                case '\\' when i + 1 < source.Length && source[i + 1] < '\u007f' && (char.IsPunctuation(source[i + 1]) || char.IsSymbol(source[i + 1])):
                    text.Append(source[i + 1]);
                    i += 2;
                    continue;
                case '`':
                {
                    int n = Run(source, i, '`');
                    int close = ClosingRun(source, i + n, n, ref unclosedRuns);
                    if (close >= 0)
                    {
                        ReadOnlySpan<char> code = source.AsSpan(i + n, close - i - n);
                        bool padded = code.Length >= 2 && code[0] == ' ' && code[^1] == ' ' && !code.IsWhiteSpace();
                        text.Append(padded ? code[1..^1] : code);
                        i = close + n;
                        continue;
                    }

                    i += n;
                    continue;
                }

                case '!' when i + 1 < source.Length && source[i + 1] == '[':
                {
                    // An image: its alt text is no text content of the heading.
                    int close = partner[i + 1];
                    i = close < 0 ? i + 1 : SkipLinkTail(source, close + 1, partner);
                    continue;
                }

                case ']':
                    i = SkipLinkTail(source, i + 1, partner);
                    continue;
                case '<':
                {
                    if (nextAngle < i)
                    {
                        int found = source.IndexOf('>', i);
                        nextAngle = found < 0 ? source.Length : found;
                    }

                    int close = nextAngle;
                    if (close < source.Length && close > i + 1 && (char.IsAsciiLetter(source[i + 1]) || source[i + 1] is '/' or '!'))
                    {
                        // An autolink shows its address; a tag or comment shows nothing.
                        ReadOnlySpan<char> inner = source.AsSpan(i + 1, close - i - 1);
                        if (!inner.ContainsAny(' ', '"') && (inner.Contains(':') || inner.Contains('@')))
                        {
                            text.Append(inner);
                        }

                        i = close + 1;
                        continue;
                    }

                    break;
                }

                case '&':
                {
                    int after = Entities.Match(source, i, source.Length);
                    if (after > 0)
                    {
                        text.Append(WebUtility.HtmlDecode(source[i..after]));
                        i = after;
                        continue;
                    }

                    break;
                }

                case '_':
                {
                    // Emphasis unless inside a word (snake_case stays as written).
                    int n = Run(source, i, '_');
                    bool inWord = i > 0 && char.IsLetterOrDigit(source[i - 1]) && i + n < source.Length && char.IsLetterOrDigit(source[i + n]);
                    if (inWord)
                    {
                        text.Append(source, i, n);
                    }

                    i += n;
                    continue;
                }

                case '*' or '~' or '[':
                    i++;
                    continue;
                case '\r' or '\n':
                    // A line of a setext heading: its line end is no text, nor the next line's indentation and '>'.
                    i++;
                    while (i < source.Length && source[i] is ' ' or '\t' or '>' or '\n')
                    {
                        i++;
                    }

                    continue;
            }

            text.Append(c);
            i++;
        }

        return text.ToString();
    }

    /// <summary>After a link's ']': skips a <c>(destination "title")</c> or a <c>[label]</c>; returns where text resumes.</summary>
    private static int SkipLinkTail(string source, int i, int[] partner)
    {
        if (i < source.Length && source[i] == '(' && partner[i] > 0)
        {
            return partner[i] + 1;
        }

        if (i < source.Length && source[i] == '[')
        {
            int close = source.IndexOf(']', i);
            if (close > 0)
            {
                return close + 1;
            }
        }

        return i;
    }

    /// <summary>For each '[' the index of its ']', for each '(' its ')' (one pass with a stack each, escapes skipped); -1 elsewhere.</summary>
    private static int[] Partners(string source)
    {
        int[] partner = new int[source.Length];
        Array.Fill(partner, -1);
        var brackets = new Stack<int>();
        var parens = new Stack<int>();
        for (int j = 0; j < source.Length; j++)
        {
            switch (source[j])
            {
                case '\\':
                    j++;
                    break;
                case '[':
                    brackets.Push(j);
                    break;
                case '(':
                    parens.Push(j);
                    break;
                case ']' when brackets.Count > 0:
                    partner[brackets.Pop()] = j;
                    break;
                case ')' when parens.Count > 0:
                    partner[parens.Pop()] = j;
                    break;
            }
        }

        return partner;
    }

    private static int Run(string source, int i, char c)
    {
        int j = i;
        while (j < source.Length && source[j] == c)
        {
            j++;
        }

        return j - i;
    }

    /// <summary>The next run of exactly <paramref name="n"/> backticks from <paramref name="from"/>, or -1; a failed search is remembered per length.</summary>
    private static int ClosingRun(string source, int from, int n, ref Dictionary<int, int>? unclosed)
    {
        if (unclosed is not null && unclosed.TryGetValue(n, out int failedFrom) && from >= failedFrom)
        {
            return -1;
        }

        for (int j = from; j < source.Length;)
        {
            int tick = source.IndexOf('`', j);
            if (tick < 0)
            {
                break;
            }

            int length = Run(source, tick, '`');
            if (length == n)
            {
                return tick;
            }

            j = tick + length;
        }

        (unclosed ??= [])[n] = from;
        return -1;
    }
}
