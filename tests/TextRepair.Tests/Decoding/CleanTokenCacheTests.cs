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
    public void ARepairOfMoreDistinctTokensThanTheCapacity_JudgesEachOnce()
    {
        // Words with an accented letter (a suspicious character, so the pre-scan lets their lines through) that the gate
        // finds undamaged, more distinct ones than the process's cache holds, after a garbled line whose repair makes
        // the repair pass over the text again. The process's cache started afresh during the first pass and had lost
        // the first 16,384 words' verdicts by the second, which worked them out again, and a word the gate lets through
        // was searched again alike (a text of 20,000 pinyin and accented words took 3 times as long as one of 10,000);
        // the repair's own memo keeps them (CleanTokenCache.ForDocument). Counted, not timed; the gate's verdicts, not
        // the searches, so that the test is cheap (a search costs a lattice, a verdict a score). Other tests emptying
        // the process's cache meanwhile change nothing: the memo is the repair's own.
        var words = new List<string>();
        for (int i = 0; words.Count < CleanTokenCache.Capacity + ExtraTokens; i++)
        {
            words.Add("caf\u00E9" + (char)('a' + (i % 26)) + (char)('a' + (i / 26 % 26)) + (char)('a' + (i / 676)));
        }

        string garbled = System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes("中文乱码修复"));
        var lines = new List<string> { garbled };
        lines.AddRange(words.Chunk(8).Select(chunk => string.Join(' ', chunk)));
        string text = string.Join('\n', lines);

        int verdicts = EncodingScanner.GateVerdictsWorkedOut;
        RepairResult result = TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep });
        verdicts = EncodingScanner.GateVerdictsWorkedOut - verdicts;

        Assert.StartsWith("中文乱码修复\n", result.Text, StringComparison.Ordinal);
        Assert.InRange(verdicts, words.Count, words.Count + MaxOtherVerdicts);
    }

    /// <summary>Distinct words beyond the cache's capacity in the test above: enough for the cache to start afresh.</summary>
    private const int ExtraTokens = 256;

    /// <summary>Verdicts beyond one per distinct word the test above allows: the garbled line's, once per pass, and their reading's.</summary>
    private const int MaxOtherVerdicts = 8;

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
