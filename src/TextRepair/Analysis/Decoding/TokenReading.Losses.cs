namespace TextRepair.Analysis.Decoding;

/// <summary>Readings that lose characters against readings that fill them (see <see cref="TokenReading"/>).</summary>
internal sealed partial class TokenReading
{
    // A reading that loses characters never wins over a passing reading, no deeper, that reads the same text exactly and
    // has characters of the supplementary planes where the first has U+FFFD (see FillsLosses): both explain the token
    // alike elsewhere, and the bytes the first calls lost are whole four-byte characters under the second. A loss is
    // charged as a rare character (TextLikelihood.LostCharLogProb), and the models, trained on the Basic Multilingual
    // Plane, score those characters as unseen ones, rarer still: an emoji or an ideograph of the extensions lost to a
    // deeper chain ("人民政府办公室🤔", UTF-8 read as Latin-1 on a line of its own, became "人民政府办公室�" by "utf-8
    // decoded as gbk, then gbk decoded as iso-8859-1", 1.9 nats ahead after its layer's cost; "…办公室𠮷" alike;
    // session 30). Only such characters fill: a fill of the Basic Multilingual Plane is judged by the model, and where a
    // text was really lost, an exact reading of the loss mark's bytes is garbage ("ファイル吁E" for "ファイル・", Shift-JIS's
    // mark read back as the bytes 81 45). The first such reading in the order passed.
    private static (Candidate Reading, bool[] Accepted)? ExactInPlaceOfLosses(List<(Candidate Reading, bool[] Accepted)> passing, Candidate chosen)
    {
        if (!chosen.Text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return null;
        }

        foreach ((Candidate c, bool[] accepted) in passing)
        {
            if (c != chosen && c.Exact && c.Layers <= chosen.Layers && !c.Text.Contains('\uFFFD', StringComparison.Ordinal) && FillsLosses(chosen.Text, c.Text))
            {
                return (c, accepted);
            }
        }

        return null;
    }

    // True when exact reads as lossy does, but has surrogate pairs (characters of the supplementary planes, no U+FFFD)
    // wherever lossy has a group of U+FFFD. Aligns
    // greedily (each group's text ends where lossy's next text first follows it), so an alignment it misses is a false
    // answer, never a wrong true one. Linear in the texts' lengths for the usual one group; at worst their product.
    internal static bool FillsLosses(string lossy, string exact)
    {
        int i = 0, j = 0;
        while (i < lossy.Length)
        {
            if (lossy[i] != '\uFFFD')
            {
                if (j >= exact.Length || exact[j] != lossy[i])
                {
                    return false;
                }

                i++;
                j++;
                continue;
            }

            int end = i;
            while (end < lossy.Length && lossy[end] == '\uFFFD')
            {
                end++;
            }

            int nextEnd = end;
            while (nextEnd < lossy.Length && lossy[nextEnd] != '\uFFFD')
            {
                nextEnd++;
            }

            ReadOnlySpan<char> next = lossy.AsSpan(end, nextEnd - end);
            int fillEnd = next.IsEmpty ? exact.Length : (j + 1 <= exact.Length ? exact.AsSpan(j + 1).IndexOf(next) : -1) is int at and >= 0 ? j + 1 + at : -1;
            if (fillEnd <= j || exact.AsSpan(j, fillEnd - j).ContainsAnyExceptInRange('\uD800', '\uDFFF'))
            {
                return false;
            }

            j = fillEnd;
            i = end;
        }

        return j == exact.Length;
    }

    // True when loss-only group k of reading c holds loss marks the text has already (U+FFFD) on one side and other
    // characters on the other, all common Han characters (UncommonHan.IsCommon: text, not what a wrong decoder
    // writes), between characters that are no mark, and the reading keeps the groups on both sides as they stand.
    // Such a group is text a pass restored beside a loss, re-read with its mark as the bytes of one cut character:
    // "初�化完成" (UTF-8 read as GBK by Python, one U+FFFD for the lead byte it could not pair; 始 lost) became "初�完成"
    // on the step's second pass, since GBK's 化 is BB AF, two UTF-8 trail bytes, and the mark stood for their lead.
    // A mark stands for any number of lost bytes, so it explains nothing the text lacks, and the reading's only
    // change there is to delete a character the model reads as text (its loss is charged when readings are ranked,
    // and a run elsewhere outweighed it). The rule looks at the token alone, so a fresh repair of the output
    // decides as the pass did (session 40 refused the pass instead, against the text an earlier pass wrote, and 8
    // of 4,000 random chains became non-idempotent). Measured on tools/probe-losses-repeats.py's loss set (dev,
    // 1,126 fields and log lines of UTF-8 read by double-byte decoders with replacement): without the common-Han
    // and neighbour tests, garbled characters among runs of marks were kept instead of lost (wrong 28 -> 223); with
    // them, no output of the set changes (without the one-side test, 5 wrong -> left, and "�飛�" kept in Korean). A model test (the group's text likelier in context than the
    // marks) kept nothing: a mark starts the model afresh, so the character after it scores as a unigram.
    private bool RereadsMarkedLoss(Candidate c, int k)
    {
        int[] tb = c.TokenBounds;
        int a = tb[k], b = tb[k + 1];
        ReadOnlySpan<char> source = Token.AsSpan(a, b - a);
        char left = a == 0 ? Before : Token[a - 1];
        char right = b == Token.Length ? After : Token[b];
        // Marks on one side only, text on the other: text between two marks is no text a pass restored beside a loss
        // (a common Han character between losses in Hangul text, "�飛�", random chain 42).
        ReadOnlySpan<char> text = source.Trim('\uFFFD');
        if (text.IsEmpty || text.Contains('\uFFFD') || (source[0] == '\uFFFD') == (source[^1] == '\uFFFD')
            || left == '\uFFFD' || right == '\uFFFD')
        {
            return false;
        }

        foreach (char ch in source)
        {
            if (ch != '\uFFFD' && !UncommonHan.IsCommon(ch))
            {
                return false;
            }
        }

        return (k == 0 || !RunJudge.Changed(Token, c, k - 1)) && (k + 2 >= tb.Length || !RunJudge.Changed(Token, c, k + 1));
    }
}
