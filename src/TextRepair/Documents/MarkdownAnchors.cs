using System.Text;

namespace TextRepair.Documents;

/// <summary>
/// The headings, explicit ids and fragment links (<c>[见下文](#安装说明)</c>) of a Markdown document. Converting a
/// heading changes its anchor (GitHub's slug of <c>## 安装说明</c> is <c>安装说明</c>, of the converted heading
/// <c>安裝說明</c>), so a fragment naming a heading of the document is rewritten to the anchor of the converted heading.
/// A fragment naming an explicit id (<c>{#id}</c> after a heading, an HTML <c>id</c> or <c>name</c>) is kept, as the id
/// is; a fragment naming nothing in the document, and a link to another document (<c>other.md#标题</c>), stay as
/// written. Not thread-safe: one per scan.
/// </summary>
internal sealed class MarkdownAnchors
{
    private readonly List<(int Start, int End, bool Atx)> _headings = [];
    private readonly List<(int Start, int End)> _fragments = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>A heading whose inline content is [start, end) (with an ATX heading's closing '#'s) and whose anchor is its slug.</summary>
    public void AddHeading(int start, int end, bool atx) => _headings.Add((start, end, atx));

    /// <summary>An explicit id: the heading's <c>{#id}</c> or an HTML <c>id</c>/<c>name</c> attribute.</summary>
    public void AddId(ReadOnlySpan<char> id) => _ids.Add(id.ToString());

    /// <summary>A link destination [start, end); only one that starts with '#' (this document) is remembered.</summary>
    public void AddDestination(string text, int start, int end)
    {
        if (end - start > 1 && text[start] == '#')
        {
            _fragments.Add((start + 1, end));
        }
    }

    /// <summary>
    /// Adds to <paramref name="replacements"/> (the runs' replacements, which hold each heading's converted text) the
    /// fragments whose heading's anchor changes, and to <paramref name="headings"/> each such fragment's start with the
    /// start of its heading (so a repair can say which edit the fragment follows).
    /// </summary>
    public void AddFragments(string document, List<Replacement> replacements, List<(int Fragment, int Heading)>? headings = null)
    {
        if (_fragments.Count == 0 || _headings.Count == 0)
        {
            return;
        }

        replacements.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var sources = new List<string>(_headings.Count);
        var outputs = new List<string>(_headings.Count);
        int r = 0;
        foreach ((int start, int end, bool atx) in _headings)
        {
            while (r < replacements.Count && replacements[r].Start < start)
            {
                r++;
            }

            var output = new StringBuilder();
            int at = start;
            for (; r < replacements.Count && replacements[r].Start < end; r++)
            {
                output.Append(document, at, replacements[r].Start - at).Append(replacements[r].Text.Span);
                at = replacements[r].Start + replacements[r].Length;
            }

            output.Append(document, at, end - at);
            sources.Add(MarkdownSlug.Of(document[start..end], atx));
            outputs.Add(MarkdownSlug.Of(output.ToString(), atx));
        }

        sources = MarkdownSlug.Deduplicate(sources);
        outputs = MarkdownSlug.Deduplicate(outputs);
        var anchors = new Dictionary<string, (string Anchor, int Heading)>(StringComparer.Ordinal);
        for (int i = 0; i < sources.Count; i++)
        {
            if (!_ids.Contains(sources[i]) && sources[i] != outputs[i])
            {
                anchors.TryAdd(sources[i], (outputs[i], _headings[i].Start));
            }
        }

        // Link text is scanned before the link's own destination, and a destination must be replaced once.
        _fragments.Sort();
        int previous = -1;
        foreach ((int start, int end) in _fragments)
        {
            if (start == previous)
            {
                continue;
            }

            previous = start;
            string fragment = document[start..end];
            bool encoded = fragment.Contains('%', StringComparison.Ordinal);
            string name = encoded ? Uri.UnescapeDataString(fragment) : fragment;
            if (anchors.TryGetValue(name, out (string Anchor, int Heading) target))
            {
                string written = encoded ? Encode(target.Anchor, LowerCaseEscapes(fragment)) : target.Anchor;
                replacements.Add(new Replacement(start, end - start, written.AsMemory()));
                headings?.Add((start, target.Heading));
            }
        }
    }

    /// <summary>Whether the first percent escape with a hex letter in it writes it in lower case (<c>%e5</c>).</summary>
    private static bool LowerCaseEscapes(string fragment)
    {
        for (int i = fragment.IndexOf('%', StringComparison.Ordinal); i >= 0 && i + 2 < fragment.Length; i = fragment.IndexOf('%', i + 1))
        {
            foreach (char c in fragment.AsSpan(i + 1, 2))
            {
                if (char.IsAsciiLetter(c))
                {
                    return char.IsAsciiLetterLower(c);
                }
            }
        }

        return false;
    }

    /// <summary>Percent-encodes the anchor as the fragment it replaces was (UTF-8, in the fragment's case of hex digits).</summary>
    private static string Encode(string anchor, bool lowerCase)
    {
        string escaped = Uri.EscapeDataString(anchor);
        if (!lowerCase)
        {
            return escaped;
        }

        var builder = new StringBuilder(escaped);
        for (int i = 0; i + 2 < builder.Length; i++)
        {
            if (builder[i] == '%')
            {
                builder[i + 1] = char.ToLowerInvariant(builder[i + 1]);
                builder[i + 2] = char.ToLowerInvariant(builder[i + 2]);
            }
        }

        return builder.ToString();
    }
}
