namespace TextRepair.Analysis.Decoding;

// The byte slots LayerUndo encodes a text into, and what its true decoders may assume of the wrong decoder's losses.
internal static partial class LayerUndo
{
    // The byte slots of a text: a pooled array and how many are used.
    private struct Slots(int[] items)
    {
        public readonly int[] Items = items;
        public int Count;

        // The byte the wrong decoder reads as a no-break space, which a space inside a character may stand for (see
        // NoBreakSpace); -1 when it has none.
        public int NoBreakByte = -1;

        // True when the wrong decoder has continuation bytes it cannot read, which a reader that ignores them dropped:
        // a UTF-8 character cut short inside the text lost them (CodePage.DropsContinuationBytes). Also for a
        // double-byte page, whose reader that ignores errors drops a byte of a pair it cannot read (Python's GBK reader
        // drops the first byte of a pair in its user-defined rows, A6 of E8 A6 81, 要; session 43).
        public bool ContinuationMayBeDropped;

        // True when the wrong decoder is a double-byte page, whose reader that ignores errors drops the lead of a pair it
        // cannot read: continuation bytes with no lead before them lost it.
        public bool LeadMayBeDropped;

        // True when each lost slot is exactly one byte (a single-byte decoder's mark or U+FFFD), so a lost slot inside a
        // UTF-8 character is one of its bytes; a double-byte decoder's mark may stand for a stretch of bytes.
        public bool LostSlotIsOneByte;

        // True when a lost slot may be any lead byte of the true encoding (a double-byte wrong decoder lost it, see
        // MayHaveLostLeadsOnly), not only one of 0x80-0x9F (a single-byte decoder's).
        public bool AnyLeadMayBeLost;

        // True when a UTF-8 wrong decoder read double-byte text and each island of characters it kept after a loss is
        // read from the byte the text shows it begins at (see IslandOpensWithTrail).
        public bool IslandsAligned;

        // True when the wrong decoder read UTF-16 units and lost whole ones (a lone surrogate), a byte alone only at the
        // end: a UTF-16 true decoder reads a lost slot as one unit, not as a lost byte that takes the next byte with it.
        // Read so, the units after a loss went one byte out of step, and text of one Unicode block came back as itself
        // shifted by one character ("�Москва\n����僭", utf-16be decoded as utf-16le, became "�оскваЊ����"). Under
        // another layer a mark is a whole character, written as two slots (Encode).
        public bool LostSlotIsUnit;

        public void Add(int value) => Items[Count++] = value;

        public readonly int this[int index] => Items[index];
    }

    // True when some byte of 0x80..0xBF is a character alone in the page (Shift-JIS's half-width katakana A1..BF): a
    // continuation byte without its lead is then that character re-encoded, not the rest of a pair whose lead a reader
    // dropped (read so, clean half-width fields beside kanji, "使用,ﾊﾟｯｹｰｼﾞ", were flagged lossy; session 43).
    private static bool HasSingleContinuationBytes(CodePage page)
    {
        for (int b = 0x80; b < 0xC0; b++)
        {
            if (page.IsStrictSingle(b))
            {
                return true;
            }
        }

        return false;
    }
}
