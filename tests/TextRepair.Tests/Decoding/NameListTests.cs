using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Lists of names garbled alike (song files): the chain of the text and of the line carries names of uncommon
/// characters that read below the short-field floor on their own, and no reading cuts a line in two. The texts are
/// written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class NameListTests
{
    [Fact]
    public void NamesOfUncommonCharacters_FollowTheLinesChain()
    {
        // 薛之谦, 李荣浩 and 庾澄庆 read at about -10 per transition (uncommon characters, no word the model knows), under
        // the short-field floor of -8 that a run following its line's chain was held to, so they took two-layer
        // readings of their own (タ巧月, 川蕃再, 瞰確伯) beside titles restored by the chain the whole list elected.
        string[] names =
        [
            "萧敬腾 - 王妃.mp3", "蔡依林 - 日不落.mp3", "薛之谦 - 演员.mp3", "毛不易 - 消愁.mp3", "邓丽君 - 甜蜜蜜.mp3",
            "李荣浩 - 模特.mp3", "赵雷 - 成都.mp3", "朴树 - 平凡之路.mp3", "张靓颖 - 画心.mp3", "庾澄庆 - 情非得已.mp3",
        ];
        string text = ChainVoteTests.Garble(names, "gbk", "windows-1252");

        Assert.Equal(string.Join("\n", names), EncodingRepairTests.Repair(text).Text);
    }

    [Fact]
    public void NoReadingInsertsALineBreak()
    {
        // "µË×ÏÆå" (邓紫棋) was read "\n崎i-N" by two layers through UTF-16: the language model scored the line break as
        // its line boundary (a line's end and a fresh start, about 4 nats, and a repeat of the boundary before it), and
        // the song list gained a line. A line break inside a reading now costs what a rare character does.
        string[] names = ["周杰伦 - 稻香.mp3", "王菲 - 红豆.flac", "邓紫棋 - 光年之外.mp3", "林俊杰 - 江南.mp3"];
        string text = ChainVoteTests.Garble(names, "gbk", "windows-1252");

        Assert.Equal(string.Join("\n", names), EncodingRepairTests.Repair(text).Text);
        Assert.DoesNotContain('\n', EncodingRepairTests.Repair("µË×ÏÆå").Text);
        Assert.True(TextLikelihood.Score("\n崎i-N", '\n', '\n').Total <= TextLikelihood.Score("崎i-N", '\n', '\n').Total + TextLikelihood.InnerLineBreakLogProb);
    }
}
