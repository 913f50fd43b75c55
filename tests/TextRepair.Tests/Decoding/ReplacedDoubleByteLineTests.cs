using System.Text;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// GBK or Big5 text read by a UTF-8 reader with replacement (session 41): the reader writes U+FFFD for each maximal
/// invalid subpart and keeps the byte sequences that happen to be valid UTF-8 as characters of other scripts. The best
/// text keeps every U+FFFD the reader wrote and reads each island of survivors back as the characters its bytes
/// complete, with U+FFFD for a half character (the expected texts are that oracle's, computed from the bytes). The
/// sentences are written for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class ReplacedDoubleByteLineTests
{
    static ReplacedDoubleByteLineTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // 请在...格式: 对 (B6 D4) survives as "Դ" after the loss of 的's bytes, 选 (D1 A1) as "ѡ", 要 (D2 AA) as "Ҫ", 式 as "ʽ".
    // 用户名...: every island holds halves only, and nothing is invented for them. 在 (A6 62) of Big5 after a lost lead.
    [Theory]
    [InlineData("请在下面的对话框中选择要导入的文件格式", 936, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD对\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD选\uFFFD\uFFFD要\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD式")]
    [InlineData("系统将在五分钟后自动重新启动，请保存您的工作", 936, "系统\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD保\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("用户名或密码错误，请重新输入", 936, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("請在下列對話方塊中選取要匯入的檔案格式", 950, "\uFFFD\uFFFD在\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD入\uFFFD\uFFFD\uFFFD\uFFFD案格式")]
    [InlineData("系統將於五分鐘後自動重新啟動，請儲存您的工作", 950, "\uFFFD\uFFFD\uFFFD\uFFFD將\uFFFD\uFFFD五\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD動\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD動，\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("使用者名稱或密碼錯誤，請重新輸入", 950, "\uFFFD\uFFFD用者名\uFFFD\uFFFD或密\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    public void DoubleByteLineReadAsUtf8_IsTheBestText(string text, int codePage, string best)
    {
        string garbled = new UTF8Encoding(false, false).GetString(Encoding.GetEncoding(codePage).GetBytes(text));

        RepairResult result = EncodingRepairTests.Repair(garbled);

        Assert.Equal(best, result.Text);
        Assert.True(result.Lossy);

        // Every U+FFFD the reader wrote is kept, and the repair is stable.
        Assert.True(result.Text.Count(c => c == '\uFFFD') >= garbled.Count(c => c == '\uFFFD'));
        Assert.Equal(result.Text, EncodingRepairTests.Repair(result.Text).Text);
    }

    // Clean text of other alphabets beside a few losses: its letters are no survivors of a double-byte text.
    [Theory]
    [InlineData("Файл � повреждён, попробуйте снова")]
    [InlineData("Ελληνική Δημοκρατία ��")]
    [InlineData("Ошибка: файл не найден � 文件")]
    [InlineData("שלום �� עולם, זה מבחן")]
    [InlineData("مرحبا � بالعالم، هذه تجربة")]
    [InlineData("Ñandú, Łódź, Ærø �� ok")]
    public void OtherAlphabetsBesideLosses_AreUnchanged(string text)
    {
        RepairResult result = EncodingRepairTests.Repair(text);

        Assert.Equal(text, result.Text);
    }
}
