using TextRepair;

/// <summary>
/// Whether a Traditional text holds distinguishing evidence of Taiwan against Hong Kong, decided without the
/// identifier (neither its decision nor its evidence spans): OpenCC's own t2tw and t2hk write the text differently (a
/// character one region's standard writes otherwise: 裏 / 裡, 綫 / 線, 説 / 說), or a regional term of OpenCC's
/// TWPhrases / HKPhrases occurs in it as a substring. A term counts when the two tables give it different roles (a
/// value is a term the region writes, a key a term it replaces); a term both tables write (資料夾), both replace
/// (文件夾), or one table both writes and replaces (文件) tells neither region. The substring test ignores OpenCC's
/// segmentation (海內存知己 counts for 內存), so the oracle is a little more generous than the tables are.
/// </summary>
internal sealed class Oracle
{
    private readonly ChineseConverter _t2tw = ChineseConverter.Get("t2tw");
    private readonly ChineseConverter _t2hk = ChineseConverter.Get("t2hk");
    private readonly string[] _terms;

    public Oracle()
    {
        Dictionary<string, int> tw = Roles("TWPhrases");
        Dictionary<string, int> hk = Roles("HKPhrases");
        _terms = tw.Keys.Union(hk.Keys)
            .Where(term =>
            {
                int a = tw.GetValueOrDefault(term);
                int b = hk.GetValueOrDefault(term);
                return a != Both && b != Both && a != b;
            })
            .ToArray();
    }

    private const int Replaces = 1;
    private const int Writes = 2;
    private const int Both = Replaces | Writes;

    /// <summary>Number of regional terms the oracle looks for.</summary>
    public int TermCount => _terms.Length;

    /// <summary>True when the text has distinguishing evidence by the definition above.</summary>
    public bool HasEvidence(string text) =>
        !string.Equals(_t2tw.Convert(text), _t2hk.Convert(text), StringComparison.Ordinal)
        || _terms.Any(term => text.Contains(term, StringComparison.Ordinal));

    // Each Han term of a phrase table with its role bits: Replaces for a key, Writes for a value.
    private static Dictionary<string, int> Roles(string table)
    {
        var roles = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(Path.Combine("src", "TextRepair", "Data", "OpenCC", "dictionary", table + ".txt")))
        {
            string[] parts = line.Split('\t');
            if (parts.Length != 2)
            {
                continue;
            }

            string[] values = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0 || values[0] == parts[0])
            {
                continue;
            }

            Add(roles, parts[0], Replaces);
            foreach (string value in values)
            {
                Add(roles, value, Writes);
            }
        }

        return roles;
    }

    private static void Add(Dictionary<string, int> roles, string term, int role)
    {
        if (Texts.Han(term) > 0)
        {
            roles[term] = roles.GetValueOrDefault(term) | role;
        }
    }
}
