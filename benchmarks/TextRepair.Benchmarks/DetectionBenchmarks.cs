using System.Text;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// Encoding detection of a large file (the zh-CN help text of the tests, repeated to 32 MB of UTF-8 or 12 M characters,
/// whichever comes first: about 20 MB in GB18030 and 28 MB in UTF-8; the setup prints the sizes), in GB18030 and in
/// UTF-8, against the cheapest pass over the same bytes as baselines in the same run: one GB18030 decoding pass
/// (GetCharCount) and the framework's UTF-8 validation. Detection scores a 16 KB sample with every candidate and
/// checks the rest for validity under the leader. Throughput = <see cref="Megabytes"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private byte[] _gb18030 = [];
    private byte[] _utf8 = [];
    private Encoding _gb18030Encoding = Encoding.UTF8;

    /// <summary>Size of each input in MB (10^6 bytes).</summary>
    public double Megabytes => _gb18030.Length / 1e6;

    [GlobalSetup]
    public void Setup()
    {
        _gb18030Encoding = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;
        using var reader = new StreamReader(typeof(DetectionBenchmarks).Assembly.GetManifestResourceStream("zh-CN-help.txt")!);
        string text = reader.ReadToEnd();
        var large = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(large.ToString()) < 32_000_000 && large.Length < 12_000_000)
        {
            large.Append(text);
        }

        _gb18030 = _gb18030Encoding.GetBytes(large.ToString());
        _utf8 = Encoding.UTF8.GetBytes(large.ToString());
        _ = EncodingDetector.Detect(_gb18030.AsSpan(0, 4096));
        Console.WriteLine($"// inputs: {large.Length:N0} chars; GB18030 {_gb18030.Length:N0} bytes, UTF-8 {_utf8.Length:N0} bytes");
    }

    [Benchmark(Baseline = true, Description = "GB18030 decoding pass (GetCharCount)")]
    public int DecodeGb18030() => _gb18030Encoding.GetCharCount(_gb18030);

    [Benchmark(Description = "EncodingDetector.Detect, GB18030 file")]
    public string DetectGb18030() => EncodingDetector.Detect(_gb18030).Name;

    [Benchmark(Description = "UTF-8 validation (Utf8.IsValid)")]
    public bool ValidateUtf8() => Utf8.IsValid(_utf8);

    [Benchmark(Description = "EncodingDetector.Detect, UTF-8 file")]
    public string DetectUtf8() => EncodingDetector.Detect(_utf8).Name;
}
