namespace TextRepair.Analysis.Detection;

/// <summary>
/// Fast structural validity scans of the multi-byte candidates (lead and trail byte ranges, as the WHATWG decoders
/// and .NET's code pages accept them), for the part of a long input beyond the scored sample: one pass, no decoding,
/// no allocation. Structural: a well-formed pair that maps to no character passes. Stateless; thread-safe.
/// </summary>
internal static class ValidityScan
{
    /// <summary>Invalid sequences in <paramref name="bytes"/> under the multi-byte candidate <paramref name="name"/>; -1 for a candidate it has no scan for.</summary>
    public static int CountInvalid(string name, ReadOnlySpan<byte> bytes) => name switch
    {
        "gb18030" => Scan(bytes, Gb18030),
        "big5" => Scan(bytes, Big5),
        "shift_jis" => Scan(bytes, ShiftJis),
        "euc-jp" => Scan(bytes, EucJp),
        "euc-kr" => Scan(bytes, EucKr),
        _ => -1,
    };

    /// <summary>Length of the valid sequence starting with the non-ASCII byte at the start of <paramref name="b"/>, or 0 when it is invalid.</summary>
    private delegate int SequenceLength(ReadOnlySpan<byte> b);

    private static int Scan(ReadOnlySpan<byte> bytes, SequenceLength sequence)
    {
        int invalid = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] < 0x80)
            {
                int skip = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
            }

            int length = sequence(bytes[i..]);
            if (length == 0)
            {
                invalid++;
                length = 1;
            }

            i += length;
        }

        return invalid;
    }

    private static bool In(ReadOnlySpan<byte> b, int index, int low, int high) => index < b.Length && b[index] >= low && b[index] <= high;

    private static int Gb18030(ReadOnlySpan<byte> b)
    {
        if (b[0] is 0x80 or 0xFF)
        {
            return 0;
        }

        if (In(b, 1, 0x40, 0x7E) || In(b, 1, 0x80, 0xFE))
        {
            return 2;
        }

        return In(b, 1, 0x30, 0x39) && In(b, 2, 0x81, 0xFE) && In(b, 3, 0x30, 0x39) ? 4 : 0;
    }

    private static int Big5(ReadOnlySpan<byte> b) =>
        b[0] is >= 0x81 and <= 0xFE && (In(b, 1, 0x40, 0x7E) || In(b, 1, 0xA1, 0xFE)) ? 2 : 0;

    private static int ShiftJis(ReadOnlySpan<byte> b)
    {
        byte lead = b[0];
        if (lead is >= 0xA1 and <= 0xDF)
        {
            return 1; // halfwidth katakana
        }

        return lead is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC) && (In(b, 1, 0x40, 0x7E) || In(b, 1, 0x80, 0xFC)) ? 2 : 0;
    }

    private static int EucJp(ReadOnlySpan<byte> b) => b[0] switch
    {
        0x8E => In(b, 1, 0xA1, 0xDF) ? 2 : 0,
        0x8F => In(b, 1, 0xA1, 0xFE) && In(b, 2, 0xA1, 0xFE) ? 3 : 0,
        >= 0xA1 and <= 0xFE => In(b, 1, 0xA1, 0xFE) ? 2 : 0,
        _ => 0,
    };

    private static int EucKr(ReadOnlySpan<byte> b) =>
        b[0] is >= 0x81 and <= 0xFE && (In(b, 1, 0x41, 0x5A) || In(b, 1, 0x61, 0x7A) || In(b, 1, 0x81, 0xFE)) ? 2 : 0;
}
