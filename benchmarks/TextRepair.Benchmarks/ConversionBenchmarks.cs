using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// Throughput of ChineseConverter's span and string APIs on the whole corpus text (see <see cref="ConversionCorpus"/>),
/// with the baselines in the same run: a plain copy, a 64K-entry char table lookup (the ceiling for any
/// converter) and native OpenCC 1.1.6 through P/Invoke on the same text as UTF-8 (left out when not installed).
/// </summary>
[MemoryDiagnoser]
public class ConversionBenchmarks
{
    private string _text = string.Empty;
    private char[] _destination = [];
    private ChineseConverter _converter = null!;
    private byte[] _utf8 = [];
    private byte[] _utf8Destination = [];
    private nint _native;

    [Params("s2t", "t2s", "s2twp", "tw2sp")]
    public string Config { get; set; } = "s2t";

    [GlobalSetup]
    public void Setup()
    {
        (_text, _converter, _destination) = ConversionCorpus.Prepare(Config);

        _utf8 = Encoding.UTF8.GetBytes(_text);
        _utf8Destination = new byte[_utf8.Length * 4];
        if (NativeOpenCc.IsAvailable)
        {
            _native = NativeOpenCc.Open(NativeOpenCc.ConfigPath(Config));
        }

        Console.WriteLine($"// {Config}: {_text.Length:N0} chars from {ConversionCorpus.Source}; native OpenCC 1.1.6: {(NativeOpenCc.IsAvailable ? "loaded" : "not installed")}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_native != 0 && _native != -1)
        {
            _ = NativeOpenCc.Close(_native);
        }
    }

    [Benchmark(Description = "plain copy")]
    public void PlainCopy() => _text.AsSpan().CopyTo(_destination);

    [Benchmark(Baseline = true, Description = "64K char table")]
    public void CharTable() => ConversionCorpus.CharTableLookup(_text, _destination);

    [Benchmark(Description = "TextRepair span")]
    public OperationStatus SpanApi() => _converter.Convert(_text, _destination, out _, out _);

    [Benchmark(Description = "TextRepair string")]
    public string StringApi() => _converter.Convert(_text);

    [Benchmark(Description = "native OpenCC 1.1.6 (UTF-8)")]
    public unsafe nuint NativeOpenCc116()
    {
        fixed (byte* input = _utf8)
        fixed (byte* output = _utf8Destination)
        {
            return NativeOpenCc.ConvertToBuffer(_native, input, (nuint)_utf8.Length, output);
        }
    }
}
