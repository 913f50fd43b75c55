namespace TextRepair.Tests.Decoding;

/// <summary>
/// Garbled fields inside the context a program writes around them (session 28, docs/encoding-context.md): a field
/// truncated before its context is lossy as one truncated at the line's end is, and a sentence that quotes mojibake in
/// prose is left alone inside a CSV, JSON or HTML quotation as it is alone.
/// </summary>
public sealed class FieldInContextTests
{
    private static readonly RepairOptions s_keep = new() { Target = ScriptTarget.Keep };

    [Theory]
    // GBK read as windows-1252, its last byte cut off (a lead byte left), before a file name's extension.
    [InlineData("docs/", "×ÖÅÔ±êÒôµ", ".txt", "字旁标音\uFFFD")]
    // UTF-8 read as cp437, its last byte cut off (two bytes of three left), inside a CSV row.
    [InlineData("1,\"", "µëôσ╝ÇτÜäµûçΣ╗╢ΘÇëµï", "\",3.5", "打开的文件选\uFFFD")]
    public void AFieldTruncatedBeforeItsContext_IsLossyAndRestored(string before, string field, string after, string expected)
    {
        RepairResult alone = TextRepairer.Repair(field, s_keep);
        Assert.True(alone.Lossy);
        Assert.Equal(expected, alone.Text);

        RepairResult r = TextRepairer.Repair(before + field + after, s_keep);
        Assert.True(r.Lossy);
        Assert.Equal(before + expected + after, r.Text);
    }

    [Theory]
    [InlineData("docs/café.txt")]
    [InlineData("1,\"À bientôt.\",3.5")]
    [InlineData("name=Ölfeld_ü.csv")]
    public void CleanLatinLettersBeforeContext_StayClean(string input)
    {
        RepairResult r = TextRepairer.Repair(input, s_keep);
        Assert.Equal(input, r.Text);
        Assert.False(r.Lossy);
    }

    [Theory]
    [InlineData("1,\"{0}\",3.5")]
    [InlineData("{{\"id\": 17, \"title\": \"{0}\"}}")]
    [InlineData("<a href=\"/files/12\" title=\"{0}\">")]
    public void ProseQuotingMojibake_InsideAQuotedValue_IsLeftAlone(string template)
    {
        foreach (string sentence in EncodingEvaluationSet.MojibakeProse)
        {
            string text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, sentence);
            RepairResult r = TextRepairer.Repair(text, s_keep);
            Assert.Equal(text, r.Text);
            Assert.False(r.Lossy, text);
        }
    }

    [Fact]
    public void QuotedFieldsWithNoProse_AreStillRepaired()
    {
        // A row of quoted fields (UTF-8 read as GBK) has no prose around its quotes: each field is repaired.
        RepairResult r = TextRepairer.Repair("\"浜у搧缂栧彿\",\"搴撳瓨\"", s_keep);
        Assert.Equal("\"产品编号\",\"库存\"", r.Text);
    }
}
