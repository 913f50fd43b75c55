using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The lattice's beam (<see cref="CandidateSearch.Beam"/>) scores a reading whole only when it may enter the beam, and
/// keeps exactly the readings, in the order, that sorting every exact reading by score gave.
/// </summary>
public sealed class CandidateBeamTests
{
    // What the beam was before readings were scored only until they fell out of it: every exact reading sorted by
    // score (List.Sort, not stable), the first BeamWidth.
    private static List<Candidate> SortedBeam(List<Candidate> found)
    {
        List<Candidate> exact = found.FindAll(c => c.Exact);
        exact.Sort(static (a, b) => b.Score.Total.CompareTo(a.Score.Total));
        return exact.Count > CandidateSearch.BeamWidth ? exact.GetRange(0, CandidateSearch.BeamWidth) : exact;
    }

    internal static IEnumerable<string> GarbledTokens()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "Mojibake", "zh-cn.txt"));
        foreach (string line in lines.Take(60))
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(line);
            byte[] gbk = Encoding.GetEncoding(936).GetBytes(line);
            foreach (string read in (string[])[Encoding.GetEncoding(936).GetString(utf8), Encoding.Latin1.GetString(gbk), Encoding.GetEncoding(1252).GetString(utf8), line])
            {
                foreach (string token in read.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return token.Length > CandidateSearch.ProbeLength ? token[..CandidateSearch.ProbeLength] : token;
                }
            }
        }
    }

    [Fact]
    public void Beam_IsTheSortedBeam_OnEveryDepth()
    {
        int compared = 0;
        foreach (string token in GarbledTokens())
        {
            SpanScore input = TextLikelihood.Score(token, CharNgramModel.Boundary, CharNgramModel.Boundary);
            List<Candidate> found = CandidateSearch.Lattice(token, CharNgramModel.Boundary, CharNgramModel.Boundary, input);
            for (int depth = 1; depth <= CandidateSearch.MaxLayers; depth++)
            {
                List<Candidate> layer = found.FindAll(c => c.Layers == depth);
                List<Candidate> beam = CandidateSearch.Beam(layer, 0);
                Assert.Equal(SortedBeam(layer), beam);
                compared += layer.Count > CandidateSearch.BeamWidth ? 1 : 0;
            }
        }

        Assert.True(compared > 100, $"{compared} depths of more readings than the beam holds");
    }

    [Fact]
    public void Beam_TiedScores_AreOrderedAsTheSortOrdersThem()
    {
        // Many readings of few distinct scores: the beam's order among equal scores, and which of those tied with the
        // last one kept stays, are the sort's (not stable), so the beam must be taken by the sort there.
        var random = new Random(12);
        for (int round = 0; round < 500; round++)
        {
            int count = random.Next(1, 40);
            var found = new List<Candidate>();
            for (int i = 0; i < count; i++)
            {
                double total = -random.Next(0, 6);
                found.Add(Candidate.Identity("r" + i, CharNgramModel.Boundary, CharNgramModel.Boundary, new SpanScore(LanguageScript.Latin, total, 1, 0)));
            }

            Assert.Equal(SortedBeam(found), CandidateSearch.Beam(found, 0));
        }
    }

    [Fact]
    public void Beam_ScoresWhole_OnlyReadingsThatMayEnterIt()
    {
        // A line written in GBK and read as Latin-1: dozens of exact readings in the first layer (most code pages can
        // write Latin-1 letters back), of which the beam keeps four. Each was scored whole before; now one is scored
        // only until it falls under the fourth best score seen.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string token = Encoding.Latin1.GetString(Encoding.GetEncoding(936).GetBytes("点击鼠标选中从当前单元格到所点击的单元格"));
        SpanScore input = TextLikelihood.Score(token, CharNgramModel.Boundary, CharNgramModel.Boundary);
        List<Candidate> found = CandidateSearch.Lattice(token, CharNgramModel.Boundary, CharNgramModel.Boundary, input, maxLayers: 1);
        int exact = found.Count(c => c.Exact);
        int scored = found.Count(c => c.Exact && c.IsScored);

        Assert.True(exact > 2 * CandidateSearch.BeamWidth, $"{exact} exact readings");
        Assert.True(scored < exact / 2, $"{scored} of {exact} exact readings scored whole");
    }
}
