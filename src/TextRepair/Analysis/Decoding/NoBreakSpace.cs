namespace TextRepair.Analysis.Decoding;

/// <summary>
/// A no-break space that became a space. Windows-1252, ISO-8859-1 and windows-1251 read the byte 0xA0 as U+00A0
/// NO-BREAK SPACE, and 0xA0 is a UTF-8 continuation byte of common CJK characters: 你 is E4 BD A0 ("ä½" and a
/// no-break space); 标, 样, 根 and 校 have 0xA0 second; あ is 82 A0 in Shift-JIS. Copied from a web page, or
/// normalised on the way, such text has a plain space there: "ä½ å¥½" for 你好. A space is read as 0xA0 where it
/// completes a UTF-8 or Shift-JIS character: the scanner keeps it inside the token (<see cref="Completes"/>),
/// and the decoders of <see cref="LayerUndo"/> take a space where they expect a UTF-8 continuation byte or a
/// double-byte trail as the wrong decoder's no-break-space byte (<see cref="ByteOf"/>). A space where a character
/// could begin stays a space: there it cannot be told from a real one. Nor is a space read away that would be a
/// character's last byte before a word, without evidence (<see cref="Completion.Unproven"/>): a character cut short
/// reads so too, and the space was then real. Whether the reading wins is the language model's decision, as for any
/// other. Thread-safe; allocates nothing.
/// </summary>
internal static class NoBreakSpace
{
    // Only UTF-8 characters of three bytes (U+0800-U+FFFF, where every common CJK character is) are completed: a
    // two-byte character completed by a space would join Latin words ("IRMÃ DE", Portuguese in capitals, is "IRMà" +
    // "DE").
    private const int LeadFirst = 0xE0, LeadLast = 0xEF;

    // Lead bytes of any UTF-8 character (two to four bytes, shortest forms): a character completed by the space is
    // followed by the next one's first byte.
    private const int NextLeadFirst = 0xC2, NextLeadLast = 0xF4;

    // ASCII marks that close a phrase: text puts no space before them (French puts one before ! ? ; : but a no-break
    // one, and a Latin letter before it is not a lead byte).
    private const string ClosingMarks = ".,;:!?)]}";

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
    /// How a space, read as a reader's no-break-space byte, completes a character (see <see cref="Completes"/>).
    /// </summary>
    public enum Completion
    {
        /// <summary>The space completes no character: it is a separator.</summary>
        None,

        /// <summary>
        /// The space would be the last byte of a UTF-8 character whose first two bytes end the token, and ASCII other
        /// than a space, or a character no single-byte reader writes for a lead byte, follows it. A character cut short
        /// before a real space reads so as well: "â€" before a space is ” (E2 80 9D) whose 0x9D windows-1252 lost as
        /// often as † (E2 80 A0), and reading the space away glues the next word to it ("â€ in" became "†in", found by
        /// session 31's hostile tester). The space stands for 0xA0 only when the line shows no-break spaces lost
        /// elsewhere (a <see cref="Evidence"/> join).
        /// </summary>
        Unproven,

        /// <summary>
        /// The space would be the last byte of a UTF-8 character and another space or a closing mark follows it: a
        /// separator is kept either way ("ä½  å¥½" for "你 好"), or none was there ("ä½ !" for "你!"), so the join loses no
        /// text, but it shows no lost no-break space either.
        /// </summary>
        KeepsSeparator,

        /// <summary>
        /// The space cannot be a separator: it is the second byte of a UTF-8 character whose last byte follows it, or
        /// the last byte of one followed by the lead byte of the next ("ä½ å¥½" for 你好), or the trail byte of a
        /// Shift-JIS character followed by more text a single-byte reader wrote for high bytes.
        /// </summary>
        Evidence,
    }

    /// <summary>
    /// Whether the space at <paramref name="spaceIndex"/>, read as a reader's no-break-space byte, completes a
    /// three-byte UTF-8 character begun by the token's last characters (from <paramref name="tokenStart"/>) and, when
    /// the space is its second byte, ended by the character after the space; or a Shift-JIS character whose lead byte
    /// ends the token (see <c>CompletesShiftJis</c>). The best completion over the readers.
    /// </summary>
    public static Completion Completes(string text, int tokenStart, int spaceIndex, int lineEnd)
    {
        if (spaceIndex <= tokenStart || text[spaceIndex - 1] < 0x80)
        {
            return Completion.None;
        }

        Completion best = Completion.None;
        foreach (Codec reader in Readers)
        {
            CodePage page = reader.Page;
            int space = ByteOf(reader);
            Completion utf8 = CompletesUtf8(page, space, text, tokenStart, spaceIndex, lineEnd);
            if (utf8 > best)
            {
                best = utf8;
            }

            if (CompletesShiftJis(page, space, text, tokenStart, spaceIndex, lineEnd))
            {
                return Completion.Evidence;
            }
        }

        return best;
    }

    /// <summary>
    /// True when some space of the line (<paramref name="lineStart"/> to <paramref name="lineEnd"/>) completes a
    /// character as <see cref="Completion.Evidence"/>: the line lost its no-break spaces, and a space that would be the
    /// last byte of a character is read as one too. Linear in the line's length.
    /// </summary>
    public static bool LineLostNoBreakSpaces(string text, int lineStart, int lineEnd)
    {
        for (int k = text.IndexOf(' ', lineStart, lineEnd - lineStart); k >= 0 && k + 1 < lineEnd; k = text.IndexOf(' ', k + 1, lineEnd - k - 1))
        {
            if (k > lineStart && text[k - 1] >= 0x80 && Completes(text, Math.Max(lineStart, k - ShiftJisWindow), k, lineEnd) == Completion.Evidence)
            {
                return true;
            }
        }

        return false;
    }

    private static Completion CompletesUtf8(CodePage page, int space, string text, int tokenStart, int spaceIndex, int lineEnd)
    {
        if (!IsContinuation(space))
        {
            return Completion.None;
        }

        int last = SingleByte(page, text[spaceIndex - 1]);
        int after = spaceIndex + 1 < lineEnd ? text[spaceIndex + 1] : -1;
        if (last is >= LeadFirst and <= LeadLast)
        {
            // Lead, the space, and the character after the space as the last byte.
            int third = after >= 0 ? SingleByte(page, (char)after) : -1;
            return IsContinuation(third) && IsCharacter(last, space, third) ? Completion.Evidence : Completion.None;
        }

        int lead = spaceIndex - 2 >= tokenStart ? SingleByte(page, text[spaceIndex - 2]) : -1;
        if (!IsContinuation(last) || lead is < LeadFirst or > LeadLast || !IsCharacter(lead, last, space))
        {
            return Completion.None;
        }

        // The space as the last byte: what follows it tells a lost no-break space from a separator.
        int next = after >= 0x80 ? SingleByte(page, (char)after) : -1;
        // Before a closing mark ("è°¢è°¢ä½ !" for 谢谢你!) the space separates nothing in either language, and reading
        // it away loses no word boundary.
        return next is >= NextLeadFirst and <= NextLeadLast ? Completion.Evidence
            : after is ' ' or '\t' || ClosingMarks.Contains((char)after) ? Completion.KeepsSeparator
            : Completion.Unproven;
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
