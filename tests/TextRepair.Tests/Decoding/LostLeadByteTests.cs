using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Double-byte text read by a strict windows-1252 reader (Python's <c>cp1252</c>, Java's), which writes U+FFFD for the
/// five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). In Shift-JIS each is a lead byte, so the
/// byte after a lost one where a character begins is its trail, and the two are one lost character (ー is 81 5B:
/// "�[", not "�" and "["). The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class LostLeadByteTests
{
    static LostLeadByteTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // What a strict windows-1252 reader makes of bytes: U+FFFD for the undefined ones.
    private static string ReadStrict1252(byte[] bytes)
    {
        var sb = new StringBuilder();
        Encoding latin = Encoding.GetEncoding(1252);
        foreach (byte b in bytes)
        {
            sb.Append(b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D ? '\uFFFD' : latin.GetString([b])[0]);
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("コーヒーとケーキ", "コ�ヒ�とケ�キ")]
    [InlineData("ユーザー名を入力してください。", "ユ�ザ�名を入力してください�")]
    public void ShiftJisLeadLostToAStrictReader_TakesItsTrailWithIt(string text, string expected)
    {
        string garbled = ReadStrict1252(Encoding.GetEncoding("shift_jis").GetBytes(text));
        Assert.Contains('\uFFFD', garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(expected, result.Text);
        Assert.True(result.Lossy);
    }
}
