namespace TextRepair.Repair;

/// <summary>Turns a converter's output into edits of its input.</summary>
internal static class TextDiff
{
    /// <summary>
    /// Edits turning <paramref name="before"/> into <paramref name="after"/>. Script conversion keeps the code point
    /// structure almost everywhere, so the texts are aligned code point by code point and differing runs become edits;
    /// where the alignment breaks (a phrase of another length), the rest up to the common suffix becomes one edit.
    /// </summary>
    public static List<RepairEdit> Edits(string before, string after, RepairKind kind)
    {
        var edits = new List<RepairEdit>();
        if (ReferenceEquals(before, after) || string.Equals(before, after, StringComparison.Ordinal))
        {
            return edits;
        }

        int suffix = 0;
        int maxSuffix = Math.Min(before.Length, after.Length);
        while (suffix < maxSuffix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        int i = 0;
        int j = 0;
        int runI = -1;
        int runJ = -1;
        int endI = before.Length - suffix;
        int endJ = after.Length - suffix;
        while (i < endI && j < endJ)
        {
            int li = char.IsHighSurrogate(before[i]) && i + 1 < before.Length && char.IsLowSurrogate(before[i + 1]) ? 2 : 1;
            int lj = char.IsHighSurrogate(after[j]) && j + 1 < after.Length && char.IsLowSurrogate(after[j + 1]) ? 2 : 1;
            bool same = li == lj && before.AsSpan(i, li).SequenceEqual(after.AsSpan(j, lj));
            if (same)
            {
                if (runI >= 0)
                {
                    edits.Add(new RepairEdit(runI, i - runI, after[runJ..j], kind));
                    runI = -1;
                }
            }
            else if (runI < 0)
            {
                runI = i;
                runJ = j;
            }

            i += li;
            j += lj;
        }

        if (runI < 0 && (i < endI || j < endJ))
        {
            runI = i;
            runJ = j;
        }

        if (runI >= 0)
        {
            edits.Add(new RepairEdit(runI, endI - runI, after[runJ..endJ], kind));
        }

        return edits;
    }
}
