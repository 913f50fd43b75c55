using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Pinyin with tone marks is text (<c>PinyinWords</c>): a line of it elected a chain of two layers that read "hǎo" as
/// 梦� ("nǐ hǎo lāhǎn"), and "lǜsè" became 크现맵. Found while measuring the engine's speed on random pinyin words
/// (session 27); the lines are written for the test.
/// </summary>
public sealed class PinyinWordsTests
{
    [Theory]
    [InlineData("nǐ hǎo lāhǎn")]
    [InlineData("lǜsè")]
    [InlineData("Běijīng huānyíng nǐ")]
    [InlineData("Wǒ ài nǐ.")]
    [InlineData("Lǎoshī, nín hǎo!")]
    [InlineData("xī’ān")]
    public void PinyinLine_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    [Theory]
    [InlineData("zhōngwén", true)]
    [InlineData("Běijīng", true)]
    [InlineData("xī'ān", true)]
    [InlineData("hao", false)]
    [InlineData("éà", false)]
    [InlineData("ÖÐÎÄ", false)]
    [InlineData("Ã©tÃ©", false)]
    [InlineData("qxǎz", false)]
    [InlineData("hǎo中", false)]
    [InlineData("é" + "nananananananananananananananananananananananananananananana" + "x", false)]
    public void IsPinyin(string token, bool expected) => Assert.Equal(expected, PinyinWords.IsPinyin(token));
}
