using System.Text;

namespace TextRepair.Analysis.Decoding;

/// <summary>How a <see cref="Codec"/> maps characters to bytes.</summary>
internal enum CodecKind
{
    /// <summary>A table code page (single- or double-byte), see <see cref="CodePage"/>.</summary>
    Table,

    /// <summary>UTF-8.</summary>
    Utf8,

    /// <summary>UTF-16, little-endian.</summary>
    Utf16Le,

    /// <summary>UTF-16, big-endian.</summary>
    Utf16Be,
}

/// <summary>
/// One encoding of the mojibake matrix: as a true encoding (the bytes were written in it) and/or as a wrong decoder (the
/// bytes were read with it). Tables are built on first use of each code page. Immutable and thread-safe.
/// </summary>
internal sealed class Codec
{
    private readonly Lazy<CodePage>? _page;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _layerNames = new(StringComparer.Ordinal);

    static Codec()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Utf8 = new Codec("utf-8", CodecKind.Utf8, null, family: 1);
        Utf16Le = new Codec("utf-16le", CodecKind.Utf16Le, null, family: 2);
        Utf16Be = new Codec("utf-16be", CodecKind.Utf16Be, null, family: 3);
        Gbk = Table("gbk", 936, family: 4, CodePageFlavours.Gb18030);
        Big5 = Table("big5", 950, family: 5, page => { CodePageFlavours.WhatwgBig5(page); CodePageFlavours.PythonBig5(page); });
        ShiftJis = Table("shift-jis", 932, family: 6, CodePageFlavours.JisShiftJis);
        EucJp = Table("euc-jp", 51932, family: 7);
        EucKr = Table("euc-kr", 949, family: 8);
        Windows1252 = Table("windows-1252", 1252, family: 9, sloppyLatin1: true);
        Cp437 = Table("cp437", 437, family: 10);
        Cp850 = Table("cp850", 850, family: 11);
        Cp866 = Table("cp866", 866, family: 12);
        MacRoman = Table("mac-roman", 10000, family: 13, CodePageFlavours.AppleMacRoman);
        Windows1251 = Table("windows-1251", 1251, family: 14);

        // The encodings text is written in (the matrix rows). GB18030 shares GBK's two-byte table; Big5 is the
        // framework's code page 950 (the HKSCS extension is not available in .NET).
        TrueEncodings = [Utf8, Gbk, Big5, ShiftJis, EucJp, EucKr, Utf16Le, Utf16Be];

        // The decoders that misread it (the matrix columns). ISO-8859-1 is windows-1252 with C1 controls, which the
        // windows-1252 table also maps back to their bytes.
        WrongDecoders = [Windows1252, Cp437, Cp850, Cp866, MacRoman, Windows1251, Gbk, Big5, ShiftJis, EucKr, Utf8, Utf16Le];
    }

    private Codec(string name, CodecKind kind, Lazy<CodePage>? page, int family)
    {
        Name = name;
        Kind = kind;
        _page = page;
        Family = family;
    }

    public static Codec Utf8 { get; }

    public static Codec Utf16Le { get; }

    public static Codec Utf16Be { get; }

    public static Codec Gbk { get; }

    public static Codec Big5 { get; }

    public static Codec ShiftJis { get; }

    public static Codec EucJp { get; }

    public static Codec EucKr { get; }

    public static Codec Windows1252 { get; }

    public static Codec Cp437 { get; }

    public static Codec Cp850 { get; }

    public static Codec Cp866 { get; }

    public static Codec MacRoman { get; }

    public static Codec Windows1251 { get; }

    /// <summary>The encodings text is written in before it is misread.</summary>
    public static IReadOnlyList<Codec> TrueEncodings { get; }

    /// <summary>The decoders that misread text.</summary>
    public static IReadOnlyList<Codec> WrongDecoders { get; }

    /// <summary>The name used in chain descriptions ("utf-8 decoded as gbk").</summary>
    public string Name { get; }

    public CodecKind Kind { get; }

    /// <summary>Codecs of one family read their own bytes correctly: a chain never pairs a codec with its family.</summary>
    public int Family { get; }

    /// <summary>
    /// True when <paramref name="c"/> is what a decoder of this codec may write for bytes it cannot read, besides U+FFFD:
    /// '?' (many decoders' replacement), and for Shift-JIS also '・' (U+30FB, code page 932's default character, which
    /// Windows and the framework write). UTF-8 read as Shift-JIS by them ends a cut character in "繝・" (ダウンロード as
    /// "繝繧ｦ繝ｳ繝ｭ繝ｼ繝・"); read back as bytes, the '・' makes "チE" out of ド.
    /// </summary>
    public bool IsLossMark(char c) => LossMarks.Contains(c);

    /// <summary>The characters <see cref="IsLossMark"/> is true for.</summary>
    public string LossMarks => ReferenceEquals(this, ShiftJis) ? "?\u30FB" : "?";

    /// <summary>The tables of a <see cref="CodecKind.Table"/> codec.</summary>
    public CodePage Page => _page!.Value;

    /// <summary>
    /// True for a single-byte table code page (windows-1252, the DOS pages, Mac Roman, windows-1251): each character is
    /// one byte, so each slot such a decoder lost is one byte. Builds the code page's tables on first use.
    /// </summary>
    public bool IsSingleByte => Kind == CodecKind.Table && !Page.IsDoubleByte;

    /// <summary>True for a double-byte table code page (GBK, Big5, Shift-JIS, EUC-JP, EUC-KR). Builds the tables on first use.</summary>
    public bool IsDoubleByte => Kind == CodecKind.Table && Page.IsDoubleByte;

    public override string ToString() => Name;

    /// <summary>"<see cref="Name"/> decoded as <paramref name="wrong"/>", the name of a layer (cached per pair).</summary>
    public string AsReadBy(Codec wrong) => AsReadBy(wrong.Name);

    /// <summary>
    /// "<see cref="Name"/> decoded as <paramref name="wrongName"/>" (cached per name). Lock-free once cached: each reading
    /// the lattice makes names its layer (Candidate.Then), and a lock taken per reading showed in a first repair's profile.
    /// </summary>
    public string AsReadBy(string wrongName) => _layerNames.GetOrAdd(wrongName, static (wrong, name) => $"{name} decoded as {wrong}", Name);

    private static Codec Table(string name, int codePage, int family, Action<CodePage>? flavours = null, bool sloppyLatin1 = false) =>
        new(name, CodecKind.Table, new Lazy<CodePage>(() => CodePage.Create(codePage, name, sloppyLatin1, flavours)), family);
}
