using System.Buffers;

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
internal sealed record LayerResult(string Text, int[] OldBounds, int[] NewBounds, int Changed, int Invalid, int Lost);

/// <summary>
/// Undoes one layer "written in <c>trueEncoding</c>, read as <c>wrongDecoder</c>": re-encodes each character with the
/// wrong decoder and decodes the bytes with the true encoding, group by group (a group ends where a character boundary
/// and a decoded-unit boundary coincide). U+FFFD produced by the wrong decoder stands for lost bytes; the true
/// decoding writes one U+FFFD for each character it cannot complete because of them. Linear in the text's length;
/// allocates the new text and the boundary arrays. Thread-safe.
/// </summary>
internal static class LayerUndo
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
    /// True when <paramref name="text"/> has a '?' right after a non-ASCII character: the framework's double-byte
    /// decoders write '?' for a byte they cannot decode, so such a '?' may stand for a lost byte.
    /// </summary>
    public static bool MayHaveLostQuestionMarks(ReadOnlySpan<char> text)
    {
        for (int i = text.IndexOf('?'); i > 0; i = text[(i + 1)..].IndexOf('?') is int next and >= 0 ? i + 1 + next : -1)
        {
            if (text[i - 1] >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Undoes one layer on <paramref name="text"/>; null when no group changes. With <paramref name="questionMarksLost"/>
    /// a '?' right after a non-ASCII character is read as a lost byte (see <see cref="MayHaveLostQuestionMarks"/>).
    /// </summary>
    public static LayerResult? Undo(string text, Codec trueEncoding, Codec wrongDecoder, bool questionMarksLost = false)
    {
        // Working buffers from the pool: the bytes (at most 4 slots per character), where each character starts, the
        // output (at most one character per byte slot), and the boundaries.
        var bytes = new Slots(ArrayPool<int>.Shared.Rent((text.Length * 4) + 1));
        int[] charStart = ArrayPool<int>.Shared.Rent(text.Length + 1);
        char[] output = ArrayPool<char>.Shared.Rent((text.Length * 4) + 4);
        int[] oldBounds = ArrayPool<int>.Shared.Rent(text.Length + 1);
        int[] newBounds = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            Encode(text, wrongDecoder, questionMarksLost, ref bytes, charStart);
            int bounds = 1, written = 0, changed = 0, invalid = 0, lost = 0;
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
                ReadOnlySpan<char> old = text.AsSpan(groupStart, c - groupStart);
                if (groupInvalid)
                {
                    // Kept as it was.
                    old.CopyTo(output.AsSpan(groupOut));
                    written = groupOut + old.Length;
                    invalid++;
                }
                else
                {
                    changed += old.SequenceEqual(output.AsSpan(groupOut, written - groupOut)) ? 0 : 1;
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

            return changed == 0 ? null : new LayerResult(new string(output, 0, written), oldBounds[..bounds], newBounds[..bounds], changed, invalid, lost);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bytes.Items);
            ArrayPool<int>.Shared.Return(charStart);
            ArrayPool<char>.Shared.Return(output);
            ArrayPool<int>.Shared.Return(oldBounds);
            ArrayPool<int>.Shared.Return(newBounds);
        }
    }

    // The byte slots of a text: a pooled array and how many are used.
    private struct Slots(int[] items)
    {
        public readonly int[] Items = items;
        public int Count;

        public void Add(int value) => Items[Count++] = value;

        public readonly int this[int index] => Items[index];
    }

    private static void Encode(string text, Codec wrongDecoder, bool questionMarksLost, ref Slots bytes, int[] charStart)
    {
        for (int i = 0; i < text.Length; i++)
        {
            charStart[i] = bytes.Count;
            char c = text[i];
            if (c == '\uFFFD' || (questionMarksLost && c == '?' && i > 0 && text[i - 1] >= 0x80))
            {
                bytes.Add(LostByte);
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
                        int value = page.EncodedValue(c);
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
            return 1;
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

            char pair = page.DecodeDouble(b, trail);
            if (pair != '\uFFFF')
            {
                output[written++] = pair;
                return 2;
            }
        }

        valid = false;
        return 1;
    }

    private static int DecodeUtf8(ref Slots bytes, int position, char[] output, ref int written, ref bool valid, ref bool lost)
    {
        int b = bytes[position];
        if (b == LostByte)
        {
            // A lost stretch and the continuation bytes after it are one lost character.
            int end = position + 1;
            while (end < bytes.Count && end - position < 4 && bytes[end] is >= 0x80 and < 0xC0)
            {
                end++;
            }

            output[written++] = '\uFFFD';
            lost = true;
            return end - position;
        }

        if (b < 0x80)
        {
            output[written++] = (char)b;
            return 1;
        }

        int need = b switch { >= 0xC2 and < 0xE0 => 2, >= 0xE0 and < 0xF0 => 3, >= 0xF0 and < 0xF5 => 4, _ => 0 };
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
                output[written++] = '\uFFFD';
                lost = true;
                return k + 1;
            }

            if (next is < 0x80 or >= 0xC0)
            {
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

    private static int DecodeUtf16(bool bigEndian, ref Slots bytes, int position, char[] output, ref int written, ref bool valid, ref bool lost)
    {
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
