namespace TextRepair.Tests.Decoding;

/// <summary>
/// A later pass of the encoding step does not take a character an earlier pass restored beside a loss for the lost
/// character's bytes (<c>EncodingStep.ThrowsAwayRestored</c>, session 40). The lines are UTF-8 read by Python's GBK
/// decoder, which writes one U+FFFD for a lead byte it cannot pair (A7, the second byte of 始) and pairs the next byte
/// with the one after it; the first pass restored 初�化完成 and left the line's tail, and the second pass, reading the
/// tail, read �化 as the lost 始 and deleted 化 (found by the session-40 hostile test).
/// </summary>
public sealed class LaterPassLossTests
{
    [Theory]
    [InlineData(
        "\u9352\u6fc6\ufffd\u5b2a\u5bf2\u7039\u5c7e\u579a\u951b\u5c80\u6d03\u935a\ufffd\u7ed4\ufffd\u9359\uff45\u53d3\u95c6\u8dfa\u53d3",
        "初\ufffd化完成，监\ufffd\ufffd口八零八")]
    [InlineData(
        "\u9352\u6fc6\ufffd\u5b2a\u5bf2\u7039\u5c7e\u579a\u951b\u5c80\u6d03\u935a\ufffd\u7ed4\ufffd\u9359\uff45\u53d3\u95c6\u8dfa\u53d3\u9286\ufffd",
        "初\ufffd化完成，监\ufffd\ufffd口八零八\ufffd")]
    public void RestoredCharacterBesideALoss_IsNotDeletedByALaterPass(string garbled, string best)
    {
        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(best, result.Text);
        Assert.True(result.Lossy);
    }
}
