using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// The clean-text pre-scan: finds the first character that a wrong decoder could have produced and that clean text
/// rarely holds, so that lines without one skip the engine entirely. ASCII is skipped vectorised; other characters cost
/// one bit test in an 8 KiB table. <see cref="IndexOfSuspiciousOrUncommonLine"/> is the whole pre-scan of the
/// scanner in one pass (this test and <see cref="UncommonHan"/>'s). Allocates nothing; thread-safe.
/// </summary>
internal static class SuspiciousChars
{
    // Classes of IndexOfSuspiciousOrUncommonLine, one byte per UTF-16 unit: a suspicious character, a line break, a Han
    // character UncommonHan samples, and one it counts as uncommon. The bits are spaced so that the classes of four
    // characters (half a block of IndexOfSuspiciousOrUncommonLine) add up without carrying from one field into the
    // next: a character is at most one of suspicious and break, so the sum's bits 0-3 are zero exactly when none of the
    // four is either (at most 4 x 2), bits 4-6 count the Han characters (at most 4 x 16) and bits 7-9 the uncommon ones
    // (at most 4 x 128).
    private const byte SuspiciousClass = 1, BreakClass = 2, HanClass = 16, UncommonClass = 128;

    private const int SpecialSumMask = 15, HanSumShift = 4, HanSumMask = 7, UncommonSumShift = 7;

    private static readonly ulong[] s_bits = Build();

    private static readonly byte[] s_classes = BuildClasses();

