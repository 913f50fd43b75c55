using System.Text;

namespace TextRepair.Repair;

/// <summary>
/// Composes edit lists so that every step of the pipeline can work on the text as the previous steps left it while
/// the result still reports edits in the input's coordinates.
/// </summary>
internal static class EditComposer
{
    /// <summary>
    /// Applies sorted, non-overlapping edits to <paramref name="text"/>. The result is written once at its length: a
    /// builder of the input's length held a second copy of the text, 680 KB in the large-object heap for the 340 KB
    /// garbled benchmark document (session 37).
    /// </summary>
    public static string Apply(string text, ReadOnlySpan<RepairEdit> edits)
    {
        if (edits.IsEmpty)
        {
            return text;
        }

        int length = text.Length;
        foreach (RepairEdit edit in edits)
        {
            length += edit.Replacement.Length - edit.Length;
        }

        return string.Create(length, new Edited(text, edits), static (output, edited) =>
        {
            int position = 0, written = 0;
            foreach (RepairEdit edit in edited.Edits)
            {
                edited.Text.AsSpan(position, edit.Start - position).CopyTo(output[written..]);
                written += edit.Start - position;
                edit.Replacement.CopyTo(output[written..]);
                written += edit.Replacement.Length;
                position = edit.End;
            }

            edited.Text.AsSpan(position).CopyTo(output[written..]);
        });
    }

    // A text and its edits, for string.Create.
    private readonly ref struct Edited(string text, ReadOnlySpan<RepairEdit> edits)
    {
        public string Text { get; } = text;

        public ReadOnlySpan<RepairEdit> Edits { get; } = edits;
    }

    /// <summary>
    /// Given <paramref name="first"/> (edits of <paramref name="input"/> giving <paramref name="intermediate"/>) and
    /// <paramref name="second"/> (edits of <paramref name="intermediate"/>), returns edits of <paramref name="input"/>
    /// giving the final text. A second edit that touches the replacement of a first edit absorbs it.
    /// </summary>
    public static List<RepairEdit> Compose(
        string input, ReadOnlySpan<RepairEdit> first, string intermediate, ReadOnlySpan<RepairEdit> second)
    {
        if (first.IsEmpty)
        {
            return [.. second];
        }

        int n = first.Length;
        int[] t1Start = new int[n];
        int[] t1End = new int[n];
        int[] deltaBefore = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            RepairEdit edit = first[i];
            t1Start[i] = edit.Start + deltaBefore[i];
            t1End[i] = t1Start[i] + edit.Replacement.Length;
            deltaBefore[i + 1] = deltaBefore[i] + edit.Replacement.Length - edit.Length;
        }

        var result = new List<RepairEdit>(n + second.Length);
        int k = 0;
        int s = 0;
        var builder = new StringBuilder();
        while (s < second.Length)
        {
            int a = second[s].Start;
            int b = second[s].End;
            while (k < n && t1End[k] <= a && !(t1Start[k] < b && t1End[k] > a))
            {
                result.Add(first[k++]);
            }

            int kStart = k;
            int kEnd = k;
            int sEnd = s + 1;
            int aExt = a;
            int bExt = b;
            bool grew = true;
            while (grew)
            {
                grew = false;
                while (kEnd < n && t1Start[kEnd] < bExt && t1End[kEnd] > aExt)
                {
                    aExt = Math.Min(aExt, t1Start[kEnd]);
                    bExt = Math.Max(bExt, t1End[kEnd]);
                    kEnd++;
                    grew = true;
                }

                while (sEnd < second.Length && second[sEnd].Start < bExt)
                {
                    bExt = Math.Max(bExt, second[sEnd].End);
                    sEnd++;
                    grew = true;
                }
            }

            string replacement;
            if (sEnd == s + 1 && aExt == a && bExt == b)
            {
                // The common case: one edit that touches no earlier replacement keeps its string.
                replacement = second[s].Replacement;
            }
            else
            {
                builder.Clear();
                int position = aExt;
                for (int i = s; i < sEnd; i++)
                {
                    builder.Append(intermediate, position, second[i].Start - position).Append(second[i].Replacement);
                    position = second[i].End;
                }

                builder.Append(intermediate, position, bExt - position);
                replacement = builder.ToString();
            }

            int oStart = aExt - deltaBefore[kStart];
            int oEnd = bExt - deltaBefore[kEnd];
            if (!input.AsSpan(oStart, oEnd - oStart).SequenceEqual(replacement))
            {
                result.Add(new RepairEdit(oStart, oEnd - oStart, replacement, second[sEnd - 1].Kind)
                {
                    // An edit that absorbs an encoding repair still names the chain it undid.
                    Chain = FirstChain(first, kStart, kEnd) ?? FirstChain(second, s, sEnd),
                });
            }

            k = kEnd;
            s = sEnd;
        }

        while (k < n)
        {
            result.Add(first[k++]);
        }

        return result;
    }

    private static string? FirstChain(ReadOnlySpan<RepairEdit> edits, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (edits[i].Chain is not null)
            {
                return edits[i].Chain;
            }
        }

        return null;
    }
}
