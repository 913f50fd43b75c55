using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 Latin-script text read by a double-byte CJK decoder (European text opened on a Chinese, Taiwanese or Korean
/// system): each accented letter is one two-byte UTF-8 sequence that GBK, Big5 or EUC-KR reads as one CJK character
/// between the word's ASCII letters ("dur茅e" for "durée"). Two bytes are no evidence alone, so such text was left;
/// since session 41 a Latin word of such pairs is (Utf8SequencePool.LatinWordAt). The sentences are written for the
/// test; the clean lines mix Latin words and Han with no space, as CJK text does.
/// </summary>
public sealed class Utf8LatinReadAsDoubleByteTests
{
    [Theory]
    [InlineData("La durée de la réunion est limitée.")]
    [InlineData("Hinzufügen")]
    [InlineData("Bitte klicken Sie auf Zurück.")]
    [InlineData("Les pages numérotées")]
    [InlineData("Dosya bulunamadı, lütfen tekrar deneyin.")]
    [InlineData("Não foi possível salvar o arquivo.")]
    [InlineData("Configuración del teléfono")]
    public void Utf8ReadAsGbkBig5OrEucKr_IsRestored(string original)
    {
        EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 936);
        EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 950);
        EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 949);
    }

    // Words whose first letter is accented, two accents around one ASCII letter, and a capital: GBK only (Big5 and
    // EUC-KR have no character for some of these sequences).
    // A line that opens with a garbled capital (Ö is C3 96, which GBK reads as 脰), alone and after a damaged line.
    [Theory]
    [InlineData("Öffnen Sie die Datei.")]
    [InlineData("Wählen Sie die Datei aus.\nÖffnen Sie sie danach.")]
    [InlineData("Über uns")]
    public void LineOpeningWithAGarbledCapital_IsRestored(string original) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 936);

    [Theory]
    [InlineData("Zkontrolujte připojení k síti.")]
    [InlineData("L'été dernier à Nîmes")]
    [InlineData("Die Größe der Datei")]
    public void Utf8ReadAsGbk_IsRestored(string original) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 936);

    // Clean CJK text writes Latin words beside Han with no space; some of that Han is a Latin letter's pair under its
    // decoder (前 is C7 B0 in GBK, "ǰ"; 平 is C6 BD, "ƽ"; 全 is C8 AB, "ȫ"), but goes on into more Han.
    [Theory]
    [InlineData("下载App前请先登录")]
    [InlineData("App前，请先登录")]
    [InlineData("我的iPhone平板坏了")]
    [InlineData("支持全web端和app端")]
    [InlineData("使用Windows系统的用户")]
    [InlineData("用Python写一个爬虫")]
    [InlineData("这个bug修复了吗")]
    [InlineData("JavaScript里的闭包")]
    [InlineData("這個App內購買")]
    [InlineData("Windowsのインストール")]
    [InlineData("iPhone으로 사진을 찍었어요")]
    [InlineData("GitHub에 코드를 올렸습니다")]
    public void CleanCjkBesideLatinWords_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // The pre-scan's search jumps between runs of ASCII letters (Utf8SequencePool.IndexOfLatinWord); it must find what a
    // test of every character beside an ASCII letter finds, in random text of ASCII letters, pairs of the three decoders
    // (茅 眉 矇 챕 前), other Han, Hangul, spaces and punctuation.
    [Fact]
    public void PreScanSearch_FindsWhatEveryCharacterTestFinds()
    {
        const string Alphabet = "abeztDVTI茅眉矇챕前平全猫请后的 ，.'";
        var random = new Random(41);
        for (int n = 0; n < 20_000; n++)
        {
            char[] text = new char[random.Next(0, 24)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            Assert.Equal(EveryCharacter(text), Utf8SequencePool.IndexOfLatinWord(text));
        }
    }

    // The reference: every character beside an ASCII letter, tested under each decoder.
    private static int EveryCharacter(ReadOnlySpan<char> text)
    {
        Codec[] decoders = [Codec.Gbk, Codec.Big5, Codec.EucKr];
        for (int i = 0; i < text.Length; i++)
        {
            if (!(i > 0 && char.IsAsciiLetter(text[i - 1])) && !(i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])))
            {
                continue;
            }

            foreach (Codec decoder in decoders)
            {
                if (Utf8SequencePool.IsLatinLetterPair(decoder, text[i]) && Utf8SequencePool.LatinWordAt(text, i, decoder, out bool evidence, out _) && evidence)
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
