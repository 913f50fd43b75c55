using TextRepair.Internal;

namespace TextRepair.Analysis.Decoding;

/// <summary>A Latin-script reading of whole UTF-8 sequences kept from deeper readings through it (see <see cref="TokenReading"/>).</summary>
internal sealed partial class TokenReading
{
    /// <summary>
    /// The passing one-layer reading "utf-8 decoded as" a single-byte code page in place of <paramref name="chosen"/>
    /// when <paramref name="chosen"/> reads on from it (a deeper chain whose outer layer is the same step, so that its
    /// inner layers re-read the one-layer reading's text as bytes) and turns Latin letters that the one-layer reading
    /// restored from whole UTF-8 sequences into CJK characters; else <paramref name="chosen"/>. The one-layer reading's
    /// letters are what the writer wrote: a lead byte followed by exactly its continuation bytes is almost never chance
    /// in single-byte text (see <see cref="Utf8SequencePool"/>), and a Latin letter read again as the bytes of a
    /// double-byte character halves the characters, which the models score likelier whatever they are: the Turkish
    /// "bÃ¼yÃ¼k" became "bー＿" (euc-jp decoded as euc-kr, then shift-jis decoded as cp437, then utf-8 decoded as
    /// windows-1252) beside "büyük", and the Yoruba "á»Œjá»\u008dÌ\u0081" a run of Han. A deeper chain that restores
    /// Latin text (UTF-8 read twice as windows-1252: "ÃƒÂ©" through "Ã©" to "é") is left to the ranking.
    /// </summary>
    private static Candidate KeepUtf8Latin(string token, List<(Candidate Reading, bool[] Accepted)> passing, Candidate chosen, ref bool[]? accepted)
    {
        if (chosen.Layers < 2 || !RestoresCjk(token, chosen))
        {
            return chosen;
        }

        foreach ((Candidate c, bool[] a) in passing)
        {
            if (c.Layers == 1 && c.TextShown && c.Steps[0].Equals(chosen.Steps[0]) && c.Steps[0].Truth.Kind == CodecKind.Utf8 && c.Steps[0].Wrong.IsSingleByte
                && RestoresLatinLettersOnly(token, c))
            {
                accepted = a;
                return c;
            }
        }

        return chosen;
    }

    // True when some group the reading changes becomes a CJK character (U+2E80 and above: Han, kana, Hangul, CJK and
    // full-width punctuation).
    private static bool RestoresCjk(string token, Candidate reading)
    {
        for (int k = 0; k + 1 < reading.TokenBounds.Length; k++)
        {
            if (RunJudge.Changed(token, reading, k)
                && reading.Text.AsSpan(reading.TextBounds[k], reading.TextBounds[k + 1] - reading.TextBounds[k]).IndexOfAnyInRange('\u2E80', '\uFFEF') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // True when every group the reading changes becomes Latin letters or combining marks (LatinText.IsWordLetterOrMark),
    // and at least one group changes.
    private static bool RestoresLatinLettersOnly(string token, Candidate reading)
    {
        bool any = false;
        for (int k = 0; k + 1 < reading.TokenBounds.Length; k++)
        {
            if (!RunJudge.Changed(token, reading, k))
            {
                continue;
            }

            foreach (char c in reading.Text.AsSpan(reading.TextBounds[k], reading.TextBounds[k + 1] - reading.TextBounds[k]))
            {
                if (!LatinText.IsWordLetterOrMark(c))
                {
                    return false;
                }
            }

            any = true;
        }

        return any;
    }
}
