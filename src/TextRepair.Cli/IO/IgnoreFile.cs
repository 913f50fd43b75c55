namespace TextRepair.Cli.IO;

/// <summary>
/// One <c>.gitignore</c>, <c>.ignore</c> or <c>.git/info/exclude</c> file, matched like git does for the common syntax:
/// blank lines and <c>#</c> comments; <c>*</c>, <c>?</c> and <c>[a-z]</c>/<c>[!a-z]</c> within a path segment;
/// <c>**</c> as a whole segment (<c>**/x</c>, <c>a/**/b</c>, <c>a/**</c>); <c>!</c> to re-include; a trailing <c>/</c>
/// for directories only; a leading or middle <c>/</c> anchors the pattern to the file's directory, otherwise it matches
/// a name at any depth below it; <c>\</c> escapes the next character (<c>\#</c>, <c>\!</c>, <c>\ </c>). The last
/// matching line wins. Immutable; thread-safe.
/// </summary>
internal sealed class IgnoreFile
{
    private readonly List<Pattern> _patterns;

    private IgnoreFile(string directory, List<Pattern> patterns)
    {
        Directory = directory;
        _patterns = patterns;
    }

    /// <summary>The directory the patterns are relative to (full path, no trailing separator).</summary>
    public string Directory { get; }

    /// <summary>Reads <paramref name="file"/> for patterns relative to <paramref name="directory"/>; null when it does not exist.</summary>
    public static IgnoreFile? Load(string directory, string file)
    {
        string[] lines;
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            lines = File.ReadAllLines(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(directory, lines);
    }

    public static IgnoreFile Parse(string directory, IEnumerable<string> lines)
    {
        var patterns = new List<Pattern>();
        foreach (string line in lines)
        {
            if (Pattern.TryParse(line, out Pattern? pattern))
            {
                patterns.Add(pattern);
            }
        }

        return new IgnoreFile(Path.TrimEndingDirectorySeparator(directory), patterns);
    }

    /// <summary>
    /// True when the last matching pattern ignores <paramref name="relativePath"/> ('/'-separated, relative to
    /// <see cref="Directory"/>), false when it re-includes it, null when no pattern matches.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        string[] segments = relativePath.Split('/');
        for (int i = _patterns.Count - 1; i >= 0; i--)
        {
            Pattern pattern = _patterns[i];
            if ((!pattern.DirectoryOnly || isDirectory) && pattern.Matches(segments))
            {
                return !pattern.Negated;
            }
        }

        return null;
    }

    private sealed class Pattern
    {
        private readonly string[] _segments;

        private Pattern(string[] segments, bool negated, bool directoryOnly)
        {
            _segments = segments;
            Negated = negated;
            DirectoryOnly = directoryOnly;
        }

        public bool Negated { get; }

        public bool DirectoryOnly { get; }

        public static bool TryParse(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pattern? pattern)
        {
            pattern = null;
            string text = TrimTrailingSpaces(line.TrimEnd('\r'));
            if (text.Length == 0 || text[0] == '#')
            {
                return false;
            }

            bool negated = text[0] == '!';
            if (negated)
            {
                text = text[1..];
            }

            bool directoryOnly = text.EndsWith('/');
            text = text.TrimEnd('/');
            if (text.Length == 0)
            {
                return false;
            }

            // A slash at the start or in the middle anchors the pattern; otherwise it matches at any depth.
            bool anchored = text.Contains('/');
            var segments = new List<string>();
            if (!anchored)
            {
                segments.Add("**");
            }

            foreach (string segment in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment == "**" && segments.Count > 0 && segments[^1] == "**")
                {
                    continue;
                }

                segments.Add(segment);
            }

            pattern = new Pattern([.. segments], negated, directoryOnly);
            return true;
        }

        public bool Matches(string[] path) => Match(0, path, 0);

        private bool Match(int p, string[] path, int s)
        {
            if (p == _segments.Length)
            {
                return s == path.Length;
            }

            if (_segments[p] == "**")
            {
                // A trailing "/**" matches everything inside, not the directory itself: at least one segment.
                int least = p == _segments.Length - 1 && p > 0 ? 1 : 0;
                for (int k = s + least; k <= path.Length; k++)
                {
                    if (Match(p + 1, path, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            return s < path.Length && Glob.Matches(_segments[p], path[s]) && Match(p + 1, path, s + 1);
        }

        // Trailing spaces are dropped unless escaped with a backslash.
        private static string TrimTrailingSpaces(string text)
        {
            int end = text.Length;
            while (end > 0 && text[end - 1] == ' ' && !(end >= 2 && text[end - 2] == '\\'))
            {
                end--;
            }

            return text[..end];
        }
    }
}

/// <summary>Shell-style matching of one path segment: <c>*</c>, <c>?</c>, <c>[...]</c>, <c>\</c> escapes. Thread-safe.</summary>
internal static class Glob
{
    public static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0;
        int n = 0;
        int starP = -1;
        int starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = ++p;
                starN = n;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, name[n]))
            {
                n++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            // Backtrack: the last star takes one more character.
            p = starP;
            n = ++starN;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    // Matches one character at pattern[p] (a literal, "?", an escape or a class) and advances p past it on success.
    private static bool MatchOne(ReadOnlySpan<char> pattern, ref int p, char c)
    {
        char first = pattern[p];
        if (first == '?')
        {
            p++;
            return true;
        }

        if (first == '\\' && p + 1 < pattern.Length)
        {
            if (pattern[p + 1] == c)
            {
                p += 2;
                return true;
            }

            return false;
        }

        if (first == '[' && TryMatchClass(pattern, p, c, out int end, out bool matched))
        {
            if (matched)
            {
                p = end;
            }

            return matched;
        }

        if (first == c)
        {
            p++;
            return true;
        }

        return false;
    }

    // A class "[...]" starting at 'start'; false when it is not closed (then '[' is a literal).
    private static bool TryMatchClass(ReadOnlySpan<char> pattern, int start, char c, out int end, out bool matched)
    {
        int i = start + 1;
        bool negate = i < pattern.Length && pattern[i] is '!' or '^';
        if (negate)
        {
            i++;
        }

        bool found = false;
        bool firstInClass = true;
        while (i < pattern.Length && (pattern[i] != ']' || firstInClass))
        {
            firstInClass = false;
            char low = pattern[i];
            if (low == '\\' && i + 1 < pattern.Length)
            {
                low = pattern[++i];
            }

            char high = low;
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                high = pattern[i + 2];
                i += 2;
            }

            found |= c >= low && c <= high;
            i++;
        }

        if (i >= pattern.Length)
        {
            end = start;
            matched = false;
            return false;
        }

        end = i + 1;
        matched = found != negate;
        return true;
    }
}
