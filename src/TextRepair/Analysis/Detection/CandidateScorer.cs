using System.Buffers;
using System.Globalization;
using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Analysis.Detection;

/// <summary>How one candidate decodes the sample: its text, the evidence against it, and its score.</summary>
internal sealed class CandidateScore
{
    public required DetectionEncoding Candidate { get; init; }

    /// <summary>The sample decoded (invalid sequences as U+FFFD).</summary>
    public required string Text { get; init; }

    /// <summary>Invalid byte sequences in the sample, plus those found in the rest of the input.</summary>
    public int Invalid { get; set; }

    /// <summary>Decoded characters that text does not contain: controls, C1 controls, unassigned and private-use code points.</summary>
    public int Odd { get; init; }

    /// <summary>Non-letter characters between two letters and letters of two alphabets side by side (Latin next to Cyrillic or Greek): what a single-byte decoding of the wrong code page makes of words.</summary>
    public int BrokenWords { get; init; }

    /// <summary>Log-likelihood of <see cref="Text"/> under the best-fitting script model.</summary>
    public double LanguageScore { get; init; }

    /// <summary>Per-character log-likelihood under that model.</summary>
    public double PerChar { get; init; }

    /// <summary>The candidate's log-score: language score, minus the penalties, plus its prior.</summary>
    public double Score => LanguageScore - (Invalid * CandidateScorer.InvalidCost) - (Odd * CandidateScorer.OddCost)
        - (BrokenWords * CandidateScorer.BrokenWordCost) + Candidate.Prior;
}

/// <summary>Decodes a sample with each candidate and scores the decodings. Stateless; thread-safe.</summary>
internal static class CandidateScorer
{
    /// <summary>
    /// Cost, in nats, of one invalid byte sequence: more than an unseen character costs under the language models, so a
    /// lossy decoding never beats a lossless one that reads about as well, yet one bad sequence in a long text does not
    /// outweigh thousands of fitting characters. Set by that reasoning; the development set has no case that moves with it.
    /// </summary>
    public const double InvalidCost = 40;

    /// <summary>Cost, in nats, of one control, unassigned or private-use character: text rarely has them, decodings of the wrong encoding often do. Set by hand, checked on the development set.</summary>
    public const double OddCost = 12;

    /// <summary>
    /// Cost, in nats, of a broken word (see <see cref="CandidateScore.BrokenWords"/>). The language models know
    /// only the letters of the languages they were trained on (no Polish or Czech), so Polish in Windows-1252
    /// ("u¿ytkownik", "³¹cze") and in Windows-1250 cost about the same unknown-character price; the broken words tell
    /// them apart. Development set: with this cost (before the folding below) the Windows-1250 cells went from 0 to 23
    /// of 48 right, and no other cell lost a sample.
    /// </summary>
    public const double BrokenWordCost = 6;

    /// <summary>
    /// Cost, in nats, of a letter folded to its base letter for the language models (one the Latin model hardly saw:
    /// all of Latin Extended-A, and \u00E5 \u00F8 \u00E3 \u00F2 ...; see <see cref="LatinOrthography"/>): the price of
    /// the diacritic, so that French in Windows-1250 ("tr\u010Ds" read as "trcs") does not beat French in Windows-1252
    /// ("tr\u00E8s"). Development set: folding without this cost lost 31 French samples in Windows-1252 or ISO-8859-1
    /// to Windows-1250; at 3.5 none, and the Polish cells stay at 47 of 48.
    /// </summary>
    public const double FoldedLetterCost = 3.5;

    /// <summary>
    /// Cost, in nats, of a letter with a diacritic that the alphabet fitting the text best lacks (see
    /// <see cref="LatinOrthography"/>): about what the Latin model charges for a letter it never saw (-14.9), as
    /// such a letter is as unlikely in that language. Session 26's single-byte confusion set (SingleByteConfusionTests):
    /// 8 left 25 of 360 samples wrong, 12 left 18, 15 left 15, 24 left 17; the development half is the same
    /// from 8 to 24.
    /// </summary>
    public const double MisfitCost = 15;

