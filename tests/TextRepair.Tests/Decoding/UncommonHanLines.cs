using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The second pre-scan as it was before session 12 merged it into the first (SuspiciousChars.IndexOfSuspiciousOrUncommonLine):
/// each line judged on its own by <see cref="UncommonHan.IsSuspiciousLine"/>. The oracle of ScannerCleanPathTests, and a
/// stage of CheckBenchmarks, which links this file.
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
            if (UncommonHan.IsSuspiciousLine(text[start..end]))
            {
                return start;
            }

            start = end + 1;
        }

        return -1;
    }
}
