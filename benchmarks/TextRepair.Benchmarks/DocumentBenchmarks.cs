using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace TextRepair.Benchmarks;

/// <summary>
/// Throughput of <see cref="DocumentConverter"/> on real HTML and Markdown (the Chinese documents under
/// tests/TextRepair.Tests/Data/Documents, embedded, joined and repeated to about 256K characters), with plain-text conversion of
/// the very same string as the baseline in the same run: the ratio is the cost of finding the visible text and
/// writing the markup back.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    // About 256K characters (some 340 KB of UTF-8): per-call costs vanish, and a run stays within the in-process
    // toolchain's time limit on a loaded machine (1M characters did not).
    private const int TargetChars = 1 << 18;

    private string _document = string.Empty;
    private ChineseConverter _converter = null!;
    private DocumentConverter _documents = null!;

    [Params(DocumentFormat.Html, DocumentFormat.Markdown)]
    public DocumentFormat Format { get; set; } = DocumentFormat.Html;

    [Params("s2twp")]
    public string Config { get; set; } = "s2twp";

    [GlobalSetup]
    public void Setup()
    {
        string extension = Format == DocumentFormat.Html ? ".html" : ".md";
        var parts = new List<string>();
        Assembly assembly = typeof(DocumentBenchmarks).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("documents.", StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            parts.Add(reader.ReadToEnd());
        }

        if (parts.Count == 0 || parts.All(p => p.Length == 0))
        {
            throw new InvalidOperationException($"No embedded {extension} documents: check the EmbeddedResource items of the benchmark project.");
        }

        var builder = new StringBuilder();
        while (builder.Length < TargetChars)
        {
            foreach (string part in parts)
            {
                builder.Append(part).Append('\n');
            }
        }

        _document = builder.ToString();
        _converter = ChineseConverter.Get(Config);
        _documents = new DocumentConverter(_converter);
        Console.WriteLine($"// {Format}: {_document.Length:N0} chars, {Encoding.UTF8.GetByteCount(_document):N0} UTF-8 bytes from {parts.Count} files");
    }

    [Benchmark(Baseline = true, Description = "plain text conversion")]
    public string PlainText() => _converter.Convert(_document);

    [Benchmark(Description = "document conversion")]
    public string Document() => _documents.Convert(_document, Format);
}
