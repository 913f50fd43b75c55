using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 Latin-script text read by Shift-JIS (European text opened on a Japanese system): the two bytes of an accented
/// small letter are two half-width katakana between the word's ASCII letters ("donnﾃｩes" for "données"), which no rule
/// read before session 42: two one-byte characters are under RunJudge.MinRunBytes, and a half-width run's reading that
/// halves its characters leads nothing (RunJudge.KanaReadAsWell). The word is the evidence
/// (Utf8SequencePool.IsKanaLetterPair, LatinWordAt). The sentences are written for the test.
/// </summary>
public sealed class Utf8LatinReadAsShiftJisTests
{
    [Theory]
    [InlineData("La durée de la réunion est limitée.")]
    [InlineData("Bitte wählen Sie eine gültige Größe.")]
    [InlineData("Hinzufügen")]
    [InlineData("Configuración del teléfono")]
    [InlineData("Não foi possível salvar o arquivo.")]
    [InlineData("Dosya bulunamadı, lütfen tekrar deneyin.")]
    [InlineData("Nastavení síťového připojení")]
    [InlineData("Tillgängliga skrivare")]
    public void Utf8ReadAsShiftJis_IsRestored(string original) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 932);

    // The garbled text names its chain, one edit per letter.
    [Fact]
    public void Edit_NamesTheChain()
    {
        string garbled = Encoding.GetEncoding(932).GetString(Encoding.UTF8.GetBytes("Les données sont enregistrées."));
        RepairResult result = TextRepairer.Repair(garbled);

        Assert.Equal("Les données sont enregistrées.", result.Text);
        Assert.All(result.Edits, edit => Assert.Equal("utf-8 decoded as shift-jis", edit.Chain));
        Assert.Equal(2, result.Edits.Count);
    }

    // Clean half-width katakana beside ASCII: kana words hold such pairs (ﾃｰ is テー and reads as ð, ﾃｨ is ティ and reads
    // as è, ﾈｯ is ネッ and reads as ȯ), but go on into more kana, which are letters, so no Latin word is there; a kana
    // word of one pair glued after a Latin word ("memoﾅｼ", ナシ, reads as "memoż") is a word's last letter, no evidence.
    [Theory]
    [InlineData("ﾃｰﾌﾟ")]
    [InlineData("PCﾃｰﾌﾞﾙ")]
    [InlineData("ﾃｨｯｼｭ 5箱")]
    [InlineData("USBﾒﾓﾘ 32GB")]
    [InlineData("ｲﾝﾀｰﾈｯﾄ接続")]
    [InlineData("Wi-Fiﾙｰﾀｰ")]
    [InlineData("ﾊﾟｰﾃｨｰ会場")]
    [InlineData("1,ﾃｨｰｶｯﾌﾟ,Aﾀｲﾌﾟ")]
    [InlineData("memoﾅｼ, emailﾅｼ")]
    public void CleanHalfWidthKanaBesideAscii_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // The pair is two characters (lead C2..DF, continuation A1..BF of JIS X 0201): é (C3 A9) is ﾃｩ, ü (C3 BC) ﾃｼ; kana
    // that are no UTF-8 sequence of a Latin letter are none (ﾌﾟ is CC DF; ｱｲ begins with a continuation byte).
    [Theory]
    [InlineData("ﾃｩ", true)]
    [InlineData("ﾃｼ", true)]
    [InlineData("ﾅｾ", true)]
    [InlineData("ﾌﾟ", false)]
    [InlineData("ｱｲ", false)]
    [InlineData("ﾃ", false)]
    public void IsKanaLetterPair_ReadsTheTwoBytes(string text, bool expected) => Assert.Equal(expected, Utf8SequencePool.IsKanaLetterPair(text, 0));
}
