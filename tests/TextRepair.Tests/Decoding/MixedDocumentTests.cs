namespace TextRepair.Tests.Decoding;

/// <summary>
/// Texts of clean lines in every script mixed with lines of one chain's mojibake (short fields or whole lines): the text's
/// vote elects the chain, and tokens of other lines may follow it (EncodingScanner.ElectChain, LineDecisions), so a
/// clean line beside damaged ones must come back as it was. Generated from both halves of the evaluation text (a check
/// of harm, not a measure tuned on): a clean German line beside lines of Shift-JIS read as cp437 once read "über" as
/// "｜er" by that chain, and "α は、" beside EUC-JP read as EUC-KR became "メ は、".
/// </summary>
public sealed class MixedDocumentTests(ITestOutputHelper output)
{
    private const int Documents = 600;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CleanLinesBesideDamagedOnes_AreNeverChanged(bool heldOut)
    {
        var random = new Random(heldOut ? 21 : 20);
        var lines = new Dictionary<string, List<string>>();
        foreach (string locale in new[] { "zh-cn", "zh-tw", "ja", "ko", "de", "en-us" })
        {
            lines[locale] = EncodingEvaluationSet.Lines(locale).Where((l, i) => (i % 2 == 1) == heldOut && l.Length is > 5 and < 120).ToList();
        }

        string[] locales = [.. lines.Keys];
        int made = 0, repaired = 0;
        var harmed = new List<string>();
        while (made < Documents)
        {
            var (rowName, rowPage, rowLocales) = EncodingEvaluationSet.Rows[random.Next(EncodingEvaluationSet.Rows.Length)];
            var (colName, colPage) = EncodingEvaluationSet.Columns[random.Next(EncodingEvaluationSet.Columns.Length)];
            if (EncodingEvaluationSet.SameFamily(rowName, colName) || rowName.StartsWith("utf-16", StringComparison.Ordinal))
            {
                continue;
            }

            var writer = EncodingEvaluationSet.Strict(rowPage);
            var reader = EncodingEvaluationSet.Strict(colPage);
            string locale = rowLocales[random.Next(rowLocales.Length)];
            bool fields = random.Next(2) == 0;
            var doc = new List<(string Input, string Original, bool Clean)>();
            for (int k = random.Next(1, 4); k > 0; k--)
            {
                string? text = EncodingEvaluationSet.Sample(lines[locale], fields ? "short" : "line", random);
                if (text is not null && EncodingEvaluationSet.Lossless(text, writer, reader) is { } pair)
                {
                    doc.Add((pair.Input, pair.Expected, false));
                }
            }

            if (doc.Count == 0)
            {
                continue;
            }

            for (int k = random.Next(2, 6); k > 0; k--)
            {
                List<string> source = lines[locales[random.Next(locales.Length)]];
                string clean = source[random.Next(source.Count)];
                doc.Add((clean, clean, true));
            }

            doc = [.. doc.OrderBy(_ => random.Next())];
            string input = string.Join("\n", doc.Select(d => d.Input));
            string[] output = EncodingRepairTests.Repair(input).Text.Split('\n');
            made++;
            repaired += output.SequenceEqual(doc.Select(d => d.Original)) ? 1 : 0;
            if (output.Length != doc.Count)
            {
                harmed.Add($"{rowName} > {colName}: lines joined or split: {input}");
                continue;
            }

            harmed.AddRange(doc.Zip(output).Where(p => p.First.Clean && p.First.Original != p.Second)
                .Select(p => $"{rowName} > {colName}: {p.First.Original} -> {p.Second}"));
        }

        output.WriteLine($"{repaired} of {Documents} texts repaired whole; clean lines changed: {harmed.Count}");
        Assert.Empty(harmed);

        // Most texts come back whole (a line's own repair can still miss): far more than the clean lines alone would give.
        Assert.InRange(repaired, Documents * 8 / 10, Documents);
    }
}
