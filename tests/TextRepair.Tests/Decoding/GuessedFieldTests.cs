using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Whole fields that a reading of two or more layers turns into one character and lost bytes, while other readings
/// turn them into other characters about as well (TokenReading.Guessed): the field is damaged, but its text cannot be
/// told, so it is kept and reported lossy, never rewritten by a guess. The texts are written for these tests, not taken
/// from the evaluation sets.
/// </summary>
public sealed class GuessedFieldTests
{
    static GuessedFieldTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("Æøå")]
    [InlineData("Ðúñ")]
    [InlineData("ÚÙÛ")]
    [InlineData("ÉÈÊ")]
    public void LatinLettersThatDeepChainsReadAsOneCharacter_AreNotRewritten(string text)
    {
        // Two-layer readings turned these into one character and a U+FFFD (賦� for "Æøå" before), and the UTF-16 reading
        // of a field "ÉÈÊ" (질�, UTF-16BE read as windows-1252): one character is too little text to tell a chain from
        // chance when others read another character about as well.
        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Same(text, result.Text);
        Assert.All(result.Edits, e => Assert.Equal(e.Replacement, text.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void AnAmbiguousCutField_IsKeptAndFlagged()
    {
        // スト in EUC-JP, cut one byte into ト, read by cp850: "Ñ╣Ñ". Readings of several chains restore one character
        // each (ス by EUC-JP, 매 by a deeper one): the field lost bytes, and which character it held cannot be told.
        byte[] bytes = Encoding.GetEncoding("euc-jp").GetBytes("スト")[..3];
        string field = Encoding.GetEncoding(850).GetString(bytes);

        RepairResult result = EncodingRepairTests.Repair(field);

        Assert.Same(field, result.Text);
        Assert.True(result.Lossy);
        RepairEdit edit = Assert.Single(result.Edits);
        Assert.Equal((0, field.Length, field, RepairKind.LossMarker), (edit.Start, edit.Length, edit.Replacement, edit.Kind));
        Assert.Contains("text not told", edit.Chain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hop")]
    [InlineData("pot")]
    public void AFieldNotToldByTokens_IsReadAsUtf16(string word)
    {
        // UTF-16BE cut one byte short and read as UTF-16LE ("栀漀�" for "ho", and a lost byte): the token search's
        // readings of one character (싶� by two layers) are guesses, so the field is read as UTF-16 as a field whose
        // tokens show nothing is.
        byte[] bytes = Encoding.BigEndianUnicode.GetBytes(word)[..5];
        string field = Encoding.Unicode.GetString(bytes);

        RepairResult result = EncodingRepairTests.Repair(field);

        Assert.Equal(word[..2] + "\uFFFD", result.Text);
        Assert.True(result.Lossy);
    }

    [Theory]
    [InlineData("본문", "iso-8859-1")]
    [InlineData("義務", "cp437")]
    public void AOneLayerReadingOfOneCharacter_IsStillRestored(string text, string reader)
    {
        // A whole UTF-8 character and one byte of the next: one layer, whose structure shows the chain.
        byte[] bytes = Encoding.UTF8.GetBytes(text)[..4];
        string field = Encoding.GetEncoding(reader == "cp437" ? "ibm437" : reader).GetString(bytes);

        RepairResult result = EncodingRepairTests.Repair(field);

        Assert.Equal(text[..1] + "\uFFFD", result.Text);
        Assert.True(result.Lossy);
    }
}
