using TextRepair.Internal;
using System.Text;

namespace TextRepair.Analysis.Decoding;

/// <summary>
/// A line of GBK or Big5 text read by a UTF-8 reader with replacement (Python's <c>errors='replace'</c>, .NET's and
/// Java's default readers, browsers), the commonest loss of all: most characters become U+FFFD (one per maximal invalid
/// subpart), and the byte sequences that happen to be valid UTF-8 survive as characters of other scripts (a lead C2-DF
/// with a trail 80-BF reads as Latin Extended, Greek, Cyrillic, Hebrew or Arabic; E0-EF with two continuation bytes as
/// any BMP character), while ASCII survives as itself. The best text keeps every U+FFFD the reader wrote and turns each
/// island of survivors back into the characters its bytes complete, with U+FFFD for a character it holds only half of
/// (the trail of a lead the reader lost, a lead whose trail it lost). The token lattice judges each island on its own
/// evidence, and an island of one or two characters is rarely evidence enough (RunJudge.MinRunBytes, the short-run
/// gain); on a line that is itself evidence of the chain, the islands are read as the line's chain. Thread-safe.
/// </summary>
internal static class ReplacedDoubleByteLine
{
    /// <summary>
    /// Fewest U+FFFD a line needs. One loss says nothing of the reader; on the dev half of the session 41 set 424 of the
    /// 431 lines of GBK or Big5 text read as UTF-8 with a loss hold at least two.
    /// </summary>
    private const int MinLosses = 2;

    /// <summary>
    /// Least share of U+FFFD among the line's characters beyond ASCII. A UTF-8 reader of double-byte text loses most of
    /// them: on the dev half of the session 41 set 424 of 431 such lines have at least half (most 70-90%); of the clean
    /// lines of the same text and of other alphabets beside a few U+FFFD, none has more than 10%.
    /// </summary>
    private const double MinLossShare = 0.5;

    /// <summary>
    /// Least share of the surviving characters beyond ASCII that are foreign to Chinese text: two-byte UTF-8 sequences
    /// (U+0080..U+07FF: Latin Extended, Greek, Cyrillic, Armenian, Hebrew, Arabic), what a GBK or Big5 lead C2-DF and
    /// a trail 80-BF read as. 415 of the 431 dev lines have at least half such survivors. A line this pass (or the
    /// lattice) already restored holds Han and CJK punctuation, and is not read again.
    /// </summary>
    private const double MinForeignShare = 0.5;

    /// <summary>Most characters of a line read this way; a longer line is left to the token search (linear work).</summary>
    private const int MaxLineLength = 4096;

    /// <summary>
    /// What the reading that opens an island on a trail pays for the half character it drops at the island's start, in
    /// typical transitions (<see cref="EncodingDecision.TypicalTransitionLogProb"/>; a character cut off at the end pays
    /// one). An island of one pair between losses is a character read whole or two halves, and only the character's
    /// likelihood can tell. Dev half of the session 41 set (282 cases of GBK or Big5 read as UTF-8): best text 86 at 0,
    /// 116 at 0.5, 114 at 0.75, 100 at 1, 76 at 1.25; characters neither the original's nor the input's 34, 92, 243,
    /// 441, 768 (main 85).
    /// </summary>
    private const double DroppedHalfCharge = 0.5;

    // GBK and Big5 only. With EUC-KR, EUC-JP and Shift-JIS read too (their lines read as UTF-8 show the same evidence),
    // short islands of GBK and Big5 lines read likelier as Hangul or kana: dev half of the session 41 set 116 -> 100 of
    // 282, characters invented 92 -> 216, and a Big5 sentence of the tests became Japanese mojibake. Without them, the
    // in-repo dev half's euc-kr and euc-jp lines read as UTF-8 that clear the evidence are read as GBK (4 cases).
    private static readonly Codec[] s_truths = [Codec.Gbk, Codec.Big5];

