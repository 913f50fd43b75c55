namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The result of undoing one layer of mojibake on a text: the new text and the boundaries where old and new text
/// correspond. Between two consecutive boundaries the old text was re-encoded and decoded as a whole (a group); groups
/// whose bytes are not valid in the true encoding are kept as they were.
/// </summary>
/// <param name="Text">The text after the layer was undone.</param>
/// <param name="OldBounds">Group boundaries in the old text, ascending, from 0 to its length.</param>
/// <param name="NewBounds">The same boundaries in <paramref name="Text"/>.</param>
/// <param name="Changed">Groups whose text changed.</param>
/// <param name="Invalid">Groups kept because their bytes are invalid in the true encoding (or not encodable).</param>
/// <param name="Lost">Characters written as U+FFFD because their bytes were lost.</param>
internal sealed record LayerResult(string Text, int[] OldBounds, int[] NewBounds, int Changed, int Invalid, int Lost)
{
    /// <summary>Characters beyond ASCII of the old text (U+FFFD included).</summary>
    public int NonAscii { get; init; }

    /// <summary>Characters beyond ASCII of the old text in groups decoded without a lost byte (see <see cref="LayerUndo.ShownByLossFreeText"/>).</summary>
    public int LossFreeNonAscii { get; init; }

    /// <summary>The same, in groups that changed (see <see cref="LayerUndo.ShownByLossFreeText"/>).</summary>
    public int ChangedLossFreeNonAscii { get; init; }
}

/// <summary>
/// Undoes one layer "written in <c>trueEncoding</c>, read as <c>wrongDecoder</c>": re-encodes each character with the
/// wrong decoder and decodes the bytes with the true encoding, group by group (a group ends where a character boundary
/// and a decoded-unit boundary coincide). U+FFFD produced by the wrong decoder stands for lost bytes; the true
/// decoding writes one U+FFFD for each character it cannot complete because of them. Linear in the text's length;
/// allocates the new text and the boundary arrays. Thread-safe.
/// </summary>
internal static partial class LayerUndo
{
    // Byte slots that are no byte: a lost stretch of bytes (U+FFFD of the wrong decoder) and a character the wrong
    // decoder cannot encode (kept as it is).
    private const int LostByte = -1;
    private const int Opaque = -2;

