namespace TextRepair.Documents;

/// <summary>
/// Which front matter values are prose (converted) and which name a URL or a file (kept byte for byte: converting
/// <c>url: https://例子.中国/后来</c> or <c>image: 图片/后来.png</c> points at another host or a file that does not exist,
/// and a converted <c>slug</c> or <c>permalink</c> moves the published page; session 29). Stateless.
/// </summary>
internal static class FrontMatterValues
{
    // Keys whose values are URLs, paths or URL parts in Jekyll, Hugo, Hexo, Docusaurus, VuePress and Open Graph front
    // matter, compared in lower case without '_' and '-' (so redirect_from, canonicalURL and og-image match).
    private static readonly NameSet s_linkKeys = new(
        true, "url", "uri", "link", "links", "href", "src", "image", "images", "img", "cover", "thumbnail",
        "banner", "avatar", "logo", "icon", "favicon", "permalink", "slug", "alias", "aliases", "path", "file", "files",
        "canonical", "redirectfrom", "redirectto", "layout", "template", "editlink");

    // Key endings that name a link whatever comes before them (ogimage, featuredimage, canonicalurl, filepath); not
    // "file", which ends "profile".
    private static readonly string[] s_linkKeySuffixes = ["url", "uri", "link", "image", "path"];

    // A file extension is one to five ASCII letters or digits, at least one a letter (png, md, mp4; not "0" of "1.0").
    private const int MaxExtensionLength = 5;

    /// <summary>Whether <paramref name="key"/> (YAML or TOML, possibly quoted or dotted) names a URL or a file.</summary>
    public static bool NamesLink(ReadOnlySpan<char> key)
    {
        key = key.Trim().Trim("\"'");
        int dot = key.LastIndexOf('.');
        if (dot >= 0)
        {
            key = key[(dot + 1)..];
        }

        Span<char> folded = stackalloc char[Math.Min(key.Length, 64)];
        int length = 0;
        foreach (char c in key)
        {
            if (c is '_' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || length == folded.Length)
            {
                return false;
            }

            folded[length++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> name = folded[..length];
        if (s_linkKeys.Contains(name))
        {
            return true;
        }

        foreach (string suffix in s_linkKeySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a whole value (without quotes) is a URL or a path: one word with a scheme (<c>://</c>, <c>mailto:</c>),
    /// starting with <c>/</c>, <c>./</c>, <c>../</c>, <c>~/</c>, a drive or <c>#</c>, or with a slash and ending in a
    /// file extension (<c>图片/后来.png</c>). A slash between words (<c>前端/后端</c>) and a word with a dot
    /// (<c>升级到Node.js</c>) are prose; a bare file name is kept under a key that names a file.
    /// </summary>
    public static bool IsUrlOrPath(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.ContainsAny(" \t"))
        {
            return false;
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value[0] is '/' or '\\' or '#' || value.StartsWith("./", StringComparison.Ordinal)
            || value.StartsWith("../", StringComparison.Ordinal) || value.StartsWith("~/", StringComparison.Ordinal)
            || (value.Length > 2 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] is '\\' or '/'))
        {
            return true;
        }

        return value.ContainsAny('/', '\\') && HasExtension(value);
    }

    /// <summary>Adds a prose value to <paramref name="runs"/>, leaving out URLs in it and breaking at backslash escapes.</summary>
    public static void AddProse(string text, int start, int end, TextRunList runs)
    {
        int i = start;
        while (i < end)
        {
            int scheme = text.IndexOf("://", i, end - i, StringComparison.Ordinal);
            if (scheme < 0)
            {
                runs.AddBrokenAtEscapes(text, i, end);
                return;
            }

            int wordStart = scheme;
            while (wordStart > i && !char.IsWhiteSpace(text[wordStart - 1]))
            {
                wordStart--;
            }

            int wordEnd = scheme;
            while (wordEnd < end && !char.IsWhiteSpace(text[wordEnd]))
            {
                wordEnd++;
            }

            runs.AddBrokenAtEscapes(text, i, wordStart);
            runs.Break();
            i = wordEnd;
        }
    }

    private static bool HasExtension(ReadOnlySpan<char> value)
    {
        int dot = value.LastIndexOf('.');
        if (dot <= 0 || value.Length - dot - 1 is 0 or > MaxExtensionLength)
        {
            return false;
        }

        ReadOnlySpan<char> extension = value[(dot + 1)..];
        foreach (char c in extension)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return extension.ContainsAnyInRange('A', 'Z') || extension.ContainsAnyInRange('a', 'z');
    }
}