    /// <summary>
    /// When the line <paramref name="text"/>[<paramref name="lineStart"/>..<paramref name="lineEnd"/>) is double-byte
    /// text read as UTF-8 with replacement and its likeliest reading reads better than it, appends one finding per island
    /// the reading changes (lossy, in order) and returns true. The U+FFFD themselves are left to the loss markers.
    /// </summary>
    public static bool TryRead(string text, int lineStart, int lineEnd, List<EncodingFinding> findings)
    {
        ReadOnlySpan<char> line = text.AsSpan(lineStart, lineEnd - lineStart);
        if (line.Length > MaxLineLength || !IsEvidence(line))
        {
            return false;
        }

        List<(int Start, int End, string Replacement)>? bestIslands = null;
        int bestInvalid = int.MaxValue;
        double bestScore = double.NegativeInfinity;
        Codec? bestTruth = null;
        foreach (Codec truth in s_truths)
        {
            var islands = new List<(int Start, int End, string Replacement)>();
            int invalid = Read(line, truth.Page, islands);
            string restored = Apply(line, islands);
            double score = Survivors(restored);
            if (invalid < bestInvalid || (invalid == bestInvalid && score > bestScore))
            {
                (bestIslands, bestInvalid, bestScore, bestTruth) = (islands, invalid, score, truth);
            }
        }

        // The restored line must read better than the line as it stands, judged by the language model on its characters
        // without the losses (the U+FFFD between them are no text to score), each loss charged.
        if (bestIslands is null || bestIslands.Count == 0 || bestTruth is null
            || bestScore <= Survivors(line))
        {
            return false;
        }

        string chain = bestTruth.AsReadBy(Codec.Utf8);
        foreach ((int start, int end, string replacement) in bestIslands)
        {
            findings.Add(new EncodingFinding(lineStart + start, end - start, replacement, chain, Lossy: true));
        }

        return true;
    }

