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

    // Controls no repair writes unless its input held them (see AddsControls).
    private static readonly System.Buffers.SearchValues<char> s_controls = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012"
        + "\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0080\u0081"
        + "\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091"
        + "\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u2028\u2029");

    /// <summary>
    /// True when <paramref name="reading"/> has more code points no text holds that <paramref name="input"/> lacks than
    /// it has losses (U+FFFD); private use counts with <paramref name="privateUse"/> (a UTF-16 reading). Next to lost
    /// bytes a reading may go out of step and read such points from what is left of the text; a reading that writes
    /// more of them than it loses reads bytes that were never text in its encoding.
    /// </summary>
    public static bool IsAddedBy(ReadOnlySpan<char> reading, ReadOnlySpan<char> input, bool privateUse, bool readAsUtf16 = false)
    {
        if (AddsControls(reading, input, readAsUtf16))
        {
            return true;
        }

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

    /// <summary>
    /// <see cref="IsAddedBy(ReadOnlySpan{char}, ReadOnlySpan{char}, bool, bool)"/> for a reading of <paramref name="input"/>
    /// by a chain: private use counts when its innermost truth is UTF-16, and line breaks may be added when its outer
    /// wrong decoder is UTF-16 (see <see cref="AddsControls"/>). The one test of the lattice's readings and of a known
    /// chain's replay.
    /// </summary>
    public static bool IsAddedBy(Candidate reading, ReadOnlySpan<char> input) =>
        IsAddedBy(reading.Text, input,
            privateUse: reading.Steps is [.., { Truth.Kind: CodecKind.Utf16Le or CodecKind.Utf16Be }],
            readAsUtf16: reading.Steps is [{ Wrong.Kind: CodecKind.Utf16Le or CodecKind.Utf16Be }, ..]);

    /// <summary>
    /// True when <paramref name="reading"/> holds a control character <paramref name="input"/> lacks (C0 controls but
    /// tab, line feed and carriage return; DEL; the C1 controls; the line and paragraph separators), or more line feeds
    /// or carriage returns than it, unless the input was read as UTF-16 (<paramref name="readAsUtf16"/>: the reading's
    /// outer layer's wrong decoder is UTF-16, which pairs a line break's byte with its neighbour into one character, so
    /// its reading gives the line breaks back; a UTF-16 layer deeper in a chain is read from text the input does not
    /// show, and the lines it would add are the ones random mojibake got). A byte stream read as UTF-16 in the wrong
    /// place pairs a space or an ASCII letter with a zero byte or a byte under 0x20, and such a reading, scored by the
    /// models as merely unseen characters, could still win: "é¥•å›“å¡• é¥•å›“å¡•" became "列iOgc \0列iOgc" (gbk decoded
    /// as utf-16le, a NUL written into the text), and readings of random mojibake wrote line breaks, 60,000 lines of it
    /// repaired into 60,047 (the session-35 hostile test). A repair never writes a control its input did not hold, nor
    /// adds a line: such readings read bytes that were never text. Text that really is UTF-16 read by a byte decoder
    /// holds the controls and line breaks its reading keeps (a NUL after each ASCII letter, "\n" as the low byte of 上),
    /// and its reading holds fewer.
    /// </summary>
    public static bool AddsControls(ReadOnlySpan<char> reading, ReadOnlySpan<char> input, bool readAsUtf16)
    {
        int at = reading.IndexOfAny(s_controls);
        while (at >= 0)
        {
            if (input.IndexOf(reading[at]) < 0)
            {
                return true;
            }

            int next = reading[(at + 1)..].IndexOfAny(s_controls);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return !readAsUtf16 && (reading.Contains('\n') || reading.Contains('\r'))
            && (reading.Count('\n') > input.Count('\n') || reading.Count('\r') > input.Count('\r'));
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
