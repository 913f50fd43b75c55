namespace TextRepair.Tests.Decoding;

/// <summary>
/// Cyrillic-script text beyond Russian, Ukrainian, Bulgarian and Serbian: the Cyrillic model was trained on those alone
/// and had never seen a Mongolian, Kazakh, Kyrgyz, Tatar or Belarusian word, so their clean words were read as other
/// bytes ("Нэмэлт" became 果入意, "Чыўаўа" 奏″″: their UTF-8 bytes read as windows-1251 or cp866 views of GBK and
/// Shift-JIS) and their UTF-8 read as windows-1251 stayed garbled (Т®ТЇСЃРіСЌС… for Үүсгэх). The Cyrillic model learns
/// them since session 38 (<c>CYRILLIC_MORE</c> of tools/train-charlm.py). The phrases are written for the test.
/// </summary>
public sealed class CyrillicLanguagesTests
{
    [Theory]
    [InlineData("Шинэ өгөгдөл нэмэх")]
    [InlineData("Үүнийг өөрчлөх үү?")]
    [InlineData("Үүсгэх огноо")]
    [InlineData("Өнгө сонгох")]
    [InlineData("Нэмэлт")]
    [InlineData("Нэр")]
    [InlineData("Өңдеу")]
    [InlineData("Ұзындығы")]
    [InlineData("Түзөтүү")]
    [InlineData("Өлчөм")]
    [InlineData("Җыр")]
    public void Utf8ReadAsWindows1251_IsRestored(string original) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 1251);

    [Theory]
    [InlineData("Нэмэлт")]
    [InlineData("Чыўаўа і Тэхас")]
    [InlineData("Шинэ өгөгдөл нэмэх")]
    [InlineData("Кыргызча сөздүк")]
    public void CleanText_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
