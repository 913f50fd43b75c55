namespace TextRepair.Analysis.Decoding;

// The true decoders of LayerUndo: one unit of byte slots at a time, into a character buffer.
internal static partial class LayerUndo
{
    // Decodes one unit at position; returns its length in slots (at least 1). An invalid unit is one slot long, so
    // decoding resynchronises on the next byte.
    private static int DecodeUnit(Codec codec, ref Slots bytes, int position, char[] output, ref int written, out bool valid, out bool lost)
    {
        int b = bytes[position];
        valid = true;
        lost = false;
        if (b == Opaque)
        {
            valid = false;
            return 1;
        }

        return codec.Kind switch
        {
            CodecKind.Table => DecodeTable(codec.Page, ref bytes, position, output, ref written, ref valid, ref lost),
            CodecKind.Utf8 => DecodeUtf8(ref bytes, position, output, ref written, ref valid, ref lost),
            _ => DecodeUtf16(codec.Kind == CodecKind.Utf16Be, ref bytes, position, output, ref written, ref valid, ref lost),
        };
    }

    private static int DecodeTable(CodePage page, ref Slots bytes, int position, char[] output, ref int written, ref bool valid, ref bool lost)
    {
        int b = bytes[position];
        if (b == LostByte)
        {
            output[written++] = '\uFFFD';
            lost = true;
            return (bytes.IslandsAligned ? IslandOpensWithTrail(page, ref bytes, position) : LostLeadTakesTrail(page, ref bytes, position)) ? 2 : 1;
        }

        char single = page.DecodeSingle(b);
        if (single != '\uFFFF')
        {
            output[written++] = single;
            return 1;
        }

        if (page.IsDoubleByte && position + 1 == bytes.Count && b >= 0x81)
        {
            // A lead byte cut off at the end: its trail byte was lost.
            output[written++] = '\uFFFD';
            lost = true;
            return 1;
        }

        if (page.IsDoubleByte && position + 1 < bytes.Count)
        {
            int trail = bytes[position + 1];
            if (trail == LostByte)
            {
                output[written++] = '\uFFFD';
                lost = true;
                return 2;
            }

            if (trail == ' ' && bytes.NoBreakByte >= 0 && page.DecodeDouble(b, bytes.NoBreakByte) != '\uFFFF')
            {
                // A no-break space that became a space, as the trail byte of a lead (NoBreakSpace).
                trail = bytes.NoBreakByte;
            }

            char pair = page.DecodeDouble(b, trail);
            if (pair != '\uFFFF')
            {
                output[written++] = pair;
                return 2;
            }

            if (EndsCharacter(trail) && FollowsDoubleByteCharacter(page, ref bytes, position))
            {
                // A lead cut off before its context, right after a character of the same code page: a truncated field
                // followed by what the program wrote after it ("ÖÐÎ" before ".txt"), its trail lost as at the token's end.
                output[written++] = '\uFFFD';
                lost = true;
                return 1;
            }
        }

        valid = false;
        return 1;
    }

    /// <summary>
    /// Bytes below this value end a character of every multi-byte encoding of the matrix but UTF-16: ASCII from 0x00 to
    /// 0x3F (controls, space, digits, punctuation such as <c>. , " / : ( )</c>) is no UTF-8 continuation byte and no
    /// trail byte of GBK, Big5, Shift-JIS, EUC-JP or EUC-KR (their trails start at 0x40 or higher). A character cut
    /// short by such a byte lost the rest of its bytes, as one cut off at the token's end did: it is a truncated field
    /// followed by its context (a file name's extension, a CSV delimiter, a closing quote). Letters from 0x40 are trail
    /// bytes of the double-byte code pages and are left out.
    /// </summary>
    private const int EndsAnyCharacter = 0x40;

    // True when b ends a character cut short by it (see EndsAnyCharacter). Not '?', which framework decoders write for
    // a lost byte: a character cut short by it is read by the reading that takes the mark for its lost bytes
    // (LayerUndo.MarkLost), as one lost character ("按\uFFFD" for 钮's E9 92 and the '?' of its last byte), not as a
    // loss and a question mark.
    private static bool EndsCharacter(int b) => b is >= 0 and < EndsAnyCharacter and not '?';

    /// <summary>
    /// Bytes of a UTF-8 character, lead included, that must be there for one cut short by <see cref="EndsAnyCharacter"/>
    /// to count as lost: a lead and a continuation byte are a structure a wrong chain rarely makes by chance, but a lead
    /// byte alone before ASCII is what every accented Latin-1 letter before a space or a full stop is under a UTF-8
    /// reading ("é." in clean French). A truncation drops the last byte, so a CJK character (three bytes) cut short keeps two.
    /// </summary>
    private const int MinCutOffUtf8Bytes = 2;

