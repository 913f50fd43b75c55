namespace TextRepair.Analysis.Decoding;

/// <summary>
/// A no-break space that became a space. Windows-1252, ISO-8859-1 and windows-1251 read the byte 0xA0 as U+00A0
/// NO-BREAK SPACE, and 0xA0 is a UTF-8 continuation byte of common CJK characters: 你 is E4 BD A0 ("ä½" and a
/// no-break space); 标, 样, 根 and 校 have 0xA0 second; あ is 82 A0 in Shift-JIS. Copied from a web page, or
/// normalised on the way, such text has a plain space there: "ä½ å¥½" for 你好. A space is read as 0xA0 where it
/// completes a UTF-8 or Shift-JIS character: the scanner keeps it inside the token (<see cref="CompletesCharacter"/>),
/// and the decoders of <see cref="LayerUndo"/> take a space where they expect a UTF-8 continuation byte or a
/// double-byte trail as the wrong decoder's no-break-space byte (<see cref="ByteOf"/>). A space where a character could begin stays a space: there it cannot be told from a real
/// one. Whether the reading wins is the language model's decision, as for any other. Thread-safe; allocates nothing.
/// </summary>
internal static class NoBreakSpace
{
    // Only UTF-8 characters of three bytes (U+0800-U+FFFF, where every common CJK character is) are completed: a
    // two-byte character completed by a space would join Latin words ("IRMÃ DE", Portuguese in capitals, is "IRMà" +
    // "DE").
    private const int LeadFirst = 0xE0, LeadLast = 0xEF;

    // How far before a space Shift-JIS is read to find whether a lead byte ends the token: a token joined at many spaces
    // would otherwise be read from its start at each (quadratic in hostile input). A window that starts on a trail
    // byte reads wrong pairs or stops at an invalid one, and then no join is made; 64 characters are the engine's probe
    // length (CandidateSearch.ProbeLength).
    private const int ShiftJisWindow = CandidateSearch.ProbeLength;

    // The single-byte readers whose no-break space is a UTF-8 continuation byte, 0xA0 (ISO-8859-1 text is read by the
    // windows-1252 table; Mac Roman's is 0xCA, cp437's, cp850's and cp866's 0xFF, none of them a continuation byte).
    private static readonly Codec[] Readers = [Codec.Windows1252, Codec.Windows1251];

    /// <summary>The byte a single-byte <paramref name="wrongDecoder"/> reads as U+00A0, or -1 (double-byte decoders, UTF-8, UTF-16).</summary>
    public static int ByteOf(Codec wrongDecoder) =>
        wrongDecoder.IsSingleByte && wrongDecoder.Page.CanEncode('\u00A0')
            ? wrongDecoder.Page.EncodedValue('\u00A0')
            : -1;

    /// <summary>
    /// True when the space at <paramref name="spaceIndex"/>, read as a reader's no-break-space byte, completes a
    /// three-byte UTF-8 character begun by the token's last characters (from <paramref name="tokenStart"/>) and, when
    /// the space is its second byte, ended by the character after the space; or a Shift-JIS character whose lead byte
    /// ends the token (see <c>CompletesShiftJis</c>).
    /// </summary>
    public static bool CompletesCharacter(string text, int tokenStart, int spaceIndex, int lineEnd)
    {
        if (spaceIndex <= tokenStart || text[spaceIndex - 1] < 0x80)
        {
            return false;
        }

        foreach (Codec reader in Readers)
        {
            CodePage page = reader.Page;
            int space = ByteOf(reader);
            if (CompletesUtf8(page, space, text, tokenStart, spaceIndex, lineEnd) || CompletesShiftJis(page, space, text, tokenStart, spaceIndex, lineEnd))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CompletesUtf8(CodePage page, int space, string text, int tokenStart, int spaceIndex, int lineEnd)
    {
        if (!IsContinuation(space))
        {
            return false;
        }

        int last = SingleByte(page, text[spaceIndex - 1]);
        if (last is >= LeadFirst and <= LeadLast)
        {
            // Lead, the space, and the character after the space as the last byte.
            int after = spaceIndex + 1 < lineEnd ? SingleByte(page, text[spaceIndex + 1]) : -1;
            return IsContinuation(after) && IsCharacter(last, space, after);
        }

        int lead = spaceIndex - 2 >= tokenStart ? SingleByte(page, text[spaceIndex - 2]) : -1;
        return IsContinuation(last) && lead is >= LeadFirst and <= LeadLast && IsCharacter(lead, last, space);
    }

    // Shift-JIS read from the token's start ends in a lead byte whose pair with the space's byte is a character (あ is
    // 82 A0), and the text goes on after the space with a non-ASCII character. Half of all tokens of Latin letters end
    // in a lead byte when read so, so the character after the space must be one a single-byte reader wrote for a high
    // byte too: a space before ASCII ("é‚“ç´«æ£‹ - 泡沫.mp3", UTF-8 read as windows-1252) stays a separator.
    private static bool CompletesShiftJis(CodePage reader, int space, string text, int tokenStart, int spaceIndex, int lineEnd)
    {
        if (spaceIndex + 1 >= lineEnd || SingleByte(reader, text[spaceIndex + 1]) < 0)
        {
            return false;
        }

        CodePage page = Codec.ShiftJis.Page;
        int i = Math.Max(tokenStart, spaceIndex - ShiftJisWindow);
        while (i < spaceIndex)
        {
            int b = text[i] < 0x80 ? text[i] : SingleByte(reader, text[i]);
            if (b < 0)
            {
                return false;
            }

            if (page.DecodeSingle(b) != '\uFFFF')
            {
                i++;
                continue;
            }

            if (i + 1 == spaceIndex)
            {
                return page.DecodeDouble(b, space) != '\uFFFF';
            }

            int trail = text[i + 1] < 0x80 ? text[i + 1] : SingleByte(reader, text[i + 1]);
            if (trail < 0 || page.DecodeDouble(b, trail) == '\uFFFF')
            {
                return false;
            }

            i += 2;
        }

        return false;
    }

    // The byte of a non-ASCII character in a single-byte code page, or -1.
    private static int SingleByte(CodePage page, char c) => c >= 0x80 && page.CanEncode(c) && page.EncodedValue(c) < 0x100 ? page.EncodedValue(c) : -1;

    private static bool IsContinuation(int b) => b is >= 0x80 and < 0xC0;

    // A shortest-form three-byte sequence that is not a surrogate.
    private static bool IsCharacter(int lead, int second, int third)
    {
        int cp = ((lead & 0x0F) << 12) | ((second & 0x3F) << 6) | (third & 0x3F);
        return cp >= 0x800 && cp is < 0xD800 or >= 0xE000;
    }
}
