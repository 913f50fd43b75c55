using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using TextRepair.Analysis.Detection;

namespace TextRepair;

/// <summary>
/// Code pages whose decoders refuse the bytes the code page leaves unassigned. Windows' tables for the East Asian
/// code pages map such single bytes to private-use characters so that they round-trip (.NET: Shift_JIS 0xA0 and
/// 0xFD-0xFF to U+F8F0-U+F8F3, EUC-KR (949) 0xFF to U+F8F7, GBK 0xFF to U+F8F5, Big5 (950) 0xFF to U+F8F8, EUC-JP 0xA0 and
/// 0xFF, Johab and others alike): a corrupt byte then decoded silently to a character nobody wrote. The rule: a byte that
/// is not a lead byte and decodes <em>on its own</em> to a private-use character is invalid input (the decoder's
/// fallback gets it: an exception, or U+FFFD). Private use reached by a multi-byte sequence is kept: those are the
/// user-defined areas the standards assign (Shift_JIS 0xF040-0xF9FC, GBK/GB18030's, Big5's, EUC-KR's 0xC9/0xFE rows),
/// and no multi-byte sequence of these code pages decodes to the characters the single bytes fill (checked for every
/// pair when the table is built in session 27: the filler characters are U+F8E6-U+F8F8, the user-defined areas end lower).
/// Thread-safe; the per-code-page table is built once, on first use (256 one-byte decodings).
/// </summary>
public static class StrictCodePages
{
    private static readonly ConcurrentDictionary<(int, Type), FillerTable?> s_tables = new();

    /// <summary>
    /// The code page <paramref name="codePage"/> (from <see cref="CodePagesEncodingProvider"/>, else the framework's own)
    /// with the given fallbacks, its decoder treating the unassigned single bytes as invalid (see the type's remarks).
    /// A code page without such bytes (UTF-8, GB18030, the single-byte ones) is returned as the framework builds it.
    /// Code page 932 is Windows' Shift_JIS complete, with the NEC-selected IBM extensions (lead bytes 0xED and 0xEE)
    /// that the framework's table lacks (see <c>Cp932Encoding</c>).
    /// </summary>
    /// <remarks>Allocates a new <see cref="Encoding"/> instance; thread-safe.</remarks>
    public static Encoding GetEncoding(int codePage, EncoderFallback encoderFallback, DecoderFallback decoderFallback)
    {
        ArgumentNullException.ThrowIfNull(encoderFallback);
        ArgumentNullException.ThrowIfNull(decoderFallback);
        Encoding inner = codePage == 932
            ? new Cp932Encoding(encoderFallback, decoderFallback)
            : CodePagesEncodingProvider.Instance.GetEncoding(codePage, encoderFallback, decoderFallback)
                ?? Encoding.GetEncoding(codePage, encoderFallback, decoderFallback);
        return Wrap(inner);
    }

    /// <summary>
    /// <paramref name="encoding"/> with its unassigned single bytes treated as invalid, or <paramref name="encoding"/>
    /// itself when it has none or when its fallback replaces a byte with other than one character.
    /// </summary>
    internal static Encoding Wrap(Encoding encoding)
    {
        if (encoding is StrictCodePageEncoding || encoding.IsSingleByte || encoding.CodePage is 65001 or 1200 or 1201 or 12000 or 12001)
        {
            return encoding;
        }

        FillerTable? table = s_tables.GetOrAdd((encoding.CodePage, encoding.GetType()), static (_, e) => FillerTable.Build(e), encoding);
        bool replacesOneForOne = encoding.DecoderFallback is DecoderExceptionFallback || encoding.DecoderFallback.MaxCharCount == 1;
        return table is null || !replacesOneForOne ? encoding : new StrictCodePageEncoding(encoding, table);
    }

    /// <summary>Which bytes lead a sequence (and how long it is) and which stand alone for a private-use filler.</summary>
    internal sealed class FillerTable
    {
        private FillerTable(byte[] sequenceLength, SearchValues<char> fillers)
        {
            SequenceLength = sequenceLength;
            Fillers = fillers;
        }

        /// <summary>Per byte: 0 for a filler byte, 1 for a byte that stands alone, 2-4 for a lead byte.</summary>
        public byte[] SequenceLength { get; }

        /// <summary>The private-use characters the filler bytes decode to.</summary>
        public SearchValues<char> Fillers { get; }

        public static FillerTable? Build(Encoding encoding)
        {
            Encoding probe = (Encoding)encoding.Clone();
            probe.DecoderFallback = new DecoderReplacementFallback("?");
            byte[] lengths = new byte[256];
            var fillers = new List<char>();
            Span<char> chars = stackalloc char[16];
            Span<byte> bytes = [0, 0xA1, 0xA1, 0xA1];
            for (int b = 0; b < 256; b++)
            {
                bytes[0] = (byte)b;
                lengths[b] = 1;
                for (int length = 1; length <= bytes.Length; length++)
                {
                    int count = probe.GetDecoder().GetChars(bytes[..length], chars, flush: false);
                    if (count > 0)
                    {
                        lengths[b] = (byte)length;
                        if (length == 1 && count == 1 && chars[0] is >= '\uE000' and <= '\uF8FF')
                        {
                            lengths[b] = 0;
                            fillers.Add(chars[0]);
                        }

                        break;
                    }
                }
            }

            return fillers.Count == 0 ? null : new FillerTable(lengths, SearchValues.Create(fillers.ToArray()));
        }
    }
}
