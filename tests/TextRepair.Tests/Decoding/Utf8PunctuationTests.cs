namespace TextRepair.Tests.Decoding;

/// <summary>
/// Curly quotes, dashes and ellipses written in UTF-8 and read as windows-1252 ("â€œ", "â€\u009D", "â€”", "â€¦"): they
/// restore punctuation and no letter, so no run of them led a reading, and another chain's letter did ("The â€œbestâ€\u009D
/// choice" became "The â€œbest丟 choice"; <c>RunJudge.RestoresUtf8Sequences</c>). Found by a hostile tester (session 27);
/// the sentences are written for the test. Greek and Cyrillic words read so restore letters of alphabets no model
/// knows, which short runs may not restore on the models' word, so another chain's Han did ("Ελλάδα" became 螘位位维未伪);
/// whole UTF-8 sequences are their own evidence there too. windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; .NET and
/// browsers read them as the C1 controls of the same value, as here.
/// </summary>
public sealed class Utf8PunctuationTests
{
    [Theory]
    [InlineData("The “best” choice")]
    [InlineData("He said “hello” — and left… It’s fine.")]
    [InlineData("It’s “quoted”.")]
    [InlineData("He said: “OK”")]
    [InlineData("Don’t stop — it’s fine…")]
    [InlineData("Bullet • point")]
    [InlineData("中文—英文")]
    [InlineData("等等…")]
    [InlineData("他说“hello”")]
    [InlineData("价格€100")]
    [InlineData("Καλημέρα κόσμε")]
    [InlineData("Ελλάδα")]
    [InlineData("Привет, мир")]
    [InlineData("мир!")]
    public void Utf8ReadAsWindows1252_IsRestored(string original)
    {
        string garbled = ReadAsWindows1252(original);
        Assert.NotEqual(original, garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(original, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("Voilà — c’est fini…")]
    [InlineData("â€ is what UTF-8 mojibake looks like")]
    [InlineData("Ã© and â€™ are classic mojibake patterns")]
    [InlineData("Crème brûlée à la carte")]
    [InlineData("«Ça va?»")]
    public void CleanText_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);

    private static string ReadAsWindows1252(string text)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        System.Text.Encoding windows1252 = System.Text.Encoding.GetEncoding(1252);
        var chars = new System.Text.StringBuilder();
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            chars.Append(b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D ? (char)b : windows1252.GetString([b])[0]);
        }

        return chars.ToString();
    }
}