    /// <summary>
    /// True when a finding restores a kana or Hangul letter: the line's tokens found a Japanese or Korean reading, which
    /// this reading (GBK and Big5 only, see s_truths) would overrule (EncodingScanner.FindInLine asks it first).
    /// </summary>
    internal static bool RestoresKanaOrHangul(List<EncodingFinding> findings)
    {
        foreach (EncodingFinding finding in findings)
        {
            foreach (char c in finding.Replacement)
            {
                if (CjkText.IsKanaBlock(c) || CjkText.IsHangul(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The line shows the chain: enough losses, most of its characters beyond ASCII lost, and the survivors foreign.
    private static bool IsEvidence(ReadOnlySpan<char> line)
    {
        int losses = 0, survivors = 0, foreign = 0;
        foreach (char c in line)
        {
            if (c == '\uFFFD')
            {
                losses++;
            }
            else if (c >= '\u0080')
            {
                survivors++;
                foreign += c < '\u0800' ? 1 : 0;
            }
        }

        return losses >= MinLosses && survivors > 0 && losses >= MinLossShare * (losses + survivors) && foreign >= MinForeignShare * survivors;
    }

    // Reads every island of survivors between losses; returns the bytes no pair reads (an island with one stays as it is).
    private static int Read(ReadOnlySpan<char> line, CodePage page, List<(int Start, int End, string Replacement)> islands)
    {
        int invalid = 0;
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] == '\uFFFD')
            {
                i++;
                continue;
            }

            int start = i;
            int end = line[start..].IndexOf('\uFFFD') is int next and >= 0 ? start + next : line.Length;
            i = end;
            bool lostBefore = start > 0;
            bool lostAfter = end < line.Length;
            ReadOnlySpan<char> island = line[start..end];
            if (!lostBefore && !lostAfter)
            {
                continue;
            }

            int[] bytes = Bytes(island);
            char[] asLead = new char[bytes.Length];
            char[] asTrail = new char[bytes.Length];
            int leadLength = LayerUndo.DecodeIsland(page, bytes, asLead, out int leadInvalid, out int leadCut);
            bool trail = lostBefore && OpensWithTrail(page, bytes, island);
            int trailLength = 0, trailInvalid = 0, trailCut = 0;
            if (trail && bytes[0] >= 0x80)
            {
                // Both alignments read: fewer invalid pairs, else the likelier text, a character cut off at the end
                // charged a typical transition (as LayerUndo.IslandOpensWithTrail judges islands), the half the trail
                // reading drops at the start DroppedHalfCharge of one.
                trailLength = LayerUndo.DecodeIsland(page, bytes.AsSpan(1), asTrail, out trailInvalid, out trailCut);
                trail = trailInvalid != leadInvalid
                    ? trailInvalid < leadInvalid
                    : LayerUndo.Likelihood(asTrail.AsSpan(0, trailLength)) + ((trailCut + DroppedHalfCharge) * EncodingDecision.TypicalTransitionLogProb)
                        > LayerUndo.Likelihood(asLead.AsSpan(0, leadLength)) + (leadCut * EncodingDecision.TypicalTransitionLogProb);
            }
            else if (trail)
            {
                trailLength = LayerUndo.DecodeIsland(page, bytes.AsSpan(1), asTrail, out trailInvalid, out trailCut);
                trail = trailInvalid <= leadInvalid;
            }

            int bad = trail ? trailInvalid : leadInvalid;
            if (bad > 0)
            {
                invalid += bad;
                continue;
            }

            var replacement = new StringBuilder();
            if (trail)
            {
                replacement.Append('\uFFFD');
            }

            replacement.Append(trail ? asTrail.AsSpan(0, trailLength) : asLead.AsSpan(0, leadLength));
            if ((trail ? trailCut : leadCut) > 0)
            {
                replacement.Append('\uFFFD');
            }

            if (!island.SequenceEqual(replacement.ToString()))
            {
                islands.Add((start, end, replacement.ToString()));
            }
        }

        return invalid;
    }

    // An island after a loss opens on the trail of a lead the reader lost when its first byte can be one. An ASCII
    // letter or symbol can be a trail (40-7E in GBK and Big5) only when it stands alone: a word of ASCII is text.
    // Symbols count: Big5 writes many characters with @, `, \ or { as the trail (on the dev half, taking letters only
    // left 36 more lines short of the best text).
    private static bool OpensWithTrail(CodePage page, int[] bytes, ReadOnlySpan<char> island)
    {
        if (!LayerUndo.CanBeTrail(page, bytes[0]))
        {
            return false;
        }

        return bytes[0] >= 0x80 || island.Length == 1 || !char.IsAsciiLetterOrDigit(island[1]);
    }

    private static int[] Bytes(ReadOnlySpan<char> island)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(island.ToArray());
        int[] bytes = new int[utf8.Length];
        for (int k = 0; k < utf8.Length; k++)
        {
            bytes[k] = utf8[k];
        }

        return bytes;
    }

    private static string Apply(ReadOnlySpan<char> line, List<(int Start, int End, string Replacement)> islands)
    {
        var builder = new StringBuilder(line.Length);
        int at = 0;
        foreach ((int start, int end, string replacement) in islands)
        {
            builder.Append(line[at..start]).Append(replacement);
            at = end;
        }

        return builder.Append(line[at..]).ToString();
    }

    // The log-likelihood of the line's characters other than U+FFFD, read as one text, each U+FFFD charged a typical
    // transition (the restored line holds more of them, one for each half of a character, and must pay for them).
    private static double Survivors(ReadOnlySpan<char> line)
    {
        var kept = new StringBuilder(line.Length);
        int losses = 0;
        foreach (char c in line)
        {
            if (c != '\uFFFD')
            {
                kept.Append(c);
            }
            else
            {
                losses++;
            }
        }

        return LayerUndo.Likelihood(kept.ToString()) + (losses * EncodingDecision.TypicalTransitionLogProb);
    }
}
