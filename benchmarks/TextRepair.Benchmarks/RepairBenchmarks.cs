using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// TextRepairer and TextAnalyzer on about one million characters each of: clean Simplified text (LibreOffice zh-CN
/// help), the same text as clean Traditional (OpenCC s2t), and damaged text like the seed (the seed page repeated).
/// Baselines in the same run: a vectorised search that reads the whole clean text once (the floor of any pre-scan)
/// and OpenCC t2s over the damaged text (what one would otherwise run on such pages). Throughput in the README is
/// characters / mean time.
/// </summary>
[MemoryDiagnoser]
public class RepairBenchmarks
{
    private const int TargetLength = 1_000_000;

    // Characters the inputs never contain: searching for them reads the whole text once, vectorised (the floor of
    // any pre-scan).
    private static readonly SearchValues<char> s_absent = SearchValues.Create("\0\u0001");

    private string _cleanSimplified = string.Empty;
    private string _cleanTraditional = string.Empty;
    private string _damaged = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _cleanSimplified = Repeat(Read("zh-CN-help.txt"));
        _cleanTraditional = ChineseConverter.Get("s2t").Convert(_cleanSimplified);
        _damaged = Repeat(Read("seeds.000_fd27bc0d7b45cc12.txt"));

        // Warm the lazily loaded tables outside the measurements.
        _ = TextRepairer.Repair(_damaged[..20_000]);
        _ = TextRepairer.Repair(_cleanTraditional[..20_000]);
    }

    [Benchmark(Baseline = true)]
    public int Baseline_CleanSimplified_VectorisedScan() => _cleanSimplified.AsSpan().IndexOfAny(s_absent);

    [Benchmark]
    public RepairResult Repair_CleanSimplified() => TextRepairer.Repair(_cleanSimplified);

    [Benchmark]
    public RepairResult Repair_CleanTraditional() => TextRepairer.Repair(_cleanTraditional);

    [Benchmark]
    public RepairResult Repair_DamagedLikeTheSeed() => TextRepairer.Repair(_damaged);

    // The Chinese steps alone (annotations, script, punctuation), without the encoding (mojibake) step that runs first
    // in TextRepairer (RepairOptions.RepairEncoding = false): their own cost, reported next to the whole pipeline's.
    [Benchmark]
    public string ChineseSteps_CleanSimplified() => RunChineseSteps(_cleanSimplified);

    [Benchmark]
    public string ChineseSteps_DamagedLikeTheSeed() => RunChineseSteps(_damaged);

    [Benchmark]
    public TextReport Analyze_DamagedLikeTheSeed() => TextAnalyzer.Analyze(_damaged);

    [Benchmark]
    public TextReport Analyze_CleanSimplified() => TextAnalyzer.Analyze(_cleanSimplified);

    [Benchmark]
    public string Baseline_DamagedLikeTheSeed_OpenCcT2s() => ChineseConverter.Get("t2s").Convert(_damaged);

    // The whole pipeline with the encoding step turned off: what the Chinese steps cost, through the public API.
    private static readonly TextRepairer s_chineseSteps = TextRepairer.Create(new RepairOptions { RepairEncoding = false });

    private static string RunChineseSteps(string text) => s_chineseSteps.Repair(text).Text;

    private static string Read(string name)
    {
        using Stream stream = typeof(RepairBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded benchmark input {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Repeat(string text)
    {
        var builder = new System.Text.StringBuilder(TargetLength + text.Length);
        while (builder.Length < TargetLength)
        {
            builder.Append(text).Append('\n');
        }

        return builder.ToString();
    }
}
