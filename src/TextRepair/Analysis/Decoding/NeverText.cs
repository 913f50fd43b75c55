using System.Globalization;
using System.Text;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Code points that no text holds: unassigned code points and noncharacters, and in text read as UTF-16, private use
/// (U+E000–U+F8FF and the supplementary private use planes). A reading that writes one its input did not have read
/// bytes that were never written so. Scored by the language model they are merely unseen, and a reading with them could
/// still win: "ㄅㄆㄇㄈㄉㄊㄋㄌ" was read as unassigned points after Phags-pa, "ｱﾘｶﾞﾄｳ ｺﾞｻﾞｲﾏｽ" as an unassigned point of
/// plane 3, and 阪 in a clean Japanese line as U+E6DA by a UTF-16 reading of the whole text. A code page's reading may
/// write private use characters: GBK's and Big5's user-defined rows are private use in the framework's tables, and a
/// reading of lossy text out of step with its pairs meets them (ruled out, 4 lossy outputs of GBK read as Shift-JIS
/// on the dev half went farther from the original). Thread-safe.
/// </summary>
internal static class NeverText
{
    // Per BMP character: unassigned or a noncharacter. The BMP's private use is one range, tested apart.
    private static readonly bool[] s_unassigned = Build();

    /// <summary>
    /// True when <paramref name="reading"/> has more code points no text holds that <paramref name="input"/> lacks than
    /// it has losses (U+FFFD); private use counts with <paramref name="privateUse"/> (a UTF-16 reading). Next to lost
    /// bytes a reading may go out of step and read such points from what is left of the text; a reading that writes
    /// more of them than it loses reads bytes that were never text in its encoding.
    /// </summary>
    public static bool IsAddedBy(ReadOnlySpan<char> reading, ReadOnlySpan<char> input, bool privateUse)
    {
        int allowed = reading.Count('\uFFFD');
        for (int i = 0; i < reading.Length; i++)
        {
            char c = reading[i];
            if (char.IsHighSurrogate(c) && i + 1 < reading.Length && char.IsLowSurrogate(reading[i + 1]))
            {
                var rune = new Rune(c, reading[i + 1]);
                if (IsNeverText(rune, privateUse) && input.IndexOf(reading.Slice(i, 2)) < 0 && --allowed < 0)
                {
                    return true;
                }

                i++;
            }
            else if ((s_unassigned[c] || (privateUse && c is >= '\uE000' and <= '\uF8FF')) && input.IndexOf(c) < 0 && --allowed < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNeverText(Rune rune, bool privateUse) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.OtherNotAssigned => true,
            UnicodeCategory.PrivateUse => privateUse,
            _ => (rune.Value & 0xFFFE) == 0xFFFE || rune.Value is >= 0xFDD0 and <= 0xFDEF,
        };

    private static bool[] Build()
    {
        var never = new bool[65536];
        for (int c = 0; c < never.Length; c++)
        {
            if (c is < 0xD800 or > 0xDFFF)
            {
                never[c] = IsNeverText(new Rune(c), privateUse: false);
            }
        }

        return never;
    }
}
