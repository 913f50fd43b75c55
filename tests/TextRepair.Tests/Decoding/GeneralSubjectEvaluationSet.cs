using System.Text.RegularExpressions;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A second, smaller encoding evaluation on general-subject Chinese: the seed page's reference repair (Dongguan
/// government news) and the US Constitution of OpenCC's benchmark (Data/OpenCC/golden/input), cut into sentences, and
/// the same sentences in Taiwan forms (this library's s2tw). The main set's text is software help (LibreOffice), the
/// subject the language model was first trained on; real damaged pages are news, forums, shops. Neither text is in the
/// model's training data. No threshold or model choice was ever tuned on this set: it is reported whole (no dev half).
/// The cases are made as the main set makes them: every Chinese row of <see cref="EncodingEvaluationSet.Rows"/> read
/// with every wrong decoder, at three lengths, lossless and lossy, and clean text. Deterministic.
/// </summary>
public static partial class GeneralSubjectEvaluationSet
{
    public static Dictionary<string, List<string>> Sentences()
    {
        string root = AppContext.BaseDirectory;
        var simplified = new List<string>();
        foreach (string path in new[] { Path.Combine(root, "seeds", "000_fd27bc0d7b45cc12.expected.txt"), Path.Combine(root, "Data", "OpenCC", "golden", "input", "us_constitution_zhs.txt") })
        {
            foreach (string line in File.ReadAllLines(path, System.Text.Encoding.UTF8))
            {
                simplified.AddRange(SentenceEnd().Split(line).Select(s => s.Trim()).Where(s => s.Length >= 4));
            }
        }

        ChineseConverter s2tw = ChineseConverter.Get("s2tw");
        return new Dictionary<string, List<string>>
        {
            ["zh-cn"] = simplified,
            ["zh-tw"] = simplified.Select(s2tw.Convert).ToList(),
        };
    }

    public static List<EvalCase> Build(int seed = 12)
    {
        var random = new Random(seed);
        Dictionary<string, List<string>> lines = Sentences();
        var cases = new List<EvalCase>();
        EncodingEvaluationSet.AddMatrix(cases, lines, random);

        foreach (string locale in lines.Keys)
        {
            foreach (string length in EncodingEvaluationSet.Lengths)
            {
                for (int k = 0; k < 10; k++)
                {
                    EncodingEvaluationSet.Generate(cases, $"clean {locale}", length, EvalKind.Clean, random, () => EncodingEvaluationSet.Sample(lines[locale], length, random), t => (t, t));
                }
            }
        }

        return cases;
    }

    // A sentence ends after 。！？；, full-width or not; the mark stays with its sentence.
    [GeneratedRegex("(?<=[\u3002\uFF01\uFF1F\uFF1B!?;])")]
    private static partial Regex SentenceEnd();
}
