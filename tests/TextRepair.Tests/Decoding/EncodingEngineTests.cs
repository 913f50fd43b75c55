using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The engine's search shortcuts against the search they shorten: a long token searched in a window of its most
/// surprising stretch decides as the lattice of the whole token does, chains found in a text are tried first, and
/// pinyin annotations and Unicode spaces carry no surprise. Lines come from the dev half of the evaluation set.
/// </summary>
public sealed class EncodingEngineTests
{
    static EncodingEngineTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<int, int> Chains => new()
    {
        { 65001, 1252 }, { 936, 1252 }, { 65001, 936 }, { 950, 936 }, { 932, 1252 }, { 65001, 866 },
    };

    /// <summary>
    /// Share of long tokens on which the windowed search must decide as the lattice of the whole token does. Measured on
    /// the lossless dev lines used here: all of 366 (utf-8 read as windows-1252, and as cp866), 57 (shift_jis as
    /// windows-1252) and 10 (big5 as gbk) agree; 121 of 124 (utf-8 as gbk) and 186 of 187 (gbk as windows-1252). Since
    /// lost groups end runs (session 7), 118 of 124 (utf-8 as gbk): the 6 are tokens that end in a '?' the GBK reader
    /// wrote for a lost byte, where neither search finds the best text (the windowed one keeps the last character
    /// garbled, the whole lattice loses one more character than was lost), and the dev half of the evaluation, the
    /// arbiter, gained 134 lossy cases recovered to the best text.
    /// </summary>
    private const double MinAgreement = 0.95;

    /// <summary>Fewest long lossless tokens a chain must give for the comparison to mean something (Big5 gives 10).</summary>
    private const int MinCompared = 10;

    [Theory]
    [MemberData(nameof(Chains))]
    public void WindowedSearch_DecidesAsTheWholeLattice(int writer, int reader)
    {
        // Lossless text only (lines the writer can encode): on lossy text the dev half of the evaluation is the arbiter,
        // where the windowed search recovers 247 lossy cases to the best text and the whole lattice 245, all else equal.
        Encoding truth = Encoding.GetEncoding(writer, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        Encoding wrong = Encoding.GetEncoding(reader);
        int compared = 0, agreed = 0;
        foreach (string line in DevLines("zh-cn").Take(300).Concat(DevLines("zh-tw").Take(300)).Concat(DevLines("ja").Take(300)))
        {
            byte[] bytes;
            try
            {
                bytes = truth.GetBytes(line);
            }
            catch (EncoderFallbackException)
            {
                continue;
            }

            foreach (string token in wrong.GetString(bytes).Split(' '))
            {
                if (token.Length <= CandidateSearch.ProbeLength)
                {
                    continue;
                }

                var input = Candidate.Identity(token, '\n', '\n').Score;
                string? windowed = Best(token, CandidateSearch.Search(token, '\n', '\n', input));
                string? whole = Best(token, CandidateSearch.Lattice(token, '\n', '\n', input));
                agreed += whole == windowed ? 1 : 0;
                compared++;
            }
        }

        Assert.True(compared >= MinCompared, $"only {compared} long tokens compared");
        Assert.True(agreed >= MinAgreement * compared, $"{agreed} of {compared} long tokens decided alike");
    }

    [Fact]
    public void LongTokenStartingWithALoneLowSurrogate_DoesNotThrow()
    {
        // Found by RepairProperties: the window moved back from a low surrogate at the token's start.
        string text = "\uDC00" + new string('\u00E4', 40) + "\u00B8\u00AD\u00E6\u2013\u2021" + new string('\u00E9', 40);
        RepairResult result = TextRepairer.Repair(text);
        Assert.NotNull(result.Text);
    }

    [Fact]
    public void KnownChains_KeepTheMostRecentFirst_AndDropTheOldest()
    {
        var known = new KnownChains();
        LayerStep[] Step(Codec wrong) => [new LayerStep(Codec.Utf8, wrong, false)];
        Codec[] wrongs = [Codec.Windows1252, Codec.Gbk, Codec.Big5, Codec.Cp437, Codec.Cp866];
        foreach (Codec wrong in wrongs)
        {
            known.Add(Step(wrong));
        }

        Assert.Equal(KnownChains.Capacity, known.Steps.Count);
        Assert.Equal(Codec.Cp866, known.Steps[0][0].Wrong);
        Assert.DoesNotContain(known.Steps, s => s[0].Wrong == Codec.Windows1252);
        known.Add(Step(Codec.Big5));
        Assert.Equal(Codec.Big5, known.Steps[0][0].Wrong);
        Assert.Equal(KnownChains.Capacity, known.Steps.Count);
    }

    [Theory]
    [InlineData("我们要坚(jiān)持以人民为中心的发展思想")]
    [InlineData("\u00A0\u00A0我们要坚持以人民为中心的发展思想，推动高(gāo)质量发展")]
    public void PinyinAnnotationsAndSpaces_AreNoSignOfDamage(string token)
    {
        Assert.False(EncodingScanner.MayBeDamaged(token, 0, token.Length, '\n', '\n'));
        string garbled = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes("\u9009\u62E9\u83DC\u5355"));
        string damaged = token + garbled;
        Assert.True(EncodingScanner.MayBeDamaged(damaged, 0, damaged.Length, '\n', '\n'));
    }

