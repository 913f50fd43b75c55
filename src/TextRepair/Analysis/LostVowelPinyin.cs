using TextRepair.Internal;

namespace TextRepair.Analysis;

/// <summary>
/// Recognises word-level pinyin whose tone-marked vowels were lost on the way (<c>发展(fzhn)</c>: fā zhǎn without
/// ā and ǎ). Only reported: the remains are too short to be sure which reading was meant.
/// </summary>
internal static class LostVowelPinyin
{
    private const int MaxWordLength = 4;

    /// <summary>
    /// True when <paramref name="content"/> (the letters inside the parenthesis at <paramref name="open"/>) equals the
    /// lost-vowel forms of one reading each of the 2 to 4 Han characters before the parenthesis.
    /// </summary>
    public static bool Matches(ReadOnlySpan<char> text, int open, ReadOnlySpan<char> content, Readings readings, out int wordStart)
    {
        wordStart = open;
        if (content.Length < 2 || content.ContainsAnyExceptInRange('a', 'z'))
        {
            return false;
        }

        Span<int> chars = stackalloc int[MaxWordLength];
        Span<int> starts = stackalloc int[MaxWordLength];
        int count = 0;
        int position = open;
        while (count < MaxWordLength)
        {
            int cp = CjkText.CodePointBefore(text, position, out int length);
            if (cp < 0 || !CjkText.IsIdeograph(cp))
            {
                break;
            }

            position -= length;
            chars[count] = cp;
            starts[count] = position;
            count++;
        }

        // chars[0] is the character right before the parenthesis; a word of k characters is chars[k-1..0].
        for (int k = 2; k <= count; k++)
        {
            if (MatchFrom(content, chars, k - 1, readings))
            {
                wordStart = starts[k - 1];
                return true;
            }
        }

        return false;
    }

    private static bool MatchFrom(ReadOnlySpan<char> rest, ReadOnlySpan<int> chars, int index, Readings readings)
    {
        if (index < 0)
        {
            return rest.IsEmpty;
        }

        Readings.ReadingList list = readings.Of(chars[index]);
        for (int i = 0; i < list.Count; i++)
        {
            string form = readings.LostVowelFormOf(list[i]);
            if (rest.StartsWith(form, StringComparison.Ordinal) && MatchFrom(rest[form.Length..], chars, index - 1, readings))
            {
                return true;
            }
        }

        return false;
    }
}
