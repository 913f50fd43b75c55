namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Tokens of Hanyu Pinyin with tone marks ("nǐ", "hǎo", "zhōngwén", "Běijīng", "lǜsè", "xī'ān"): text in its own right,
/// in textbooks, dictionaries and learners' notes, which the encoding engine must not search. The tone letters (ǎ, ǐ, ǜ)
/// are what GBK writes in its pinyin row and single-byte readers write the others (á, è), so such tokens passed the
/// gate, and a line of them ("nǐ hǎo lāhǎn") elected a chain of two layers that read "hǎo" as 梦�. Thread-safe;
/// allocates nothing.
/// </summary>
internal static class PinyinWords
{
    /// <summary>
    /// True when <paramref name="token"/> is words of pinyin: every run of letters splits into syllables of the reading
    /// table's inventory with at most one tone mark each, at least one syllable carries a tone mark, at least one letter
    /// is an ASCII letter (a tone letter alone or a run of them is what a reader of GBK's high bytes writes: "éà"), and
    /// whatever is not a letter is ASCII or a typographic apostrophe.
    /// </summary>
    public static bool IsPinyin(ReadOnlySpan<char> token)
    {
        bool toned = false, ascii = false;
        int i = 0;
        while (i < token.Length)
        {
            char c = token[i];
            if (!IsLetter(c))
            {
                if (c >= 0x80 && c != '\u2019')
                {
                    return false;
                }

                i++;
                continue;
            }

            int end = i;
            while (end < token.Length && IsLetter(token[end]))
            {
                end++;
            }

            if (!Splits(token[i..end], ref toned))
            {
                return false;
            }

            foreach (char letter in token[i..end])
            {
                ascii |= char.IsAsciiLetter(letter);
            }

            i = end;
        }

        return toned && ascii;
    }

    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c >= 0x80 && Pinyin.IsSyllableChar(c));

    // True when run (letters only) is a sequence of known syllables; the first letter may be a capital (Běijīng). Tries
    // the longest syllable first and backs off: "xian" is one syllable, "xi'an" is written with an apostrophe.
    private static bool Splits(ReadOnlySpan<char> run, ref bool toned)
    {
        Span<char> lower = stackalloc char[Math.Min(run.Length, 64)];
        if (run.Length > lower.Length)
        {
            return false;
        }

        run.CopyTo(lower);
        lower[0] = char.IsAsciiLetterUpper(lower[0]) ? char.ToLowerInvariant(lower[0]) : lower[0];
        Span<bool> failed = stackalloc bool[lower.Length];
        failed.Clear();
        return SplitsFrom(lower, 0, failed, ref toned);
    }

    // failed[start]: the rest of the run from start is known not to split. Whether it splits does not depend on the
    // syllables before it, so each start is tried once: without this, a run such as "nanana…x" (n and na are both
    // syllables) was tried in every segmentation, exponentially many (36 letters took 27 s).
    private static bool SplitsFrom(ReadOnlySpan<char> run, int start, Span<bool> failed, ref bool toned)
    {
        if (start == run.Length)
        {
            return true;
        }

        if (failed[start])
        {
            return false;
        }

        Span<char> key = stackalloc char[Pinyin.MaxKeyLength];
        Readings readings = HanData.ReadingTable;
        for (int length = Math.Min(Pinyin.MaxKeyLength - 1, run.Length - start); length >= 1; length--)
        {
            if (readings.TryParseKnownSyllable(run.Slice(start, length), key, out _, out int tone))
            {
                bool rest = toned;
                if (SplitsFrom(run, start + length, failed, ref rest))
                {
                    toned = rest || tone != 0;
                    return true;
                }
            }
        }

        failed[start] = true;
        return false;
    }
}
