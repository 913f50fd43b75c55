using System.Text;
using BenchmarkDotNet.Attributes;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Variant;
using TextRepair.Cli.Check;
using TextRepair.Tests.Decoding;

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
        Console.WriteLine($"// {_text.Length:N0} UTF-16 units; zh-Hant-TW checker stops: {CheckerStops(ChineseVariant.HantTW):N0}, findings: {CheckVariantOnly():N0}");
        Console.WriteLine($"// suspicious characters: {SuspiciousCharsAll():N0}; lines the encoding engine visits: {FindPreScanLoop():N0}");
    }

    [Benchmark(Baseline = true, Description = "baseline: UTF-8 decoding")]
    public int Decode() => Encoding.UTF8.GetString(_utf8).Length;

    [Benchmark(Description = "decode as check does (Utf8Text: byte count, then one transcoding pass)")]
    public int DecodeAsCheck() => Utf8Text.TryDecode(_utf8, 0)!.Length;

    [Benchmark(Description = "check (decode + CheckVariant zh-Hant-TW + Analyze annotations, encoding)")]
    public int Check()
    {
        string text = Utf8Text.TryDecode(_utf8, 0)!;
        return TextAnalyzer.CheckVariant(text, ChineseVariant.HantTW).Count
            + TextAnalyzer.Analyze(text, TextAnalyzerOptions.Annotations | TextAnalyzerOptions.Encoding).SuspectedDamage.Count;
    }

    [Benchmark(Description = "check as in session 8 (GetString, Analyze copying the text)")]
    public int CheckSession8()
    {
        string text = Encoding.UTF8.GetString(_utf8);
        return TextAnalyzer.CheckVariant(text, ChineseVariant.HantTW).Count
            + TextAnalyzer.Analyze(text.AsSpan(), TextAnalyzerOptions.Annotations | TextAnalyzerOptions.Encoding).SuspectedDamage.Count;
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

    [Benchmark(Description = "stage: encoding pre-scan, uncommon-Han lines (UncommonHanLines.IsSuspiciousLine per line)")]
    public int UncommonHanLinesOnly() =>
        // The second pre-scan as it was before session 12 merged it into the first (SuspiciousChars.IndexOfSuspiciousOrUncommonLine).
        UncommonHanLines.IndexOfSuspiciousLine(_text);

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

    // The units at which the checker leaves its skipping loop (see VariantChecker.NextStop). Since session 9 that is all
    // of them: line breaks and the expected script's characters no longer stop it.
    private int CheckerStops(ChineseVariant expected)
    {
        VariantTables tables = VariantTables.Instance;
        byte stop = VariantTables.StopBit(expected);
        byte keyStop = VariantTables.KeyStartBit(expected);
        ulong[] pairs = expected == ChineseVariant.HantTW ? tables.TaiwanKeyPairs : tables.HongKongKeyPairs;
        int stops = 0;
        for (int i = 0; i < _text.Length; i++)
        {
            byte s = tables.CheckStops[_text[i]];
            bool keyPair = (s & keyStop) != 0 && i + 1 < _text.Length
                && VariantTables.HasBit(pairs, VariantTables.KeyPairBit(_text[i], _text[i + 1]));
            stops += (s & stop) != 0 || keyPair ? 1 : 0;
        }

        return stops;
    }
}
