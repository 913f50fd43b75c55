namespace TextRepair.Documents;

/// <summary>
/// Shares the converted text of a group out to its runs. The rule, in order:
/// <list type="number">
/// <item>One run: it gets the whole output.</item>
/// <item>Output with as many code points as the source (character and most phrase conversions, e.g. s2twp
/// <c>鼠标</c> to <c>滑鼠</c>): output code point <c>i</c> goes to the run that held source code point <c>i</c>.</item>
/// <item>Otherwise the group is cut at every run boundary where converting the two sides separately gives the same
/// text as converting the group (no phrase crosses it), and each piece between cuts is a cluster whose output is its
/// own conversion. Within a cluster, runs take output code points in order, as many as they had in the source, and
/// the last run of the cluster takes what remains (so a phrase that grows or shrinks across <c>&lt;b&gt;U&lt;/b&gt;盘</c>
/// changes the length of the cluster's last run).</item>
/// </list>
/// The runs' outputs always concatenate to the group's output, so the document's text converts exactly as plain text.
/// </summary>
internal static class RunAttribution
{
    public static void Attribute(
        string document, TextRunList list, int first, int end, ReadOnlyMemory<char> sourceMemory, ReadOnlyMemory<char> memory, ChineseConverter converter, List<Replacement> replacements)
    {
        if (end - first == 1)
        {
            replacements.Add(new Replacement(list.Start(first), list.Length(first), memory));
            return;
        }

        if (CodePoints(sourceMemory.Span) == CodePoints(memory.Span))
        {
            Share(document, list, first, end, memory, replacements);
            return;
        }

        // Rare (a phrase that changes length across runs): plain strings for the extra conversions.
        string source = sourceMemory.ToString();
        string output = memory.ToString();
        memory = output.AsMemory();

        // Cuts: run boundaries no phrase crosses.
        var clusterEnds = new List<int>();
        int offset = 0;
        for (int run = first; run < end - 1; run++)
        {
            offset += list.Length(run);
            string left = converter.Convert(source[..offset]);
            string right = converter.Convert(source[offset..]);
            if (left.Length + right.Length == output.Length
                && output.AsSpan().StartsWith(left, StringComparison.Ordinal)
                && output.AsSpan().EndsWith(right, StringComparison.Ordinal))
            {
                clusterEnds.Add(run + 1);
            }
        }

        clusterEnds.Add(end);
        var pieces = new List<ReadOnlyMemory<char>>(clusterEnds.Count);
        int sourceAt = 0;
        int outputAt = 0;
        int clusterFirst = first;
        foreach (int clusterEnd in clusterEnds)
        {
            int length = 0;
            for (int run = clusterFirst; run < clusterEnd; run++)
            {
                length += list.Length(run);
            }

            string converted = converter.Convert(source.Substring(sourceAt, length));
            if (outputAt + converted.Length > output.Length || !output.AsSpan(outputAt, converted.Length).SequenceEqual(converted))
            {
                // The cut conversions do not add up (a multi-stage effect): treat the group as one cluster.
                Share(document, list, first, end, memory, replacements);
                return;
            }

            pieces.Add(memory.Slice(outputAt, converted.Length));
            sourceAt += length;
            outputAt += converted.Length;
            clusterFirst = clusterEnd;
        }

        if (outputAt != output.Length)
        {
            Share(document, list, first, end, memory, replacements);
            return;
        }

        clusterFirst = first;
        for (int i = 0; i < clusterEnds.Count; i++)
        {
            Share(document, list, clusterFirst, clusterEnds[i], pieces[i], replacements);
            clusterFirst = clusterEnds[i];
        }
    }

    /// <summary>Positional sharing within one cluster; the last run takes the remainder.</summary>
    private static void Share(string document, TextRunList list, int first, int end, ReadOnlyMemory<char> output, List<Replacement> replacements)
    {
        int at = 0;
        ReadOnlySpan<char> text = output.Span;
        for (int run = first; run < end; run++)
        {
            int take;
            if (run == end - 1)
            {
                take = text.Length - at;
            }
            else
            {
                int codePoints = CodePoints(document.AsSpan(list.Start(run), list.Length(run)));
                take = AdvanceCodePoints(text[at..], codePoints);
            }

            ReadOnlyMemory<char> share = output.Slice(at, take);
            if (!share.Span.SequenceEqual(document.AsSpan(list.Start(run), list.Length(run))))
            {
                replacements.Add(new Replacement(list.Start(run), list.Length(run), share));
            }

            at += take;
        }
    }

    /// <summary>Number of code points (a surrogate pair counts once, a lone surrogate once).</summary>
    public static int CodePoints(ReadOnlySpan<char> text)
    {
        int count = text.Length;
        for (int i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>UTF-16 length of the first <paramref name="codePoints"/> code points of <paramref name="text"/> (all of it when shorter).</summary>
    private static int AdvanceCodePoints(ReadOnlySpan<char> text, int codePoints)
    {
        int i = 0;
        while (codePoints > 0 && i < text.Length)
        {
            i += (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) ? 2 : 1;
            codePoints--;
        }

        return i;
    }
}
