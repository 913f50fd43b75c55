using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// What a checkable conversion costs over the plain one (the baseline, same run, same text): the ambiguity report
/// through the span API with a counting sink, and protection of markup, URLs, e-mail addresses and paths. Real text
/// (see <see cref="ConversionCorpus"/>): Simplified for s2t and s2twp, Traditional for tw2s.
/// </summary>
[MemoryDiagnoser]
public class ConversionTrustBenchmarks
{
    private string _text = string.Empty;
    private char[] _destination = [];
    private ChineseConverter _converter = null!;
    private ChineseConverter _protecting = null!;
    private readonly CountingSink _sink = new();

    [Params("s2t", "s2twp", "tw2s")]
    public string Config { get; set; } = "s2t";

    [GlobalSetup]
    public void Setup()
    {
        (_text, _converter, _destination) = ConversionCorpus.Prepare(Config);
        _protecting = _converter.WithProtection(ProtectedText.Markup | ProtectedText.Urls | ProtectedText.EmailAddresses | ProtectedText.Paths);

        // Warm the one-to-many tables (read once per process) outside the measurements.
        _converter.ConvertReportingAmbiguities(_text, _destination, out _, out _, _sink);
        Console.WriteLine($"// {Config}: {_text.Length:N0} chars from {ConversionCorpus.Source}; {_sink.Count:N0} ambiguities ({_sink.Count * 10000.0 / _text.Length:F1} per 10,000 chars)");
    }

    [Benchmark(Baseline = true, Description = "plain span")]
    public OperationStatus Plain() => _converter.Convert(_text, _destination, out _, out _);

    [Benchmark(Description = "span + ambiguity sink")]
    public int WithAmbiguities()
    {
        _sink.Count = 0;
        _converter.ConvertReportingAmbiguities(_text, _destination, out _, out _, _sink);
        return _sink.Count;
    }

    [Benchmark(Description = "span, protecting markup/URLs/e-mail/paths")]
    public OperationStatus Protected() => _protecting.Convert(_text, _destination, out _, out _);

    private sealed class CountingSink : IConversionAmbiguitySink
    {
        public int Count { get; set; }

        public void Add(in ConversionAmbiguity ambiguity) => Count++;
    }
}

/// <summary>
/// Building a converter with a 10,000-entry glossary (OpenCC text format) against reading the same text into a
/// dictionary (the baseline: what any glossary reader must do). Entries are the first 10,000 distinct 2-4 character
/// runs of CJK in the Simplified corpus, each with its s2t conversion.
/// </summary>
[MemoryDiagnoser]
public class GlossaryBuildBenchmarks
{
    // The size: "build 10,000 entries in <= 50 ms".
    private const int Entries = 10_000;

    private string _glossary = string.Empty;
    private ChineseConverter _converter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _converter = ChineseConverter.Get("s2twp");
        ChineseConverter s2t = ChineseConverter.Get("s2t");
        string text = ConversionCorpus.Simplified;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lines = new System.Text.StringBuilder();
        for (int i = 0; i + 4 <= text.Length && keys.Count < Entries; i += 3)
        {
            int length = 2 + (i % 3);
            string key = text.Substring(i, length);
            if (key.All(c => c >= '\u4E00' && c <= '\u9FFF') && keys.Add(key))
            {
                lines.Append(key).Append('\t').Append(s2t.Convert(key)).Append('\n');
            }
        }

        _glossary = lines.ToString();
        Console.WriteLine($"// glossary: {keys.Count:N0} entries, {_glossary.Length:N0} chars");
    }

    [Benchmark(Baseline = true, Description = "read into a Dictionary")]
    public int ReadOnly()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StringReader(_glossary);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            map.TryAdd(line[..tab], line[(tab + 1)..]);
        }

        return map.Count;
    }

    [Benchmark(Description = "WithGlossary (10,000 entries)")]
    public ChineseConverter Build()
    {
        using var reader = new StringReader(_glossary);
        return _converter.WithGlossary(reader);
    }
}
