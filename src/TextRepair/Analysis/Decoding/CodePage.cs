using System.Text;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// A legacy code page as lookup tables derived, on first use, from the framework's own decoder
/// (<see cref="CodePagesEncodingProvider"/>); no code-page table is written in this repository. Only byte sequences
/// that the framework decodes to exactly one character are valid, and a character is encodable only when it is the
/// framework's decoding of some byte sequence, so every encode/decode here round-trips. Thread-safe after construction.
/// </summary>
internal sealed class CodePage
{
    private const char Invalid = '\uFFFF';

    // Byte -> char for single bytes (Invalid when the byte is a lead byte or undefined).
    private readonly char[] _single = new char[256];

    // (lead << 8 | trail) -> char for double-byte sequences; null for single-byte code pages.
    private readonly char[]? _double;

    // char -> encoded value: 0x0000..0x00FF a single byte (with _encodable marking validity), else lead << 8 | trail.
    private readonly ushort[] _encode = new ushort[65536];
    private readonly ulong[] _encodable = new ulong[65536 / 64];

    // char -> encoded value in another implementation's layout, for the characters it writes at other bytes (see
    // AddOtherLayout); null for most pages.
    private Dictionary<char, ushort>? _otherLayout;
    private ulong[]? _otherLayoutMask;

