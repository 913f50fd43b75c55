using System.Globalization;
using System.Text;
using TextRepair;
using TextRepair.Tests;
using UtfUnknown;

// Usage (see tools/encoding-eval.sh):
//   EncodingEval score [dev|test]          TextRepair only, with its breakdown and its errors (for tuning on dev)
//   EncodingEval generate DIR              writes every held-out sample to DIR/<id>.bin and DIR/manifest.tsv
//   EncodingEval report DIR OTHERS.tsv DOC writes the comparison table (TextRepair, UTF.Unknown, the others' answers) into DOC
//   EncodingEval confusion                 the single-byte confusion set (Windows-1250/1252/1251), with the sure misreads
//   EncodingEval probe DIR                 files written by tools/detection-probe-japanese.py: right of total per category, encoding and half
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
string root = FindRoot();
string data = Path.Combine(root, "tests", "TextRepair.Tests", "Data");
List<DetectionSample> all = args.Length > 0 && args[0] is "debug" or "confusion" or "probe" ? [] : DetectionEvaluationSet.Build(data);
string command = args.Length > 0 ? args[0] : "score";
switch (command)
{
    case "score":
        {
            bool dev = args.Length < 2 || args[1] == "dev";
            List<DetectionSample> samples = [.. all.Where(sample => sample.Dev == dev)];
            var answers = samples.ToDictionary(sample => sample.Id, sample => EncodingDetector.Detect(sample.Bytes));
            DetectionScore score = DetectionEvaluationReport.Score("TextRepair", samples, sample => answers[sample.Id].Name);
            Console.WriteLine(DetectionEvaluationReport.Header);
            Console.WriteLine(score.Row());
            Console.WriteLine();
            Console.WriteLine(DetectionEvaluationReport.Breakdown(samples, sample => answers[sample.Id].Name));
            foreach (DetectionSample sample in samples.Where(sample => !DetectionEvaluationSet.IsRight(sample, answers[sample.Id].Name)).Take(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60))
            {
                string text = sample.Text.Length > 40 ? sample.Text[..40] + "..." : sample.Text;
                Console.WriteLine($"{sample.Id}: {string.Join(", ", answers[sample.Id].Candidates.Take(4))}  [{text.ReplaceLineEndings(" ")}]");
            }

            break;
        }

    case "debug":
        {
            byte[] bytes = Convert.FromHexString(args[1]);
            foreach (string name in EncodingDetector.CandidateNames)
            {
                Encoding encoding = EncodingDetector.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)!;
                Decoder decoder = encoding.GetDecoder();
                decoder.Fallback = new DecoderReplacementFallback("\u2603");
                char[] chars = new char[bytes.Length * 2 + 8];
                int n = decoder.GetChars(bytes, chars, flush: true);
                Console.WriteLine($"{name}: [{encoding.GetString(bytes)}] [{new string(chars, 0, n)}]");
            }

            Console.WriteLine(string.Join(", ", EncodingDetector.Detect(bytes).Candidates));
            break;
        }

    case "probe":
        {
            var cells = new SortedDictionary<string, (int Right, int Total, string Wrong)>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(Path.Combine(args[1], "manifest.tsv")))
            {
                string[] field = line.Split('\t');
                string text = System.Text.Json.JsonSerializer.Deserialize<string>(field[4])!;
                byte[] bytes = File.ReadAllBytes(Path.Combine(args[1], field[0] + ".bin"));
                EncodingDetection detection = EncodingDetector.Detect(bytes);
                bool right = detection.Encoding.GetString(bytes) == text;
                string key = $"{field[1]} {field[2]} {field[3]}";
                (int r, int t, string wrong) = cells.GetValueOrDefault(key, (0, 0, ""));
                cells[key] = (r + (right ? 1 : 0), t + 1, right ? wrong : wrong + " " + detection.Name);
            }

            foreach ((string key, (int right, int total, string wrong)) in cells)
            {
                Console.WriteLine($"{key}: {right}/{total}{(wrong.Length > 0 ? "  wrong:" + wrong : "")}");
            }

            break;
        }

    case "confusion":
        {
            List<SingleByteSample> samples = SingleByteConfusionSet.Build(data);
            Console.Write(SingleByteConfusionSet.Report(samples, sample => EncodingDetector.Detect(sample.Bytes), 0.9, out int wrong, out int sure));
            Console.WriteLine($"{samples.Count} samples, {wrong} wrong, {sure} of them with confidence 0.90 or more");
            break;
        }

    case "generate":
        {
            string directory = args[1];
            Directory.CreateDirectory(directory);
            var manifest = new StringBuilder();
            foreach (DetectionSample sample in all.Where(sample => !sample.Dev))
            {
                File.WriteAllBytes(Path.Combine(directory, sample.Id + ".bin"), sample.Bytes);
                manifest.Append(CultureInfo.InvariantCulture, $"{sample.Id}\t{sample.Locale}\t{sample.Encoding}\t{sample.Length}\n");
            }

            File.WriteAllText(Path.Combine(directory, "manifest.tsv"), manifest.ToString());
            Console.WriteLine($"{all.Count(sample => !sample.Dev)} held-out samples written to {directory}");
            break;
        }

    case "report":
        {
            List<DetectionSample> samples = [.. all.Where(sample => !sample.Dev)];
            var others = new Dictionary<string, Dictionary<string, string>>();
            foreach (string line in File.ReadAllLines(args[2]))
            {
                string[] fields = line.Split('\t');
                if (!others.TryGetValue(fields[1], out Dictionary<string, string>? answers))
                {
                    others[fields[1]] = answers = [];
                }

                answers[fields[0]] = fields.Length > 2 ? fields[2] : "";
            }

            var ours = samples.ToDictionary(sample => sample.Id, sample => EncodingDetector.Detect(sample.Bytes).Name);
            var rows = new List<DetectionScore> { DetectionEvaluationReport.Score("TextRepair", samples, sample => ours[sample.Id]) };
            foreach ((string name, Dictionary<string, string> answers) in others.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                rows.Add(DetectionEvaluationReport.Score(name, samples, sample => answers.GetValueOrDefault(sample.Id)));
            }

            var utfUnknown = samples.ToDictionary(sample => sample.Id, sample => CharsetDetector.DetectFromBytes(sample.Bytes).Detected?.EncodingName);
            rows.Insert(rows.Count, DetectionEvaluationReport.Score("UTF.Unknown 2.8.0", samples, sample => utfUnknown[sample.Id]));
            string table = DetectionEvaluationReport.Header + "\n" + string.Join("\n", rows.Select(row => row.Row())) + "\n";
            string breakdown = DetectionEvaluationReport.Breakdown(samples, sample => ours[sample.Id]);
            ReplaceBetween(args[3], "<!-- table -->", "<!-- /table -->", table);
            ReplaceBetween(args[3], "<!-- breakdown -->", "<!-- /breakdown -->", breakdown);
            Console.Write(table);
            Console.Write(breakdown);
            break;
        }

    default:
        Console.Error.WriteLine("usage: EncodingEval score [dev|test] | confusion | generate DIR | report DIR OTHERS.tsv DOC");
        return 2;
}

return 0;

static void ReplaceBetween(string path, string start, string end, string content)
{
    string text = File.ReadAllText(path);
    int from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
    int to = text.IndexOf(end, StringComparison.Ordinal);
    File.WriteAllText(path, text[..from] + "\n" + content + text[to..]);
}

static string FindRoot()
{
    string directory = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(directory, "TextRepair.sln")))
    {
        directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("repository root not found");
    }

    return directory;
}
