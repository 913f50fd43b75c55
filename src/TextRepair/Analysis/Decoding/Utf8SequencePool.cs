namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The evidence a line holds as a whole for UTF-8 read by a single-byte decoder (windows-1252, cp437, cp850, cp866,
/// Mac Roman, windows-1251): the decoders under which the line's characters hold at least
/// <see cref="MinSequences"/> whole UTF-8 sequences of two to four bytes inside a word. Latin-script text garbled that
/// way, the commonest mojibake there is, garbles each accented letter into a pair of its own ("DÃ©jÃ  vu, garÃ§on,
/// cÅ“ur." for "Déjà vu, garçon, cœur."), and a pair alone is two bytes, which <see cref="RunJudge.MinRunBytes"/>
/// counts as no evidence for the double-byte and UTF-16 chains (any two high bytes read as some character there);
/// a whole UTF-8 sequence is, and the line's sequences inside words vouch for those standing alone (Portuguese "Ã©"
/// for é beside "nÃ£o"). A line whose only sequences stand between spaces reads like prose that names the patterns
/// ("Ã© and â€™ are classic mojibake patterns") and is left alone, and so is a letter followed by lowercase letters
/// only, a word of the decoder's own script (windows-1251's Cyrillic capitals are lead bytes, its і, ї, ў, ё
/// continuation bytes).
/// Thread-safe (pure functions).
/// </summary>
internal static partial class Utf8SequencePool
{
    /// <summary>
    /// Whole UTF-8 sequences inside words a line needs under one decoder for each of its two-byte sequences to count as
    /// evidence of the chain "utf-8 decoded as" that decoder. One: a single-byte reader's clean text holds a lead byte's
    /// letter (Â..ß) followed by a continuation-range symbol (€..¿) inside a word almost never, and each sequence is
    /// still judged by the models' gain and fluency in its context. Measured with tools/probe-latin.py (895 translated
    /// messages of 25 languages from catalogues no model was trained on, read by windows-1252, Latin-1, Mac Roman, cp850
    /// or cp437): fixed exactly 17 (main) -> 135 with two sequences -> 271 with one (270 once a letter followed by
    /// lowercase letters no longer counts, see Count); the other languages than French, Spanish and German are limited
    /// by the Latin model; the same messages clean changed 0 throughout; every evaluation table in docs/ unchanged.
    /// </summary>
    public const int MinSequences = 1;

    /// <summary>
    /// The families (<see cref="Codec.Family"/>, one bit each) of the single-byte wrong decoders under which
    /// <paramref name="line"/> holds at least <see cref="MinSequences"/> whole UTF-8 sequences inside words (next to a
    /// letter), and of the double-byte ones under which it holds a Latin word of two-byte sequences (see
    /// <see cref="OfLatinWords"/>); 0 for none. Linear in the line's length per decoder; allocates nothing once the code pages are built.
    /// </summary>
    public static int Of(ReadOnlySpan<char> line)
    {
        // A sequence starts with a character at or above U+00C0 under every single-byte page but the DOS ones, whose
        // lead bytes are box drawing and Greek: look for any non-ASCII character first.
        if (line.IndexOfAnyExceptInRange('\0', '\u007F') < 0)
        {
            return 0;
        }

        int pool = OfLatinWords(line);

        // The decoders under which some character of the line is a lead byte, in one pass, and then only the characters
        // that are (see Count): a sequence starts only with one, and most characters of the lines that reach the engine
        // (CJK text and its mojibake) are none under any single-byte page, where counting page by page cost a code page
        // lookup per character and page (session 36).
        int leads = 0;
        byte[] leadPages = LeadPages.Table;
        foreach (char c in line)
        {
            leads |= leadPages[c];
        }

        Codec[] pages = LeadPages.Decoders;
        for (int k = 0; k < pages.Length && leads != 0; k++)
        {
            if ((leads & (1 << k)) != 0 && Count(line, pages[k].Page, leadPages, 1 << k) >= MinSequences)
            {
                pool |= 1 << pages[k].Family;
            }
        }

        return pool;
    }

    // Per character, the single-byte wrong decoders (bit k for Decoders[k]) under which it is a UTF-8 lead byte of a
    // sequence of two to four bytes (0xC2..0xF4, see Count). Built once, on first use, from the code pages' own
    // encoders (64 KB; about 0.5 M table reads). Thread-safe: a type's static fields are initialised once.
    private static class LeadPages
    {
        public static readonly Codec[] Decoders = [.. Codec.WrongDecoders.Where(static w => w.IsSingleByte)];

        public static readonly byte[] Table = Build();

        private static byte[] Build()
        {
            if (Decoders.Length > 8)
            {
                throw new InvalidOperationException("A byte holds the lead bits of at most 8 single-byte decoders.");
            }

            var table = new byte[65536];
            for (int k = 0; k < Decoders.Length; k++)
            {
                CodePage page = Decoders[k].Page;
                for (int c = 0x80; c < 65536; c++)
                {
                    if (Byte(page, (char)c) is >= 0xC2 and <= 0xF4)
                    {
                        table[c] |= (byte)(1 << k);
                    }
                }
            }

            return table;
        }
    }

    /// <summary>True when <paramref name="pool"/> (see <see cref="Of"/>) holds <paramref name="wrong"/>'s family.</summary>
    public static bool Holds(int pool, Codec wrong) => (pool & (1 << wrong.Family)) != 0;

    // The whole UTF-8 sequences inside words of line under page (each character one byte), counted up to MinSequences.
    // A sequence starts only at a character whose bit (pageBit) leadPages sets: the others are passed over at a lookup.
    private static int Count(ReadOnlySpan<char> line, CodePage page, byte[] leadPages, int pageBit)
    {
        int count = 0;
        for (int i = 0; i < line.Length && count < MinSequences; i++)
        {
            if ((leadPages[line[i]] & pageBit) == 0)
            {
                continue;
            }

            int lead = Byte(page, line[i]);
            int length = lead switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0 || i + length > line.Length)
            {
                continue;
            }

            // The second byte's range depends on the lead (no overlong forms, no surrogates, nothing past U+10FFFF).
            int low = lead switch { 0xE0 => 0xA0, 0xF0 => 0x90, _ => 0x80 };
            int high = lead switch { 0xED => 0x9F, 0xF4 => 0x8F, _ => 0xBF };
            bool whole = true, notLower = !char.IsLetter(line[i]);
            for (int k = 1; k < length && whole; k++)
            {
                int b = Byte(page, line[i + k]);
                whole = k == 1 ? b >= low && b <= high : b is >= 0x80 and <= 0xBF;
                notLower |= !char.IsLower(line[i + k]);
            }

            // Inside a word: a letter on one side. A sequence between spaces is a pattern being named ("Ã© and â€™
            // are classic mojibake patterns") as often as a garbled one-letter word. And not a letter followed by
            // lowercase letters only: that is how a word of the decoder's own script goes on, as windows-1251's
            // capitals (lead bytes) and і, ї, є, ў, ё, ј (continuation bytes) do: clean Uzbek "Рўйхат" lost letters to
            // "Т�хат". Latin-1's continuation bytes are symbols and punctuation, and its few lowercase letters there
            // (š, œ, ž, µ) follow a capital lead rarely; a lead that is no letter (cp850's box drawing in "├ñ" for ä)
            // keeps its sequence: tools/probe-latin.py 271 -> 270 restored with this, against 242 when any letter
            // after the lead was excluded; clean changed 0 either way.
            // A sequence beside an ASCII letter is no word of the decoder's script going on, whatever follows its lead:
            // no clean word turns from Latin to Cyrillic within itself ("fГјr", "Гјber" for "für", "über" under
            // windows-1251; session 42).
            bool asciiBeside = (i > 0 && char.IsAsciiLetter(line[i - 1])) || (i + length < line.Length && char.IsAsciiLetter(line[i + length]));
            if (whole && (notLower || asciiBeside) && ((i > 0 && char.IsLetter(line[i - 1])) || (i + length < line.Length && char.IsLetter(line[i + length]))))
            {
                count++;
                i += length - 1;
            }
        }

        return count;
    }

    private static int Byte(CodePage page, char c) => c >= 0x80 && page.CanEncode(c) ? page.EncodedValue(c) : -1;
}
