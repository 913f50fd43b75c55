using System.Globalization;
using System.Text;
using TextRepair.Analysis.Decoding;
using TextRepair.Analysis.Language;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The pre-scan for Han-only mojibake (<see cref="UncommonHan"/>): its table is the one the embedded model gives, clean
/// Chinese lines pass it, and text in one double-byte encoding read with another is found and repaired.
/// </summary>
public sealed class UncommonHanTests
{
    static UncommonHanTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public void CommonTable_IsTheOneTheModelGives()
    {
        // Regenerate with TEXTREPAIR_WRITE_COMMON_HAN=1 after retraining the model.
        string path = CheckedInFile.PathOf("src", "TextRepair", "Analysis", "Decoding", "UncommonHan.g.cs");
        CheckedInFile.AssertEqualsFreshRun(path, Generate(), "TEXTREPAIR_WRITE_COMMON_HAN");
    }

    [Fact]
    public void CleanChineseLines_PassThePreScan_OrComeBackUnchanged()
    {
        foreach (string line in new[] { "選擇一個檔案，然後按一下「開啟」。", "打开文件之前，请先保存当前的文档。", "他们今天下午去图书馆看书。", "文件" })
        {
            Assert.False(UncommonHanLines.IsSuspiciousLine(line), line);
        }

        Assert.False(UncommonHanLines.IsSuspiciousLine("钎"));

        // News (党委, 镇街): the software-only model of sessions 1-8 handed some of these lines to the engine; the model
        // with general-subject words (rime-essay) knows their characters. Either way a clean line is never changed.
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.expected.txt"));
        Assert.DoesNotContain(lines, line => UncommonHanLines.IsSuspiciousLine(line));
        var options = new RepairOptions { Target = ScriptTarget.Keep };
        Assert.All(lines, line => Assert.Same(line, TextRepairer.Repair(line, options).Text));
    }

    [Theory]
    [InlineData("이 파일을 열려면 먼저 프로그램을 설치해야 합니다.", 949, 936)]
    [InlineData("이 파일을 열려면 먼저 프로그램을 설치해야 합니다.", 949, 950)]
    [InlineData("打开文件之前，请先安装这个程序，然后重新启动电脑。", 936, 950)]
    [InlineData("開啟檔案之前，請先安裝這個程式，然後重新啟動電腦。", 950, 936)]
    public void DoubleByteTextReadWithAnotherDoubleByteDecoder_IsFoundAndRepaired(string original, int writer, int reader)
    {
        string garbled = Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(original));
        Assert.NotEqual(-1, EncodingScanner.IndexOfSuspicious(garbled));
        Assert.Equal(original, TextRepairer.Repair(garbled, new RepairOptions { Target = ScriptTarget.Keep }).Text);
    }

    [Fact]
    public void CleanNewsTokens_AreClearedWithoutASearch_MojibakeOfTheSameTextIsNot()
    {
        // The seed's clean news paragraphs: ordinary Han text, outside the model's domain, cleared by their characters.
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.expected.txt"));
        string[] paragraphs = [.. lines.SelectMany(l => l.Split(' ')).Where(t => t.Count(c => c is >= '\u4E00' and <= '\u9FFF') >= 100)];
        Assert.NotEmpty(paragraphs);
        Assert.All(paragraphs, t => Assert.True(UncommonHan.IsCommonHanText(t), t));
        Assert.All(paragraphs, t => Assert.False(EncodingDecision.MayBeDamaged(t, CharNgramModel.Boundary, CharNgramModel.Boundary), t));

        // The same text through double-byte chains is made of uncommon Han characters, or of other letters: never cleared.
        foreach (string t in paragraphs)
        {
            foreach ((int writer, int reader) in new[] { (65001, 936), (65001, 950), (936, 950) })
            {
                string garbled = Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(t));
                Assert.False(UncommonHan.IsCommonHanText(garbled), $"{writer} read as {reader}: {garbled}");
            }
        }

        // Too few Han characters to tell, or a letter outside Han and punctuation: not cleared.
        Assert.False(UncommonHan.IsCommonHanText("东莞信访"));
        Assert.False(UncommonHan.IsCommonHanText("他们今天下午去图书馆看书é"));
        Assert.True(UncommonHan.IsCommonHanText("他们今天下午去图书馆看书。"));

        // A loss already marked: a few are cleared (text repaired with its losses marked), many are not.
        Assert.True(UncommonHan.IsCommonHanText("他们今天下午去图书馆看书\uFFFD"));
        Assert.True(UncommonHan.IsCommonHanText("他们今天\uFFFD下午去图书馆\uFFFD看书"));
        Assert.False(UncommonHan.IsCommonHanText("他们\uFFFD今天\uFFFD下午\uFFFD去图书馆\uFFFD看书"));
        foreach (string t in paragraphs)
        {
            // GBK read as UTF-8: mostly U+FFFD with the odd chance character; never cleared.
            string garbled = Encoding.UTF8.GetString(Encoding.GetEncoding(936).GetBytes(t));
            Assert.False(UncommonHan.IsCommonHanText(garbled), garbled);
        }
    }

    private static string Generate()
    {
        CharNgramModel model = CharNgramModel.Shared;
        var bits = new byte[(0x9FFF - 0x4E00 + 1) / 8];
        int count = 0;
        for (int c = 0x4E00; c <= 0x9FFF; c++)
        {
            if (model.UnigramLogProb(LanguageScript.ZhHans, (char)c) >= UncommonHan.CommonLogProb || model.UnigramLogProb(LanguageScript.ZhHant, (char)c) >= UncommonHan.CommonLogProb)
            {
                bits[(c - 0x4E00) >> 3] |= (byte)(1 << ((c - 0x4E00) & 7));
                count++;
            }
        }

        var sb = new StringBuilder();
        sb.Append("// <auto-generated>\n");
        sb.Append("// Written by tests/TextRepair.Tests/Decoding/UncommonHanTests.cs (TEXTREPAIR_WRITE_COMMON_HAN=1) from the embedded\n");
        sb.Append(CultureInfo.InvariantCulture, $"// character model: the {count} characters of U+4E00-U+9FFF whose unigram log-probability is at least\n");
        sb.Append("// UncommonHan.CommonLogProb in the zh-Hans or the zh-Hant model, one bit each (bit i of byte i / 8 is U+4E00 + i).\n");
        sb.Append("// </auto-generated>\n");
        sb.Append("namespace TextRepair.Analysis.Decoding;\n\n");
        sb.Append("internal static partial class UncommonHan\n{\n");
        sb.Append("    internal static ReadOnlySpan<byte> CommonBits =>\n    [\n");
        for (int i = 0; i < bits.Length; i += 24)
        {
            sb.Append("        ");
            sb.AppendJoin(", ", bits.Skip(i).Take(24).Select(b => string.Create(CultureInfo.InvariantCulture, $"0x{b:X2}")));
            sb.Append(",\n");
        }

        sb.Append("    ];\n}\n");
        return sb.ToString();
    }
}
