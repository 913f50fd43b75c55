namespace TextRepair.Tests.Decoding;

/// <summary>
/// UTF-8 Cyrillic read by GBK (a Russian, Kazakh or Mongolian file opened on a Chinese system): every letter is a
/// two-byte UTF-8 sequence, read as one Han character ("袩芯懈褋泻" for "Поиск"). A short word of it never carried
/// evidence, as its reading restores letters the short-run check called unmodelled, so it was left or a deeper chain's
/// Han won ("袠蟹褏芯写" became "逢螳､"). Since session 40 a run whose bytes are whole two-byte UTF-8 sequences of letters
/// carries its evidence under a double-byte reader too (RunJudge.RestoresTwoByteLetters). The phrases are written for
/// the test; the clean Chinese words are common words whose GBK bytes are valid UTF-8 throughout.
/// </summary>
public sealed class Utf8CyrillicReadAsGbkTests
{
    [Theory]
    [InlineData("Поиск")]
    [InlineData("Изход")]
    [InlineData("Хадгалах")]
    [InlineData("Нууц үг")]
    [InlineData("Сәлеметсіз бе")]
    [InlineData("Ещё раз")]
    [InlineData("Отмена")]
    [InlineData("Меню")]
    [InlineData("Открыть файл")]
    [InlineData("Файлы и папки")]
    [InlineData("Выберите язык:")]
    [InlineData("Зберегти зміни")]
    [InlineData("бўлди")]
    [InlineData("їхні")]
    public void Utf8ReadAsGbk_IsRestored(string original) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, 936);

    [Theory]
    [InlineData("小写")]
    [InlineData("系统模式")]
    [InlineData("一些")]
    [InlineData("同时")]
    [InlineData("谢谢")]
    [InlineData("目录")]
    [InlineData("状态")]
    [InlineData("小写字母")]
    public void CleanChineseOfTwoByteUtf8Pairs_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // Rows of EUC-KR's hanja chart at leads D0..D3, trail bytes A1..A6: consecutive bytes that are valid UTF-8 by
    // construction and read as consecutive Cyrillic letters ("СТУФХ"), a chart's row and no evidence (RunJudge.MinListedLetters).
    [Theory]
    [InlineData("鬼龜叫圭奎")]
    [InlineData("叫圭奎揆")]
    [InlineData("納臘蠟衲囊")]
    [InlineData("蠟衲囊娘")]
    [InlineData("丹亶但單團")]
    [InlineData("朞期杞棋棄")]
    public void CodePageChartRowReadingAsConsecutiveLetters_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    // A deeper chain that only re-reads a passing one-layer reading's word pays its layer as a repair of that word on its
    // own would (TokenReading.ShallowerPassing): "büyüklük" read as windows-1252 became "bー＿l＿" by a two-layer chain
    // through the one-layer reading, "їхні" read as GBK " 天z".
    [Theory]
    [InlineData("büyüklük", 1252)]
    [InlineData("їхні", 936)]
    public void DeeperChainOverFluentWord_KeepsTheWord(string original, int reader) => EncodingRepairTests.AssertRestoredFromUtf8ReadAs(original, reader);
}
