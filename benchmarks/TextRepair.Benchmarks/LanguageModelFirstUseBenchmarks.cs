using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using TextRepair.Analysis.Language;
using TextRepair.Internal;

namespace TextRepair.Benchmarks;

/// <summary>
/// First use of the language models (what a check or repair of a tiny input pays once per process): the load of
/// session 15, reading the compiled image in place (CharNgramModel.Load over the embedded charlm.image), against the
/// work a load of charlm.bin itself does, as the baseline: inflate the 1.3 MB gzip file (2.1 MB), parse it and build
/// the pair hash (CharNgramImage.Compile, the same insertion as the session-14 loader), then the same per-character
/// tables. The session-14 loader did that work through a BinaryReader over the GZipStream, slower still (230 ms in a
/// Native AOT process, see docs/data.md).
/// </summary>
[MemoryDiagnoser]
public class LanguageModelFirstUseBenchmarks
{
    private byte[] _trained = [];

    [GlobalSetup]
    public void Setup()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "TextRepair.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        _trained = File.ReadAllBytes(Path.Combine(dir, "src", "TextRepair", "Data", "Language", "charlm.bin"));
    }

    [Benchmark(Baseline = true)]
    public unsafe int InflateParseAndHashCharlmBin()
    {
        using var gzip = new GZipStream(new MemoryStream(_trained), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        byte[] image = CharNgramImage.Compile(inflated.GetBuffer().AsSpan(0, (int)inflated.Length));
        fixed (byte* start = image)
        {
            return CharNgramModel.Load(start, image.Length).BigramCount(LanguageScript.ZhHans);
        }
    }

    [Benchmark]
    public unsafe int ReadImageInPlace()
    {
        if (!EmbeddedData.TryOpenInPlace(CharNgramImage.ResourcePath, out byte* start, out long length))
        {
            throw new InvalidOperationException("charlm.image is not embedded");
        }

        return CharNgramModel.Load(start, length).BigramCount(LanguageScript.ZhHans);
    }
}
