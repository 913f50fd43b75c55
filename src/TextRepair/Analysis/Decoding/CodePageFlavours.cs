using System.Text;
using TextRepair.Analysis.Detection;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// What other implementations of a code page write for the same bytes. Mojibake is made by whichever decoder read the
/// bytes: browsers (the WHATWG Encoding Standard), Java, Python, iconv, macOS, Windows. They agree on almost every byte
/// sequence, but not on all: Python's and Java's Shift_JIS write 〜 (U+301C) for 0x8160 where Windows writes ～
/// (U+FF5E); a browser's GBK writes € for 0xA2E3 where Windows writes a private-use character; a browser's Big5 reads
/// Hong Kong's HKSCS characters that Windows' code page 950 does not have; Apple's Mac Roman writes Ω as U+03A9 where
/// the framework writes U+2126. A wrong decoder's table is the framework's (<see cref="CodePage"/>), so such text would
/// have characters that map back to no byte, and the chain could not be undone. Each method here adds the other
/// implementations' characters as further characters of the same bytes; decoding is unchanged. Every table is derived
/// from an implementation in the framework or in this library, none is written here. Called once per code page, while
/// it is built (a few milliseconds).
/// </summary>
internal static class CodePageFlavours
{
    // Lead and trail byte ranges of the double-byte code pages (GBK, Big5, Shift-JIS all lie within them).
    private const int FirstLead = 0x81, LastLead = 0xFE, FirstTrail = 0x40, LastTrail = 0xFE;

    // Apple's table of Mac OS Roman (ROMAN.TXT, and macOS's decoder) maps 0xBD to U+03A9 GREEK CAPITAL LETTER OMEGA;
    // the framework's code page 10000 maps it to U+2126 OHM SIGN. 0xBD is a UTF-8 continuation byte, so UTF-8 read
    // as Mac Roman by a Mac or by Python holds U+03A9 in about one character in twenty (measured on Python-decoded
    // text, session 18: half of its UTF-8-as-Mac-Roman lines could not be undone before this).
    private const char AppleOmega = '\u03A9';
    private const int MacRomanOmegaByte = 0xBD;

    // JIS X 0208 as a double-byte EUC table in the framework (code page 20932); the same JIS mapping is what Java's
    // and Python's Shift_JIS and EUC-JP and iconv's SHIFT_JIS use.
    private const int JisEucCodePage = 20932;

    // GB18030 in the framework: the mapping of browsers' GBK decoder (the WHATWG gb18030 decoder) and of Python's.
    private const int Gb18030CodePage = 54936;

    /// <summary>Mac Roman as Apple's decoders write it.</summary>
    public static void AppleMacRoman(CodePage page) => page.AddFlavour(AppleOmega, MacRomanOmegaByte);

    /// <summary>GBK as GB18030 decoders (browsers, Python's gb18030, Java's GB18030) write its two-byte sequences.</summary>
    public static void Gb18030(CodePage page)
    {
        Encoding gb18030 = Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        AddPairs(page, gb18030);
    }

    /// <summary>Big5 as browsers read it (the WHATWG Big5 decoder, with HKSCS): <see cref="Big5Encoding"/>.</summary>
    public static void WhatwgBig5(CodePage page)
    {
        var big5 = new Big5Encoding(EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        AddPairs(page, big5);
    }

    /// <summary>
    /// Big5 as Python's <c>big5</c> codec reads the rows where implementations disagree (<see cref="Big5PythonRows"/>),
    /// applied after <see cref="WhatwgBig5"/>, whose bytes stay each character's own: its symbols, and the ETEN rows
    /// C6-C8, whose kana, Cyrillic and circled numbers it places at other bytes than the browsers' HKSCS table (あ is
    /// C6A6 to Python, C6E8 to a browser; code page 950 has private use there). GBK text read by Python as Big5 holds such characters for
    /// about one Han character in thirty (47 of the seed page's 1,363; 请 is C7EB, Python's ③), so it is undone in that
    /// layout too (<see cref="CodePage.AddOtherLayout"/>).
    /// </summary>
    public static void PythonBig5(CodePage page)
    {
        // Big5's trails: 0x40-0x7E, then 0xA1-0xFE, the order of each row in Big5PythonRows.Chars.
        const int LowTrails = 0x7F - 0x40;
        ReadOnlySpan<byte> leads = Big5PythonRows.Leads;
        ReadOnlySpan<char> chars = Big5PythonRows.Chars;
        for (int row = 0; row < leads.Length; row++)
        {
            for (int k = 0; k < Big5PythonRows.TrailsPerRow; k++)
            {
                int trail = k < LowTrails ? 0x40 + k : 0xA1 + (k - LowTrails);
                char c = chars[(row * Big5PythonRows.TrailsPerRow) + k];
                if (c != '\uFFFF' && page.DecodeDouble(leads[row], trail) != c)
                {
                    page.AddOtherLayout(c, (leads[row] << 8) | trail);
                }
            }
        }
    }

    /// <summary>Shift-JIS with the JIS X 0208 mapping (Java, Python, iconv), from the framework's EUC table of it.</summary>
    public static void JisShiftJis(CodePage page)
    {
        Encoding jis = Encoding.GetEncoding(JisEucCodePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        Span<byte> bytes = stackalloc byte[2];
        Span<char> chars = stackalloc char[4];
        for (int row = 0x21; row <= 0x7E; row++)
        {
            for (int cell = 0x21; cell <= 0x7E; cell++)
            {
                // The EUC bytes of a JIS row and cell are both 0x80 higher; its Shift-JIS bytes are the standard's
                // arithmetic on the row and cell.
                bytes[0] = (byte)(row | 0x80);
                bytes[1] = (byte)(cell | 0x80);
                if (jis.GetChars(bytes, chars) != 1)
                {
                    continue;
                }

                int lead = ((row + 1) >> 1) + (row <= 0x5E ? 0x70 : 0xB0);
                int trail = (row & 1) == 1 ? cell + (cell <= 0x5F ? 0x1F : 0x20) : cell + 0x7E;
                if (page.DecodeDouble(lead, trail) != '\uFFFF')
                {
                    page.AddFlavour(chars[0], (lead << 8) | trail);
                }
            }
        }
    }

    // Every two-byte sequence as the other decoder reads it, where it reads it as one character.
    private static void AddPairs(CodePage page, Encoding other)
    {
        Span<byte> bytes = stackalloc byte[2];
        Span<char> chars = stackalloc char[4];
        for (int lead = FirstLead; lead <= LastLead; lead++)
        {
            for (int trail = FirstTrail; trail <= LastTrail; trail++)
            {
                bytes[0] = (byte)lead;
                bytes[1] = (byte)trail;
                if (other.GetChars(bytes, chars) == 1)
                {
                    page.AddFlavour(chars[0], (lead << 8) | trail);
                }
            }
        }
    }
}