    static CodePage()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private CodePage(int codePage, string name, bool sloppyLatin1)
    {
        Name = name;
        Encoding encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Invalid.ToString()));
        Span<char> chars = stackalloc char[4];
        Span<byte> bytes = stackalloc byte[2];
        for (int b = 0; b < 256; b++)
        {
            bytes[0] = (byte)b;
            int n = encoding.GetChars(bytes[..1], chars);
            char c = n == 1 ? chars[0] : Invalid;
            if (encoding.IsSingleByte && b is >= 0x80 and < 0xC0 && c is Invalid or (>= '\u0080' and <= '\u009F'))
            {
                DropsContinuationBytes = true;
            }
            if (c == Invalid && sloppyLatin1 && b is >= 0x80 and < 0xA0)
            {
                // Latin-1 readers keep undefined windows-1252 bytes as C1 controls.
                c = (char)b;
            }

            _single[b] = c;
            if (c != Invalid)
            {
                SetEncode(c, (ushort)b);
            }
        }

        if (sloppyLatin1)
        {
            // Text read as ISO-8859-1 holds C1 controls where windows-1252 has printable characters.
            for (int b = 0x80; b < 0xA0; b++)
            {
                SetEncode((char)b, (ushort)b);
            }
        }

        if (encoding.IsSingleByte)
        {
            return;
        }

        _double = new char[65536];
        Array.Fill(_double, Invalid);
        for (int lead = 0x81; lead <= 0xFE; lead++)
        {
            if (_single[lead] != Invalid)
            {
                continue;
            }

            bytes[0] = (byte)lead;
            for (int trail = 0x40; trail <= 0xFE; trail++)
            {
                bytes[1] = (byte)trail;
                int n = encoding.GetChars(bytes, chars);
                if (n == 1 && chars[0] != Invalid && !char.IsSurrogate(chars[0]))
                {
                    _double[(lead << 8) | trail] = chars[0];
                    SetEncode(chars[0], (ushort)((lead << 8) | trail));
                }
            }
        }
    }

    /// <summary>Builds the tables of a code page (a few milliseconds for a double-byte one).</summary>
    /// <param name="codePage">The Windows code page number.</param>
    /// <param name="name">The name used in chain descriptions ("gbk").</param>
    /// <param name="sloppyLatin1">Also map C1 controls to their bytes (ISO-8859-1 readers), as windows-1252 readers in browsers do.</param>
    /// <param name="flavours">Adds the characters other implementations of the code page write (<see cref="AddFlavour"/>).</param>
    public static CodePage Create(int codePage, string name, bool sloppyLatin1 = false, Action<CodePage>? flavours = null)
    {
        var page = new CodePage(codePage, name, sloppyLatin1);
        flavours?.Invoke(page);
        return page;
    }

    public string Name { get; }

    public bool IsDoubleByte => _double is not null;

    /// <summary>
    /// True for a single-byte code page with bytes in 0x80..0xBF that the code page leaves undefined (windows-1252's
    /// 0x81, 0x8D, 0x8F, 0x90, 0x9D; windows-1251's 0x98; the framework reads them as the C1 controls of the same
    /// value, strict readers such as Python's and Java's cannot read them): a reader that ignores what it cannot read
    /// drops them, and they are UTF-8 continuation bytes.
    /// </summary>
    public bool DropsContinuationBytes { get; }

    /// <summary>True when <paramref name="c"/> is the decoding of some byte sequence of this code page.</summary>
    public bool CanEncode(char c) => (_encodable[c >> 6] & (1UL << c)) != 0;

    /// <summary>True when <paramref name="c"/> is encodable and takes two bytes.</summary>
    public bool IsDoubleByteChar(char c) => CanEncode(c) && _encode[c] >= 0x100;

    /// <summary>The encoded value of an encodable character: a byte below 0x100, else lead &lt;&lt; 8 | trail.</summary>
    public int EncodedValue(char c) => _encode[c];

    /// <summary>
    /// The encoded value of an encodable character as the other layout writes it (see <see cref="AddOtherLayout"/>)
    /// when <paramref name="otherLayout"/> and it has one there, else <see cref="EncodedValue(char)"/>.
    /// </summary>
    public int EncodedValue(char c, bool otherLayout) =>
        otherLayout && _otherLayout is not null && _otherLayout.TryGetValue(c, out ushort value) ? value : _encode[c];

    /// <summary>True when some character of <paramref name="text"/> has other bytes in the other layout (see <see cref="AddOtherLayout"/>).</summary>
    public bool HasOtherLayout(ReadOnlySpan<char> text)
    {
        if (_otherLayout is null)
        {
            return false;
        }

        ulong[] mask = _otherLayoutMask!;
        foreach (char c in text)
        {
            if ((mask[c >> 6] & (1UL << c)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Records that another implementation of this code page writes <paramref name="c"/> for <paramref name="value"/>,
    /// where this page reads those bytes otherwise: a character this page cannot encode becomes another character of
    /// the bytes (<see cref="AddFlavour"/>); one it encodes elsewhere gets the bytes as its value in the other layout,
    /// which a whole text either was read in or not (Python's Big5 puts the ETEN rows' kana and circled numbers at
    /// other bytes than the browsers' table: <see cref="CodePageFlavours.PythonBig5"/>). Only while the page is being
    /// built.
    /// </summary>
    internal void AddOtherLayout(char c, int value)
    {
        if (!CanEncode(c))
        {
            AddFlavour(c, value);
        }
        else if (_encode[c] != value && c != Invalid && !char.IsSurrogate(c) && value is > 0x7F and <= 0xFFFF)
        {
            (_otherLayout ??= [])[c] = (ushort)value;
            (_otherLayoutMask ??= new ulong[65536 / 64])[c >> 6] |= 1UL << c;
        }
    }

    /// <summary>Writes the bytes of <paramref name="c"/> (0 bytes when it is not encodable) and returns how many.</summary>
    public int Encode(char c, Span<byte> destination)
    {
        if (!CanEncode(c))
        {
            return 0;
        }

        ushort value = _encode[c];
        if (value < 0x100)
        {
            destination[0] = (byte)value;
            return 1;
        }

        destination[0] = (byte)(value >> 8);
        destination[1] = (byte)value;
        return 2;
    }

    /// <summary>
    /// Makes <paramref name="c"/> another character that encodes to <paramref name="value"/>: what another
    /// implementation of this code page writes for the same bytes (see <see cref="CodePageFlavours"/>). Decoding is
    /// unchanged, and a character that already has bytes keeps them. Only while the page is being built.
    /// </summary>
    internal void AddFlavour(char c, int value)
    {
        if (c != Invalid && c != '\uFFFD' && !char.IsSurrogate(c) && value is > 0x7F and <= 0xFFFF)
        {
            SetEncode(c, (ushort)value);
        }
    }

    /// <summary>The character of a single byte, or '\uFFFF' when the byte alone is no character.</summary>
    public char DecodeSingle(int b) => _single[b];

    /// <summary>
    /// True when the byte alone is a character for strict readers (Python's codecs): the framework's tables give some
    /// bytes that are none a character of their own, a C1 control of the same value or a private-use character (code
    /// page 950 reads 0x80 as U+0080 and 0xFF as U+F8F8), which those readers never write.
    /// </summary>
    public bool IsStrictSingle(int b) => DecodeSingle(b) is not (Invalid or (>= '\u0080' and <= '\u009F') or (>= '\uE000' and <= '\uF8FF'));

    /// <summary>
    /// True when the lead/trail pair is a character for strict readers: the framework's tables give some pairs they
    /// reject a private-use character (code page 936's user-defined rows of GBK, A1A1..A7A0, AAA1..AFFE, F8A1..FEFE).
    /// </summary>
    public bool IsStrictPair(int lead, int trail) => DecodeDouble(lead, trail) is not (Invalid or (>= '\uE000' and <= '\uF8FF'));

    /// <summary>The character of a lead/trail pair, or '\uFFFF' when the pair is invalid.</summary>
    public char DecodeDouble(int lead, int trail) => _double is null || (uint)lead > 0xFF || (uint)trail > 0xFF ? Invalid : _double[(lead << 8) | trail];

    private void SetEncode(char c, ushort value)
    {
        if (!CanEncode(c))
        {
            _encode[c] = value;
            _encodable[c >> 6] |= 1UL << c;
        }
    }
}
