namespace TextRepair.Analysis.Decoding;

/// <summary>Pieces of 锟斤拷 cut apart (see <see cref="DecideByMarkerPieces"/>).</summary>
internal sealed partial class TokenReading
{
    /// <summary>
    /// Takes the reading "utf-8 decoded as gbk" when the token holds pieces of 锟斤拷 cut apart: 锟斤拷 is what GBK makes
    /// of two U+FFFD written in UTF-8 (EF BF BD EF BF BD), and a U+FFFD between other characters comes out as 锟 and a
    /// character starting with byte BD (锟侥), or a character ending in EF and 拷 (硷拷). A token whose GBK bytes are
    /// valid UTF-8 throughout and hold more U+FFFD than its whole 锟斤拷 account for is that damage: prose that names
    /// the marker ("乱码锟斤拷是怎么来的") is not valid UTF-8 in GBK, and a token of whole markers only is left alone
    /// (a name or a quotation of them).
    /// </summary>
    public bool DecideByMarkerPieces()
    {
        if (Token.IndexOf('\u951F') < 0 || ReadingBy(MarkerChain) is not { Exact: true } c)
        {
            return false;
        }

        int whole = 0;
        for (int i = Token.IndexOf(WholeMarker, StringComparison.Ordinal); i >= 0; i = Token.IndexOf(WholeMarker, i + WholeMarker.Length, StringComparison.Ordinal))
        {
            whole++;
        }

        if (c.Text.AsSpan().Count('\uFFFD') <= 2 * whole)
        {
            return false;
        }

        Chosen = c;
        _accepted = null;
        Restores = true;
        return true;
    }

    // 锟斤拷: two U+FFFD written in UTF-8 and read as GBK.
    private const string WholeMarker = "\u951F\u65A4\u62F7";

    private static readonly LayerStep[] MarkerChain = [new LayerStep(Codec.Utf8, Codec.Gbk, MarksLost: false)];
}
