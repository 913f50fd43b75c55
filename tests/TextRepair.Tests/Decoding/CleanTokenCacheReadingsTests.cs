using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The readings of a token searched again within one repair are remembered for that repair
/// (<see cref="CleanTokenCache.GetOrSearchReadings"/>): counted, not timed, through
/// <see cref="CandidateSearch.LatticesBuilt"/>, which counts the lattices built on the test's thread.
/// </summary>
public sealed class CleanTokenCacheReadingsTests
{
    // Lattices a text of one repeated token may cost however many lines repeat it: the vote's search one layer deep,
    // and two whole searches (the memo keeps a token's readings from its second search on).
    private const int MaxLattices = 3;

    [Theory]
    [InlineData(100)]
    [InlineData(400)]
    public void AnExplainedPairOnManyLines_IsSearchedAFewTimes(int lines)
    {
        // "MÃ¼ller" takes a reading on each line, which is then rejected as explained (the line holds "Müller" as
        // written), so no known chain spares the next line its search: before the memo, every line built the lattice
        // again (2,000 lines: 2,001 lattices, 1.78 s and 153 MB allocated on a first pass; session 34's finding).
        string text = string.Concat(Enumerable.Repeat("M\u00FCller \u2192 M\u00C3\u00BCller\n", lines));

        int lattices = CandidateSearch.LatticesBuilt;
        int reused = CleanTokenCache.ReadingsReused;
        RepairResult result = TextRepairer.Repair(text);
        lattices = CandidateSearch.LatticesBuilt - lattices;
        reused = CleanTokenCache.ReadingsReused - reused;

        Assert.Equal(text, result.Text);
        Assert.InRange(lattices, 1, MaxLattices);
        Assert.InRange(reused, lines - MaxLattices, lines);
    }

    [Fact]
    public void AnExplainedPairInCjkProseOnManyLines_IsSearchedAFewTimes()
    {
        // The same with a Chinese word quoted in prose beside its mojibake.
        string garbled = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("中文"));
        string text = string.Concat(Enumerable.Repeat("例如“" + garbled + "”就是“中文”\n", 300));

        int lattices = CandidateSearch.LatticesBuilt;
        RepairResult result = TextRepairer.Repair(text);
        lattices = CandidateSearch.LatticesBuilt - lattices;

        Assert.Equal(text, result.Text);
        Assert.InRange(lattices, 1, MaxLattices);
    }

    [Fact]
    public void ACsvColumnOfOneGarbledValue_IsSearchedAFewTimes()
    {
        // A column whose garbled value repeats on every row: the first row's reading shows the chain, and the other
        // rows replay it (KnownChains) without a search. Held before the memo too (3 lattices for 8,000 rows); kept so
        // that the memo's reuse does not hide a regression of the known chains.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string garbled = System.Text.Encoding.GetEncoding(936).GetString(System.Text.Encoding.UTF8.GetBytes("产品编号"));
        var rows = Enumerable.Range(0, 400).Select(r => $"{r},\"{garbled}\",{r * 3.5},ok").ToList();

        int lattices = CandidateSearch.LatticesBuilt;
        RepairResult result = TextRepairer.Repair(string.Join('\n', rows), new RepairOptions { Target = ScriptTarget.Keep });
        lattices = CandidateSearch.LatticesBuilt - lattices;

        Assert.Equal(string.Join('\n', Enumerable.Range(0, 400).Select(r => $"{r},\"产品编号\",{r * 3.5},ok")), result.Text);
        Assert.InRange(lattices, 0, MaxLattices);
    }

    [Fact]
    public void TheMemo_DoesNotOutliveItsRepair()
    {
        // The readings are not thread-safe and may be large: they are kept for one repair only, so a second repair of
        // the same text searches the token again (twice: the memo keeps it from its second search on).
        string text = string.Concat(Enumerable.Repeat("Caf\u00C3\u00A9 \u2192 Caf\u00E9\n", 50));
        TextRepairer.Repair(text);

        int lattices = CandidateSearch.LatticesBuilt;
        int reused = CleanTokenCache.ReadingsReused;
        RepairResult result = TextRepairer.Repair(text);

        Assert.Equal(text, result.Text);
        Assert.InRange(CandidateSearch.LatticesBuilt - lattices, 2, MaxLattices);
        Assert.InRange(CleanTokenCache.ReadingsReused - reused, 50 - MaxLattices, 50);
    }
}
