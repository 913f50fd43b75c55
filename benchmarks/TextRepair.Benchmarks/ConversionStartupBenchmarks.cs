using System.Text;
using BenchmarkDotNet.Attributes;
using TextRepair.Conversion;

namespace TextRepair.Benchmarks;

/// <summary>
/// First use of a config: load its dictionaries from the embedded data, build the tables and convert the first
/// 1 KB (no caches shared with earlier iterations), next to native OpenCC 1.1.6 doing the same (opencc_open +
/// convert + close) and, as the floor, just reading the config's embedded dictionary bytes. "all 16" builds every
/// config together (tables shared as in the library); its allocation is an upper bound of their resident size.
/// </summary>
[MemoryDiagnoser]
public class ConversionStartupBenchmarks
{
    private string _firstKilobyte = string.Empty;
    private byte[] _firstKilobyteUtf8 = [];
    private OpenCcConfig _config = null!;

    [Params("s2t", "t2s", "s2twp", "tw2sp")]
    public string Config { get; set; } = "s2t";

    [GlobalSetup]
    public void Setup()
    {
        string text = ConversionCorpus.For(Config);
        _firstKilobyte = text.Substring(0, Math.Min(1024, text.Length));
        _firstKilobyteUtf8 = Encoding.UTF8.GetBytes(_firstKilobyte);
        _config = OpenCcConfig.Load(Config);
        long bytes = 0;
        var tables = new TableCache(usePrebuilt: true);
        foreach (string config in ChineseConverter.Configs)
        {
            ConversionPipeline.Create(OpenCcConfig.Load(config), includeTofuRisk: true, tables);
        }

        // Tables a config builds only on demand (a fused first stage's full table) are not counted until built.
        int built = 0;
        foreach ((_, Lazy<StageTable> table) in tables.Entries)
        {
            if (table.IsValueCreated)
            {
                bytes += table.Value.FootprintBytes;
                built++;
            }
        }

        Console.WriteLine($"// all 16 configs: {built} distinct stage tables, {bytes / 1048576.0:F1} MB of them on the managed heap (prebuilt tables are read in place)");
    }

    [Benchmark(Baseline = true, Description = "read dictionary bytes")]
    public int ReadDictionaryBytes()
    {
        int total = 0;
        foreach (string file in Files(_config))
        {
            total += Internal.EmbeddedData.ReadAllBytes("OpenCC/dictionary/" + file + ".txt").Length;
        }

        return total;
    }

    [Benchmark(Description = "TextRepair first use")]
    public int FirstUse()
    {
        ConversionPipeline pipeline = ConversionPipeline.Create(_config, includeTofuRisk: true, new TableCache(usePrebuilt: true));
        char[] destination = new char[pipeline.MaxOutputLength(_firstKilobyte.Length)];
        return pipeline.ConvertFinal(_firstKilobyte, destination);
    }

    [Benchmark(Description = "native OpenCC 1.1.6 first use")]
    public unsafe nuint NativeFirstUse()
    {
        nint native = NativeOpenCc.Open(NativeOpenCc.ConfigPath(Config));
        byte[] output = new byte[_firstKilobyteUtf8.Length * 4];
        try
        {
            fixed (byte* input = _firstKilobyteUtf8)
            fixed (byte* result = output)
            {
                return NativeOpenCc.ConvertToBuffer(native, input, (nuint)_firstKilobyteUtf8.Length, result);
            }
        }
        finally
        {
            _ = NativeOpenCc.Close(native);
        }
    }

    [Benchmark(Description = "TextRepair all 16 configs")]
    public int AllConfigs()
    {
        var tables = new TableCache(usePrebuilt: true);
        foreach (string config in ChineseConverter.Configs)
        {
            ConversionPipeline.Create(OpenCcConfig.Load(config), includeTofuRisk: true, tables);
        }

        return tables.Entries.Count();
    }

    private static HashSet<string> Files(OpenCcConfig config)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (DictionarySpec spec in config.Normalization.Concat(config.Chain).Append(config.Segmentation).OfType<DictionarySpec>())
        {
            Collect(spec, files);
        }

        return files;
    }

    private static void Collect(DictionarySpec spec, HashSet<string> files)
    {
        if (spec.File is { } file)
        {
            files.Add(file);
        }

        foreach (DictionarySpec child in spec.Children)
        {
            Collect(child, files);
        }
    }
}
