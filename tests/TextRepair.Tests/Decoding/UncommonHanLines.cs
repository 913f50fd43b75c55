using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The second pre-scan as it was before session 12 merged it into the first (SuspiciousChars.IndexOfSuspiciousOrUncommonLine):
/// each line judged on its own by <see cref="IsSuspiciousLine"/>. The oracle of ScannerCleanPathTests and
/// UncommonHanTests, and a stage of CheckBenchmarks, which links this file.
/// </summary>
internal static class UncommonHanLines
{
    /// <summary>The start of the first line of <paramref name="text"/> that is mostly uncommon Han characters, or -1.</summary>
    public static int IndexOfSuspiciousLine(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int end = text[start..].IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : start + end;
            if (IsSuspiciousLine(text[start..end]))
            {
                return start;
            }

            start = end + 1;
        }

        return -1;
    }

    /// <summary>
    /// True when the first <see cref="UncommonHan.SampledHan"/> Han characters of <paramref name="line"/> are mostly
    /// uncommon (<see cref="UncommonHan.IsMostlyUncommon"/>): one line's verdict, counted character by character.
    /// </summary>
    public static bool IsSuspiciousLine(ReadOnlySpan<char> line)
    {
        int han = 0, uncommon = 0;
        for (int i = line.IndexOfAnyInRange(UncommonHan.FirstSampled, UncommonHan.LastSampled); i >= 0 && i < line.Length && han < UncommonHan.SampledHan; i++)
        {
            char c = line[i];
            if (c >= UncommonHan.FirstSampled && c <= UncommonHan.LastSampled)
            {
                han++;
                uncommon += UncommonHan.IsCommon(c) ? 0 : 1;
            }
        }

        return UncommonHan.IsMostlyUncommon(han, uncommon);
    }
}
