using System.Buffers;

namespace TextRepair.Documents;

/// <summary>
/// What the scans of one line have already learned, so that no character is read again for the same question: each
/// '[' knows its ']' from one pass over the line, and a search that failed to find a closer is not repeated from a
/// later start. Without this, flat runs of unclosed <c>[</c>, <c>[a](</c>, <c>&lt;a</c> or <c>![</c> took quadratic
/// time (session 29: 240 KB of <c>[a](</c> took 40 s; CommonMark implementations keep a bracket stack for this).
/// </summary>
internal sealed partial class MarkdownInline
{
    /// <summary>The bracket table has no answer for this '[' (it sat right after a backslash, yet reached as markup).</summary>
    private const int Unknown = int.MinValue;

    private static readonly SearchValues<char> s_brackets = SearchValues.Create("\\[]");

    private static readonly SearchValues<char> s_angleDestination = SearchValues.Create("\\<>");

    /// <summary>Finds the ']' of every '[' in [start, end) with a stack, as <see cref="MatchBracket"/> would one by one.</summary>
    private void MatchBrackets(int start, int end)
    {
        _bracketStart = start;
        _bracketEnd = end;
        int length = end - start;
        if (_bracketClose.Length < length)
        {
            int size = Math.Max(length, _bracketClose.Length * 2);
            _bracketClose = new int[size];
            _bracketStack = new int[size];
        }

        int top = 0;
        int j = start;
        while (j < end)
        {
            int found = _text.AsSpan(j, end - j).IndexOfAny(s_brackets);
            if (found < 0)
            {
                break;
            }

            j += found;
            char c = _text[j];
            if (c == '\\')
            {
                if (j + 1 < end && _text[j + 1] == '[')
                {
                    _bracketClose[j + 1 - start] = Unknown;
                }

                j += 2;
                continue;
            }

            if (c == '[')
            {
                _bracketClose[j - start] = -1;
                _bracketStack[top++] = j;
            }
            else if (top > 0)
            {
                _bracketClose[_bracketStack[--top] - start] = j;
            }

            j++;
        }
    }

    /// <summary>The '&gt;' ending a <c>&lt;destination&gt;</c> that starts at <paramref name="from"/>, or -1 (a '&lt;' first).</summary>
    private int AngleDestinationEnd(int from, int end)
    {
        int j = from;
        while (j < end)
        {
            int found = _text.AsSpan(j, end - j).IndexOfAny(s_angleDestination);
            if (found < 0)
            {
                return -1;
            }

            j += found;
            switch (_text[j])
            {
                case '>':
                    return j;
                case '<':
                    return -1;
                default:
                    j += 2;
                    break;
            }
        }

        return -1;
    }

    private ref Searched TitleFailure(char closer)
    {
        if (closer == '"')
        {
            return ref _titleFail0;
        }

        if (closer == '\'')
        {
            return ref _titleFail1;
        }

        return ref _titleFail2;
    }

    /// <summary>A range [From, End) searched without finding what was looked for.</summary>
    private readonly record struct Searched(int From, int End)
    {
        /// <summary>Whether [from, end) lies inside this range (so the search there would fail too).</summary>
        public bool Covers(int from, int end) => End > 0 && from >= From && end <= End;
    }

    /// <summary>The last occurrence of a closer in the range searched last, which answers later searches inside it.</summary>
    private struct Occurrence
    {
        private int _from;
        private int _end;
        private int _last;

        /// <summary>Whether <paramref name="value"/> occurs whole in [from, end) of <paramref name="text"/>.</summary>
        public bool Occurs(string text, string value, int from, int end)
        {
            if (_end > 0 && from >= _from && end <= _end && (_last < from || end == _end))
            {
                return _last >= from;
            }

            int found = end - from < value.Length ? -1 : text.AsSpan(from, end - from).LastIndexOf(value, StringComparison.Ordinal);
            _from = from;
            _end = end;
            _last = found < 0 ? -1 : from + found;
            return found >= 0;
        }
    }
}
