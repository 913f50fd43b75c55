namespace TextRepair.Documents;

/// <summary>
/// Character references (<c>&amp;amp;</c>, <c>&amp;#40736;</c>, <c>&amp;#x9F20;</c>) in HTML, XML and WebVTT text. They
/// are kept as written and end the current group: the text on either side converts on its own. Stateless.
/// </summary>
internal static class Entities
{
    // The longest named reference in HTML is 31 characters plus '&' and ';' ("&CounterClockwiseContourIntegral;").
    private const int MaxNameLength = 32;

    /// <summary>The index after the reference starting with '&amp;' at <paramref name="at"/>, or -1 if there is none.</summary>
    public static int Match(string text, int at, int end)
    {
        int i = at + 1;
        if (i >= end)
        {
            return -1;
        }

        if (text[i] == '#')
        {
            i++;
            bool hex = i < end && (text[i] == 'x' || text[i] == 'X');
            if (hex)
            {
                i++;
            }

            int digits = i;
            while (i < end && i - digits < 8 && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])))
            {
                i++;
            }

            return i > digits && i < end && text[i] == ';' ? i + 1 : -1;
        }

        if (!char.IsAsciiLetter(text[i]))
        {
            return -1;
        }

        int nameStart = i;
        while (i < end && i - nameStart < MaxNameLength && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i < end && text[i] == ';' ? i + 1 : -1;
    }

    /// <summary>Adds [start, end) to <paramref name="runs"/>, breaking the group at every reference (which is not added).</summary>
    public static void AddText(string text, int start, int end, TextRunList runs)
    {
        int i = start;
        while (i < end)
        {
            int amp = text.IndexOf('&', i, end - i);
            if (amp < 0)
            {
                runs.Add(i, end - i);
                return;
            }

            int after = Match(text, amp, end);
            if (after < 0)
            {
                runs.Add(i, amp + 1 - i);
                i = amp + 1;
                continue;
            }

            runs.Add(i, amp - i);
            runs.Break();
            i = after;
        }
    }
}
