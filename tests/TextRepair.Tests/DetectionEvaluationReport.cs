using System.Globalization;
using System.Text;

namespace TextRepair.Tests;

/// <summary>One detector's results on a split of the detection evaluation set.</summary>
public sealed record DetectionScore(string Detector, int Total, int Right, int[] LengthTotal, int[] LengthRight, int Utf8Total, int Utf8Wrong)
{
    public double Overall => Percent(Right, Total);

    public double ForLength(int index) => Percent(LengthRight[index], LengthTotal[index]);

    /// <summary>The table row of docs/encoding-detection.md.</summary>
    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Detector} | {Overall:0.0}% | {ForLength(0):0.0}% | {ForLength(1):0.0}% | {ForLength(2):0.0}% | {ForLength(3):0.0}% | {Utf8Wrong} of {Utf8Total} |");

    private static double Percent(int right, int total) => total == 0 ? 0 : 100.0 * right / total;
}

/// <summary>Scores answers on the detection evaluation set (shared by the drift test and tools/EncodingEval).</summary>
public static class DetectionEvaluationReport
{
    public const string Header =
        "| detector | right overall | tiny (2-6 chars) | short (7-30) | medium (30-300) | long (1-20 KB) | valid UTF-8 decoded differently |\n"
        + "|---|---:|---:|---:|---:|---:|---:|";

    /// <summary>Scores <paramref name="answer"/> (sample to encoding name, null for no answer) on <paramref name="samples"/>.</summary>
    public static DetectionScore Score(string detector, IReadOnlyList<DetectionSample> samples, Func<DetectionSample, string?> answer)
    {
        int right = 0, utf8Total = 0, utf8Wrong = 0;
        int[] lengthTotal = new int[4], lengthRight = new int[4];
        foreach (DetectionSample sample in samples)
        {
            bool ok = DetectionEvaluationSet.IsRight(sample, answer(sample));
            int length = Array.IndexOf(DetectionEvaluationSet.Lengths, sample.Length);
            lengthTotal[length]++;
            if (ok)
            {
                right++;
                lengthRight[length]++;
            }

            if (sample.Encoding == "utf-8")
            {
                utf8Total++;
                utf8Wrong += ok ? 0 : 1;
            }
        }

        return new DetectionScore(detector, samples.Count, right, lengthTotal, lengthRight, utf8Total, utf8Wrong);
    }

    /// <summary>Per encoding and length: right of total, for the library's row (to see where it errs).</summary>
    public static string Breakdown(IReadOnlyList<DetectionSample> samples, Func<DetectionSample, string?> answer)
    {
        var text = new StringBuilder("| encoding | tiny | short | medium | long |\n|---|---:|---:|---:|---:|\n");
        foreach (IGrouping<string, DetectionSample> group in samples.GroupBy(sample => sample.Encoding).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            text.Append("| ").Append(group.Key);
            foreach (string length in DetectionEvaluationSet.Lengths)
            {
                DetectionSample[] cell = [.. group.Where(sample => sample.Length == length)];
                int right = cell.Count(sample => DetectionEvaluationSet.IsRight(sample, answer(sample)));
                text.Append(CultureInfo.InvariantCulture, $" | {right}/{cell.Length}");
            }

            text.Append(" |\n");
        }

        return text.ToString();
    }
}
