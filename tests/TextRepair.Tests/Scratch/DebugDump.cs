using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Scratch;

public sealed class DebugDump
{
    [Fact(Explicit = true)]
    public void Dump()
    {
        var sb = new StringBuilder();
        foreach (string token in File.ReadAllLines("/tmp/dbg-in.txt"))
        {
            string t = token.Replace("\\x8f", "\u008f");
            char b = CharNgramModel.Boundary, a = CharNgramModel.Boundary;
            SpanScore input = TextLikelihood.Score(t, b, a);
            sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"TOKEN {t} input={input.Total:F1} perChar={input.PerChar:F2} mayBeDamaged={EncodingDecision.MayBeDamaged(t, b, a)}");
            var list = CandidateSearch.Search(t, b, a, input);
            foreach (Candidate c in list.OrderByDescending(c => c.Score.Total).Take(12))
            {
                bool[] acc = new bool[c.TokenBounds.Length - 1];
                double g = RunJudge.Judge(t, b, a, c, acc, following: false);
                sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {c.Text} score={c.Score.Total:F1} pc={c.Score.PerChar:F2} layers={c.Layers} exact={c.Exact} judge={g:F1} chain={c.Chain}");
            }
            sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  repair: {TextRepairer.Repair(t).Text}");
        }
        File.WriteAllText("/tmp/dbg-out.txt", sb.ToString());
    }
}
