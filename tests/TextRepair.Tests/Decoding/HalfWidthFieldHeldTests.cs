using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Session 40: when the leading reading of a half-width kana field reads no better than the kana
/// (<c>RunJudge.KanaReadAsWell</c>'s third test), the field is held: no worse reading may replace it. On main the next
/// reading led when a seen pair let it pass that test. The fields are GBK character pairs of the library's own help
/// text (tests/TextRepair.Tests/Data/zh-CN-help.txt) read as Shift-JIS, picked for this test: each became another, wrong
/// text on main (用受 as 無故, 素和 as 柱憲, 行等 as ︽单, 到范 as 学史) and is left as it is now.
/// </summary>
public sealed class HalfWidthFieldHeldTests
{
    [Theory]
    [InlineData("ﾓﾃﾊﾜ")]
    [InlineData("1,ﾓﾃﾊﾜ")]
    [InlineData("1,ﾋﾘｺﾍ")]
    [InlineData("ﾐﾐｵﾈ")]
    [InlineData("1,ﾐﾐｵﾈ")]
    [InlineData("1,ｵｽｷｶ")]
    public void FieldWhoseLeadingReadingIsHeld_IsNotReadByAWorseReading(string text) =>
        Assert.Equal(text, EncodingRepairTests.Repair(text).Text);

    [Theory]
    [InlineData("ﾓﾃﾊﾜ", true)]
    [InlineData("ﾐﾐｵﾈ", true)]
    [InlineData("ﾃﾞｰﾀ", false)] // データ: no reading leads it by reading no better
    [InlineData("ab", false)] // no half-width kana: nothing is scored
    public void KanaHeldByLeading_HoldsTheFieldOnlyWhenTheLeadingReadingReadsNoBetter(string token, bool held)
    {
        char boundary = CharNgramModel.Boundary;
        List<Candidate> readings = CandidateSearch.Search(token, boundary, boundary, TextLikelihood.Score(token, boundary, boundary));

        Assert.Equal(held, RunJudge.KanaHeldByLeading(token, boundary, boundary, readings) is not null);
    }

    // A Hangul reading is not held: the third test does not judge Hangul (the Korean model knows too few pairs). 성철스님
    // (a word of the Korean words' dev half) in EUC-KR read as Shift-JIS leads as a Han reading that is held.
    [Fact]
    public void HangulReadingOfAHeldField_StillRepairs()
    {
        const string Garbled = "ｼｺﾃｶｽｺｴﾔ";
        char boundary = CharNgramModel.Boundary;
        List<Candidate> readings = CandidateSearch.Search(Garbled, boundary, boundary, TextLikelihood.Score(Garbled, boundary, boundary));

        Assert.NotNull(RunJudge.KanaHeldByLeading(Garbled, boundary, boundary, readings));
        Assert.Equal("성철스님", EncodingRepairTests.Repair(Garbled).Text);
    }

    // A repeated character is a repeated pair of bytes: its pair is no evidence for or against a word. 一笔笔 ("item by
    // item"), GBK read as Shift-JIS: 笔笔 is a pair the model rates below 笔 alone, which made the reading no word on main.
    [Fact]
    public void RepeatedCharacter_IsNoEvidenceAgainstAWord()
    {
        const string Garbled = "ﾒｻｱﾊｱﾊ";

        Assert.False(RunJudge.KanaReadAsWell(Garbled, "一笔笔", CharNgramModel.Boundary, CharNgramModel.Boundary));
        Assert.Equal("一笔笔", EncodingRepairTests.Repair(Garbled).Text);
    }
}
