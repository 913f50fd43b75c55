namespace TextRepair.Tests.Decoding;

/// <summary>
/// Lists of short fields, one per line, written in one encoding and read with one wrong decoder as a whole: a file list
/// unpacked with the wrong code page, subtitle lines, a column of a CSV export. A field of 2–8 letters tells its chain
/// badly on its own (several chains read it about as well); a list of them, damaged alike, tells it together. Every
/// cell of the matrix, lossless and lossy (as <see cref="EncodingEvaluationSet"/> garbles), and clean lists in every
/// script. The same text and halves as <see cref="EncodingEvaluationSet"/> (LibreOffice help; dev: even lines,
/// held-out: odd ones), its own random stream. Deterministic.
/// </summary>
public static class FieldListEvaluationSet
{
    /// <summary>Fields of a list, at least: two fields are a pair, three a list.</summary>
    public const int MinFields = 3;

    /// <summary>Fields of a list, at most: a screenful of a short directory or a subtitle scene.</summary>
    public const int MaxFields = 8;

    public const string Length = "list";

    public static List<EvalCase> Build(bool heldOut, int seed = 20)
    {
        var random = new Random(seed);
        var lines = new Dictionary<string, List<string>>();
        foreach (string locale in new[] { "zh-cn", "zh-tw", "ja", "ko", "de", "en-us" })
        {
            lines[locale] = EncodingEvaluationSet.Lines(locale).Where((_, i) => (i % 2 == 1) == heldOut).ToList();
        }

        var cases = new List<EvalCase>();
        foreach ((string rowName, int rowPage, string[] rowLocales) in EncodingEvaluationSet.Rows)
        {
            System.Text.Encoding writer = EncodingEvaluationSet.Strict(rowPage);
            foreach ((string colName, int colPage) in EncodingEvaluationSet.Columns)
            {
                if (EncodingEvaluationSet.SameFamily(rowName, colName))
                {
                    continue;
                }

                System.Text.Encoding reader = EncodingEvaluationSet.Strict(colPage);
                string cell = $"{rowName} > {colName}";
                EncodingEvaluationSet.Generate(cases, cell, Length, EvalKind.Recoverable, random, () => List(lines[rowLocales[random.Next(rowLocales.Length)]], random),
                    t => EncodingEvaluationSet.Lossless(t, writer, reader));
                EncodingEvaluationSet.Generate(cases, cell, Length, EvalKind.Lossy, random, () => List(lines[rowLocales[random.Next(rowLocales.Length)]], random),
                    t => EncodingEvaluationSet.Lossy(t, writer, colPage, random));
            }
        }

        foreach (string locale in lines.Keys)
        {
            EncodingEvaluationSet.Generate(cases, "clean " + locale, Length, EvalKind.Clean, random, () => List(lines[locale], random), t => (t, t));
        }

        return cases;
    }

    // MinFields..MaxFields short fields of source (as EncodingEvaluationSet samples them), one per line.
    private static string? List(List<string> source, Random random)
    {
        int count = random.Next(MinFields, MaxFields + 1);
        var fields = new List<string>(count);
        for (int tries = 0; fields.Count < count && tries < count * 20; tries++)
        {
            if (EncodingEvaluationSet.Sample(source, "short", random) is { } field)
            {
                fields.Add(field);
            }
        }

        return fields.Count == count ? string.Join("\n", fields) : null;
    }
}
