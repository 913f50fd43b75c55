using System.Buffers;

namespace TextRepair.Tests;

public sealed class ConversionAmbiguityTests
{
    [Fact]
    public void Convert_LoneCharacterWithSeveralValues_IsReportedWithEveryAlternative()
    {
        var ambiguities = new List<ConversionAmbiguity>();
        string output = ChineseConverter.Get("s2t").Convert("发", ambiguities);

        Assert.Equal("發", output);
        ConversionAmbiguity only = Assert.Single(ambiguities);
        Assert.Equal((0, 1, 0, 1), (only.SourceStart, only.SourceLength, only.OutputStart, only.OutputLength));
        Assert.Equal("发", only.Key);
        Assert.Equal("發", only.Chosen);
        Assert.Equal(["發", "髮"], only.Alternatives);
        Assert.Equal("STCharacters", only.Dictionary);
    }

    [Fact]
    public void Convert_PhraseDecides_NothingIsReported()
    {
        var ambiguities = new List<ConversionAmbiguity>();
        string output = ChineseConverter.Get("s2t").Convert("头发", ambiguities);

        Assert.Equal("頭髮", output);
        Assert.Empty(ambiguities);
    }

    [Fact]
    public void Convert_OffsetsFollowTheSourceAndTheOutput()
    {
        // s2twp writes 外部索引鍵 for 外键 (2 units become 5): later offsets move in the output only.
        var ambiguities = new List<ConversionAmbiguity>();
        string source = "外键，发";
        string output = ChineseConverter.Get("s2twp").Convert(source, ambiguities);

        ConversionAmbiguity last = ambiguities[^1];
        Assert.Equal("发", source.Substring(last.SourceStart, last.SourceLength));
        Assert.Equal("發", output.Substring(last.OutputStart, last.OutputLength));
        Assert.Equal(last.SourceStart + 3, last.OutputStart);
    }

    [Fact]
    public void Convert_LaterStageOfAChain_IsMappedBackToTheSource()
    {
        // tw2s: the Taiwan variants come back first, then TSCharacters picks the Simplified form (乾 → 干 乾).
        var ambiguities = new List<ConversionAmbiguity>();
        string source = "天乾";
        string output = ChineseConverter.Get("tw2s").Convert(source, ambiguities);

        ConversionAmbiguity found = Assert.Single(ambiguities, a => a.Key == "乾");
        Assert.Equal("TSCharacters", found.Dictionary);
        Assert.Equal("乾", source.Substring(found.SourceStart, found.SourceLength));
        Assert.Equal(found.Chosen, output.Substring(found.OutputStart, found.OutputLength));
    }

    [Fact]
    public void Convert_UnchangedText_ReturnsTheSameInstance()
    {
        const string text = "plain ASCII";
        Assert.Same(text, ChineseConverter.Get("s2t").Convert(text, new List<ConversionAmbiguity>()));
    }

    [Fact]
    public void Convert_GlossaryEntries_AreNeverAmbiguous()
    {
        var ambiguities = new List<ConversionAmbiguity>();
        ChineseConverter converter = ChineseConverter.Get("s2t").WithPhrases([new("发", "髮")]);

        Assert.Equal("髮", converter.Convert("发", ambiguities));
        Assert.Empty(ambiguities);
    }

    [Fact]
    public void ConvertReportingAmbiguities_Blocks_ReportOffsetsRelativeToEachCall()
    {
        ChineseConverter converter = ChineseConverter.Get("s2t");
        var sink = new Sink();
        char[] destination = new char[64];

        OperationStatus first = converter.ConvertReportingAmbiguities("发，", destination, out int consumed, out int written, sink, isFinalBlock: false);
        OperationStatus second = converter.ConvertReportingAmbiguities("后", destination.AsSpan(written), out int consumed2, out _, sink, isFinalBlock: true);

        Assert.Equal(OperationStatus.Done, first);
        Assert.Equal(OperationStatus.Done, second);
        Assert.Equal((2, 1), (consumed, consumed2));
        Assert.Equal([0, 0], sink.Items.Select(a => a.SourceStart));
        Assert.Equal(["发", "后"], sink.Items.Select(a => a.Key));
    }

    [Fact]
    public void ConvertReportingAmbiguities_NullSink_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ChineseConverter.Get("s2t").ConvertReportingAmbiguities("发", new char[4], out _, out _, null!));
    }

    [Fact]
    public void Convert_RealSimplifiedText_ReportsOnlyCharactersOfStCharacters()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "zh-CN-help.txt"));
        var ambiguities = new List<ConversionAmbiguity>();
        string output = ChineseConverter.Get("s2t").Convert(text, ambiguities);

        Assert.Equal(ChineseConverter.Get("s2t").Convert(text), output);
        Assert.NotEmpty(ambiguities);
        foreach (ConversionAmbiguity ambiguity in ambiguities)
        {
            Assert.Equal(ambiguity.Key, text.Substring(ambiguity.SourceStart, ambiguity.SourceLength));
            Assert.Equal(ambiguity.Chosen, output.Substring(ambiguity.OutputStart, ambiguity.OutputLength));
            Assert.True(ambiguity.Alternatives.Count > 1);
        }
    }

    private sealed class Sink : IConversionAmbiguitySink
    {
        public List<ConversionAmbiguity> Items { get; } = [];

        public void Add(in ConversionAmbiguity ambiguity) => Items.Add(ambiguity);
    }
}
