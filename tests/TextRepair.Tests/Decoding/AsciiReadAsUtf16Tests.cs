using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// ASCII text read by a UTF-16 reader, the one wrong decoder that garbles ASCII (every two bytes become one
/// character): Notepad's "Bush hid the facts" shown as 畂桳栠摩琠敨映捡獴. A run of ASCII alone restored by a UTF-16
/// reading is text only when it is long and fluent enough and reads clearly better than in the other byte order
/// (<c>RunJudge.MinUtf16AsciiRun</c>, <c>MinUtf16AsciiFluency</c>, <c>MinUtf16ByteOrderMargin</c>); before session 29
/// no run of ASCII alone was evidence, and these were left garbled.
/// </summary>
public sealed class AsciiReadAsUtf16Tests
{
    [Theory]
    [InlineData("Bush hid the facts")]
    [InlineData("Hello world, this is a test of the emergency broadcast system.")]
    [InlineData("This is a longer sentence written in English, read as UTF-16 little endian. ")]
    [InlineData("The file could not be opened because it is in use by another process")]
    public void AsciiReadAsUtf16Le_IsRestored(string text)
    {
        string garbled = Encoding.Unicode.GetString(Encoding.ASCII.GetBytes(text));

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(text, result.Text);
        Assert.False(result.Lossy);
        Assert.All(result.Edits, edit => Assert.Equal("utf-8 decoded as utf-16le", edit.Chain));
    }

    // The lattice reads UTF-16LE only: text a UTF-16BE reader garbled reads under it as its own letters swapped pair by
    // pair, which must not pass for text ("ocvnyedeb yoy" for "covered by you").
    [Theory]
    [InlineData("Bush hid the facts")]
    [InlineData("covered by you under this License.")]
    [InlineData("Hello world, this is a test of the emergency broadcast system.")]
    public void AsciiReadAsUtf16Be_IsNotSwapped(string text) =>
        EncodingRepairTests.AssertUntouched(Encoding.BigEndianUnicode.GetString(Encoding.ASCII.GetBytes(text)));

    // Han characters whose two bytes are both printable ASCII read as ASCII whatever they are; random strings of them
    // (rare characters, as in names) must not become the short, letter-like readings a character model half believes.
    [Theory]
    [InlineData("渧硽嵬洿潭杬")]
    [InlineData("敓牶塾佟獂潁睲")]
    [InlineData("嵍噃敩愴愶")]
    [InlineData("彄睵")]
    [InlineData("汥瑰畱畀噦")]
    [InlineData("唣硸甩堪畑孳桡潡")]
    public void HanMadeOfAsciiBytes_IsUntouched(string text) => EncodingRepairTests.AssertUntouched(text);
}
