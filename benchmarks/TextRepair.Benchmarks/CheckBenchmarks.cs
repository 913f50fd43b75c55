using System.Text;
using BenchmarkDotNet.Attributes;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Benchmarks;

/// <summary>
/// What <c>textrepair check --expect zh-Hant-TW</c> does per plain-text file, on UTF-8 bytes of real Traditional text
/// (LibreOffice help zh-TW, see <see cref="ConversionCorpus"/>): decode, the variant checker, the damage analysis (the
/// parts of the analyzer that make findings: annotations and encoding). The
/// baseline is the UTF-8 decoding alone, which any check must pay. Throughput = UTF-8 bytes / time.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private byte[] _utf8 = [];
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = ConversionCorpus.Traditional;
        _utf8 = Encoding.UTF8.GetBytes(_text);
        Console.WriteLine($"// check corpus: {_utf8.Length:N0} UTF-8 bytes ({ConversionCorpus.Source})");
        TextAnalyzer.CheckVariant("軟件", ChineseVariant.HantTW);
        var tables = TextRepair.Analysis.Variant.VariantTables.Instance;
        int stopTw = 0, keyStartTw = 0, keyPairTw = 0, rightTw = 0;
        for (int i = 0; i < _text.Length; i++)
        {
            byte s = tables.CheckStops[_text[i]];
            stopTw += (s & 4) != 0 ? 1 : 0;
            keyStartTw += (s & 4) == 0 && (s & 64) != 0 ? 1 : 0;
            keyPairTw += (s & 4) == 0 && (s & 64) != 0 && i + 1 < _text.Length
                && TextRepair.Analysis.Variant.VariantTables.HasBit(tables.TaiwanKeyPairs, TextRepair.Analysis.Variant.VariantTables.KeyPairBit(_text[i], _text[i + 1])) ? 1 : 0;
            rightTw += (s & 32) != 0 ? 1 : 0;
        }

        var classes = new Dictionary<string, int>();
        foreach (char c in _text)
        {
            if ((tables.CheckStops[c] & 4) != 0)
            {
                string k = (tables.Bmp[c] & (TextRepair.Analysis.Variant.CharClass.SimplifiedOnly | TextRepair.Analysis.Variant.CharClass.TaiwanConverts | TextRepair.Analysis.Variant.CharClass.TaiwanKeyStart | TextRepair.Analysis.Variant.CharClass.PhraseStart)).ToString() + (c == '\n' ? "NL" : "");
                classes[k] = classes.GetValueOrDefault(k) + 1;
            }
        }

        Console.WriteLine($"// " + string.Join(", ", classes.Select(p => $"{p.Key}={p.Value}")));
        Console.WriteLine($"// zh-Hant-TW: {_text.Length:N0} units, stops {stopTw:N0}, other key starts {keyStartTw:N0} ({keyPairTw:N0} with a key pair), Traditional-only {rightTw:N0}; findings {CheckVariantOnly():N0}");
        Console.WriteLine($"// suspicious characters: {SuspiciousCharsAll():N0} in {_text.Length:N0} characters; lines the encoding engine visits: {FindPreScanLoop():N0}");
    }

    [Benchmark(Baseline = true, Description = "baseline: UTF-8 decoding")]
    public int Decode() => Encoding.UTF8.GetString(_utf8).Length;

    [Benchmark(Description = "check (decode + CheckVariant zh-Hant-TW + Analyze annotations, encoding)")]
    public int Check()
    {
        string text = Encoding.UTF8.GetString(_utf8);
        return TextAnalyzer.CheckVariant(text, ChineseVariant.HantTW).Count
            + TextAnalyzer.Analyze(text, TextAnalyzerOptions.Annotations | TextAnalyzerOptions.Encoding).SuspectedDamage.Count;
    }

    [Benchmark(Description = "check as in session 5 (Analyze with every part)")]
    public int CheckAllParts()
    {
        string text = Encoding.UTF8.GetString(_utf8);
        return TextAnalyzer.CheckVariant(text, ChineseVariant.HantTW).Count + TextAnalyzer.Analyze(text).SuspectedDamage.Count;
    }

    [Benchmark(Description = "Analyze annotations, encoding only")]
    public int AnalyzeDamageOnly() => TextAnalyzer.Analyze(_text, TextAnalyzerOptions.Annotations | TextAnalyzerOptions.Encoding).SuspectedDamage.Count;

    [Benchmark(Description = "CheckVariant zh-Hant-TW only")]
    public int CheckVariantOnly() => TextAnalyzer.CheckVariant(_text, ChineseVariant.HantTW).Count;

    [Benchmark(Description = "stage: Analyze annotations only (the character-table pass)")]
    public int AnalyzeAnnotationsOnly() => TextAnalyzer.Analyze(_text, TextAnalyzerOptions.Annotations).SuspectedDamage.Count;

    [Benchmark(Description = "stage: encoding pre-scan (EncodingScanner.MayFind)")]
    public bool EncodingMayFind() => EncodingScanner.MayFind(_text);

    [Benchmark(Description = "stage: encoding pre-scan, suspicious characters (SuspiciousChars.IndexOf)")]
    public int SuspiciousCharsOnly() => SuspiciousChars.IndexOf(_text);

    [Benchmark(Description = "stage: encoding pre-scan, uncommon-Han lines (UncommonHan.IndexOfSuspiciousLine)")]
    public int UncommonHanLinesOnly() => UncommonHan.IndexOfSuspiciousLine(_text);

    [Benchmark(Description = "stage: SuspiciousChars.IndexOf resumed after every hit (whole text)")]
    public int SuspiciousCharsAll()
    {
        int hits = 0;
        for (int at = 0, next; at < _text.Length && (next = SuspiciousChars.IndexOf(_text.AsSpan(at))) >= 0; at += next + 1)
        {
            hits++;
        }

        return hits;
    }

    [Benchmark(Description = "stage: EncodingScanner.Find's pre-scan loop alone (IndexOfSuspicious, next line)")]
    public int FindPreScanLoop()
    {
        int visits = 0;
        for (int position = 0, hit; position < _text.Length && (hit = EncodingScanner.IndexOfSuspicious(_text.AsSpan(position))) >= 0;)
        {
            int lineEnd = _text.AsSpan(position + hit).IndexOfAny('\n', '\r');
            position = lineEnd < 0 ? _text.Length : position + hit + lineEnd + 1;
            visits++;
        }

        return visits;
    }

    [Benchmark(Description = "stage: encoding engine (EncodingScanner.Find)")]
    public int EncodingFind()
    {
        var findings = new List<EncodingFinding>();
        EncodingScanner.Find(_text, findings);
        return findings.Count;
    }

    [Benchmark(Description = "IdentifyVariant")]
    public int Identify() => TextAnalyzer.IdentifyVariant(_text).Evidence.Count;
}
