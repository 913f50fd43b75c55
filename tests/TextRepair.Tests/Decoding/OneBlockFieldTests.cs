using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// A short field whose characters beyond ASCII all lie in one block of 256 code points is text of that block's alphabet,
/// not UTF-16 read in the wrong byte order (<c>Utf16TextReading.MinOneBlockChars</c>, session 40): the Persian "پس از"
/// ("after"), a clean catalogue message, was read as 縆㌆ ✆㈆. Byte-swapped text of any script spreads over blocks and is
/// still repaired.
/// </summary>
public sealed class OneBlockFieldTests
{
    private static readonly RepairOptions s_keep = new() { Target = ScriptTarget.Keep };

    [Theory]
    [InlineData("پس از")]
    [InlineData("از این")]
    [InlineData("Γεια σου")]
    [InlineData("שלום לך")]
    public void CleanFieldsOfOneAlphabet_AreKept(string text)
    {
        RepairResult result = TextRepairer.Repair(text, s_keep);
        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("中文字幕")]
    [InlineData("文件名")]
    public void ByteSwappedFields_AreStillRepaired(string original)
    {
        // Persian byte-swapped ("縆㌆ ✆㈆") is not repaired, before this rule or after: no model knows its letters, so the
        // swapped reading scores 17.6 nats better than the Persian.
        // Written in UTF-16BE, read as UTF-16LE: each character's bytes swapped.
        string garbled = Encoding.Unicode.GetString(Encoding.BigEndianUnicode.GetBytes(original));
        Assert.NotEqual(original, garbled);
        Assert.Equal(original, TextRepairer.Repair(garbled, s_keep).Text);
    }
}
