using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Text read by a double-byte decoder that ignores what it cannot read (Python's errors="ignore"): characters whose two
/// bytes are no pair there vanish whole, and the restoration reads as text with no U+FFFD to tell (DroppedCharacters).
/// The sentences are written for these tests and damaged with Python's codecs; none is in an evaluation set.
/// </summary>
public sealed class DroppedCharactersTests
{
    [Theory]
    // "Сегодня утром мы получили новые отчёты о продажах и отправили их директору", UTF-8 read as EUC-KR: р, с, т,
    // у, ы, ч, ё, я (trail bytes 0x80..0xA0) and the capital С are gone. и (D0 B8) is U+F908, a compatibility ideograph,
    // as Python's reader writes it.
    [InlineData("鬼筠均棘畇戟 棘劇 劇 極棘剋\uF908剋\uF908 戟棘勻筠 棘 棘 極棘畇逵菌逵 \uF908 棘極逵勻\uF908剋\uF908 \uF908 畇\uF908筠克棘", "utf-8 decoded as euc-kr")]
    // "Пожалуйста, проверьте настройки сервера перед запуском программы", UTF-8 read as Big5.
    [InlineData("郋迠訄郅邿訄, 郈郋赲迮迮 郇訄郋邿郕邽 迮赲迮訄 郈迮迮迡 郱訄郈郕郋邾 郈郋迣訄邾邾", "utf-8 decoded as big5")]
    public void RestorationWithoutTheLettersTheDecoderDrops_IsLossy(string garbled, string chain)
    {
        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.True(result.Changed);
        Assert.True(result.Lossy);
        Assert.DoesNotContain('\uFFFD', result.Text);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker && e.Chain == chain);
        Assert.Contains($"Lossy: {chain}: the decoder dropped characters", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void ShortRestorationThatMayLackThemByChance_IsNotLossy()
    {
        // "новое окно" has no letter UTF-8 read as EUC-KR drops: it decodes strictly, and 9 letters without any of р..я
        // are not unlikely enough (about e^-2.7) to tell a loss.
        RepairResult result = EncodingRepairTests.Repair("戟棘勻棘筠 棘克戟棘");

        Assert.Equal("новое окно", result.Text);
        Assert.False(result.Lossy);
    }

    [Fact]
    public void AbsenceLogProb_WeighsOnlyLettersTheChainDrops()
    {
        double russian = DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.EucKr, "ома пеаи");
        double longer = DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.EucKr, "ома пеаи ома пеаи");

        Assert.InRange(russian, -10, -0.5);
        Assert.Equal(2 * russian, longer, 9);

        // A capital the chain keeps (Ф, D0 A4) weighs as its small letter among the capitals: А..П (D0 90..9F) are
        // dropped, and a capital seen is one of Р..Я; a dropped capital seen shows nothing, as a small letter does.
        Assert.True(DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.EucKr, "Ф ома пеаи") < russian);
        Assert.Equal(double.PositiveInfinity, DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.EucKr, "Пома"));

        // A letter the chain cannot keep in the text: the decoder did not drop it, nothing is shown.
        Assert.Equal(double.PositiveInfinity, DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.EucKr, "форма"));

        // GBK reads every two-byte UTF-8 sequence, and single-byte decoders are not weighed.
        Assert.Equal(0, DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.Gbk, "ома пеаи ома пеаи"));
        Assert.Equal(0, DroppedCharacters.AbsenceLogProb(Codec.Utf8, Codec.Windows1252, "ома пеаи ома пеаи"));
    }
}
