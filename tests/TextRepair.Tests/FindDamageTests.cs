using System.Text;

namespace TextRepair.Tests;

/// <summary>
/// <see cref="TextAnalyzer.FindDamage"/> (what <c>textrepair check</c> asks of the analyser): the damage spans of
/// <see cref="TextAnalyzer.Analyze(string, TextAnalyzerOptions)"/> with annotations and encoding, in the same order, and
/// whether that analysis found annotation candidates, on texts with and without parentheses, annotations, lost-vowel
/// pinyin, mojibake and loss markers.
/// </summary>
public sealed class FindDamageTests
{
    private static readonly string s_seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));

    public static TheoryData<string> Texts() => [.. AllTexts()];

    private static List<string> AllTexts()
    {
        var data = new List<string>
        {
            s_seed,
            "这是ä¸­æ–‡的文件，还有丢失的字\uFFFD\uFFFD。",
            "這是繁體中文的文章，沒有任何問題。",
            "括號裡的不是注音(注意)，也不是（拼音），(abc) 與 (zhang) 前面沒有漢字。",
            "发展(fzhn)是硬道理",
            "只有一個注音：長(zhǎng)大的孩子，其他都是普通的文字，沒有別的注音，所以不算鏡像網站的痕跡。",
            "全形括號：長（zhǎng）大，重（zhòng）要，(",
            "supplementary 𠮷野家(ji) and 𩸽 (yú) at the end (",
            "锟斤拷 and 烫烫烫 in a line (with a parenthesis)",
            Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("我們的軟體資訊都放在這裡（這是正確的臺灣用語）。")),
            string.Empty,
            "(",
        };

        // Each line of the seed page on its own, and the page cut in halves: annotations with and without the mirror
        // pattern, parentheses before and after them.
        foreach (string line in s_seed.Split('\n').Where(l => l.Contains('(') || l.Contains('\uFF08')).Take(20))
        {
            data.Add(line);
        }

        data.Add(s_seed[..(s_seed.Length / 2)]);
        data.Add(s_seed[(s_seed.Length / 2)..]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Gives_the_damage_of_the_analysis_with_annotations_and_encoding(string text)
    {
        TextReport report = TextAnalyzer.Analyze(text, TextAnalyzerOptions.Annotations | TextAnalyzerOptions.Encoding);

        IReadOnlyList<SuspectedDamage> damage = TextAnalyzer.FindDamage(text, out bool hasAnnotations);

        Assert.Equal(report.SuspectedDamage, damage);
        Assert.Equal(report.Annotations.Count > 0, hasAnnotations);
    }

    [Fact]
    public void The_texts_hold_what_they_test()
    {
        IEnumerable<RepairKind> kinds = AllTexts().SelectMany(row => TextAnalyzer.FindDamage(row, out _)).Select(d => d.Kind).Distinct();
        Assert.Superset(new HashSet<RepairKind>([RepairKind.Annotation, RepairKind.LostVowelPinyin, RepairKind.Encoding, RepairKind.LossMarker]), kinds.ToHashSet());
        Assert.Contains(AllTexts(), row => TextAnalyzer.FindDamage(row, out bool annotations) is [] && annotations);
        Assert.Throws<ArgumentNullException>(() => TextAnalyzer.FindDamage(null!, out _));
    }
}
