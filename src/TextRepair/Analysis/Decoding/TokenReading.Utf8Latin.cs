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
    /// <remarks>
    /// A short Chinese field is kept the same way (session 41): when the one-layer reading restores nothing but Han
    /// from whole three-byte sequences (<see cref="RunJudge.RestoresUtf8Han"/>: 赵磊 of "èµµç£Š", a CSV cell written in
    /// UTF-8 and opened as windows-1252), a deeper chain through it re-reads those Han characters as the bytes of a
    /// double-byte page, and a field of two or three characters gives the models nothing to tell the writer's name
    /// from a fluke: 赵磊 became 略자 (euc-kr decoded as gbk, then the same outer step), 宋磊 芥자, 廖辉 僧市.
    /// </remarks>
    private static Candidate KeepUtf8Latin(string token, List<(Candidate Reading, bool[] Accepted)> passing, Candidate chosen, ref bool[]? accepted)
    {
        if (chosen.Layers < 2 || !RestoresCjk(token, chosen))
        {
            return chosen;
        }

        foreach ((Candidate c, bool[] a) in passing)
        {
            if (c.Layers == 1 && c.TextShown && c.Steps[0].Equals(chosen.Steps[0]) && c.Steps[0].Truth.Kind == CodecKind.Utf8 && c.Steps[0].Wrong.IsSingleByte
                && (RestoresLatinLettersOnly(token, c) || RestoresHanOnly(token, c)))
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

    // True when every group the reading changes lies in runs of Han restored from whole UTF-8 sequences
    // (RunJudge.RestoresUtf8Han), and at least one group changes.
    private static bool RestoresHanOnly(string token, Candidate reading)
    {
        bool any = false;
        int k = 0, groups = reading.TokenBounds.Length - 1;
        while (k < groups)
        {
            if (!RunJudge.Changed(token, reading, k))
            {
                k++;
                continue;
            }

            int first = k;
            while (k < groups && RunJudge.Changed(token, reading, k))
            {
                k++;
            }

            int a = reading.TokenBounds[first], b = reading.TokenBounds[k];
            if (!RunJudge.RestoresUtf8Han(token, a, b, reading, reading.Text.AsSpan(reading.TextBounds[first], reading.TextBounds[k] - reading.TextBounds[first])))
            {
                return false;
            }

            any = true;
        }

        return any;
    }
}
