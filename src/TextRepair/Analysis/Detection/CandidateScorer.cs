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

    /// <summary>Log-likelihood of <see cref="Text"/> under the best-fitting script model.</summary>
    public double LanguageScore { get; init; }

    /// <summary>Per-character log-likelihood under that model.</summary>
    public double PerChar { get; init; }

    /// <summary>The candidate's log-score: language score, minus the penalties, plus its prior.</summary>
    public double Score => LanguageScore - (Invalid * CandidateScorer.InvalidCost) - (Odd * CandidateScorer.OddCost) + Candidate.Prior;
}

/// <summary>Decodes a sample with each candidate and scores the decodings. Stateless; thread-safe.</summary>
internal static class CandidateScorer
{
    /// <summary>
    /// Cost, in nats, of one invalid byte sequence: more than any character costs under the language models (the
    /// unknown-character probability of the models is about e^-16), so a lossy decoding never beats a lossless one
    /// that reads about as well, yet one bad sequence in a long text does not outweigh thousands of fitting characters.
    /// </summary>
    public const double InvalidCost = 40;

    /// <summary>Cost, in nats, of one control, unassigned or private-use character: text rarely has them, decodings of the wrong encoding often do.</summary>
    public const double OddCost = 12;

    /// <summary>Scores <paramref name="sample"/> under every candidate; <paramref name="complete"/> false when the sample is a prefix (a sequence cut at its end is not invalid).</summary>
    public static List<CandidateScore> ScoreAll(ReadOnlySpan<byte> sample, bool complete, bool includeUtf16)
    {
        var scores = new List<CandidateScore>(DetectionEncodings.All.Length);
        char[] buffer = ArrayPool<char>.Shared.Rent((sample.Length * 2) + 16);
        try
        {
            foreach (DetectionEncoding candidate in DetectionEncodings.All)
            {
                if (candidate.Kind == CandidateKind.Utf16 && !includeUtf16)
                {
                    continue;
                }

                Decoder decoder = CountingDecoderFallback.CreateDecoder(candidate.Encoding);
                int length = decoder.GetChars(sample, buffer, flush: complete);
                ReadOnlySpan<char> text = buffer.AsSpan(0, length);
                SpanScore language = CharNgramModel.Shared.ScoreBest(text);
                scores.Add(new CandidateScore
                {
                    Candidate = candidate,
                    Text = text.ToString(),
                    Invalid = CountingDecoderFallback.Count(decoder),
                    Odd = CountOdd(text),
                    LanguageScore = language.Total,
                    PerChar = language.PerChar,
                });
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return scores;
    }

    /// <summary>Characters that text does not contain: C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape; DEL; C1 controls; unassigned and private-use code points.</summary>
    public static int CountOdd(ReadOnlySpan<char> text)
    {
        int odd = 0;
        foreach (char c in text)
        {
            if (c < 0x20)
            {
                odd += c is '\t' or '\n' or '\v' or '\f' or '\r' or '\u001B' ? 0 : 1;
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
