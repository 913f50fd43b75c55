using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// An ideograph a Han model never saw is scored by the Good-Turing estimate (see <c>CharNgramModel.ScriptModel</c>), not
/// the trainer's uniform floor, so that clean words of rare characters outside the training text's domain are not
/// read as mojibake. Texts from OpenCC 1.4.2's test cases (Data/OpenCC/testcases.json), which the engine was never
/// tuned on: before, 29 of its 471 distinct inputs and outputs changed under `repair --to keep`, after, 15 (2 since the
/// session-9 model, which is not independent of them: rime-essay derives partly from OpenCC's dictionaries).
/// </summary>
public sealed class UnseenIdeographTests
{
    [Theory]
    [InlineData("倒霉")]
    [InlineData("氾濫 氾勝之 南氾 東氾 氾南 氾國 氾水")]
    [InlineData("駅弁当 弁別 弁護士 弁膜")]
    [InlineData("对乙酰氨基酚和扑热息痛都是常用的退烧止痛药")]
    [InlineData("昇華 畢昇 吳育昇 張昇 徐胤昇 李昇 李昇勳 溫昇豪 烏昇 王昇")]
    [InlineData("殢 殢云尤雨 𣨼 𣨼云尤雨")]
    [InlineData("𠮷野家的牛丼")]
    public void CleanWordsOfRareCharacters_AreNotRepaired(string text)
    {
        Assert.Same(text, TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep }).Text);
    }

    [Fact]
    public void UnseenIdeographs_ScoreBetweenTheTrainersFloorAndTheRarestSeenCharacter()
    {
        CharNgramModel model = CharNgramModel.Shared;
        foreach (LanguageScript script in new[] { LanguageScript.ZhHans, LanguageScript.ZhHant, LanguageScript.Ja })
        {
            char unseen = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c).First(c => !model.IsKnown(script, c));
            double rarest = Enumerable.Range(0, 65536).Where(c => model.IsKnown(script, (char)c)).Min(c => model.UnigramLogProb(script, (char)c));
            double floor = model.UnigramLogProb(script, '\uE000');
            double estimate = model.UnigramLogProb(script, unseen);
            Assert.InRange(estimate, floor + 1, rarest - 1);
        }

        // A surrogate pair is one character: an ideograph of planes 2-3 costs an unseen ideograph, its low half nothing.
        foreach (LanguageScript script in new[] { LanguageScript.ZhHans, LanguageScript.ZhHant, LanguageScript.Ja })
        {
            char unseen = Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c).First(c => !model.IsKnown(script, c));
            Assert.Equal(model.UnigramLogProb(script, unseen), model.UnigramLogProb(script, '\uD84E'));
        }

        Assert.Equal(0, model.UnigramLogProb(LanguageScript.ZhHans, '\uDE3C'));
        // Planes other than 2-3 keep the floor, but for plane 1's pictographs (EmojiTests): D800 is Linear B's.
        Assert.Equal(model.UnigramLogProb(LanguageScript.Latin, '\uE000'), model.UnigramLogProb(LanguageScript.Latin, '\uD800'));

        // A model of no Han text keeps the trainer's floor for ideographs.
        Assert.Equal(model.UnigramLogProb(LanguageScript.Latin, '\uE000'), model.UnigramLogProb(LanguageScript.Latin, '\u4E00'));
    }
}
