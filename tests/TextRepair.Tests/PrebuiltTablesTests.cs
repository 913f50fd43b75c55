using TextRepair.Conversion;
using TextRepair.Internal;

namespace TextRepair.Tests;

public sealed class PrebuiltTablesTests
{
    [Fact]
    public void CheckedInFile_EqualsAFreshGenerationFromTheTextDictionaries()
    {
        using Stream stream = EmbeddedData.Open(PrebuiltTables.ResourcePath);
        byte[] embedded = new byte[stream.Length];
        stream.ReadExactly(embedded);

        byte[] fresh = PrebuiltTables.Generate();

        // On failure: run `dotnet run -c Release --project tools/CompileTables` and rebuild.
        Assert.Equal(fresh.Length, embedded.Length);
        Assert.True(fresh.AsSpan().SequenceEqual(embedded), "StageTables.bin is stale: regenerate it with tools/CompileTables.");
    }

    [Theory]
    [InlineData("s2t", true)]
    [InlineData("t2s", true)]
    [InlineData("s2twp", true)]
    [InlineData("tw2sp", false)]
    [InlineData("hk2s", true)]
    public void PrebuiltTables_ConvertLikeTablesBuiltFromText(string config, bool includeTofuRisk)
    {
        ConversionPipeline prebuilt = ConversionPipeline.Create(OpenCcConfig.Load(config), includeTofuRisk, new TableCache(usePrebuilt: true));
        ConversionPipeline built = ConversionPipeline.Create(OpenCcConfig.Load(config), includeTofuRisk, new TableCache(usePrebuilt: false));
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "zh-CN-help.txt"));
        char[] first = new char[prebuilt.MaxOutputLength(text.Length)];
        char[] second = new char[built.MaxOutputLength(text.Length)];

        int a = prebuilt.ConvertFinal(text, first);
        int b = built.ConvertFinal(text, second);

        Assert.Equal(second.AsSpan(0, b).ToString(), first.AsSpan(0, a).ToString());
        Assert.Equal(built.MaxOutputLength(1000), prebuilt.MaxOutputLength(1000));
    }

    [Fact]
    public void T2s_NeverLoadsThePhraseTablesOfS2t()
    {
        var cache = new TableCache(usePrebuilt: true);

        _ = ConversionPipeline.Create(OpenCcConfig.Load("t2s"), includeTofuRisk: true, cache);

        Assert.NotEmpty(cache.Entries);
        Assert.DoesNotContain(cache.Entries, entry => entry.Key.Contains("STPhrases", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryConfig_ReadsItsEagerTablesFromTheEmbeddedFile()
    {
        foreach (string config in ChineseConverter.Configs)
        {
            var cache = new TableCache(usePrebuilt: true);
            _ = ConversionPipeline.Create(OpenCcConfig.Load(config), includeTofuRisk: true, cache);
            foreach ((string key, Lazy<StageTable> table) in cache.Entries)
            {
                if (table.IsValueCreated)
                {
                    Assert.True(table.Value.IsPrebuilt, $"{config}: table {key} was built from text");
                }
            }
        }
    }
}
