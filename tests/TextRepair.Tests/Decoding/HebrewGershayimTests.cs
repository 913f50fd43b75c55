namespace TextRepair.Tests.Decoding;

/// <summary>
/// Hebrew's geresh and gershayim (U+05F3, U+05F4), punctuation written inside a word, score as letters of the Hebrew
/// alphabet (session 39): scored as a symbol, the letter after one started a new word at an unseen letter's cost, and
/// the abbreviation ע״י (UTF-8 D7 A2 D7 B4 D7 99) read likelier as GBK, 注状讬, in clean messages with ‚ ’ quotes. The
/// phrases are written for the test.
/// </summary>
public sealed class HebrewGershayimTests
{
    [Theory]
    [InlineData("אושר ע״י ‚המנהל’")]
    [InlineData("נכתב ע״י ‚דוד’ בשנת 2020")]
    [InlineData("דו״ח ‚שנתי’")]
    [InlineData("ג׳ירפה ‚גדולה’")]
    public void CleanHebrew_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