    // True when the two slots before position hold a character of the double-byte page (a lead and its trail): the lead
    // at position follows text that the page reads, so a byte that ends it is the field's end, not a lone high byte of
    // clean Latin-1 text ("é." under GBK).
    private static bool FollowsDoubleByteCharacter(CodePage page, ref Slots bytes, int position) =>
        position >= 2 && bytes[position - 2] >= 0x81 && bytes[position - 1] >= EndsAnyCharacter
        && page.DecodeSingle(bytes[position - 2]) == '\uFFFF' && page.DecodeDouble(bytes[position - 2], bytes[position - 1]) != '\uFFFF';

    // A single-byte reader loses only bytes of 0x80-0x9F (windows-1252's undefined 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which
    // strict readers write U+FFFD for; what it has beyond ISO-8859-1, which a narrower store writes '?' for), and in
    // Shift-JIS, GBK, Big5 (code page 950) and UHC every such byte but 0x80 is a lead: a lost slot where a character
    // begins is a lead byte, and the byte after it, when it can be a trail, is the rest of the same lost character
    // (ー is 81 5B in Shift-JIS: "�[" read by a strict windows-1252 reader is one lost character, not � and '[').
    // 0x81 stands for the lost lead: the trail ranges of these code pages do not depend on the lead. EUC-JP has no
    // lead in that range (0x81 is no lead there), so nothing is taken.
    private static bool LostLeadTakesTrail(CodePage page, ref Slots bytes, int position)
    {
        if (!page.IsDoubleByte || !bytes.LostSlotIsOneByte || position + 1 >= bytes.Count)
        {
            return false;
        }

        int trail = bytes[position + 1];
        return trail >= 0 && (IsTrailOf(page, LostLeadStandIn, trail) || (bytes.AnyLeadMayBeLost && IsTrailOf(page, RowLeadStandIn, trail)));
    }

    // True when lead is a lead byte of the page and trail completes a character with it.
    private static bool IsTrailOf(CodePage page, int lead, int trail) =>
        page.DecodeSingle(lead) == '\uFFFF' && page.DecodeDouble(lead, trail) != '\uFFFF';

    // See LostLeadTakesTrail.
    private const int LostLeadStandIn = 0x81;

    // The lost lead of a double-byte reader may be any lead (see LayerUndo.MayHaveLostLeadsOnly): 0xB0, the first row
    // of Han characters in GB2312 and EUC-JP (and a lead in Big5 and EUC-KR), stands in for it where 0x81 is no lead.
    private const int RowLeadStandIn = 0xB0;

    // One U+FFFD for the slot at position and the continuation bytes after it, up to span slots in all; their count.
    private static int LoseWithContinuations(ref Slots bytes, int position, int span, char[] output, ref int written, ref bool lost)
    {
        int end = position + 1;
        while (end < bytes.Count && end - position < span && bytes[end] is >= 0x80 and < 0xC0)
        {
            end++;
        }

        output[written++] = '\uFFFD';
        lost = true;
        return end - position;
    }

