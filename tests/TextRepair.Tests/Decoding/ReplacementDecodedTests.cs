using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Double-byte text read as UTF-8 with replacement: most of its bytes are lost (U+FFFD), and the few characters between
/// the losses are byte sequences that happen to be valid UTF-8, often across two of the original characters. A loss
/// marker is no byte of evidence for a reading (RunJudge.MinRunBytes): counted as three UTF-8 bytes, it let deep chains
/// replace a lone 2-byte character and the losses around it with invented characters ("һ" with its U+FFFD became 棣
/// through three layers). The texts are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class ReplacementDecodedTests
{
    static ReplacementDecodedTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("你好，世界！这是一个测试。", 936)]
    [InlineData("请在这里输入你的名字和地址。", 936)]
    [InlineData("這是一個簡單的測試句子。", 950)]
    public void NoCharacterIsInvented(string text, int codePage)
    {
        string garbled = new UTF8Encoding(false, false).GetString(Encoding.GetEncoding(codePage).GetBytes(text));
        Assert.Contains('\uFFFD', garbled);

        RepairResult result = EncodingRepairTests.Repair(garbled);

        // Every character of the result is the original's, one the input already had, or a loss marker.
        Assert.True(result.Lossy);
        EncodingRepairTests.AssertInventsNoCharacter(text, garbled, result.Text);
    }
}
