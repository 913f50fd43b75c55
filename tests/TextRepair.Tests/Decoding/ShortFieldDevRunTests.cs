using System.Globalization;
using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A dev set of short fields for engine work (session 14): Unicode CLDR's Chinese names (languages, territories,
/// currencies, emoji) of 2 to 8 Han characters, from the corpus <c>tools/import-variant-eval.sh</c> writes to
/// <c>artifacts/variant-eval</c> (npm, Unicode licence; in no training text and no encoding evaluation set). Each Chinese
/// row of the matrix (Simplified names for UTF-8, GBK and UTF-16LE, Taiwan names for Big5 and UTF-16BE) is garbled
/// losslessly through every wrong decoder, 20 names per cell, and every name is also repaired as a clean field (it must come back unchanged and unflagged). Writes
/// the per-cell counts, the total and every miss to <c>short-field-dev-run.txt</c> in the test output folder. Explicit:
/// <c>dotnet test --project tests/TextRepair.Tests -c Release -- --filter-method '*ShortFields_Outputs*' --explicit on</c>
/// after the import script.
/// </summary>
public sealed class ShortFieldDevRunTests
{
    private const int PerCell = 20;

    [Fact(Explicit = true)]
    public void ShortFields_Outputs()
    {
        string corpus = CheckedInFile.PathOf("artifacts", "variant-eval");
        Assert.True(Directory.Exists(corpus), "run tools/import-variant-eval.sh first");
        List<string> hans = Names(Path.Combine(corpus, "cldr-hans.txt"));
        List<string> hant = Names(Path.Combine(corpus, "cldr-tw.txt"));
        var random = new Random(1);
        var table = new StringBuilder();
        var misses = new StringBuilder();
        int total = 0, fixedExactly = 0, cleanChanged = 0;
        foreach ((string row, int page, _) in EncodingEvaluationSet.Rows)
        {
            if (row is "shift-jis" or "euc-jp" or "euc-kr")
            {
                continue;
            }

            List<string> names = row is "big5" or "utf-16be" ? hant : hans;
            Encoding writer = EncodingEvaluationSet.Strict(page);
            foreach ((string column, int columnPage) in EncodingEvaluationSet.Columns)
            {
                if (EncodingEvaluationSet.SameFamily(row, column))
                {
                    continue;
                }

                Encoding reader = EncodingEvaluationSet.Strict(columnPage);
                int cases = 0, good = 0;
                for (int tries = 0; cases < PerCell && tries < PerCell * 20; tries++)
                {
                    string name = names[random.Next(names.Count)];
                    if (EncodingEvaluationSet.Lossless(name, writer, reader) is not { } garbled || garbled.Input == name)
                    {
                        continue;
                    }

                    cases++;
                    string output = EncodingRepairTests.Repair(garbled.Input).Text;
                    good += output == name ? 1 : 0;
                    if (output != name)
                    {
                        misses.AppendLine(CultureInfo.InvariantCulture, $"{row} > {column}\t{garbled.Input}\t{output}\t{name}");
                    }
                }

                total += cases;
                fixedExactly += good;
                table.AppendLine(CultureInfo.InvariantCulture, $"{row} > {column}\t{good}/{cases}");
            }
        }

        foreach (string name in hans.Concat(hant))
        {
            RepairResult result = EncodingRepairTests.Repair(name);
            string output = result.Text;
            if (output != name || result.Lossy)
            {
                cleanChanged++;
                misses.AppendLine(CultureInfo.InvariantCulture, $"clean\t{name}\t{output}");
            }
        }

        table.AppendLine(CultureInfo.InvariantCulture, $"fixed exactly {fixedExactly}/{total} = {100.0 * fixedExactly / total:F1}%; clean names changed or flagged {cleanChanged}/{hans.Count + hant.Count}");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "short-field-dev-run.txt"), table + "\n" + misses, new UTF8Encoding(false));
        Assert.True(total > 0);
    }

    // The names of 2 to 8 characters, all of them Han.
    private static List<string> Names(string path) =>
        File.ReadAllLines(path).Where(l => l.Length is >= 2 and <= 8 && l.All(c => c is >= '\u4E00' and <= '\u9FFF')).ToList();
}
