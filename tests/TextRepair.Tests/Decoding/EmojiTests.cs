using System.Text;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Emoji, the commonest characters beyond the Basic Multilingual Plane in web text, in mojibake and in clean text. The
/// models were trained on text without them, so an emoji cost the trainer's floor and a garbled one that stood as a token
/// of its own ("张三 ð\u009F\u0098\u0080", UTF-8 read as Latin-1) stayed garbled beside a repaired line, or a token of
/// one alone was read by a chain that restores a letter ("👍 好的" as "^船} 好的"). Pictographs now cost what an unseen
/// one costs (<c>CharNgramModel.ScriptModel.ScoreSurrogatePairsAsOne</c>), and a four-byte UTF-8 sequence is evidence
/// of its chain as a three-byte one is (<c>RunJudge.RestoresUtf8Sequences</c>). Session 30's probe of 49 garbled lines
/// with emoji: 31 restored before, 49 after.
/// </summary>
public sealed class EmojiTests
{
    public static TheoryData<string, int> Garbled()
    {
        string[] texts =
        [
            "用户名：张三 😀",
            "😀 用户名：张三",
            "今天很开心 🎉🎉 明天见",
            "👍 好的，收到",
            "天氣不錯 ☀️ 出去走走",
            "家族 👨‍👩‍👧 旅行",
            "Great job 👍 谢谢",
            "ありがとう 😊 また明日",
        ];
        int[] readers = [28591, 437, 866, 10000, 936, 1251];
        var data = new TheoryData<string, int>();
        foreach (string text in texts)
        {
            foreach (int reader in readers)
            {
                data.Add(text, reader);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Garbled))]
    public void EmojiInUtf8ReadByAnotherDecoder_IsRestored(string text, int reader)
    {
        Encoding wrong = Encoding.GetEncoding(reader, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        string garbled;
        try
        {
            garbled = wrong.GetString(bytes);
            Assert.Equal(bytes, wrong.GetBytes(garbled));
        }
        catch (DecoderFallbackException)
        {
            return; // a reader that loses bytes of this text: not this test's case (lossy repair is tested elsewhere)
        }

        Assert.Equal(text, EncodingRepairTests.Repair(garbled).Text);
    }

    // A line of one token ending in a four-byte character: a deeper chain that reads the rest alike but loses the
    // character (utf-8 decoded as gbk, then gbk decoded as iso-8859-1) took it, since a loss is charged as a rare
    // character and these score as rarer (TokenReading.ExactInPlaceOfLosses).
    [Theory]
    [InlineData("人民政府办公室🤔")]
    [InlineData("小康社会提供了坚强💪")]
    [InlineData("人民政府办公室𠮷")]
    [InlineData("🤔人民政府办公室")]
    public void LineEndingInAFourByteCharacter_KeepsIt(string text)
    {
        string garbled = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
        RepairResult result = EncodingRepairTests.Repair(garbled);
        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("今天天气真好😀")]
    [InlineData("收到 👍")]
    [InlineData("👍👍👍")]
    [InlineData("好的🙏 谢谢")]
    [InlineData("家族 👨‍👩‍👧 旅行")]
    [InlineData("国旗 🇨🇳 🇹🇼 🇯🇵 🇰🇷")]
    [InlineData("天氣不錯 ☀️ 出去走走 ☔")]
    [InlineData("ありがとう😊")]
    [InlineData("감사합니다 😊")]
    [InlineData("Great job 👍🏽 see you ✌️")]
    [InlineData("❤️❤️❤️ 爱你")]
    [InlineData("✅ 已完成 ❌ 未完成")]
    [InlineData("🀄 麻将 🃏")]
    public void CleanTextWithEmoji_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Fact]
    public void Pictographs_CostAnUnseenPictographInEveryModel_JoinersAndSelectorsNothing()
    {
        CharNgramModel model = CharNgramModel.Shared;
        foreach (LanguageScript script in Enum.GetValues<LanguageScript>())
        {
            double floor = model.UnigramLogProb(script, '\uE000');
            double rarest = Enumerable.Range(0, 65536).Where(c => model.IsKnown(script, (char)c)).Min(c => model.UnigramLogProb(script, (char)c));
            double emoji = model.UnigramLogProb(script, '\uD83D');
            Assert.True(emoji > floor + 1 && emoji < rarest, $"{script}: floor {floor}, pictograph {emoji}, rarest seen {rarest}");
            Assert.Equal(emoji, model.UnigramLogProb(script, '\uD83C'));
            Assert.Equal(emoji, model.UnigramLogProb(script, '\uD83E'));
            Assert.Equal(0, model.UnigramLogProb(script, '\uFE0F'));
            Assert.Equal(0, model.UnigramLogProb(script, '\u200D'));
            Assert.Equal(floor, model.UnigramLogProb(script, '\uD800'));
        }
    }
}
