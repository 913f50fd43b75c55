using TextRepair.Internal;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// One definition of a Latin letter for the encoding engine (LatinText), shared by the word-letter test of the token
/// reading and the pooled-sequence test of the run judge; and what a Latin-script word's whole UTF-8 sequences restore
/// (<c>IsWordLetterOrMark</c>, the floor of runs of UTF-8 sequences, session 40).
/// </summary>
public sealed class LatinTextTests
{
    [Theory]
    [InlineData('a', true, false)]
    [InlineData('Z', true, false)]
    [InlineData('ª', true, false)]
    [InlineData('µ', true, false)]
    [InlineData('º', true, false)]
    [InlineData('À', true, true)]
    [InlineData('ß', true, true)]
    [InlineData('ÿ', true, true)]
    [InlineData('ő', true, true)]
    [InlineData('ɏ', true, true)]
    [InlineData('ệ', true, true)]
    [InlineData('×', false, false)]
    [InlineData('÷', false, false)]
    [InlineData('±', false, false)]
    [InlineData('1', false, false)]
    [InlineData('ɐ', false, false)]
    [InlineData('Ж', false, false)]
    [InlineData('α', false, false)]
    [InlineData('中', false, false)]
    public void Letter_AndExtendedLetter(char c, bool letter, bool extended)
    {
        Assert.Equal(letter, LatinText.IsLetter(c));
        Assert.Equal(extended, LatinText.IsExtendedLetter(c));
    }

    [Theory]
    [InlineData('é', true)]
    [InlineData('ő', true)]
    [InlineData('ə', true)]   // IPA Extensions: Azerbaijani
    [InlineData('ɐ', true)]
    [InlineData('ʯ', true)]
    [InlineData('ʰ', false)]  // a modifier letter, past IPA Extensions
    [InlineData('ệ', true)]
    [InlineData('\u0301', true)] // combining acute
    [InlineData('\u036F', true)]
    [InlineData('a', false)]
    [InlineData('µ', false)]
    [InlineData('×', false)]
    [InlineData('Ж', false)]
    [InlineData('中', false)]
    public void WordLetterOrMark(char c, bool expected) => Assert.Equal(expected, LatinText.IsWordLetterOrMark(c));
}