    /// <summary>Index of the first suspicious character, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<char> text)
    {
        ref ulong bits = ref MemoryMarshal.GetArrayDataReference(s_bits);
        ref char start = ref MemoryMarshal.GetReference(text);
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            if (Unsafe.Add(ref start, i) < 0x80)
            {
                int skip = text[i..].IndexOfAnyExceptInRange('\0', '\u007F');
                if (skip < 0)
                {
                    return -1;
                }

                i += skip;
            }

            for (; i + 4 <= n; i += 4)
            {
                char c0 = Unsafe.Add(ref start, i);
                char c1 = Unsafe.Add(ref start, i + 1);
                char c2 = Unsafe.Add(ref start, i + 2);
                char c3 = Unsafe.Add(ref start, i + 3);
                ulong hit = (Unsafe.Add(ref bits, c0 >> 6) >> c0) | (Unsafe.Add(ref bits, c1 >> 6) >> c1)
                    | (Unsafe.Add(ref bits, c2 >> 6) >> c2) | (Unsafe.Add(ref bits, c3 >> 6) >> c3);
                if ((hit & 1) != 0 || (c0 | c1 | c2 | c3) < 0x80)
                {
                    break;
                }
            }

            int end = Math.Min(n, i + 4);
            for (; i < end; i++)
            {
                char c = Unsafe.Add(ref start, i);
                if (((Unsafe.Add(ref bits, c >> 6) >> c) & 1) != 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// Index of the first suspicious character (<see cref="IndexOf"/>), or of the start of the first line before it
    /// that is mostly uncommon Han (<see cref="UncommonHan.IsMostlyUncommon"/> on the line's first Han characters, up to
    /// that character); -1
    /// for clean text. Exactly the start of the first line of <c>text[..IndexOf(text)]</c> that is mostly uncommon
    /// when there is one, else <c>IndexOf(text)</c>, in one pass over the text instead of one pass and then one per
    /// line: one lookup per character in a 64 KiB class table, tested and counted eight characters at a time, and the
    /// counts of the line's first <see cref="UncommonHan.SampledHan"/> Han characters. Linear; allocates nothing.
    /// </summary>
    public static int IndexOfSuspiciousOrUncommonLine(ReadOnlySpan<char> text)
    {
        ref byte classes = ref MemoryMarshal.GetArrayDataReference(s_classes);
        ref char start = ref MemoryMarshal.GetReference(text);
        int n = text.Length, lineStart = 0, han = 0, uncommon = 0, i = 0;
        while (i < n)
        {
            // Eight characters at a time while none of them is suspicious or a line break, with two sums of four
            // classes: one test and two counts per eight characters instead of per character (measured on the whole
            // zh-CN help: about 0.85x the time of the loop per character). Exact while the eight fit in the line's
            // sample or the sample is full; a block that would overflow it goes one by one.
            for (; i + 8 <= n; i += 8)
            {
                int sum = Unsafe.Add(ref classes, Unsafe.Add(ref start, i)) + Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 1))
                    + Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 2)) + Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 3));
                int sum2 = Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 4)) + Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 5))
                    + Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 6)) + Unsafe.Add(ref classes, Unsafe.Add(ref start, i + 7));
                if (((sum | sum2) & SpecialSumMask) != 0)
                {
                    break;
                }

                if (han <= UncommonHan.SampledHan - 8)
                {
                    han += ((sum >> HanSumShift) & HanSumMask) + ((sum2 >> HanSumShift) & HanSumMask);
                    uncommon += (sum >> UncommonSumShift) + (sum2 >> UncommonSumShift);
                }
                else if (han < UncommonHan.SampledHan)
                {
                    break;
                }
            }

            // One by one to the first suspicious character or line break of the block (or through the last block, or
            // the one that fills the sample).
            for (int end = Math.Min(n, i + 8); i < end; i++)
            {
                int k = Unsafe.Add(ref classes, Unsafe.Add(ref start, i));
                if ((k & (SuspiciousClass | BreakClass)) != 0)
                {
                    // The line so far is the line UncommonHan judges: to its end, or to the suspicious character.
                    if (UncommonHan.IsMostlyUncommon(han, uncommon))
                    {
                        return lineStart;
                    }

                    if ((k & SuspiciousClass) != 0)
                    {
                        return i;
                    }

                    // A new line: back to blocks of eight from the character after the break.
                    lineStart = i + 1;
                    han = uncommon = 0;
                    i++;
                    break;
                }
                else if (han < UncommonHan.SampledHan)
                {
                    han += (k / HanClass) & 1;
                    uncommon += (k / UncommonClass) & 1;
                }
            }
        }

        return UncommonHan.IsMostlyUncommon(han, uncommon) ? lineStart : -1;
    }

    /// <summary>True for a suspicious character.</summary>
    public static bool Contains(char c) => ((s_bits[c >> 6] >> c) & 1) != 0;

    private static byte[] BuildClasses()
    {
        var classes = new byte[65536];
        for (int c = 0; c < classes.Length; c++)
        {
            bool han = c is >= UncommonHan.FirstSampled and <= UncommonHan.LastSampled;
            classes[c] = (byte)((Contains((char)c) ? SuspiciousClass : 0) | (c is '\n' or '\r' ? BreakClass : 0)
                | (han ? HanClass : 0) | (han && !UncommonHan.IsCommon((char)c) ? UncommonClass : 0));
        }

        return classes;
    }

    private static ulong[] Build()
    {
        var bits = new ulong[1024];
        void Mark(int c) => bits[c >> 6] |= 1UL << c;

        // Latin-1 and Latin Extended (what single-byte readers make of high bytes), but not the separators Chinese uses.
        for (int c = 0x80; c < 0x250; c++)
        {
            if (c is not (0xB7 or 0xD7 or 0xF7))
            {
                Mark(c);
            }
        }

        // What the single-byte readers of the matrix make of high bytes, except punctuation Chinese text uses itself.
        const string usual = "\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u2022\u00B7\u00D7\u00F7";
        foreach (Codec codec in Codec.WrongDecoders)
        {
            if (codec.IsSingleByte)
            {
                for (int b = 0x80; b < 0x100; b++)
                {
                    char c = codec.Page.DecodeSingle(b);
                    if (c != '\uFFFF' && !usual.Contains(c, StringComparison.Ordinal))
                    {
                        Mark(c);
                    }
                }
            }
        }

        // Han characters outside the first (most frequent) levels of GB2312 and Big5: double-byte readers of UTF-8 land
        // there (UTF-8 lead bytes E4..E9 are GB2312 level-2 lead bytes); private use, kana, Hangul, half-width forms,
        // bopomofo, Greek and Cyrillic of the double-byte symbol rows.
        CodePage gbk = Codec.Gbk.Page;
        CodePage big5 = Codec.Big5.Page;
        var common = new ulong[1024];
        for (int lead = 0x81; lead <= 0xFE; lead++)
        {
            for (int trail = 0x40; trail <= 0xFE; trail++)
            {
                int code = (lead << 8) | trail;
                if (code is >= 0xB0A1 and <= 0xD7F9)
                {
                    char g = gbk.DecodeDouble(lead, trail);
                    common[g >> 6] |= g == '\uFFFF' ? 0 : 1UL << g;
                }

                if (code is >= 0xA440 and <= 0xC67E)
                {
                    char b = big5.DecodeDouble(lead, trail);
                    common[b >> 6] |= b == '\uFFFF' ? 0 : 1UL << b;
                }
            }
        }

        for (int c = 0x3040; c < 0xFB00; c++)
        {
            bool han = c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF);
            if ((han && ((common[c >> 6] >> c) & 1) == 0) || c is (>= 0xE000 and < 0xF900) or (>= 0x3040 and < 0x3130) or (>= 0xAC00 and <= 0xD7A3))
            {
                Mark(c);
            }
        }

        for (int c = 0x0370; c < 0x0530; c++)
        {
            Mark(c);
        }

        for (int c = 0xFF61; c < 0xFFA0; c++)
        {
            Mark(c);
        }

        for (int c = 0xFE30; c < 0xFE50; c++)
        {
            Mark(c);
        }

        // Loss markers: U+FFFD, and the GBK readings of U+FFFD's UTF-8 bytes (锟斤拷) and of filler bytes 0xCC/0xCD (烫, 屯).
        foreach (char c in "\u2030\u2032\u2033\u2035\uFFFD\u951F\u70EB\u5C6F")
        {
            Mark(c);
        }

        return bits;
    }
}