    private static int DecodeUtf8(ref Slots bytes, int position, char[] output, ref int written, ref bool valid, ref bool lost)
    {
        int b = bytes[position];
        if (b == LostByte)
        {
            // A lost stretch and the continuation bytes after it are one lost character.
            return LoseWithContinuations(ref bytes, position, 4, output, ref written, ref lost);
        }

        if (b < 0x80)
        {
            output[written++] = (char)b;
            return 1;
        }

        int need = b switch { >= 0xC2 and < 0xE0 => 2, >= 0xE0 and < 0xF0 => 3, >= 0xF0 and < 0xF5 => 4, _ => 0 };
        if (need == 0 && b is >= 0x80 and < 0xC0 && bytes.LeadMayBeDropped)
        {
            // Continuation bytes whose lead a double-byte reader that ignores errors dropped (Python's Big5 and EUC-KR
            // readers drop the lead of a pair they cannot read, E4..E9 before a trail of 0x80..0xA0): one lost character.
            return LoseWithContinuations(ref bytes, position, 3, output, ref written, ref lost);
        }

        if (need == 0)
        {
            valid = false;
            return 1;
        }

        int cp = b & (0x7F >> need);
        for (int k = 1; k < need; k++)
        {
            if (position + k >= bytes.Count)
            {
                // Cut off at the end: the rest of the character's bytes were lost (a truncated field).
                output[written++] = '\uFFFD';
                lost = true;
                return k;
            }

            int next = bytes[position + k];
            if (next == LostByte)
            {
                // Bytes lost inside the character: the lost stretch stands for at least one of its bytes, and the
                // continuation bytes after it, up to the character's length, are the rest of it (GBK's reader writes
                // U+FFFD for a lead byte with an invalid trail and reads the trail as the next lead: "瀹夎�呭寘" for
                // 安装包 keeps 装's last byte in 呭).
                int end = position + k + 1;
                while (end < bytes.Count && end - position < need && (bytes[end] is >= 0x80 and < 0xC0 || (bytes[end] == LostByte && (bytes.LostSlotIsOneByte || LostRunEndsCharacter(ref bytes, end, position + need)))))
                {
                    end++;
                }

                output[written++] = '\uFFFD';
                lost = true;

                // Continuation bytes still after the character are the rest of the next one, whose lead byte the same
                // stretch took (one mark for a lead byte and its invalid trail: コンテンツ read as Shift-JIS is
                // "繧ｳ繝ｳ繝・Φ繝・", where '・' took テ's last byte and ン's first, and Φ is the rest of ン).
                int rest = end;
                while (rest < bytes.Count && rest - end < 3 && bytes[rest] is >= 0x80 and < 0xC0)
                {
                    rest++;
                }

                if (rest > end)
                {
                    output[written++] = '\uFFFD';
                }

                return rest - position;
            }

            if (next == ' ' && bytes.NoBreakByte is >= 0x80 and < 0xC0)
            {
                // A no-break space that became a space, where a continuation byte is expected (NoBreakSpace).
                next = bytes.NoBreakByte;
            }

            if (next is < 0x80 or >= 0xC0)
            {
                if (k >= MinCutOffUtf8Bytes && EndsCharacter(next))
                {
                    // Cut short before its context: a truncated field followed by what the program wrote after it
                    // ("µï" before ".txt" or a closing quote), the rest of the character's bytes lost as at the token's end.
                    output[written++] = '\uFFFD';
                    lost = true;
                    return k;
                }

                if (bytes.ContinuationMayBeDropped)
                {
                    // Cut short inside the text by a reader that dropped the bytes it cannot read ("ä¸è¦" for 不要,
                    // E4 B8 8D E8 A6 81, read as windows-1252 ignoring 0x8D and 0x81): the character lost them.
                    output[written++] = '\uFFFD';
                    lost = true;
                    return k;
                }

                valid = false;
                return 1;
            }

            cp = (cp << 6) | (next & 0x3F);
        }

        bool shortest = need switch { 3 => cp >= 0x800, 4 => cp is >= 0x10000 and <= 0x10FFFF, _ => true };
        if (!shortest || cp is >= 0xD800 and < 0xE000)
        {
            valid = false;
            return 1;
        }

        if (cp == 0xFFFD)
        {
            lost = true;
        }

        if (cp >= 0x10000)
        {
            output[written++] = (char)(0xD7C0 + (cp >> 10));
            output[written++] = (char)(0xDC00 | (cp & 0x3FF));
        }
        else
        {
            output[written++] = (char)cp;
        }

        return need;
    }

    // True when the lost stretches from slot on, up to the character's end (characterEnd, in slots when each stretch is
    // one byte), are followed by no continuation byte: each stretch stands for at least one byte, so when the
    // character still needs as many bytes as there are stretches and nothing after them can be its rest, they are all
    // its bytes (Python's GBK reader writes U+FFFD for each byte it cannot read: 检, E6 A3 80, before 查 is "锋��鏌",
    // one lost character, not two). A continuation byte after them is the rest of a character whose lead a stretch
    // took, which the caller reads as such.
    private static bool LostRunEndsCharacter(ref Slots bytes, int slot, int characterEnd)
    {
        int end = slot;
        while (end < bytes.Count && bytes[end] == LostByte)
        {
            end++;
        }

        return end <= characterEnd && (end == bytes.Count || bytes[end] is < 0x80 or >= 0xC0);
    }

    private static int DecodeUtf16(bool bigEndian, ref Slots bytes, int position, char[] output, ref int written, ref bool valid, ref bool lost)
    {
        if (bytes[position] == LostByte && bytes.LostSlotIsUnit)
        {
            output[written++] = '\uFFFD';
            lost = true;
            return 1;
        }

        if (position + 1 >= bytes.Count || bytes[position] < 0 || bytes[position + 1] < 0)
        {
            if (bytes[position] == LostByte || (position + 1 < bytes.Count && bytes[position + 1] == LostByte)
                || (position + 1 == bytes.Count && bytes[position] >= 0 && position > 0))
            {
                // A lost byte in the unit, or a unit cut off at the end (an odd number of bytes: a truncated field).
                output[written++] = '\uFFFD';
                lost = true;
                return Math.Min(2, bytes.Count - position);
            }

            valid = false;
            return 1;
        }

        char c = (char)(bigEndian ? (bytes[position] << 8) | bytes[position + 1] : bytes[position] | (bytes[position + 1] << 8));
        if (!char.IsSurrogate(c))
        {
            output[written++] = c;
            return 2;
        }

        if (char.IsHighSurrogate(c) && position + 3 < bytes.Count && bytes[position + 2] >= 0 && bytes[position + 3] >= 0)
        {
            char low = (char)(bigEndian ? (bytes[position + 2] << 8) | bytes[position + 3] : bytes[position + 2] | (bytes[position + 3] << 8));
            if (char.IsLowSurrogate(low))
            {
                output[written++] = c;
                output[written++] = low;
                return 4;
            }
        }

        valid = false;
        return 1;
    }
}
