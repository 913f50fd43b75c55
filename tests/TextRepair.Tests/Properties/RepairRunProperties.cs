using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TextRepair.Tests.Properties;

/// <summary>
/// Laws of repair across inline markup: a garbled line cut into runs by tags at random characters of the garbled
/// text. Whatever the cuts, the tags stay in order and each run is repaired to its own text: the characters whose
/// bytes lie wholly in it, and the mojibake it holds of a character a tag cuts, left alone (session 34). When every
/// cut falls on a boundary of the original characters, the runs joined are the repair of the line.
/// </summary>
public sealed partial class RepairRunProperties
{
    // Sentences whose mojibake the engine repairs as plain text (RepairsAsPlainText checks it, so that the exact law
    // below is exercised on every case rather than skipped).
    private static readonly string[] s_sentences =
    [
        "中文测试",
        "这是一个测试",
        "我们今天下午去北京开会",
        "请在下面输入你的用户名和密码",
        "数据库连接失败，请稍后再试",
        "他说这个问题已经解决了",
    ];

    // UTF-8 read as windows-1252, and GBK read as ISO-8859-1: a wrong reader of one byte per character.
    private static readonly string[] s_chains = ["utf-8/windows-1252", "gbk/iso-8859-1"];

    private static readonly string[] s_tags = ["<b>", "</b>", "<i>", "</i>", "<span class=\"x\">", "</span>", "<!-- c -->"];

    // A sentence, a chain, cut positions (taken modulo the garbled length, or modulo the character boundaries inside
    // it when OnCharacters) and a tag for each cut.
    private static readonly Arbitrary<(string Sentence, string Chain, bool OnCharacters, int[] Cuts, string[] Tags)> s_lines =
        Gen.Elements(s_sentences)
            .SelectMany(_ => Gen.Elements(s_chains), (sentence, chain) => (sentence, chain))
            .SelectMany(_ => Gen.Elements(true, false), (sc, aligned) => (sc.sentence, sc.chain, aligned))
            .SelectMany(_ => Gen.Choose(0, 1000).ArrayOf(), (sca, cuts) => (sca.sentence, sca.chain, sca.aligned, cuts))
            .SelectMany(_ => Gen.Elements(s_tags).ArrayOf(), (x, tags) => (x.sentence, x.chain, x.aligned, x.cuts, tags))
            .ToArbitrary();

    static RepairRunProperties() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [Fact]
    public void RepairsAsPlainText()
    {
        foreach (string sentence in s_sentences)
        {
            foreach (string chain in s_chains)
            {
                Assert.Equal(sentence, TextRepairer.Repair(Garble(sentence, chain, out _)).Text);
            }
        }
    }

    [Property(MaxTest = 300)]
    public Property Html_RunsCutAtRandomCharacters_RepairAsTheJoinedLine() =>
        Prop.ForAll(s_lines, line =>
            {
                (string sentence, string chain, bool aligned, int[] cutSeeds, string[] tags) = line;
                string garbled = Garble(sentence, chain, out int[] characterEnds);
                Func<int, int> cut = aligned ? s => characterEnds[s % (characterEnds.Length - 1)] : s => 1 + (s % (garbled.Length - 1));
                int[] cuts = [.. cutSeeds.Select(cut).Distinct().Order().Take(tags.Length)];
                var html = new StringBuilder("<p>");
                var expected = new List<string>();
                int at = 0;
                for (int i = 0; i <= cuts.Length; i++)
                {
                    int end = i < cuts.Length ? cuts[i] : garbled.Length;
                    html.Append(garbled, at, end - at).Append(i < cuts.Length ? tags[i] : "</p>");
                    expected.Add(Original(sentence, characterEnds, at, end));
                    at = end;
                }

                string output = new DocumentConverter(RepairOptions.Default).Convert(html.ToString(), DocumentFormat.Html);
                string[] runs = Tag().Split(output)[1..^1];
                bool tagsStay = Tag().Matches(output).Select(m => m.Value).SequenceEqual(["<p>", .. tags.Take(cuts.Length), "</p>"]);
                bool onCharacters = cuts.All(c => characterEnds.Contains(c));
                bool joinedAsLine = !onCharacters || string.Concat(runs) == TextRepairer.Repair(garbled).Text;
                int[] bounds = [0, .. cuts, garbled.Length];
                bool ownText = runs.Length == bounds.Length - 1
                    && Enumerable.Range(0, runs.Length).All(i => runs[i] == OwnText(sentence, garbled, characterEnds, bounds[i], bounds[i + 1])
                        || runs[i] == garbled[bounds[i]..bounds[i + 1]]);
                return (tagsStay && joinedAsLine && ownText && (!onCharacters || runs.SequenceEqual(expected)))
                    .Label($"{html} -> {output}");
            });

    /// <summary><paramref name="sentence"/> through <paramref name="chain"/>, and where each original character's mojibake ends.</summary>
    private static string Garble(string sentence, string chain, out int[] characterEnds)
    {
        string[] names = chain.Split('/');
        Encoding truth = Encoding.GetEncoding(names[0]);
        Encoding wrong = Encoding.GetEncoding(names[1]);
        var garbled = new StringBuilder();
        characterEnds = new int[sentence.Length];
        for (int i = 0; i < sentence.Length; i++)
        {
            garbled.Append(wrong.GetString(truth.GetBytes(sentence[i].ToString())));
            characterEnds[i] = garbled.Length;
        }

        return garbled.ToString();
    }

    /// <summary>
    /// What the run [start, end) of the garbled line repairs to: each character whose mojibake lies wholly in it is
    /// restored, and the run keeps the part it holds of a character a tag cuts (session 34: text never moves across
    /// markup; before, the cut character went whole to the earlier run and emptied the later one). A run an edit without
    /// aligned cuts crosses may instead keep its garbled text whole (the edit is not applied).
    /// </summary>
    private static string OwnText(string sentence, string garbled, int[] characterEnds, int start, int end)
    {
        var text = new StringBuilder();
        for (int k = 0, from = 0; k < sentence.Length; from = characterEnds[k], k++)
        {
            int to = characterEnds[k];
            if (from >= start && to <= end)
            {
                text.Append(sentence[k]);
            }
            else if (from < end && to > start)
            {
                text.Append(garbled, Math.Max(from, start), Math.Min(to, end) - Math.Max(from, start));
            }
        }

        return text.ToString();
    }

    /// <summary>The original characters whose mojibake lies in [start, end) (cuts on character boundaries only).</summary>
    private static string Original(string sentence, int[] characterEnds, int start, int end)
    {
        int first = Array.FindIndex(characterEnds, e => e > start);
        int last = Array.FindLastIndex(characterEnds, e => e <= end);
        return first < 0 || last < first ? "" : sentence[first..(last + 1)];
    }
}
