using System.Globalization;
using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Scratch;

public sealed class DebugDump2
{
    [Fact(Explicit = true)]
    public void Scores()
    {
        var sb = new StringBuilder();
        foreach (string line in File.ReadAllLines("/tmp/dbg2-in.txt"))
        {
            string t = System.Text.RegularExpressions.Regex.Unescape(line);
            SpanScore s = TextLikelihood.Score(t, CharNgramModel.Boundary, CharNgramModel.Boundary);
            sb.AppendLine(CultureInfo.InvariantCulture, $"{line}\t{s.Total:F1}\t{s.PerChar:F2}\t{s.Script}\tmay={Utf16TextReading.MayApply(t)}");
        }

        File.WriteAllText("/tmp/dbg2-out.txt", sb.ToString());
    }
}
