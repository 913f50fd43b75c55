using System.Globalization;
using System.Text;
using TextRepair.Internal;

namespace TextRepair.Tests.Properties;

/// <summary>
/// Damages clean Simplified text the way the spam mirrors do (an independent model of the damage, built from the
/// raw data files, not from the library's tables): character-level S→T with the first STCharacters value, a reading
/// (first kMandarin of the Simplified source) after every occurrence of some converted characters, full-width
/// punctuation turned into ASCII.
/// </summary>
internal static class RepairDamage
{
    private static readonly Lazy<string[]> s_lines = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "zh-CN-help.txt"))
            .Where(l => l.Length > 0).ToArray());

    private static readonly Lazy<Dictionary<int, int>> s_st = new(() => FirstValues("OpenCC/dictionary/STCharacters.txt"));
    private static readonly Lazy<Dictionary<int, int>> s_ts = new(() => FirstValues("OpenCC/dictionary/TSCharacters.txt"));
    private static readonly Lazy<Dictionary<int, string>> s_firstReading = new(() =>
    {
        var map = new Dictionary<int, string>();
        foreach (var (key, value) in EmbeddedData.ReadTabSeparated("Unihan/Readings.txt"))
        {
            map[char.ConvertToUtf32(key, 0)] = value.Split(' ')[0];
        }

        return map;
    });

    public static IReadOnlyList<string> Lines => s_lines.Value;

    public static int ToTraditional(int cp) => s_st.Value.TryGetValue(cp, out int t) ? t : cp;

    public static int ToSimplified(int cp) => s_ts.Value.TryGetValue(cp, out int s) ? s : cp;

    public static bool RoundTrips(int cp) => ToSimplified(ToTraditional(cp)) == cp;

    /// <summary>Joins <paramref name="count"/> lines from <paramref name="start"/> (wrapping) into a page.</summary>
    public static string Page(int start, int count)
    {
        var lines = new string[count];
        for (int i = 0; i < count; i++)
        {
            lines[i] = Lines[(start + i) % Lines.Count];
        }

        return string.Join('\n', lines);
    }

    public static IEnumerable<int> CodePoints(string text)
    {
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            yield return char.ConvertToUtf32(text, i);
        }
    }

    /// <summary>
    /// The damaged page and the repair expected wherever S→T→S is lossless (elsewhere the character-level round trip).
    /// Returns false when the page has fewer than two lossless converted characters with a toned reading to annotate.
    /// </summary>
    public static bool TryDamage(string page, int seed, out string damaged, out string expected)
    {
        var random = new Random(seed);
        var candidates = CodePoints(page)
            .Where(cp => ToTraditional(cp) != cp && RoundTrips(cp) && s_firstReading.Value.ContainsKey(cp))
            .Distinct()
            .OrderBy(cp => cp)
            .ToList();
        var annotated = candidates.OrderBy(_ => random.Next()).Take(Math.Max(2, candidates.Count * random.Next(10, 60) / 100)).ToHashSet();
        bool nfd = random.Next(4) == 0;
        bool fullWidth = random.Next(4) == 0;
        bool space = random.Next(4) == 0;

        var damage = new StringBuilder();
        var repair = new StringBuilder();
        foreach (int cp in CodePoints(page))
        {
            int t = ToTraditional(cp);
            damage.Append(char.ConvertFromUtf32(t));
            repair.Append(char.ConvertFromUtf32(ToSimplified(t)));
            if (annotated.Contains(cp))
            {
                string reading = s_firstReading.Value[cp];
                damage.Append(fullWidth ? '（' : '(')
                    .Append(nfd ? reading.Normalize(NormalizationForm.FormD) : reading)
                    .Append(space ? " " : string.Empty)
                    .Append(fullWidth ? '）' : ')');
            }
        }

        damaged = AsciiPunctuation(damage.ToString());
        expected = repair.ToString();
        return annotated.Count(cp => s_firstReading.Value[cp].Normalize(NormalizationForm.FormD).Any(c => c is >= '\u0300' and <= '\u030C')) >= 2;
    }

    /// <summary>The normalisation some mirrors apply after converting: full-width ，：；！？（） become ASCII.</summary>
    public static string AsciiPunctuation(string text) => text
        .Replace('，', ',').Replace('：', ':').Replace('；', ';').Replace('！', '!').Replace('？', '?')
        .Replace('（', '(').Replace('）', ')');

    private static Dictionary<int, int> FirstValues(string file)
    {
        var map = new Dictionary<int, int>();
        foreach (var (key, value) in EmbeddedData.ReadTabSeparated(file))
        {
            int k = char.ConvertToUtf32(key, 0);
            int v = char.ConvertToUtf32(value.Split(' ')[0], 0);
            if (key.Length == char.ConvertFromUtf32(k).Length)
            {
                map[k] = v;
            }
        }

        return map;
    }

    public static string Describe(string damaged) =>
        damaged.Length <= 200 ? damaged : damaged[..200].ToString(CultureInfo.InvariantCulture) + "…";
}