    /// <summary>Scores <paramref name="sample"/> under every candidate; <paramref name="complete"/> false when the sample is a prefix (a sequence cut at its end is not invalid).</summary>
    public static List<CandidateScore> ScoreAll(ReadOnlySpan<byte> sample, bool complete, bool includeUtf16)
    {
        var scores = new List<CandidateScore>(DetectionEncodings.All.Length);
        char[] buffer = ArrayPool<char>.Shared.Rent((sample.Length * 2) + 16);
        char[] folded = ArrayPool<char>.Shared.Rent(buffer.Length);
        try
        {
            foreach (DetectionEncoding candidate in DetectionEncodings.All)
            {
                if (candidate.Kind == CandidateKind.Utf16 && !includeUtf16)
                {
                    continue;
                }

                Decoder decoder = CountingDecoderFallback.CreateDecoder(candidate.Encoding, out CountingDecoderFallback fallback);
                int length = decoder.GetChars(sample, buffer, flush: complete);
                ReadOnlySpan<char> text = buffer.AsSpan(0, length);
                LatinOrthography.Fold(text, folded, out int foldedLetters, out int misfits);
                int shown = HalfwidthKatakana.Widen(folded.AsSpan(0, length));
                SpanScore language = CharNgramModel.Shared.ScoreBest(folded.AsSpan(0, shown));
                scores.Add(new CandidateScore
                {
                    Candidate = candidate,
                    Text = text.ToString(),
                    Invalid = fallback.Count + (candidate.Kind == CandidateKind.Utf16 && complete ? FusedFinalLineFeed(sample, text) : 0),
                    Odd = CountOdd(text),
                    BrokenWords = CountBrokenWords(text),
                    LanguageScore = language.Total - (foldedLetters * FoldedLetterCost) - (misfits * MisfitCost),
                    PerChar = language.PerChar,
                });
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(folded);
        }

        return scores;
    }

    /// <summary>
    /// 1 when a whole input ends with a line feed byte that a UTF-16 reading fuses with its neighbour into another
    /// character (U+0Axx little-endian, U+xx0A big-endian), else 0; counted as an invalid sequence. A text file ends
    /// with a line feed, which every ASCII-compatible candidate reads as one; in UTF-16 it is the unit 0A 00 or 00 0A, so
    /// a final 0x0A byte inside another unit is the file's line break broken by the wrong reading (session 27: the
    /// 6-byte EUC-JP "\u4F60\u597D\n" read as UTF-16LE "\uB08F\uB9DF\u0AA5" with confidence 1.00, its line feed gone).
    /// A UTF-16 text that happens to end in such a character without a line break pays one invalid sequence, which
    /// its other characters outweigh unless it is a few characters long.
    /// </summary>
    private static int FusedFinalLineFeed(ReadOnlySpan<byte> sample, ReadOnlySpan<char> text) =>
        sample.Length >= 2 && sample.Length % 2 == 0 && sample[^1] == (byte)'\n' && text is [.., not '\n'] ? 1 : 0;

    /// <summary>Counts <see cref="CandidateScore.BrokenWords"/>: non-ASCII non-letters between letters, and Latin letters next to Cyrillic or Greek ones.</summary>
    public static int CountBrokenWords(ReadOnlySpan<char> text)
    {
        int broken = 0;
        for (int i = 1; i < text.Length; i++)
        {
            char previous = text[i - 1];
            char c = text[i];
            if (c < 0x80 && previous < 0x80)
            {
                continue;
            }

            if (c >= 0xA0 && !char.IsLetter(c) && char.IsLetter(previous) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                broken++;
            }
            else if (char.IsLetter(c) && char.IsLetter(previous) && Alphabet(c) is int a && a != 0 && Alphabet(previous) is int b && b != 0 && a != b)
            {
                broken++;
            }
            else if (c >= 0x80 && !char.IsLetter(previous) && IsStrayLetter(text, i))
            {
                broken++;
            }
        }

        return broken;
    }

    /// <summary>
    /// Whether the letter at <paramref name="i"/> (after a non-letter) stands alone, a word of one letter, and the
    /// nearest letters before and after it are of one other alphabet: 'Add Ѕ cup and ј tsp' is Windows-1252's
    /// '½' and '¼' read as Windows-1251 (session 32: detected as windows-1251, 0.56). A one-letter word
    /// of another alphabet inside a sentence is what the wrong code page makes of a symbol between words.
    /// </summary>
    private static bool IsStrayLetter(ReadOnlySpan<char> text, int i)
    {
        int alphabet = Alphabet(text[i]);
        if (!char.IsLetter(text[i]) || alphabet == 0 || (i + 1 < text.Length && char.IsLetter(text[i + 1])))
        {
            return false;
        }

        int before = NearestLetter(text[..i], backwards: true);
        int after = NearestLetter(text[(i + 1)..], backwards: false);
        return before != 0 && before == after && before != alphabet;
    }

    /// <summary>The alphabet of the nearest letter on the line in the given direction, or 0.</summary>
    private static int NearestLetter(ReadOnlySpan<char> text, bool backwards)
    {
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[backwards ? text.Length - 1 - k : k];
            if (c == '\n')
            {
                return 0;
            }

            if (char.IsLetter(c))
            {
                return Alphabet(c);
            }
        }

        return 0;
    }

    /// <summary>1 Latin, 2 Greek, 3 Cyrillic, 0 any other letter.</summary>
    private static int Alphabet(char c) => c switch
    {
        <= '\u024F' => 1,
        >= '\u0370' and <= '\u03FF' => 2,
        >= '\u0400' and <= '\u052F' => 3,
        _ => 0,
    };

    /// <summary>Characters that text does not contain: C0 controls other than tab, line feed, form feed, carriage return and escape; DEL; C1 controls; unassigned and private-use code points.</summary>
    public static int CountOdd(ReadOnlySpan<char> text)
    {
        int odd = 0;
        foreach (char c in text)
        {
            if (c < 0x20)
            {
                odd += c is '\t' or '\n' or '\f' or '\r' or '\u001B' ? 0 : 1;
            }
            else if (c < 0x7F)
            {
                continue;
            }
            else if (c <= 0x9F)
            {
                odd++;
            }
            else if (c >= 0xE000 && c <= 0xF8FF)
            {
                odd++;
            }
            else if (!char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherNotAssigned)
            {
                odd++;
            }
        }

        return odd;
    }
}
