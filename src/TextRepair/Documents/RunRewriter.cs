using System.Text;

namespace TextRepair.Documents;

/// <summary>
/// Converts the runs of a document and writes every other character back unchanged. All groups are joined into one
/// text, separated by U+FFFF (a noncharacter no dictionary key contains, so no phrase can match across it, and
/// converting the joined text equals converting each group on its own; documents with U+FFFF or an ideographic
/// description operator are converted group by group instead), converted in one call, split again, and each
/// group's output is shared out to its runs by <see cref="RunAttribution"/>. Stateless.
/// </summary>
internal static class RunRewriter
{
    private const char GroupSeparator = '\uFFFF';

    // Ideographic description operators, U+2FF0..U+2FFF.
    private const char IdsFirst = '\u2FF0';
    private const char IdsLast = '\u2FFF';

    /// <summary>
    /// Returns <paramref name="document"/> with the runs of <paramref name="lists"/> converted; the same instance when
    /// nothing changes. Each list holds its groups in source order; runs of different lists never overlap.
    /// </summary>
    public static string Convert(string document, ChineseConverter converter, params ReadOnlySpan<TextRunList> lists) =>
        Splice(document, Replacements(document, converter, lists));

    /// <summary>The replacements of the runs of <paramref name="lists"/> that conversion changes, in no particular order.</summary>
    public static List<Replacement> Replacements(string document, ChineseConverter converter, params ReadOnlySpan<TextRunList> lists)
    {
        int total = 0;
        int groups = 0;
        foreach (TextRunList list in lists)
        {
            for (int run = 0; run < list.Count; run++)
            {
                total += list.Length(run);
            }

            groups += list.GroupCount;
        }

        var replacements = new List<Replacement>();
        if (total == 0)
        {
            return replacements;
        }

        if (document.Contains(GroupSeparator, StringComparison.Ordinal) || document.AsSpan().ContainsAnyInRange(IdsFirst, IdsLast))
        {
            // The separator would be ambiguous, or an ideographic description sequence (whose operands can be any
            // code point, the separator included) could reach across it: convert group by group instead.
            foreach (TextRunList list in lists)
            {
                for (int group = 0, run = 0; group < list.GroupCount; run = list.GroupEnd(group), group++)
                {
                    string source = Join(document, list, run, list.GroupEnd(group));
                    string output = converter.Convert(source);
                    if (!ReferenceEquals(output, source))
                    {
                        RunAttribution.Attribute(document, list, run, list.GroupEnd(group), source.AsMemory(), output.AsMemory(), converter, replacements);
                    }
                }
            }

            return replacements;
        }

        string joined = string.Create(total + groups - 1, (document, lists.ToArray()), static (span, state) =>
        {
            int at = 0;
            foreach (TextRunList list in state.Item2)
            {
                for (int group = 0, run = 0; group < list.GroupCount; group++)
                {
                    if (at > 0)
                    {
                        span[at++] = GroupSeparator;
                    }

                    for (; run < list.GroupEnd(group); run++)
                    {
                        state.document.AsSpan(list.Start(run), list.Length(run)).CopyTo(span[at..]);
                        at += list.Length(run);
                    }
                }
            }
        });
        string converted = converter.Convert(joined);
        if (ReferenceEquals(converted, joined))
        {
            return replacements;
        }

        int sourceAt = 0;
        int outputAt = 0;
        foreach (TextRunList list in lists)
        {
            for (int group = 0, run = 0; group < list.GroupCount; run = list.GroupEnd(group), group++)
            {
                int sourceEnd = NextSeparator(joined, sourceAt);
                int outputEnd = NextSeparator(converted, outputAt);
                ReadOnlyMemory<char> source = joined.AsMemory(sourceAt, sourceEnd - sourceAt);
                ReadOnlyMemory<char> output = converted.AsMemory(outputAt, outputEnd - outputAt);
                if (!source.Span.SequenceEqual(output.Span))
                {
                    RunAttribution.Attribute(document, list, run, list.GroupEnd(group), source, output, converter, replacements);
                }

                sourceAt = sourceEnd + 1;
                outputAt = outputEnd + 1;
            }
        }

        return replacements;
    }

    /// <summary>The text of runs [first, end) of <paramref name="list"/>, joined.</summary>
    public static string Join(string document, TextRunList list, int first, int end)
    {
        if (end - first == 1)
        {
            return document.Substring(list.Start(first), list.Length(first));
        }

        var builder = new StringBuilder();
        for (int run = first; run < end; run++)
        {
            builder.Append(document, list.Start(run), list.Length(run));
        }

        return builder.ToString();
    }

    /// <summary>Writes <paramref name="document"/> with the replacements (any order, non-overlapping) applied.</summary>
    public static string Splice(string document, List<Replacement> replacements)
    {
        if (replacements.Count == 0)
        {
            return document;
        }

        replacements.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        int length = document.Length;
        foreach (Replacement replacement in replacements)
        {
            length += replacement.Text.Length - replacement.Length;
        }

        var builder = new StringBuilder(length);
        int at = 0;
        foreach (Replacement replacement in replacements)
        {
            builder.Append(document, at, replacement.Start - at);
            builder.Append(replacement.Text.Span);
            at = replacement.Start + replacement.Length;
        }

        builder.Append(document, at, document.Length - at);
        string result = builder.ToString();
        return result.Equals(document, StringComparison.Ordinal) ? document : result;
    }

    private static int NextSeparator(string text, int from)
    {
        int index = text.IndexOf(GroupSeparator, from);
        return index < 0 ? text.Length : index;
    }
}

/// <summary>A run's new text: the source range [Start, Start + Length) is replaced by <see cref="Text"/>.</summary>
internal readonly record struct Replacement(int Start, int Length, ReadOnlyMemory<char> Text);
