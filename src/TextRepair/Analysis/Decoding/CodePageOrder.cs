namespace TextRepair.Analysis.Decoding;

/// <summary>
/// Which characters follow each other in the byte order of a legacy code page of the matrix (GBK, Big5, Shift-JIS,
/// EUC-JP, EUC-KR and the single-byte pages): a chart copied from a code table lists a page's characters in that order
/// (GB2312's pinyin vowels āáǎà, EUC-KR's box drawing ─│┌┐, Mac Roman's ÄÅÇÉ), which is no order of Unicode. A chart in
/// one page's order, re-encoded by it and decoded by another page, is a chart in the other page's order, so
/// <see cref="TextLikelihood"/> scores a row in any page's order as a listing, the input and a reading alike (see
/// <see cref="TextLikelihood.RepeatLogProb"/>). Built once from the engine's own code page tables: 57,956 pairs, 0.5 MB.
/// Thread-safe.
/// </summary>
internal static class CodePageOrder
{
    // Per character c, the characters that follow it in some page's order are s_next[s_start[c]..s_start[c + 1]], with
    // the pages as a bit mask in s_orders (bit k for the k-th page of Pages).
    private static readonly int[] s_start;
    private static readonly char[] s_next;
    private static readonly ushort[] s_orders;

    /// <summary>The code pages whose order counts (the table pages among the matrix's encodings and decoders).</summary>
    private static Codec[] Pages => [Codec.Gbk, Codec.Big5, Codec.ShiftJis, Codec.EucJp, Codec.EucKr, Codec.Windows1252, Codec.Cp437, Codec.Cp850, Codec.Cp866, Codec.MacRoman, Codec.Windows1251];

#pragma warning disable CA1810 // Three arrays built together, once.
    static CodePageOrder()
#pragma warning restore CA1810
    {
        var pairs = new Dictionary<uint, ushort>();
        Codec[] pages = Pages;
        for (int k = 0; k < pages.Length; k++)
        {
            CodePage page = pages[k].Page;
            char previous = '\0';
            for (int code = 0x80; code <= 0xFEFE; code++)
            {
                char c = code < 0x100 ? page.DecodeSingle(code) : page.DecodeDouble(code >> 8, code & 0xFF);
                if (!Charted(c))
                {
                    continue;
                }

                if (previous != '\0' && previous != c)
                {
                    uint key = ((uint)previous << 16) | c;
                    pairs[key] = (ushort)(pairs.GetValueOrDefault(key) | (1 << k));
                }

                previous = c;
            }
        }

        uint[] keys = [.. pairs.Keys.Order()];
        s_start = new int[65537];
        s_next = new char[keys.Length];
        s_orders = new ushort[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            s_start[(keys[i] >> 16) + 1]++;
            s_next[i] = (char)(keys[i] & 0xFFFF);
            s_orders[i] = pairs[keys[i]];
        }

        for (int c = 0; c < 65536; c++)
        {
            s_start[c + 1] += s_start[c];
        }
    }

    /// <summary>
    /// The pages (a bit mask, 0 for none) in whose byte order <paramref name="next"/> comes right after
    /// <paramref name="previous"/>, codes no page assigns skipped.
    /// </summary>
    public static int Orders(char previous, char next)
    {
        int end = s_start[previous + 1];
        for (int i = s_start[previous]; i < end; i++)
        {
            if (s_next[i] == next)
            {
                return s_orders[i];
            }
        }

        return 0;
    }

    // A character a chart shows: beyond ASCII and the C1 controls, assigned, no private use or replacement.
    private static bool Charted(char c) => c is >= '\u00A0' and not ('\uFFFD' or '\uFFFF') and not (>= '\uE000' and <= '\uF8FF');
}
