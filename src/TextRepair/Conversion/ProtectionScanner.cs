namespace TextRepair.Conversion;

/// <summary>A protected span: the whole span in the input and the part of it that is written (markers dropped).</summary>
internal readonly record struct ProtectedRange(int Start, int Length, int ContentStart, int ContentLength, ProtectedText Kind);

/// <summary>
/// Finds the spans a protecting converter copies unchanged (see <see cref="ProtectedText"/>), leftmost first; at one
/// position markup wins over terms, terms over URLs, e-mail addresses, paths and Japanese sentences.
/// </summary>
/// <remarks>
/// No span crosses a line break except markup; so a text may be cut after a line break that is outside markup and in
/// no term (see <see cref="IsSafeCut"/>). Immutable and thread-safe.
/// </remarks>
internal sealed class ProtectionScanner
{
    // Longest URL scheme considered ("chrome-extension" has 16 letters).
    private const int MaxSchemeLength = 32;

    private readonly StageTable? _terms;

    public ProtectionScanner(ProtectedText kinds, StageTable? terms)
    {
        Kinds = kinds;
        _terms = terms;
    }

    public ProtectedText Kinds { get; }

    public StageTable? Terms => _terms;

    /// <summary>Finds the first protected span that starts at or after <paramref name="from"/>.</summary>
    public bool Find(ReadOnlySpan<char> text, int from, out ProtectedRange range)
    {
        ProtectedText kinds = Kinds;
        for (int i = from; i < text.Length; i++)
        {
            char c = text[i];
            if ((kinds & ProtectedText.Markup) != 0 && c == '-' && i + 1 < text.Length && text[i + 1] == '{')
            {
                int close = text.Slice(i + 2).IndexOf("}-");
                if (close >= 0)
                {
                    range = new ProtectedRange(i, close + 4, i + 2, close, ProtectedText.Markup);
                    return true;
                }
            }

            if (_terms is not null)
            {
                int matched = _terms.Match(text, i, out _);
                if (matched > 0)
                {
                    range = new ProtectedRange(i, matched, i, matched, ProtectedText.Terms);
                    return true;
                }
            }

            bool tokenStart = i == 0 || IsBoundary(text[i - 1]);
            if (tokenStart && (kinds & ProtectedText.Urls) != 0 && UrlLength(text.Slice(i)) is > 0 and int url)
            {
                range = new ProtectedRange(i, url, i, url, ProtectedText.Urls);
                return true;
            }

            if (tokenStart && (kinds & ProtectedText.EmailAddresses) != 0 && EmailLength(text.Slice(i)) is > 0 and int email)
            {
                range = new ProtectedRange(i, email, i, email, ProtectedText.EmailAddresses);
                return true;
            }

            if (tokenStart && (kinds & ProtectedText.Paths) != 0 && PathLength(text.Slice(i)) is > 0 and int path)
            {
                range = new ProtectedRange(i, path, i, path, ProtectedText.Paths);
                return true;
            }

            if ((kinds & ProtectedText.Kana) != 0 && (i == from || IsSentenceEnd(text[i - 1])) && KanaSentenceLength(text.Slice(i)) is > 0 and int sentence)
            {
                range = new ProtectedRange(i, sentence, i, sentence, ProtectedText.Kana);
                return true;
            }
        }

        range = default;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> may be cut at <paramref name="cut"/> without splitting a protected span: right
    /// after a line break that no term contains, outside markup (an unclosed <c>-{</c> counts as open unless the text
    /// ends with this block).
    /// </summary>
    public bool IsSafeCut(ReadOnlySpan<char> text, int cut, bool isFinalBlock)
    {
        if (cut == 0)
        {
            return true;
        }

        char before = text[cut - 1];
        if (!IsLineBreak(before) || (_terms is not null && (_terms.KeyUnits[before >> 6] & (1UL << before)) != 0))
        {
            return false;
        }

        if ((Kinds & ProtectedText.Markup) == 0)
        {
            return true;
        }

        int i = 0;
        while (true)
        {
            int open = text.Slice(i, cut - i).IndexOf("-{");
            if (open < 0)
            {
                return true;
            }

            open += i;
            int close = text.Slice(open + 2).IndexOf("}-");
            if (close < 0)
            {
                // Never closed: ordinary text, if nothing more can follow.
                return isFinalBlock;
            }

            i = open + 2 + close + 2;
            if (i > cut)
            {
                return false;
            }
        }
    }

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsSentenceEnd(char c) => IsLineBreak(c) || c is '\u3002' or '\uFF01' or '\uFF1F' or '!' or '?';

    private static bool IsKana(char c) =>
        c is (>= '\u3040' and <= '\u30FA') or (>= '\u30FC' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9D');

    /// <summary>Characters that end a URL, address or path: whitespace, controls, CJK and full-width punctuation, quotes, angle brackets.</summary>
    private static bool IsStop(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or '\u2014'
        || c is (>= '\u3000' and <= '\u303F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20') or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65');

    /// <summary>A token may start after this character: whitespace, a stop, an opening bracket or quote, '=' or ':'.</summary>
    private static bool IsBoundary(char c) => IsStop(c) || c is '(' or '[' or '{' or '\'' or '=' or ':' or ',' or ';';

    private static int TokenLength(ReadOnlySpan<char> text)
    {
        int end = 0;
        while (end < text.Length && !IsStop(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Drops trailing sentence punctuation, and a closing parenthesis the token did not open.</summary>
    private static int Trim(ReadOnlySpan<char> token)
    {
        int end = token.Length;
        while (end > 0)
        {
            char last = token[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' || (last == ')' && !token.Slice(0, end).Contains('(')))
            {
                end--;
                continue;
            }

            break;
        }

        return end;
    }

    private static int UrlLength(ReadOnlySpan<char> text)
    {
        int prefix = 0;
        if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 4;
        }
        else if (char.IsAsciiLetter(text[0]))
        {
            int i = 1;
            while (i < text.Length && i <= MaxSchemeLength && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '.' or '-'))
            {
                i++;
            }

            if (!text.Slice(i).StartsWith("://", StringComparison.Ordinal))
            {
                return 0;
            }

            prefix = i + 3;
        }
        else
        {
            return 0;
        }

        int length = Trim(text.Slice(0, TokenLength(text)));
        return length > prefix ? length : 0;
    }

    private static int EmailLength(ReadOnlySpan<char> text)
    {
        int token = TokenLength(text);
        int at = text.Slice(0, token).IndexOf('@');
        if (at <= 0)
        {
            return 0;
        }

        ReadOnlySpan<char> domain = text.Slice(at + 1, token - at - 1);
        int end = 0;
        bool ascii = domain.Length > 0 && char.IsAscii(domain[0]);
        while (end < domain.Length && (char.IsAsciiLetterOrDigit(domain[end]) || domain[end] is '.' or '-' || (!ascii && char.IsLetterOrDigit(domain[end]))))
        {
            end++;
        }

        end = Trim(domain.Slice(0, end));
        int dot = domain.Slice(0, end).IndexOf('.');
        return dot > 0 && dot < end - 1 ? at + 1 + end : 0;
    }

    private static int PathLength(ReadOnlySpan<char> text)
    {
        char c = text[0];
        bool starts = c is '/' or '\\'
            || text.StartsWith("~/", StringComparison.Ordinal) || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal)
            || (text.Length > 2 && char.IsAsciiLetter(c) && text[1] == ':' && text[2] is '\\' or '/');
        if (!starts)
        {
            return 0;
        }

        int length = Trim(text.Slice(0, TokenLength(text)));
        ReadOnlySpan<char> path = text.Slice(0, length);
        int separators = path.Count('/') + path.Count('\\');
        return separators >= 2 && path.IndexOfAnyExcept('/', '\\') >= 0 ? length : 0;
    }

    private static int KanaSentenceLength(ReadOnlySpan<char> text)
    {
        bool kana = false;
        int i = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            kana |= IsKana(c);
            if (IsSentenceEnd(c))
            {
                // The sentence keeps its closing mark, but not a line break.
                if (!IsLineBreak(c))
                {
                    i++;
                }

                break;
            }
        }

        return kana ? i : 0;
    }
}
