using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// <see cref="RunJudge.Judge"/> without the exact gains (the test callers use to ask whether a reading restores
/// anything, rearranged so that little is scored, with the input's floor as a shortcut) accepts the same runs as with them.
/// </summary>
public sealed class RunJudgeShortcutTests
{
    [Fact]
    public void JudgeWithoutExactGains_AcceptsTheRunsTheExactTestAccepts()
    {
        int readings = 0, accepted = 0;
        foreach (string token in CandidateBeamTests.GarbledTokens().Take(600))
        {
            char before = CharNgramModel.Boundary, after = CharNgramModel.Boundary;
            foreach (Candidate c in CandidateSearch.Lattice(token, before, after, TextLikelihood.Score(token, before, after)))
            {
                foreach (bool following in (bool[])[false, true])
                {
                    bool[] exact = new bool[c.TokenBounds.Length - 1];
                    bool[] quick = new bool[exact.Length];
                    // The totals differ by design (an accepted run adds its gain, at least 0, or the least gain it needed).
                    RunJudge.Judge(token, before, after, c, exact, following, exactGain: true);
                    RunJudge.Judge(token, before, after, c, quick, following, exactGain: false);
                    Assert.True(exact.SequenceEqual(quick), $"{token} read as {c.Text} by {c.Chain}, following {following}");
                    readings++;
                    accepted += quick.Contains(true) ? 1 : 0;
                }
            }
        }

        Assert.True(accepted > 100 && readings > 10 * accepted, $"{accepted} of {readings} readings accepted");
    }
}
