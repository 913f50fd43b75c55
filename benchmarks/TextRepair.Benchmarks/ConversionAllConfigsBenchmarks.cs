using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// Steady-state throughput of the span API for every one of OpenCC's 16 configs on the corpus text (Simplified for
/// s2*, Traditional for the others; see <see cref="ConversionCorpus"/>), with the 64K char-table lookup (the ceiling
/// for any converter) as the baseline of each config in the same run.
/// </summary>
[MemoryDiagnoser]
public class ConversionAllConfigsBenchmarks
{
    private string _text = string.Empty;
    private char[] _destination = [];
    private ChineseConverter _converter = null!;

    [Params("s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t")]
    public string Config { get; set; } = "s2t";

    [GlobalSetup]
    public void Setup()
    {
        (_text, _converter, _destination) = ConversionCorpus.Prepare(Config);

        Console.WriteLine($"// {Config}: {_text.Length:N0} chars from {ConversionCorpus.Source}");
    }

    [Benchmark(Baseline = true, Description = "64K char table")]
    public void CharTable() => ConversionCorpus.CharTableLookup(_text, _destination);

    [Benchmark(Description = "TextRepair span")]
    public OperationStatus SpanApi() => _converter.Convert(_text, _destination, out _, out _);
}
