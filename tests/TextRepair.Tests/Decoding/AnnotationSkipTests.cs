using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The encoding scanner looks past the tone letters of pinyin annotations (<see cref="EncodingScanner.AnnotationEnd"/>):
/// they are what single-byte readers write too, but a syllable in parentheses after a Han character is a reading.
/// </summary>
public sealed class AnnotationSkipTests
{
    [Theory]
    [InlineData("堅(jiān)強", 4, 7)]
    [InlineData("強(qiáng)調", 4, 8)]
    [InlineData("發（fā）布", 3, 5)]
    [InlineData("堅(jia\u0304n)強", 5, 8)]
    public void ToneLetters_InAnAnnotation_AreSkippedToItsEnd(string text, int index, int end) =>
        Assert.Equal(end, EncodingScanner.AnnotationEnd(text, index));

    [Theory]
    [InlineData("中(ÎÄ)文", 2)]          // GBK read as Latin-1 between parentheses: not a syllable
    [InlineData("(jiān)", 3)]           // no Han character before it
    [InlineData("abc(jiān)", 6)]
    [InlineData("堅(jiān", 3)]           // not closed
    [InlineData("Déjà vu", 1)]
    public void OtherTextWithToneLetters_IsNotSkipped(string text, int index) =>
        Assert.Equal(0, EncodingScanner.AnnotationEnd(text, index));
}
