using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A Hangul syllable the Korean model never saw, or a Cyrillic letter the Cyrillic model never saw, is scored by the
/// Good-Turing estimate (see <c>CharNgramModel.ScriptModel.RaiseUnseenLetters</c>), not the trainer's uniform floor: the
/// ko model knows about a thousand of the 11,172 syllables, the Cyrillic model the Russian, Ukrainian and Bulgarian
/// letters, and a clean word with a character they never saw was read as other bytes (타겟 became 展為 as EUC-JP shown
/// as EUC-KR, Mongolian өмнө ス粿磚ス). The sentences are written for these tests (the clean catalogue probe found the
/// defect in make's Korean and GNOME's Mongolian messages; none of these is one of them, but for single words).
/// </summary>
public sealed class UnseenLettersTests
{
    [Theory]
    [InlineData("타겟")]
    [InlineData("타겟 설정")]
    [InlineData("새 타겟")]
    [InlineData("팀 타겟 변경")]
    [InlineData("혈흔 검사 결과")]
    [InlineData("타겟 설정\n아이템을 겟했다\n꽤 괜찮네\n갹출 금액")]
    [InlineData("새로운 타겟을 설정합니다\n혈흔이 발견되었다")]
    [InlineData("өмнө")]
    [InlineData("Үүнээс өмнө")]
    [InlineData("бөлүшүү")]
    public void CleanWordsWithALetterTheModelNeverSaw_AreNotRepaired(string text)
    {
        Assert.Same(text, TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep }).Text);
    }

    [Theory]
    [InlineData((int)LanguageScript.Ko, 0xAC00, 0xD7A3)]
    [InlineData((int)LanguageScript.Cyrillic, 0x0400, 0x04FF)]
    public void UnseenLetters_ScoreBetweenTheTrainersFloorAndTheRarestSeenCharacter(int scriptIndex, int first, int last)
    {
        var script = (LanguageScript)scriptIndex;
        CharNgramModel model = CharNgramModel.Shared;
        char unseen = Enumerable.Range(first, last - first + 1).Select(c => (char)c).First(c => char.IsLetter(c) && !model.IsKnown(script, c));
        double rarest = Enumerable.Range(0, 65536).Where(c => model.IsKnown(script, (char)c)).Min(c => model.UnigramLogProb(script, (char)c));
        double floor = model.UnigramLogProb(script, '\uE000');
        Assert.InRange(model.UnigramLogProb(script, unseen), floor + 1, rarest - 1);
    }

    [Fact]
    public void OtherScriptsModels_KeepTheFloorForTheBlock()
    {
        // The ja model knows some Cyrillic letters (JIS X 0208 has the Russian alphabet); a Mongolian letter stays at
        // its floor there, and a syllable at every model's floor but Korean's.
        CharNgramModel model = CharNgramModel.Shared;
        Assert.Contains(Enumerable.Range(0x0400, 0x0100), c => model.IsKnown(LanguageScript.Ja, (char)c));
        Assert.Equal(model.UnigramLogProb(LanguageScript.Ja, '\uE000'), model.UnigramLogProb(LanguageScript.Ja, '\u04E9'));
        Assert.Equal(model.UnigramLogProb(LanguageScript.ZhHans, '\uE000'), model.UnigramLogProb(LanguageScript.ZhHans, '\uACAF'));
        Assert.Equal(model.UnigramLogProb(LanguageScript.Latin, '\uE000'), model.UnigramLogProb(LanguageScript.Latin, '\uACAF'));
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
