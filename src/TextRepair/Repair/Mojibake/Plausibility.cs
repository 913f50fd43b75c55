using System.Runtime.CompilerServices;
using TextRepair.Internal;

namespace TextRepair.Repair.Mojibake;

/// <summary>
/// How plausible a piece of text is as written text, used to compare a text before and after a candidate fix.
/// Character frequency classes come from the code pages' own ordering: GB2312 level 1 (0xB0A1-0xD7F9, the 3755
/// most frequent Simplified characters) and Big5 common characters (0xA440-0xC67E, 5401 frequent Traditional
/// characters) are "common"; GB2312 level 2 and Big5 level 2 are "known"; every other Han character is rare.
/// Bigram plausibility comes from the OpenCC phrase dictionaries (every adjacent pair of characters inside a phrase,
/// in both scripts). Thread-safe; tables are built once on first use.
/// </summary>
internal static class Plausibility
{
    private static readonly Lazy<HashSet<int>> s_bigrams = new(LoadBigrams);
    private static readonly ulong[] s_common = new ulong[1024];
    private static readonly ulong[] s_known = new ulong[1024];

    static Plausibility()
    {
        CodePage gbk = CodePage.Gbk;
        CodePage big5 = CodePage.Big5;
        for (int lead = 0xB0; lead <= 0xF7; lead++)
        {
            for (int trail = 0xA1; trail <= 0xFE; trail++)
            {
                char c = gbk.DecodeDouble(lead, trail);
                if (c != '\uFFFF')
                {
                    Set(lead <= 0xD7 ? s_common : s_known, c);
                }
            }
        }

        for (int lead = 0xA4; lead <= 0xF9; lead++)
        {
            for (int trail = 0x40; trail <= 0xFE; trail++)
            {
                char c = big5.DecodeDouble(lead, trail);
                int code = (lead << 8) | trail;
                if (c != '\uFFFF' && IsHan(c))
                {
                    Set(code is >= 0xA440 and <= 0xC67E ? s_common : s_known, c);
                }
            }
        }
    }

    /// <summary>A frequent Simplified or Traditional character.</summary>
    public static bool IsCommonHan(char c) => (s_common[c >> 6] & (1UL << c)) != 0;

    /// <summary>A Han character of GB2312 or Big5 (common or less common).</summary>
    public static bool IsKnownHan(char c) => IsCommonHan(c) || (s_known[c >> 6] & (1UL << c)) != 0;

    public static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>True when the two characters occur next to each other in some OpenCC phrase.</summary>
    public static bool IsBigram(char a, char b) => s_bigrams.Value.Contains((a << 16) | b);

    /// <summary>Score of one character by its class (higher is more plausible in Chinese or Latin running text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CharScore(char c)
    {
        if (c < 0x80)
        {
            return c switch
            {
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or ' ' => 1,
                '?' => -1,
                '\t' or '\n' or '\r' => 0,
                < ' ' or '\u007F' => -5,
                _ => 0,
            };
        }

        if (IsHan(c))
        {
            return IsCommonHan(c) ? 3 : IsKnownHan(c) ? -1 : -4;
        }

        return c switch
        {
            < '\u00A0' => -6,
            '\u00B7' or '\u00D7' or '\u00F7' => 0,
            < '\u00C0' => -2,
            < '\u0100' => 0,
            < '\u0250' => -1,
            >= '\u0370' and < '\u0530' => -1,
            '\u2013' or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' => 1,
            >= '\u2500' and < '\u25A0' => -3,
            >= '\u3000' and < '\u3013' => 1,
            >= '\u3014' and < '\u3040' => 1,
            >= '\u3040' and < '\u3100' => -1,
            >= '\uAC00' and <= '\uD7A3' => -1,
            >= '\uE000' and < '\uF900' => -6,
            >= '\uFF01' and < '\uFF5F' => 1,
            >= '\uFF61' and < '\uFFA0' => -3,
            '\uFFFD' => -1,
            _ => -2,
        };
    }

    /// <summary>Total plausibility: character classes plus a bonus for each adjacent pair known from phrases.</summary>
    public static int Score(ReadOnlySpan<char> text)
    {
        int score = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            score += CharScore(c);
            if (i > 0 && IsHan(c) && IsHan(text[i - 1]) && IsBigram(text[i - 1], c))
            {
                score += 3;
            }
        }

        return score;
    }

    /// <summary>Counts of Han characters, common Han characters and adjacent Han pairs known as bigrams.</summary>
    public static (int Han, int Common, int Pairs, int Bigrams) HanStatistics(ReadOnlySpan<char> text)
    {
        int han = 0, common = 0, pairs = 0, bigrams = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsHan(c))
            {
                continue;
            }

            han++;
            if (IsCommonHan(c))
            {
                common++;
            }

            if (i > 0 && IsHan(text[i - 1]))
            {
                pairs++;
                if (IsBigram(text[i - 1], c))
                {
                    bigrams++;
                }
            }
        }

        return (han, common, pairs, bigrams);
    }

    private static void Set(ulong[] bits, char c) => bits[c >> 6] |= 1UL << c;

    private static HashSet<int> LoadBigrams()
    {
        var set = new HashSet<int>();
        foreach (string file in new[] { "OpenCC/dictionary/STPhrases.txt", "OpenCC/dictionary/TSPhrases.txt", "OpenCC/dictionary/TWPhrases.txt" })
        {
            foreach ((string key, string value) in EmbeddedData.ReadTabSeparated(file))
            {
                AddPairs(set, key);
                foreach (string word in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    AddPairs(set, word);
                }
            }
        }

        return set;
    }

    private static void AddPairs(HashSet<int> set, string word)
    {
        for (int i = 1; i < word.Length; i++)
        {
            if (IsHan(word[i - 1]) && IsHan(word[i]))
            {
                set.Add((word[i - 1] << 16) | word[i]);
            }
        }
    }
}