    /// <summary>True when <paramref name="wrongDecoder"/> can produce every non-ASCII character of <paramref name="text"/>.</summary>
    public static bool CanEncodeAll(Codec wrongDecoder, ReadOnlySpan<char> text)
    {
        if (wrongDecoder.Kind != CodecKind.Table)
        {
            return true;
        }

        CodePage page = wrongDecoder.Page;
        foreach (char c in text)
        {
            if (c >= 0x80 && c != '\uFFFD' && !page.CanEncode(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="text"/> has a loss mark of <paramref name="wrongDecoder"/> (<see cref="Codec.IsLossMark"/>)
    /// right after a non-ASCII character, and the decoder is a code page: double-byte decoders write the mark for a byte
    /// they cannot decode, and text a single-byte decoder read was often stored in a narrower code page afterwards,
    /// whose encoder wrote the mark for each character it lacks (windows-1252's – and ‡ in an ISO-8859-1 column), so the
    /// mark may stand for a lost byte. Both readings are tried; the language model decides (session 18: a UTF-8 line read
    /// as windows-1252 and stored as ISO-8859-1 is flagged and recovered more often, and no output of the evaluation's
    /// framework-garbled set changed).
    /// </summary>
    public static bool MayHaveLostMarks(ReadOnlySpan<char> text, Codec wrongDecoder)
    {
        if (wrongDecoder.Kind != CodecKind.Table)
        {
            return false;
        }

        // Vectorized search for the marks ('?' is also a question mark, so most hits are checked and passed over).
        for (int i = text.IndexOfAny(wrongDecoder.LossMarks); i >= 0; i = text[(i + 1)..].IndexOfAny(wrongDecoder.LossMarks) is int next and >= 0 ? i + 1 + next : -1)
        {
            if (i > 0 && text[i - 1] >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="text"/> read by <paramref name="wrongDecoder"/> may have lost lead bytes alone, so
    /// that a layer with <paramref name="trueEncoding"/> is worth undoing both ways (<see cref="LayerStep.LostLeadOnly"/>):
    /// the text has U+FFFD, both are double-byte code pages. A double-byte reader that meets a lead byte whose pair it
    /// cannot read writes a loss for the lead alone and reads the trail as the next lead where Python's readers do
    /// (Big5 subtitles read as GBK: 的很好看 is "�韩堞n" there, AA lost and BA AB read as 韩), and for the whole pair
    /// where .NET's and the browsers' do; which one wrote the text only the readings can tell, so both are read and the
    /// language model ranks them. A UTF-8 true encoding needs no second reading: its continuation bytes show where a
    /// character resumes (<see cref="LostRunEndsCharacter"/>). A UTF-8 wrong decoder of double-byte text is read the
    /// second way too: there each island of characters it kept after a loss may open with the trail of a lead it lost,
    /// decided island by island (see IslandOpensWithTrail).
    /// </summary>
    public static bool MayHaveLostLeadsOnly(string text, Codec trueEncoding, Codec wrongDecoder) =>
        MayLoseLeadsOnly(trueEncoding, wrongDecoder) && text.Contains('\uFFFD', StringComparison.Ordinal);

    /// <summary>
    /// The pair test of <see cref="MayHaveLostLeadsOnly"/>, for a caller that has already found U+FFFD in the text
    /// (the lattice tests it once per state, not once per pair).
    /// </summary>
    public static bool MayLoseLeadsOnly(Codec trueEncoding, Codec wrongDecoder) =>
        (wrongDecoder.IsDoubleByte || wrongDecoder.Kind == CodecKind.Utf8) && trueEncoding.IsDoubleByte;

    /// <summary>
    /// Undoes one layer on <paramref name="text"/>; null when no group changes. With <paramref name="marksLost"/>
    /// the wrong decoder's loss mark right after a non-ASCII character is read as a lost byte (see <see cref="MayHaveLostMarks"/>).
    /// With <paramref name="marksAreCharacters"/> (a layer under another) each U+FFFD is a whole character of the
    /// wrong decoder's output that the outer layer lost. With <paramref name="otherLayout"/> the wrong decoder's characters
    /// are encoded as its other implementation writes them (<see cref="CodePage.AddOtherLayout"/>). With
    /// <paramref name="lostLeadOnly"/> each lost slot of a double-byte wrong decoder is one byte, a lead whose trail
    /// it then read as the next lead, and of a UTF-8 wrong decoder may end in a lead whose trail opens the island of
    /// characters after it (see <see cref="MayHaveLostLeadsOnly"/>).
    /// </summary>
    public static LayerResult? Undo(string text, Codec trueEncoding, Codec wrongDecoder, bool marksLost = false, bool marksAreCharacters = false, bool otherLayout = false, bool lostLeadOnly = false)
    {
        var buffers = Buffers.For(text.Length);
        var bytes = new Slots(buffers.Bytes);
        int[] charStart = buffers.CharStart;
        char[] output = buffers.Output;
        int[] oldBounds = buffers.OldBounds;
        int[] newBounds = buffers.NewBounds;
        try
        {
            Encode(text, wrongDecoder, marksLost, marksAreCharacters, otherLayout, ref bytes, charStart);
            // A space stands for the wrong decoder's no-break-space byte only inside a UTF-8 or a Shift-JIS character, the
            // characters the scanner joins at a space for (NoBreakSpace.Completes). As a GBK trail 0xA0 makes
            // rare characters of the extension rows, and a clean accented word before a space joined the mojibake
            // after it: "Café ±±¾©" (北京 in GBK read as Latin-1) became "Caf闋北京", é and the space read as E9 A0.
            bytes.NoBreakByte = trueEncoding.Kind == CodecKind.Utf8 || trueEncoding == Codec.ShiftJis ? NoBreakSpace.ByteOf(wrongDecoder) : -1;
            // A double-byte reader's dropped bytes are read only in the outer layer (the last reading undone first): in
            // the layers under it, every text a lattice of three layers tries would read as some text and a loss, and
            // clean rows of symbols ("｡｢｣､･ｦｧｨ", "ƒˆŠŒšœŸª") were flagged lossy by such chains (clean charts, dev half).
            // Nor where the text shows the reader's marks (U+FFFD, or its '?' after a character beyond ASCII): a reader
            // that writes marks for what it cannot read drops nothing silently, and a character cut short before its
            // mark is the mark's loss ("确定按钂?" for 确定按钮 is "确定按�", not "确定按�?").
            bool dropsPairs = wrongDecoder.IsDoubleByte && !marksAreCharacters && !text.Contains('\uFFFD', StringComparison.Ordinal) && !MayHaveLostMarks(text, wrongDecoder);
            bytes.ContinuationMayBeDropped = wrongDecoder.Kind == CodecKind.Table && (wrongDecoder.Page.DropsContinuationBytes || dropsPairs);
            bytes.LeadMayBeDropped = dropsPairs && !HasSingleContinuationBytes(wrongDecoder.Page);
            bytes.LostSlotIsOneByte = wrongDecoder.IsSingleByte || (wrongDecoder.IsDoubleByte && lostLeadOnly);
            bytes.AnyLeadMayBeLost = lostLeadOnly && wrongDecoder.IsDoubleByte;
            bytes.IslandsAligned = lostLeadOnly && wrongDecoder.Kind == CodecKind.Utf8;
            bytes.LostSlotIsUnit = wrongDecoder.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be && !marksAreCharacters;
            int bounds = 1, written = 0, changed = 0, invalid = 0, lost = 0, nonAscii = 0, lossFree = 0, changedLossFree = 0;
            oldBounds[0] = newBounds[0] = 0;
            int groupStart = 0, groupOut = 0, groupLost = 0;
            bool groupInvalid = false;
            int c = 0, position = 0;
            while (position < bytes.Count)
            {
                int length = DecodeUnit(trueEncoding, ref bytes, position, output, ref written, out bool valid, out bool lostUnit);
                groupInvalid |= !valid;
                groupLost += lostUnit ? 1 : 0;
                position += length;
                while (charStart[c + 1] < position)
                {
                    c++;
                }

                if (charStart[c + 1] != position)
                {
                    continue;
                }

                c++;
                if (c < text.Length && char.IsLowSurrogate(text[c]) && char.IsHighSurrogate(text[c - 1]))
                {
                    // Never between the halves of a surrogate pair: a group that changed one half would leave the
                    // other alone (UTF-8 writes a pair as one four-byte sequence, and a true decoder's units can end
                    // inside it).
                    continue;
                }

                ReadOnlySpan<char> old = text.AsSpan(groupStart, c - groupStart);
                int beyondAscii = old.Length - CountAscii(old);
                nonAscii += beyondAscii;
                lossFree += groupInvalid || groupLost > 0 ? 0 : beyondAscii;
                if (groupInvalid)
                {
                    // Kept as it was.
                    old.CopyTo(output.AsSpan(groupOut));
                    written = groupOut + old.Length;
                    invalid++;
                }
                else
                {
                    bool groupChanged = !old.SequenceEqual(output.AsSpan(groupOut, written - groupOut));
                    changed += groupChanged ? 1 : 0;
                    changedLossFree += groupChanged && groupLost == 0 ? beyondAscii : 0;
                    lost += groupLost;
                }

                oldBounds[bounds] = c;
                newBounds[bounds] = written;
                bounds++;
                groupStart = c;
                groupOut = written;
                groupInvalid = false;
                groupLost = 0;
            }

            return changed == 0 ? null : new LayerResult(new string(output, 0, written), oldBounds[..bounds], newBounds[..bounds], changed, invalid, lost)
            {
                NonAscii = nonAscii,
                LossFreeNonAscii = lossFree,
                ChangedLossFreeNonAscii = changedLossFree,
            };
        }
        finally
        {
            buffers.Release();
        }
    }

    /// <summary>
    /// True when a layer under another (the text it read is the outer layer's output) is shown by text it decodes
    /// without a lost byte: at least <see cref="MinLossFreeShare"/> of the characters beyond ASCII it reads are in
    /// groups with no U+FFFD. A lost character of the outer layer's output decodes to U+FFFD under any chain, and takes
    /// the bytes next to it along, so where most of the text is lost every deep chain reads it "exactly"; the language
    /// model then prefers the chain that merges the most characters into the fewest losses, and one real character
    /// between them is a guess. For the same reason the layer must change at least <see cref="MinLossFreeChanged"/>
    /// characters outside the losses: one character read as another beside a loss is the language model's preference
    /// for a commoner character, not a chain.
    /// </summary>
    public static bool ShownByLossFreeText(LayerResult layer) =>
        layer.Lost == 0
        || (layer.LossFreeNonAscii >= layer.NonAscii * MinLossFreeShare && layer.ChangedLossFreeNonAscii >= MinLossFreeChanged);

    /// <summary>
    /// Characters a deeper layer with losses must change outside them (see <see cref="ShownByLossFreeText"/>). Two:
    /// 오늘은 날씨가 좋네요 in UTF-8 read by Python as GBK loses a byte in each word; its second word, "雮犾敤臧�", read
    /// as UTF-8 read as UTF-16LE is five characters with a loss, and a layer under that changing one of them ("馳rde�",
    /// by Shift-JIS read as Big5) won. With two asked, tools/probe-per-byte-readers.py's lines given an invented
    /// character went from 8 to 7 and no output of the evaluation sets changed.
    /// </summary>
    internal const int MinLossFreeChanged = 2;

    /// <summary>
    /// Share of a deeper layer's text beyond ASCII that must be read without a loss (see <see cref="ShownByLossFreeText"/>).
    /// Half: UTF-8 read as Big5 by Python (which writes U+FFFD for each byte it cannot read) keeps 2 characters of 7
    /// in "修���个��" (修复了一个错误), which three-layer chains under it read as "芬����" (one character and four
    /// losses, likelier than the truth by its length alone). In tools/probe-per-byte-readers.py's 490 lines of our own
    /// writing garbled by Python's codecs, lines given a character that is neither in the original nor in the input
    /// went from 69 to 13 (UTF-8 read as Big5: 26 to 2 of 40, as EUC-KR: 21 to 0 of 35); the evaluation's dev half kept
    /// its flags (834) and gained one best text, since such readings still flag the token (Candidate.TextShown). The
    /// evaluation's chains of two and three layers are lossless and read everything without a loss.
    /// </summary>
    internal const double MinLossFreeShare = 0.5;

    private static int CountAscii(ReadOnlySpan<char> text)
    {
        int ascii = 0;
        foreach (char c in text)
        {
            ascii += c < 0x80 ? 1 : 0;
        }

        return ascii;
    }

    private static void Encode(string text, Codec wrongDecoder, bool marksLost, bool marksAreCharacters, bool otherLayout, ref Slots bytes, int[] charStart)
    {
        bool markRun = false;
        int plainRunEnd = 0;
        bool single = wrongDecoder.IsSingleByte;
        for (int i = 0; i < text.Length; i++)
        {
            charStart[i] = bytes.Count;
            char c = text[i];

            // A loss mark right after a non-ASCII character stands for a lost byte, and so does every mark of a run
            // that begins so: each mark is one byte of a single-byte decoder (windows-1252 text stored as ISO-8859-1,
            // "æ??" for 文, E6 96 87) and at least one byte of a double-byte one. A double-byte decoder also loses lead
            // bytes, so there a run of marks right before a non-ASCII character is lost too: UTF-8 read as Big5 by a
            // reader that writes U+FFFD for each byte it cannot read, then stored as Big5, is "??冽?瑞?餃????????"
            // (用户登录成功), "??湔?啗秩" (更新说明). A single-byte decoder loses only bytes of 0x80-0x9F, which
            // begin no UTF-8 character. Both readings of the token are tried (see MayHaveLostMarks).
            bool mark = marksLost && wrongDecoder.IsLossMark(c);
            if (mark && !single && !markRun && i >= plainRunEnd)
            {
                markRun = RunPrecedesNonAscii(text, i, wrongDecoder, out plainRunEnd);
            }

            markRun = mark && ((i > 0 && text[i - 1] >= 0x80) || markRun);
            if (c == '\uFFFD' || markRun)
            {
                bytes.Add(LostByte);
                if (marksAreCharacters && c == '\uFFFD' && wrongDecoder.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be)
                {
                    // Under another layer, U+FFFD is a character the outer layer's undoing could not complete, and a
                    // UTF-16 reader's character is two bytes ("淇�澶嶄簡", UTF-8 read as GBK with a byte lost, undone
                    // is "�复了"; with that mark one byte wide, a byte-swapped UTF-16 reading under it went out of step
                    // with its units and read "�妆"). In the token itself the mark keeps one slot: a UTF-16 reader
                    // writes it for an odd byte at the end too, and the true decoder's lost stretch covers the rest
                    // (a UTF-16 true decoder reads it as a whole unit, see Slots.LostSlotIsUnit).
                    bytes.Add(LostByte);
                }

                continue;
            }

            switch (wrongDecoder.Kind)
            {
                case CodecKind.Table:
                    CodePage page = wrongDecoder.Page;
                    if (!page.CanEncode(c))
                    {
                        bytes.Add(Opaque);
                    }
                    else
                    {
                        int value = page.EncodedValue(c, otherLayout);
                        if (value >= 0x100)
                        {
                            bytes.Add(value >> 8);
                        }

                        bytes.Add(value & 0xFF);
                    }

                    break;
                case CodecKind.Utf8:
                    EncodeUtf8(text, ref i, ref bytes, charStart);
                    break;
                default:
                    bool bigEndian = wrongDecoder.Kind == CodecKind.Utf16Be;
                    bytes.Add(bigEndian ? c >> 8 : c & 0xFF);
                    bytes.Add(bigEndian ? c & 0xFF : c >> 8);
                    break;
            }
        }

        charStart[text.Length] = bytes.Count;
    }

    // True when the run of the wrong decoder's loss marks at i is followed by a character beyond ASCII (not U+FFFD, a
    // mark of its own); end is where the run ends, so that the run is read once (Encode asks again only past it).
    private static bool RunPrecedesNonAscii(string text, int i, Codec wrongDecoder, out int end)
    {
        end = i;
        while (end < text.Length && wrongDecoder.IsLossMark(text[end]))
        {
            end++;
        }

        return end < text.Length && text[end] >= 0x80 && text[end] != '\uFFFD';
    }

    private static void EncodeUtf8(string text, ref int i, ref Slots bytes, int[] charStart)
    {
        char c = text[i];
        if (c < 0x80)
        {
            bytes.Add(c);
        }
        else if (c < 0x800)
        {
            bytes.Add(0xC0 | (c >> 6));
            bytes.Add(0x80 | (c & 0x3F));
        }
        else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            int cp = char.ConvertToUtf32(c, text[i + 1]);
            bytes.Add(0xF0 | (cp >> 18));
            bytes.Add(0x80 | ((cp >> 12) & 0x3F));
            bytes.Add(0x80 | ((cp >> 6) & 0x3F));
            i++;
            charStart[i] = bytes.Count;
            bytes.Add(0x80 | (cp & 0x3F));
        }
        else if (char.IsSurrogate(c))
        {
            bytes.Add(Opaque);
        }
        else
        {
            bytes.Add(0xE0 | (c >> 12));
            bytes.Add(0x80 | ((c >> 6) & 0x3F));
            bytes.Add(0x80 | (c & 0x3F));
        }
    }
}
