using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A whole field of KS X 1001 Hangul syllables is replaced only by a reading that reads as clean text does
/// (<c>EncodingDecision.MinHangulFieldPerChar</c>, session 39), not by one at the floor of names of rare Han characters: the
/// ko model knows fewer than half of the syllables EUC-KR encodes, so clean Korean words scored low and a reading of
/// their EUC-KR bytes as GBK won ("우왕뿌왕" became 快空谎空). The words are of the dev half of Data/KoreanWords
/// (@nlpjs/lang-ko, tools/import-korean-words.sh), which no model trains on; the garbled fields must still be repaired.
/// </summary>
public sealed class HangulFieldTests
{
    private static readonly RepairOptions s_keep = new() { Target = ScriptTarget.Keep };

    [Theory]
    [InlineData("우왕뿌왕")]
    [InlineData("휘뜩휘뜩")]
    [InlineData("3,우왕뿌왕,휘뜩휘뜩")]
    [InlineData("우왕뿌왕_휘뜩휘뜩.mp3")]
    public void CleanKoreanWords_AreNotRepaired(string text)
    {
        RepairResult result = TextRepairer.Repair(text, s_keep);
        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("累计卡方分布", 936)] // 작셕엥렘롸꼈, -7.04 per transition
    [InlineData("不含", 936)]
    [InlineData("如果", 936)]
    [InlineData("道草", 932)] // 벞몢: syllables of cp949's extension, -8.04 per transition
    [InlineData("薬学", 932)]
    [InlineData("尺八の画一", 932)]
    public void GarbledFieldsReadAsEucKr_AreStillRepaired(string original, int writer)
    {
        string garbled = EncodingEvaluationSet.Strict(949).GetString(EncodingEvaluationSet.Strict(writer).GetBytes(original));
        Assert.NotEqual(original, garbled);
        Assert.Equal(original, TextRepairer.Repair(garbled, s_keep).Text);
    }

    [Theory]
    [InlineData("우왕뿌왕", true)]
    [InlineData("텃밭", true)]
    [InlineData("벞몢", false)] // outside KS X 1001
    [InlineData("우왕 뿌왕", false)]
    [InlineData("우왕A", false)]
    [InlineData("", false)]
    public void IsHangulField_AcceptsKsX1001SyllablesOnly(string text, bool expected)
    {
        Assert.Equal(expected, EncodingDecision.IsHangulField(text));
    }

    [Fact]
    public void CleanKoreanWords_DevHalf_FewChanged()
    {
        // Main (f86fb92) changed 5 of the dev half's 1,500 words; since session 39, 3 (펄떡펄떡, by GBK read as UTF-16LE;
        // 텃밭, whose EUC-KR bytes are the EUC-JP of the Japanese word 都合; 팍팍이, 婆婆捞 at -7.42 per transition).
        string[] words = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "KoreanWords", "words.tsv"))
            .Select(l => l.Split('\t', 3))
            .Where(p => p[0] == "dev" && p[1] == "word")
            .Select(p => p[2])
            .ToArray();
        Assert.Equal(1500, words.Length);
        Assert.InRange(words.Count(w => TextRepairer.Repair(w, s_keep).Text != w), 0, 3);
    }
}
