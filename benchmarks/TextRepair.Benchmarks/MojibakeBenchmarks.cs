using System.Text;
using BenchmarkDotNet.Attributes;
using TextRepair.Repair.Mojibake;

namespace TextRepair.Benchmarks;

/// <summary>
/// Mojibake check on clean Chinese text (the pre-scan that lets corpora go through the repair by default), against a
/// plain scan of the same text as the baseline, and the full repair of garbled text. Text: the zh-cn test corpus
/// (LibreOffice help, tests/TextRepair.Tests/Data/Mojibake/zh-cn.txt), about 90 K characters.
/// </summary>
[MemoryDiagnoser]
public class MojibakeBenchmarks
{
    private string _clean = "";
    private string _garbled = "";

    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "tests", "TextRepair.Tests", "Data", "Mojibake", "zh-cn.txt")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new FileNotFoundException("zh-cn.txt not found above " + AppContext.BaseDirectory);
        }

        _clean = File.ReadAllText(Path.Combine(dir, "tests", "TextRepair.Tests", "Data", "Mojibake", "zh-cn.txt"));
        string sample = string.Join('\n', _clean.Split('\n').Take(200));
        _garbled = Encoding.GetEncoding(936).GetString(Encoding.UTF8.GetBytes(sample));
        _ = MojibakeRepair.IndexOfSuspicious(_clean);
    }

    /// <summary>Characters in the clean text (divide by the mean time to get characters per second).</summary>
    public int CleanLength => _clean.Length;

    [Benchmark(Baseline = true, Description = "plain scan: count Han characters (clean zh-cn)")]
    public int PlainScan()
    {
        int count = 0;
        foreach (char c in _clean)
        {
            count += c >= '\u4E00' && c <= '\u9FFF' ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "mojibake check (clean zh-cn)")]
    public int CleanCheck()
    {
        var findings = new List<MojibakeFinding>();
        MojibakeRepair.Find(_clean, findings);
        return findings.Count;
    }

    [Benchmark(Description = "mojibake repair (200 lines of utf-8 read as gbk)")]
    public string RepairGarbled() => MojibakeRepair.Repair(_garbled);
}
