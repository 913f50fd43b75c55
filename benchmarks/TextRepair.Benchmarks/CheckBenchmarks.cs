using System.Text;
using BenchmarkDotNet.Attributes;

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

    [Benchmark(Description = "IdentifyVariant")]
    public int Identify() => TextAnalyzer.IdentifyVariant(_text).Evidence.Count;
}
