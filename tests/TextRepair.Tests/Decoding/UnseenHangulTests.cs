using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A Hangul syllable the Korean model never saw is scored by the Good-Turing estimate (see
/// <c>CharNgramModel.ScriptModel.RaiseUnseenHangul</c>), not the trainer's uniform floor: the model knows about a
/// thousand of the 11,172 syllables, and a clean Korean word with one it never saw was read as EUC-JP or GBK bytes shown
/// as EUC-KR (타겟 became 展為). The sentences are written for these tests (the clean catalogue probe found the defect in
/// make's Korean messages; none of these is one of them).
/// </summary>
public sealed class UnseenHangulTests
{
    [Theory]
    [InlineData("타겟")]
    [InlineData("타겟 설정")]
    [InlineData("새 타겟")]
    [InlineData("팀 타겟 변경")]
    [InlineData("혈흔 검사 결과")]
    [InlineData("타겟 설정\n아이템을 겟했다\n꽤 괜찮네\n갹출 금액")]
    [InlineData("새로운 타겟을 설정합니다\n혈흔이 발견되었다")]
    public void CleanKoreanWithASyllableTheModelNeverSaw_IsNotRepaired(string text)
    {
        Assert.Same(text, TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep }).Text);
    }

    [Fact]
    public void UnseenSyllables_ScoreBetweenTheTrainersFloorAndTheRarestSeenCharacter()
    {
        CharNgramModel model = CharNgramModel.Shared;
        char unseen = Enumerable.Range(0xAC00, 0xD7A3 - 0xAC00 + 1).Select(c => (char)c).First(c => !model.IsKnown(LanguageScript.Ko, c));
        double rarest = Enumerable.Range(0, 65536).Where(c => model.IsKnown(LanguageScript.Ko, (char)c)).Min(c => model.UnigramLogProb(LanguageScript.Ko, (char)c));
        double floor = model.UnigramLogProb(LanguageScript.Ko, '\uE000');
        Assert.InRange(model.UnigramLogProb(LanguageScript.Ko, unseen), floor + 1, rarest - 1);

        // Models that know no Hangul keep the floor for it.
        Assert.Equal(model.UnigramLogProb(LanguageScript.Latin, '\uE000'), model.UnigramLogProb(LanguageScript.Latin, unseen));
    }

    [Theory]
    [InlineData("文件", 936)]
    [InlineData("我们的系统", 936)]
    [InlineData("下载文件", 936)]
    [InlineData("简体中文", 936)]
    [InlineData("ファイル", 20932)]
    public void TextReadAsEucKr_IsStillRepaired(string original, int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string garbled = Encoding.GetEncoding(949).GetString(Encoding.GetEncoding(codePage).GetBytes(original));
        Assert.NotEqual(original, garbled);
        Assert.Equal(original, TextRepairer.Repair(garbled, new RepairOptions { Target = ScriptTarget.Keep }).Text);
    }
}
