using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Decoding;

// Double-byte text read as UTF-8: which byte of each island of surviving characters begins a character.
internal static partial class LayerUndo
{
    /// <summary>
    /// Most bytes of an island whose two readings are scored (see <see cref="IslandOpensWithTrail"/>). Islands of GBK,
    /// Big5, Shift-JIS or EUC text that a UTF-8 reader leaves between its losses are a few bytes long (a valid UTF-8
    /// sequence or two); a longer one is decided by its first 64 characters, and scoring it whole would cost a search
    /// more than it tells.
    /// </summary>
    private const int MaxIslandBytesScored = 128;

    // Double-byte text read by a UTF-8 reader loses the bytes that begin no valid UTF-8 sequence, one U+FFFD for each
    // (Python's and .NET's readers), and keeps the sequences that happen to be valid: GBK's 数据库 (CA FD BE DD BF E2)
    // is "��ݿ", where BE, the lead of 据, is lost and its trail DD begins ݿ (DD BF). So after a lost slot the next byte
    // is as likely the trail of a lead the reader lost as the lead of the next character, and only the text can tell:
    // each island (the non-ASCII bytes up to the next loss or ASCII byte) is decoded both ways, and the way with fewer
    // invalid pairs wins, else the likelier text, each character cut off at the island's end charged a typical
    // transition (EncodingDecision.TypicalTransitionLogProb), so that the way that ends in a loss is not preferred for
    // the character it does not score. Read one way for every island of a line, the other way's islands came out of
    // step: "[ERROR] 无法连接数据库：连接超时" read as UTF-8, undone with every island opening on a lead, read
    // 库： as 菘猓 and lost to a EUC-JP reading that invented 歐癸; with every island opening on a trail it read 准时
    // as 际.
    private static bool IslandOpensWithTrail(CodePage page, ref Slots bytes, int position)
    {
        int start = position + 1;
        if (start >= bytes.Count || bytes[start] < 0x80 || !CanBeTrail(page, bytes[start]))
        {
            return false;
        }

        int end = start + 1;
        while (end < bytes.Count && end - start < MaxIslandBytesScored && bytes[end] >= 0x80)
        {
            end++;
        }

        Span<char> asLead = stackalloc char[MaxIslandBytesScored];
        Span<char> asTrail = stackalloc char[MaxIslandBytesScored];
        int leadLength = DecodeIsland(page, bytes.Items.AsSpan(start, end - start), asLead, out int leadInvalid, out int leadCut);
        int trailLength = DecodeIsland(page, bytes.Items.AsSpan(start + 1, end - start - 1), asTrail, out int trailInvalid, out int trailCut);
        if (leadInvalid != trailInvalid)
        {
            return trailInvalid < leadInvalid;
        }

        double lead = Likelihood(asLead[..leadLength]) + (leadCut * EncodingDecision.TypicalTransitionLogProb);
        double trail = Likelihood(asTrail[..trailLength]) + (trailCut * EncodingDecision.TypicalTransitionLogProb);
        return trail > lead;
    }

    internal static double Likelihood(ReadOnlySpan<char> text) =>
        text.IsEmpty ? 0 : TextLikelihood.Score(text, CharNgramModel.Boundary, CharNgramModel.Boundary).Total;

    // True when the byte is a trail of some lead of the page (see LostLeadTakesTrail for the stand-ins).
    internal static bool CanBeTrail(CodePage page, int trail) =>
        IsTrailOf(page, LostLeadStandIn, trail) || IsTrailOf(page, RowLeadStandIn, trail);

    // Decodes an island from its first byte on; counts the bytes no pair reads (invalid) and a lead cut off at the end
    // (its trail was lost with the loss after the island).
    internal static int DecodeIsland(CodePage page, ReadOnlySpan<int> island, Span<char> output, out int invalid, out int cut)
    {
        invalid = cut = 0;
        int written = 0;
        int i = 0;
        while (i < island.Length)
        {
            char single = page.DecodeSingle(island[i]);
            if (single != '\uFFFF')
            {
                output[written++] = single;
                i++;
            }
            else if (i + 1 == island.Length)
            {
                cut++;
                i++;
            }
            else if (page.DecodeDouble(island[i], island[i + 1]) is var pair and not '\uFFFF')
            {
                output[written++] = pair;
                i += 2;
            }
            else
            {
                invalid++;
                i++;
            }
        }

        return written;
    }
}
