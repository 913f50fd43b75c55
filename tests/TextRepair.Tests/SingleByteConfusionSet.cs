using System.Globalization;
using System.Text;

namespace TextRepair.Tests;

/// <summary>One sample of the single-byte confusion set: a sentence (or a window of one) in its code page.</summary>
public sealed record SingleByteSample(string Encoding, string Language, string Length, string Text, byte[] Bytes);

/// <summary>
/// The single-byte confusion set (session 26): sentences written for it in Data/Detection/single-byte.tsv, Central
/// European languages in Windows-1250 (cs, sk, pl, hu, sl, hr, ro), Western ones in Windows-1252 (fr, de, es, pt,
/// it, nl, sv, da, fi), Russian, Ukrainian and Bulgarian in Windows-1251. Each sentence is a sample, and so is every
/// window of whole words of 20-60 characters that starts at every third word of a longer sentence and holds a
/// non-ASCII letter. Lengths: short (up to 60 characters), medium (61-150), long (151 and more). Deterministic.
/// Used by SingleByteConfusionTests and tools/EncodingEval (<c>confusion</c>).
/// </summary>
public static class SingleByteConfusionSet
{
    public static readonly string[] Encodings = ["windows-1250", "windows-1252", "windows-1251"];

    public static readonly string[] Lengths = ["short", "medium", "long"];

    /// <summary>Window sizes, in characters: the short texts the defect was found on.</summary>
    private const int WindowMin = 20, WindowMax = 60, WindowStride = 3;

    public static List<SingleByteSample> Build(string dataDirectory)
    {
        var samples = new List<SingleByteSample>();
        foreach (string line in File.ReadAllLines(Path.Combine(dataDirectory, "Detection", "single-byte.tsv"), System.Text.Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            Encoding encoding = DetectionEvaluationSet.Strict(fields[0]);
            string text = fields[2];
            samples.Add(new SingleByteSample(fields[0], fields[1], LengthOf(text), text, encoding.GetBytes(text)));
            if (text.Length <= WindowMax)
            {
                continue;
            }

            string[] words = text.Split(' ');
            for (int first = WindowStride; first < words.Length; first += WindowStride)
            {
                string window = words[first];
                for (int next = first + 1; next < words.Length && window.Length + 1 + words[next].Length <= WindowMax; next++)
                {
                    window += " " + words[next];
                }

                if (window.Length >= WindowMin && window.Any(c => c > 0x7F))
                {
                    samples.Add(new SingleByteSample(fields[0], fields[1], "short", window, encoding.GetBytes(window)));
                }
            }
        }

        return samples;
    }

    /// <summary>Whether the answer decodes the sample to its text (an answer that reads the bytes alike is right).</summary>
    public static bool IsRight(SingleByteSample sample, string answer) =>
        answer == sample.Encoding || DetectionEvaluationSet.Strict(answer) is var encoding && Decodes(encoding, sample);

    private static bool Decodes(Encoding encoding, SingleByteSample sample)
    {
        try
        {
            return encoding.GetString(sample.Bytes) == sample.Text;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string LengthOf(string text) => text.Length <= WindowMax ? "short" : text.Length <= 150 ? "medium" : "long";

    /// <summary>
    /// The confusion table: per code page and length, right of total, and the wrong answers by name; then the wrong
    /// answers with confidence of at least <paramref name="sure"/>.
    /// </summary>
    public static string Report(IReadOnlyList<SingleByteSample> samples, Func<SingleByteSample, EncodingDetection> detect, double sure, out int wrong, out int wrongAndSure)
    {
        var text = new StringBuilder("| encoding | short | medium | long | read as |\n|---|---:|---:|---:|---|\n");
        var sureLines = new StringBuilder();
        wrong = 0;
        wrongAndSure = 0;
        foreach (string encoding in Encodings)
        {
            var misreads = new SortedDictionary<string, int>(StringComparer.Ordinal);
            text.Append("| ").Append(encoding);
            foreach (string length in Lengths)
            {
                SingleByteSample[] cell = [.. samples.Where(sample => sample.Encoding == encoding && sample.Length == length)];
                int right = 0;
                foreach (SingleByteSample sample in cell)
                {
                    EncodingDetection detection = detect(sample);
                    if (IsRight(sample, detection.Name))
                    {
                        right++;
                        continue;
                    }

                    wrong++;
                    misreads[detection.Name] = misreads.GetValueOrDefault(detection.Name) + 1;
                    if (detection.Confidence >= sure)
                    {
                        wrongAndSure++;
                        sureLines.Append(CultureInfo.InvariantCulture, $"{sample.Language} as {detection.Name} ({detection.Confidence:0.00}): {sample.Text}\n");
                    }
                }

                text.Append(CultureInfo.InvariantCulture, $" | {right}/{cell.Length}");
            }

            text.Append(" | ").Append(string.Join(", ", misreads.Select(pair => $"{pair.Key} {pair.Value}"))).Append(" |\n");
        }

        return text.Append(sureLines).ToString();
    }
}
