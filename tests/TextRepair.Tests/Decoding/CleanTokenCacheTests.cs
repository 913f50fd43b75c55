using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The cache of tokens a search found no reading for (<see cref="CleanTokenCache"/>) never changes an outcome: it is
/// keyed by the token and its context, and repairs with a warm cache equal repairs with a cold one.
/// </summary>
public sealed class CleanTokenCacheTests
{
    [Fact]
    public void VoteOverATextSeenBefore_SearchesNoToken()
    {
        // The vote's proposals and each voter's support for a chain are remembered (pure functions of the token in its
        // context): a text checked again elects the same chain with lookups, not searches. Lines used by no other test
        // (GBK read as Big5), so that the first vote is a cold one; in this class, whose other tests empty the cache,
        // so that nothing empties it between the two votes.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string[] lines = ["今天下雨了", "明天见", "路上小心", "早点休息", "记得吃饭"];
        string text = string.Join("\n", lines.Select(l => System.Text.Encoding.GetEncoding(950).GetString(System.Text.Encoding.GetEncoding(936).GetBytes(l))));

        int lattices = CandidateSearch.LatticesBuilt;
        var first = new Dictionary<int, TokenReading>();
        LayerStep[]? elected = EncodingScanner.ElectChain(text, first);
        Assert.NotNull(elected);
        Assert.True(CandidateSearch.LatticesBuilt > lattices);

        lattices = CandidateSearch.LatticesBuilt;
        var second = new Dictionary<int, TokenReading>();
        Assert.Equal(elected, EncodingScanner.ElectChain(text, second));
        Assert.Equal(lattices, CandidateSearch.LatticesBuilt);
        Assert.DoesNotContain(second.Values, t => t.IsSearched);
    }

    [Fact]
    public void Key_IsTheTokenInItsContext()
    {
        string token = "zhǎn" + Guid.NewGuid().ToString("N");
        CleanTokenCache.AddClean(token, '(', ')');
        Assert.True(CleanTokenCache.IsKnownClean(token, '(', ')'));
        Assert.False(CleanTokenCache.IsKnownClean(token, '(', '。'));
        Assert.False(CleanTokenCache.IsKnownClean(token, '\n', ')'));
        Assert.False(CleanTokenCache.IsKnownClean(token + "x", '(', ')'));
    }

    [Fact]
    public void Guesses_AreRememberedByTheTokenInItsContext()
    {
        string token = "Æøå" + Guid.NewGuid().ToString("N");
        CleanTokenCache.AddGuess(token, '\n', '\n', "gbk decoded as windows-1252");
        Assert.True(CleanTokenCache.TryGetGuess(token, '\n', '\n', out string? chain));
        Assert.Equal("gbk decoded as windows-1252", chain);
        Assert.False(CleanTokenCache.TryGetGuess(token, ' ', '\n', out _));
        Assert.False(CleanTokenCache.IsKnownClean(token, '\n', '\n'));
    }

    [Fact]
    public void AGuessedField_GetsTheSameOutcomeEveryTime()
    {
        // A column of one such field (GuessedFieldTests): each line is kept and flagged, the first searched, the rest
        // remembered.
        string text = string.Join('\n', Enumerable.Repeat("Ðúñ", 50));
        RepairResult result = EncodingRepairTests.Repair(text);
        RepairResult again = EncodingRepairTests.Repair(text);

        Assert.Same(text, result.Text);
        Assert.Equal(50, result.Edits.Count);
        Assert.All(result.Edits, e => Assert.Equal(RepairKind.LossMarker, e.Kind));
        Assert.Equal(result.Edits, again.Edits);
    }

    [Fact]
    public void LongTokens_AreNotRemembered()
    {
        string token = new('ǎ', CleanTokenCache.MaxTokenLength + 1);
        CleanTokenCache.AddClean(token, ' ', ' ');
        Assert.False(CleanTokenCache.IsKnownClean(token, ' ', ' '));
    }

    [Fact]
    public void RepairsWithAWarmCache_EqualTheFirstRepairs()
    {
        // Clean lookalikes and mojibake of the dev half and its field lists, repaired in order after the cache is
        // emptied (outcomes must not depend on it, so emptying it under other tests only costs them time), then again
        // in reverse order: by then every clean token of every case is in the cache (the capacity is far above this
        // set's tokens). A text's vote and its known chains meet tokens the cache knows: their outcome must be the one
        // a search gives (dev half: one lossy list's best text differed once).
        List<EvalCase> cases = [.. EncodingEvaluationSet.Build(heldOut: false), .. FieldListEvaluationSet.Build(heldOut: false)];
        var options = new RepairOptions { Target = ScriptTarget.Keep };
        CleanTokenCache.Clear();
        string[] first = cases.Select(c => TextRepairer.Repair(c.Input, options).Text).ToArray();
        for (int i = cases.Count - 1; i >= 0; i--)
        {
            Assert.Equal(first[i], TextRepairer.Repair(cases[i].Input, options).Text);
        }
    }
}
