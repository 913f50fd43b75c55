using System.Globalization;
using System.Text.RegularExpressions;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests;

public sealed partial class LanguageModelTests
{
    // tools/train-charlm.py prints the entry counts that PROVENANCE.md records under "Language model".
    public static TheoryData<string, int, int> RecordedCounts()
    {
        var data = new TheoryData<string, int, int>();
        string provenance = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "PROVENANCE.md"));
        foreach (Match match in ModelRow().Matches(provenance))
        {
            data.Add(match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedCounts))]
    public void EmbeddedModel_HasTheRecordedEntryCounts(string name, int unigrams, int bigrams)
    {
        LanguageScript script = Enum.GetValues<LanguageScript>().Single(s => CharNgramModel.ScriptName(s) == name);
        Assert.Equal(unigrams, CharNgramModel.Shared.UnigramCount(script));
        Assert.Equal(bigrams, CharNgramModel.Shared.BigramCount(script));
    }

    [Fact]
    public void EveryScript_HasAModelAndARecordedCount()
    {
        Assert.Equal(Enum.GetValues<LanguageScript>().Length, CharNgramModel.Shared.ScriptCount);
        Assert.Equal(Enum.GetValues<LanguageScript>().Length, RecordedCounts().Count);
    }

    [Theory]
    [InlineData("我们今天去图书馆借了几本关于历史的书。", "zh-Hans")]
    [InlineData("我們今天去圖書館借了幾本關於歷史的書。", "zh-Hant")]
    [InlineData("ファイルを開くことができませんでした。", "ja")]
    [InlineData("파일을 열 수 없습니다. 다시 시도하십시오.", "ko")]
    [InlineData("Die Datei konnte nicht geöffnet werden. Bitte versuchen Sie es erneut.", "Latin")]
    [InlineData("Не удалось открыть файл. Попробуйте ещё раз.", "Cyrillic")]
    public void BestScript_RecognisesEachScript(string text, string expected)
    {
        Assert.Equal(expected, CharNgramModel.ScriptName(CharNgramModel.Shared.BestScript(text)));
    }

    [Theory]
    [InlineData("文件名", "鏂囦欢鍚")]
    [InlineData("中文", "ä¸\u00adæ–‡")]
    [InlineData("数据库连接失败", "鏁版嵁搴撹繛鎺ュけ璐")]
    public void CleanText_ScoresHigherPerCharacterThanItsMojibake(string clean, string garbled)
    {
        SpanScore a = CharNgramModel.Shared.ScoreBest(clean);
        SpanScore b = CharNgramModel.Shared.ScoreBest(garbled);
        Assert.True(a.PerChar > b.PerChar + 1, $"{a} vs {b}");
        Assert.True(a.Total > b.Total, $"{a} vs {b}");
    }

    [Fact]
    public void Score_CountsEveryTransition()
    {
        SpanScore score = CharNgramModel.Shared.Score(LanguageScript.ZhHans, "中文", '\n', '\n');
        Assert.Equal(3, score.Transitions);
        double sum = CharNgramModel.Shared.LogProb(LanguageScript.ZhHans, '\n', '中')
            + CharNgramModel.Shared.LogProb(LanguageScript.ZhHans, '中', '文')
            + CharNgramModel.Shared.LogProb(LanguageScript.ZhHans, '文', '\n');
        Assert.Equal(sum, score.Total, 6);
        Assert.True(score.Total < 0);
    }

    [GeneratedRegex(@"^\| (zh-Hans|zh-Hant|ja|ko|Latin|Cyrillic) \| \d+(?: \(\d+\))? \| (\d+) \| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex ModelRow();
}
