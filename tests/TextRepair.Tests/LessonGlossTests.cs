namespace TextRepair.Tests;

/// <summary>
/// Pinyin written by a teacher or a dictionary is text, not damage: glossaries (the glossed characters stand alone,
/// items of a list or heads of entries) and prose that glosses each character once are reported and left as they are,
/// script included, while pages damaged by a mirror still repair.
/// </summary>
public sealed class LessonGlossTests
{
    [Theory]
    // A list of new characters.
    [InlineData("第三課　生詞：書(shū)、筆(bǐ)、紙(zhǐ)、硯(yàn)。請把這些字各寫十遍。")]
    // Dictionary entries, one per line.
    [InlineData("車(chē)：陸地上有輪子的交通工具。\n馬(mǎ)：一種家畜，可供騎乘。\n魚(yú)：生活在水中的脊椎動物。\n鳥(niǎo)：有羽毛的卵生動物。")]
    // Words of two characters in a vocabulary line.
    [InlineData("生詞表：開(kāi)關(guān)、電(diàn)燈(dēng)、鐘(zhōng)錶(biǎo)、書(shū)櫃(guì)。")]
    // A list, then prose that glosses the same characters again: still a lesson.
    [InlineData("本課生字：愛(ài)、國(guó)、書(shū)。我愛(ài)我的國(guó)家，也愛(ài)讀書(shū)。")]
    // Prose that glosses each new character once.
    [InlineData("老師說，今天認識幾個新字：風(fēng)吹過樹林，雲(yún)飄在天上，鳥(niǎo)在歌唱。")]
    [InlineData("這首詩裡的黃鸝(lí)和白鷺(lù)都是鳥，請注意讀(dú)音。")]
    // Toneless glosses in a list.
    [InlineData("生字：學(xue)、習(xi)、寫(xie)、讀(du)、說(shuo)。")]
    public void LessonAndDictionaryGlosses_AreLeftAlone(string text)
    {
        TextReport report = TextAnalyzer.Analyze(text);
        RepairResult result = TextRepairer.Repair(text);

        Assert.NotEmpty(report.Annotations);
        Assert.Equal(AnnotationEvidence.Weak, report.Evidence);
        Assert.False(report.ConvertedFromSimplified);
        Assert.Same(text, result.Text);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void SeedHalves_StillShowTheMirrorPattern()
    {
        // Each half of the real damaged page, on its own, is still found and repaired.
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));
        int middle = seed.IndexOf('\n', seed.Length / 2) + 1;
        foreach (string half in new[] { seed[..middle], seed[middle..] })
        {
            TextReport report = TextAnalyzer.Analyze(half);
            Assert.Equal(AnnotationEvidence.StrongToned, report.Evidence);
            Assert.DoesNotContain("(", TextRepairer.Repair(half).Text.Replace("(工)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Theory]
    // Mirror damage repeats its readings inside the words of prose.
    [InlineData("會(huì)議指出，要進(jìn)一步加強(qiáng)學(xué)習(xí)，堅(jiān)持學(xué)習(xí)與實踐相結合，推動會(huì)議精神落實。", "会议指出，要进一步加强学习，坚持学习与实践相结合，推动会议精神落实。")]
    [InlineData("今年5月(yue)8日(ri)上午,我们的(de)(de)(de)学生在学(xue)校参加了考(kao)试,大(da)家都很认真。", "今年5月8日上午，我们的学生在学校参加了考试，大家都很认真。")]
    public void MirrorDamageInProse_IsStillRepaired(string damaged, string repaired)
    {
        Assert.Equal(repaired, TextRepairer.Repair(damaged).Text);
    }
}
