using System.Buffers;
using System.Text;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// ConvertUtf8 on the corpus as UTF-8, with the baselines in the same run: a plain byte copy, a UTF-8 -> UTF-16 ->
/// UTF-8 round trip (what any UTF-16 converter must at least do) and native OpenCC 1.1.6, which works on UTF-8.
/// </summary>
[MemoryDiagnoser]
public class ConversionUtf8Benchmarks
{
    private byte[] _source = [];
    private byte[] _destination = [];
    private char[] _chars = [];
    private ChineseConverter _converter = null!;
    private nint _native;

    [Params("t2s", "s2t")]
    public string Config { get; set; } = "t2s";

    [GlobalSetup]
    public void Setup()
    {
        string text = ConversionCorpus.For(Config);
        _source = Encoding.UTF8.GetBytes(text);
        _converter = ChineseConverter.Get(Config);
        _destination = new byte[_converter.GetMaxConvertedUtf8Length(_source.Length)];
        _chars = new char[_source.Length];
        if (NativeOpenCc.IsAvailable)
        {
            _native = NativeOpenCc.Open(NativeOpenCc.ConfigPath(Config));
        }

        Console.WriteLine($"// {Config}: {_source.Length:N0} UTF-8 bytes from {ConversionCorpus.Source}");
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
    public void PlainCopy() => _source.AsSpan().CopyTo(_destination);

    [Benchmark(Baseline = true, Description = "UTF-8 round trip")]
    public OperationStatus RoundTrip()
    {
        Utf8.ToUtf16(_source, _chars, out _, out int chars);
        return Utf8.FromUtf16(_chars.AsSpan(0, chars), _destination, out _, out _);
    }

    [Benchmark(Description = "TextRepair ConvertUtf8")]
    public OperationStatus ConvertUtf8() => _converter.ConvertUtf8(_source, _destination, out _, out _);

    [Benchmark(Description = "native OpenCC 1.1.6")]
    public unsafe nuint NativeOpenCc116()
    {
        fixed (byte* input = _source)
        fixed (byte* output = _destination)
        {
            return NativeOpenCc.ConvertToBuffer(_native, input, (nuint)_source.Length, output);
        }
    }
}
