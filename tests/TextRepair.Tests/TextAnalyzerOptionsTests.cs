namespace TextRepair.Tests;

/// <summary>
/// <see cref="TextAnalyzerOptions"/>: every combination of parts gives the full analysis's script counts, and exactly the
/// full analysis's findings of the parts it runs (nothing of the parts it leaves out).
/// </summary>
public sealed class TextAnalyzerOptionsTests
{
    private static readonly string s_seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));

    // Annotations and lost-vowel pinyin; conversion signatures; mojibake (ä¸­æ–‡ is 中文 in UTF-8 read as
    // windows-1252) and a loss marker; a clean Traditional line.
    public static TheoryData<string> Texts =>
    [
        s_seed,
        "請與我們聯系,了解雙方的關系。關于這個問題,我們會再聯系你。",
        "这是ä¸­æ–‡的文件，还有丢失的字\uFFFD\uFFFD。",
        "這是繁體中文的文章，沒有任何問題。",
    ];

    // The string overload (no copy for the encoding part) gives the span overload's report, part for part.
    [Theory]
    [MemberData(nameof(Texts))]
    public void StringOverload_GivesTheSpanOverloadsReport(string text)
    {
        for (int flags = 0; flags <= (int)TextAnalyzerOptions.All; flags++)
        {
            var options = (TextAnalyzerOptions)flags;
            TextReport fromSpan = TextAnalyzer.Analyze(text.AsSpan(), options);
            TextReport fromString = TextAnalyzer.Analyze(text, options);
            Assert.Equal(fromSpan.HanCount, fromString.HanCount);
            Assert.Equal(fromSpan.Script, fromString.Script);
            Assert.Equal(fromSpan.Annotations, fromString.Annotations);
            Assert.Equal(fromSpan.Evidence, fromString.Evidence);
            Assert.Equal(fromSpan.ConversionSignatureCount, fromString.ConversionSignatureCount);
            Assert.Equal(fromSpan.Variant, fromString.Variant);
            Assert.Equal(fromSpan.SuspectedDamage, fromString.SuspectedDamage);
        }

        Assert.Throws<ArgumentNullException>(() => TextAnalyzer.Analyze((string)null!, TextAnalyzerOptions.All));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void EveryCombination_KeepsTheCounts_AndExactlyTheFindingsOfItsParts(string text)
    {
        TextReport full = TextAnalyzer.Analyze(text);
        for (int flags = 0; flags <= (int)TextAnalyzerOptions.All; flags++)
        {
            var options = (TextAnalyzerOptions)flags;
            TextReport part = TextAnalyzer.Analyze(text, options);

            Assert.Equal(full.HanCount, part.HanCount);
            Assert.Equal(full.SimplifiedCount, part.SimplifiedCount);
            Assert.Equal(full.TraditionalCount, part.TraditionalCount);
            Assert.Equal(full.Script, part.Script);

            bool annotations = options.HasFlag(TextAnalyzerOptions.Annotations);
            Assert.Equal(annotations ? full.Annotations : [], part.Annotations);
            Assert.Equal(annotations ? full.Evidence : AnnotationEvidence.None, part.Evidence);
            Assert.Equal(annotations ? full.DistinctAnnotatedCharacterCount : 0, part.DistinctAnnotatedCharacterCount);
            Assert.Equal(Of(full, RepairKind.Annotation, RepairKind.LostVowelPinyin, annotations), Of(part, RepairKind.Annotation, RepairKind.LostVowelPinyin, true));

            bool encoding = options.HasFlag(TextAnalyzerOptions.Encoding);
            Assert.Equal(Of(full, RepairKind.Encoding, RepairKind.LossMarker, encoding), Of(part, RepairKind.Encoding, RepairKind.LossMarker, true));

            // Signatures are looked for only when toned annotations do not already prove the conversion, so leaving
            // annotations out can add signatures; with both parts on, the result is the full one.
            bool signatures = options.HasFlag(TextAnalyzerOptions.ConversionSignatures);
            if (!signatures)
            {
                Assert.Equal(0, part.ConversionSignatureCount);
                Assert.DoesNotContain(part.SuspectedDamage, d => d.Kind == RepairKind.Script);
            }
            else if (annotations)
            {
                Assert.Equal(full.ConversionSignatureCount, part.ConversionSignatureCount);
                Assert.Equal(full.ConvertedFromSimplified, part.ConvertedFromSimplified);
            }

            if (!signatures && !annotations)
            {
                Assert.False(part.ConvertedFromSimplified);
            }

            bool variant = options.HasFlag(TextAnalyzerOptions.Variant);
            Assert.Equal(variant ? full.Variant : "undetermined", part.Variant);
            Assert.Equal(variant ? full.VariantConfidence : 0, part.VariantConfidence);
        }
    }

    [Fact]
    public void TheTextsExerciseEveryPart()
    {
        var kinds = Texts.SelectMany(row => TextAnalyzer.Analyze((string)row.Data).SuspectedDamage).Select(d => d.Kind).ToHashSet();

        Assert.Contains(RepairKind.Annotation, kinds);
        Assert.Contains(RepairKind.Script, kinds);
        Assert.Contains(RepairKind.Encoding, kinds);
        Assert.Contains(RepairKind.LossMarker, kinds);
    }

    [Fact]
    public void ScriptOnly_OnTheSeed_FindsNothingButTheScript()
    {
        TextReport report = TextAnalyzer.Analyze(s_seed, TextAnalyzerOptions.ScriptOnly);

        Assert.Equal(ChineseVariant.Hant, report.Script);
        Assert.Empty(report.Annotations);
        Assert.Empty(report.SuspectedDamage);
        Assert.False(report.ConvertedFromSimplified);
    }

    [Fact]
    public void UnknownFlags_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => TextAnalyzer.Analyze("文字", (TextAnalyzerOptions)16));
        Assert.Equal("options", error.ParamName);
    }

    private static List<SuspectedDamage> Of(TextReport report, RepairKind a, RepairKind b, bool included) =>
        included ? [.. report.SuspectedDamage.Where(d => d.Kind == a || d.Kind == b)] : [];
}