    [Fact]
    public void LinesOfOneChain_AreAllRepaired_ByTheChainFoundFirst()
    {
        // Three garbled lines and a short one: the short line alone gains too little, but the text's chain reads it.
        var latin1 = Encoding.GetEncoding(1252);
        string[] lines = DevLines("zh-cn").Where(l => l.Length is > 10 and < 40 && !l.Contains(' ', StringComparison.Ordinal)).Take(3).Append("\u6587\u4EF6").ToArray();
        string garbled = string.Join('\n', lines.Select(l => latin1.GetString(Encoding.UTF8.GetBytes(l))));
        RepairResult result = TextRepairer.Repair(garbled, new RepairOptions { Target = ScriptTarget.Keep });
        Assert.Equal(string.Join('\n', lines), result.Text);
    }

    [Fact]
    public void RepairingTheOutputAgain_ChangesNothing_WhenTheRepairTakesManyPasses()
    {
        // Found by the idempotence property on CI: Japanese written as UTF-16LE, read as Windows-1252 with undefined bytes
        // dropped, then that written as UTF-8 and read as cp437. Each pass decodes a little more of it; three passes were
        // not enough, so a second repair changed the first one's output.
        string original = "選択した 1 つまたは複数の制御点を削除する場合は、制御点の削除 アイコンをクリックします。複数の制御点を選択する場合は、Shift キーを押した状態で対象の制御点をクリックします。";
        var dropping = Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(string.Empty));
        string garbled = Encoding.GetEncoding(437).GetString(Encoding.UTF8.GetBytes(dropping.GetString(Encoding.Unicode.GetBytes(original))));
        var options = new RepairOptions { Target = ScriptTarget.Keep };
        RepairResult once = TextRepairer.Repair(garbled, options);
        Assert.NotEqual(garbled, once.Text);
        Assert.Equal(once.Text, TextRepairer.Repair(once.Text, options).Text);
    }

    [Fact]
    public void Composes_RejectsRoundTrips_AndASecondUtf16Layer()
    {
        LayerStep utf8AsGbk = new(Codec.Utf8, Codec.Gbk, false);
        LayerStep utf16AsUtf8 = new(Codec.Utf16Le, Codec.Utf8, false);

        // Nothing undone yet, or an ordinary second layer: composes.
        Assert.True(CandidateSearch.Composes([], Codec.Utf8, Codec.Windows1252));
        Assert.True(CandidateSearch.Composes([utf8AsGbk], Codec.Utf8, Codec.Windows1252));
        Assert.True(CandidateSearch.Composes([utf8AsGbk], Codec.Utf16Le, Codec.Utf8));

        // UTF-16 read as UTF-8, right after UTF-8 read as UTF-16: the same bytes back, the same text back.
        Assert.False(CandidateSearch.Composes([utf16AsUtf8], Codec.Utf8, Codec.Utf16Le));

        // Two UTF-16 layers of any order, with anything between them.
        Assert.False(CandidateSearch.Composes([new LayerStep(Codec.Utf16Be, Codec.Gbk, false)], Codec.Gbk, Codec.Utf16Le));
        Assert.False(CandidateSearch.Composes([utf16AsUtf8, utf8AsGbk], Codec.Utf16Be, Codec.Gbk));
    }

    [Fact]
    public void Lattice_NeverTakesARoundTrip_NorTwoUtf16Layers()
    {
        // Found by repairing a repair's output again: a GBK reading of UTF-8 with lost bytes, next to ASCII. A second
        // pass read "-15\";97;100;3)" as "1-\"59;;701;0)3" (two UTF-16 layers of different byte order swap the bytes of
        // each pair) and "0\uFFFD\uFFFDS" as "\uFFFD\uFFFD" (a UTF-8/UTF-16 round trip that only drops characters).
        foreach (string token in new[] { "鏈熺殑鎶樻棫棰濅负8-15\";97;100;3)", "0\uFFFD\uFFFDS", "銆嶈繑鍥炶繎浼煎€?" })
        {
            foreach (Candidate reading in CandidateSearch.Lattice(token, '\n', '\n', TextLikelihood.Score(token, '\n', '\n')))
            {
                Assert.True(reading.Steps.Count(s => s.Truth.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be || s.Wrong.Kind is CodecKind.Utf16Le or CodecKind.Utf16Be) <= 1, reading.Chain);
                for (int k = 1; k < reading.Steps.Length; k++)
                {
                    Assert.False(reading.Steps[k].Wrong.Family == reading.Steps[k - 1].Truth.Family && reading.Steps[k].Truth.Family == reading.Steps[k - 1].Wrong.Family, reading.Chain);
                }

                Assert.DoesNotContain("1-\"59;;701;0)3", reading.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Score_IsTheBestScriptsScore_AndScoresAtMostAgreesWithIt()
    {
        // The pruned search over scripts (upper bounds, early exits) against a plain loop over all of them, on clean
        // dev lines of every script and on the same lines through wrong decoders.
        var texts = new List<string>();
        foreach (string locale in new[] { "zh-cn", "zh-tw", "ja", "ko", "de" })
        {
            texts.AddRange(DevLines(locale).Where((_, i) => i % 50 == 0).Take(20));
        }

        foreach (string t in texts.ToArray())
        {
            texts.Add(Encoding.GetEncoding(936).GetString(Encoding.UTF8.GetBytes(t)));
            texts.Add(Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(t)));
            texts.Add(t[..Math.Min(3, t.Length)] + "\uFFFD" + t[Math.Min(3, t.Length)..]);
        }

        int scripts = Enum.GetValues<TextRepair.Analysis.Language.LanguageScript>().Length;
        foreach (string t in texts)
        {
            var plain = Enumerable.Range(0, scripts).Select(s => TextLikelihood.ScoreBy((TextRepair.Analysis.Language.LanguageScript)s, t, '\n', '\n')).ToList();
            double best = plain.Max(s => s.Total);
            var pruned = TextLikelihood.Score(t, '\n', '\n');
            Assert.Equal(best, pruned.Total);
            Assert.Equal(plain.First(s => s.Total == best).Script, pruned.Script);
            Assert.True(TextLikelihood.ScoresAtMost(t, '\n', '\n', best));
            Assert.True(TextLikelihood.ScoresAtMost(t, '\n', '\n', best + 0.5));
            Assert.False(TextLikelihood.ScoresAtMost(t, '\n', '\n', best - 0.5));
        }
    }

    private static IEnumerable<string> DevLines(string locale) => EncodingEvaluationSet.Lines(locale).Where((_, i) => i % 2 == 0);

    // The token with the best reading's accepted runs applied (ties to the likelier reading, as TokenReading decides),
    // or null when no reading is accepted.
    private static string? Best(string token, List<Candidate> readings)
    {
        if (TokenReading.Choose(token, '\n', '\n', readings, out bool[]? bestAccepted, out _) is not { } best)
        {
            return null;
        }

        var sb = new StringBuilder();
        for (int k = 0; k + 1 < best.TokenBounds.Length; k++)
        {
            int a = best.TokenBounds[k], b = best.TokenBounds[k + 1];
            sb.Append(bestAccepted![k] ? best.Text.AsSpan(best.TextBounds[k], best.TextBounds[k + 1] - best.TextBounds[k]) : token.AsSpan(a, b - a));
        }

        return sb.ToString();
    }
}
