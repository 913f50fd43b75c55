using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TextRepair.Analysis.Detection;

/// <summary>
/// UTF-32 without a byte order mark, told by its structure: every four bytes are one Unicode scalar value, so in one
/// byte order the high byte of every unit is 0 and the next at most 0x10. Text in any other encoding breaks that within
/// its first units (ASCII and UTF-8 have no NUL; UTF-16's units put a letter's byte where UTF-32 needs 0 or a plane
/// number), so the test is cheap: it stops at the first unit that is no scalar value. Binary data of small integers
/// passes the structure but reads as control characters, which <see cref="MaxOddShare"/> refuses. Before session 30 the
/// detector had no UTF-32 candidate: a UTF-32 file without a mark read as UTF-16 with NULs or as binary, and the tool's
/// <c>--encoding auto</c> skipped it as a binary file with exit code 0, its text lost to the run. Thread-safe.
/// </summary>
internal static class Utf32Detection
{
    /// <summary>
    /// Fewest whole units a UTF-32 reading needs: one unit is four bytes of anything with two NULs; two units of text
    /// (a character and a line break) are the shortest file worth a decision.
    /// </summary>
    private const int MinUnits = 2;

    /// <summary>
    /// Largest share of units that are control characters (all C0 and C1 but tab, line feed, form feed and carriage
    /// return), unassigned or private-use code points, as in <see cref="EncodingDetector"/>'s binary test (5%): text has
    /// a few per thousand; an array of small integers is nearly all controls.
    /// </summary>
    private const double MaxOddShare = 0.05;

    /// <summary>
    /// The detection when <paramref name="bytes"/> (the whole input when <paramref name="complete"/>, else a prefix
    /// whose last unit may be cut) are UTF-32 in one byte order; else null. Reads at most the first few bytes of input
    /// that is not UTF-32.
    /// </summary>
    public static EncodingDetection? Detect(ReadOnlySpan<byte> bytes, bool complete)
    {
        if ((complete && bytes.Length % 4 != 0) || bytes.Length / 4 < MinUnits)
        {
            return null;
        }

        ReadOnlySpan<byte> units = bytes[..(bytes.Length & ~3)];
        foreach (DetectionEncoding candidate in DetectionEncodings.Utf32)
        {
            bool bigEndian = candidate.Name == "utf-32be";
            if (OddUnits(units, bigEndian) is int odd && odd <= MaxOddShare * (units.Length / 4))
            {
                return new EncodingDetection([new EncodingCandidate(candidate.Name, candidate.Encoding, 1.0)], bomLength: 0, isAscii: false, isBinary: false);
            }
        }

        return null;
    }

    // The odd units (see MaxOddShare) when every unit is a scalar value in this byte order; else null.
    private static int? OddUnits(ReadOnlySpan<byte> units, bool bigEndian)
    {
        int odd = 0;
        for (int i = 0; i < units.Length; i += 4)
        {
            uint value = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(units[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(units[i..]);
            if (!Rune.IsValid(value))
            {
                return null;
            }

            UnicodeCategory category = Rune.GetUnicodeCategory(new Rune(value));
            bool whiteSpace = value is '\t' or '\n' or '\f' or '\r';
            odd += !whiteSpace && category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse ? 1 : 0;
        }

        return odd;
    }
}
