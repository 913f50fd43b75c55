using System.Text;
using TextRepair.Repair.Mojibake;

namespace TextRepair.Tests;

public sealed class MojibakeRepairTests
{
    static MojibakeRepairTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Garble(string text, string writer, string reader) =>
        Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(text));

    private static List<MojibakeFinding> Findings(string text)
    {
        var findings = new List<MojibakeFinding>();
        MojibakeRepair.Find(text, findings);
        return findings;
    }

    [Theory]
    [InlineData("ä¸­æ–‡", "中文")]
    [InlineData("\u6D93\uE15F\u6783", "中文")]
    [InlineData("ÖÐÎÄ±àÂë", "中文编码")]
    public void Repair_KnownMojibake_GivesOriginal(string garbled, string expected)
    {
        Assert.Equal(expected, MojibakeRepair.Repair(garbled));
    }

    [Theory]
    [InlineData("utf-8", "windows-1252", "utf-8 decoded as ")]
    [InlineData("utf-8", "iso-8859-1", "utf-8 decoded as latin-1")]
    [InlineData("utf-8", "ibm437", "utf-8 decoded as cp437")]
    [InlineData("utf-8", "gbk", "utf-8 decoded as gbk")]
    [InlineData("utf-8", "gb18030", "utf-8 decoded as gb")]
    [InlineData("gbk", "iso-8859-1", "gbk decoded as ")]
    [InlineData("gbk", "windows-1252", "gbk decoded as ")]
    [InlineData("gbk", "ibm437", "gbk decoded as cp437")]
    public void Repair_EachChain_GivesOriginalAndNamesTheChain(string writer, string reader, string chain)
    {
        const string Text = "选择菜单中的命令然后点击确定按钮保存文档";
        string garbled = Garble(Text, writer, reader);
        Assert.Equal(garbled, Garble(Garble(garbled, reader, writer), writer, reader));
        List<MojibakeFinding> findings = Findings(garbled);
        Assert.Equal(Text, MojibakeRepair.Apply(garbled, findings));
        Assert.Contains(findings, f => f.Chain.StartsWith(chain, StringComparison.Ordinal) && !f.Lossy);
    }

    [Fact]
    public void Find_PinyinAnnotationsAlone_AreNotMojibake_ButGarbledTextBesideThemIsRepaired()
    {
        const string Annotated = "近日，我市召開評(píng)議會(huì)議，聽取鎮(zhèn)街黨委書記述職。";
        Assert.Empty(Findings(Annotated));

        const string Text = "选择菜单中的命令然后点击确定按钮保存文档";
        string garbled = Annotated + " " + Garble(Text, "utf-8", "windows-1252");
        Assert.Equal(Annotated + " " + Text, MojibakeRepair.Repair(garbled));
    }

    [Theory]
    [InlineData("utf-8", "gbk")]
    [InlineData("utf-8", "gb18030")]
    public void Repair_GarbledTextAfterLongAsciiStretch_GivesOriginal(string writer, string reader)
    {
        string ascii = string.Concat(Enumerable.Repeat("MyNumber=5 'Correct' DéjàVu=25 'Not valid' ", 10));
        const string Text = "选择菜单中的命令然后点击确定按钮保存文档";
        string garbled = ascii + Garble(Text, writer, reader);
        Assert.Equal(ascii + Text, MojibakeRepair.Repair(garbled));
    }

    [Theory]
    [InlineData("big5", "gbk", "文件內選取的其他試算表中的儲存格內容")]
    [InlineData("gbk", "big5", "从源数据库以文字格式导出所需的数据")]
    public void Repair_DoubleByteConfusions_GiveOriginal(string writer, string reader, string text)
    {
        Assert.Equal(text, MojibakeRepair.Repair(Garble(text, writer, reader)));
    }

    [Fact]
    public void Repair_DoubledAndTripledLayers_AreAllUndone()
    {
        const string Text = "插入的单元格将取代目标单元格。";
        string once = Garble(Text, "utf-8", "windows-1252");
        string twice = Garble(once, "utf-8", "windows-1252");
        string thrice = Garble(twice, "utf-8", "windows-1252");
        Assert.Equal(Text, MojibakeRepair.Repair(once));
        Assert.Equal(Text, MojibakeRepair.Repair(twice));
        Assert.Equal(Text, MojibakeRepair.Repair(thrice));
        const string Even = "选择菜单中的命令然后点击确定按钮";
        Assert.Equal(Even, MojibakeRepair.Repair(Garble(Garble(Even, "utf-8", "gbk"), "utf-8", "gbk")));
    }

    [Fact]
    public void Repair_NbspTurnedIntoSpace_IsRestored()
    {
        // 码 is E7 A0 81 in UTF-8: windows-1252 shows its A0 as NBSP, which editors turn into a space.
        string garbled = Garble("编码", "utf-8", "windows-1252").Replace('\u00A0', ' ');
        Assert.Equal("编码", MojibakeRepair.Repair(garbled));
    }

    [Fact]
    public void Repair_AsciiReadAsUtf16_IsUndone()
    {
        const string Text = "Enter the column width that you want to use.";
        Assert.Equal(Text, MojibakeRepair.Repair(Encoding.Unicode.GetString(Encoding.ASCII.GetBytes(Text))));
    }

    [Fact]
    public void Repair_MixedDocument_ChangesOnlyTheGarbledSegment()
    {
        const string Clean = "此向导将现有通讯簿注册为数据源。";
        string garbledTitle = Garble("打开远程文件服务中的文件", "utf-8", "gbk");
        string text = Clean + "\n" + garbledTitle + "\n" + Clean;
        List<MojibakeFinding> findings = Findings(text);
        MojibakeFinding only = Assert.Single(findings);
        Assert.Equal(Clean.Length + 1, only.Start);
        Assert.Equal(garbledTitle.Length, only.Length);
        Assert.Equal("打开远程文件服务中的文件", only.Replacement);

        string english = "Contact: " + Garble("王小明", "utf-8", "windows-1252") + " (sales)";
        Assert.Equal("Contact: 王小明 (sales)", MojibakeRepair.Repair(english));
    }

    [Fact]
    public void Repair_Utf8ReadAsGbkWithLostBytes_GivesReplacementCharactersOnlyWhereBytesWereLost()
    {
        // "中文。" is 9 UTF-8 bytes; GBK pairs the last one with the space after it and drops both as '?'.
        string garbled = Garble("中文。 Calc", "utf-8", "gbk");
        Assert.Equal("\u6D93\uE15F\u6783\u9286?Calc", garbled);
        List<MojibakeFinding> findings = Findings(garbled);
        Assert.Equal("中文\uFFFD\uFFFDCalc", MojibakeRepair.Apply(garbled, findings));
        Assert.Contains(findings, f => f.Lossy);
    }

    [Fact]
    public void Find_KunJinKao_IsTheUtf8OfTwoReplacementCharacters()
    {
        List<MojibakeFinding> findings = Findings("文件锟斤拷名称");
        MojibakeFinding f = Assert.Single(findings);
        Assert.Equal(2, f.Start);
        Assert.Equal(3, f.Length);
        Assert.Equal("\uFFFD\uFFFD", f.Replacement);
        Assert.True(f.Lossy);
    }

    [Theory]
    [InlineData("文件烫烫烫烫名称", 2, 4)]
    [InlineData("文件屯屯屯屯屯屯名称", 2, 6)]
    [InlineData("文件\uFFFD名称", 2, 1)]
    [InlineData("繁體??字", 2, 2)]
    [InlineData("中文???字符", 2, 3)]
    public void Find_LossMarkers_AreReportedNotChanged(string text, int start, int length)
    {
        List<MojibakeFinding> findings = Findings(text);
        MojibakeFinding f = Assert.Single(findings);
        Assert.Equal((start, length, true), (f.Start, f.Length, f.Lossy));
        Assert.Null(f.Replacement);
        Assert.Same(text, MojibakeRepair.Repair(text));
    }

    [Theory]
    [InlineData("简体中文，包括全角标点：“引号”、《书名》（括号）！")]
    [InlineData("繁體中文，包括全形標點：「引號」、『書名』（括號）！")]
    [InlineData("日本語のテキストです。カタカナとひらがな。")]
    [InlineData("한국어 텍스트입니다. 문서를 저장합니다.")]
    [InlineData("café, Ærøskøbing, São Paulo, Crème brûlée")]
    [InlineData("ÃLIVE 3000 and Ã-Series")]
    [InlineData("∑ x² ≥ 0, α + β = γ, π ≈ 3.14159")]
    [InlineData("if (a < b) { x = \"中文\"; } // a ? b : c")]
    [InlineData("你好吗?我很好")]
    [InlineData("真的吗??我不信")]
    [InlineData("文件?名称")]
    [InlineData("烫烫的汤")]
    [InlineData("")]
    public void Repair_CleanText_ReturnsTheSameInstanceWithoutFindings(string text)
    {
        Assert.Same(text, MojibakeRepair.Repair(text));
        Assert.Empty(Findings(text));
    }

    [Fact]
    public void Repair_BinaryGarbageAndLoneSurrogates_DoNotThrow()
    {
        var random = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            char[] chars = new char[random.Next(1, 64)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = (char)random.Next(0, 0x10000);
            }

            string text = new(chars);
            string repaired = MojibakeRepair.Repair(text);
            Assert.NotNull(repaired);
        }
    }

    [Fact]
    public void IndexOfSuspicious_AgreesWithACharacterByCharacterScan()
    {
        var random = new Random(3);
        string[] pieces = ["中文", "文件", "abc ", "?", "é", "涓", "\uFFFD", "。", "\n", "的", "選取", "ｶ", "1234567"];
        for (int i = 0; i < 2000; i++)
        {
            var sb = new StringBuilder();
            int count = random.Next(0, 12);
            for (int k = 0; k < count; k++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            string text = sb.ToString();
            int expected = -1;
            for (int k = 0; k < text.Length && expected < 0; k++)
            {
                if (MojibakeRepair.IndexOfSuspicious(text.AsSpan(k, 1)) == 0)
                {
                    expected = k;
                }
            }

            Assert.Equal(expected, MojibakeRepair.IndexOfSuspicious(text));
        }
    }

    [Fact]
    public void Repair_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => MojibakeRepair.Repair(null!));
    }

    [Fact]
    public void TextRepairer_RunsMojibakeFirst_WithEncodingAndLossMarkerEdits()
    {
        string garbled = Garble("打开远程文件服务中的文件", "utf-8", "gbk");
        RepairResult result = TextRepairer.Repair(garbled, new RepairOptions { Target = ScriptTarget.Keep });
        Assert.Equal("打开远程文件服务中的文件", result.Text);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.Encoding);
        Assert.False(result.Lossy);

        const string Marked = "文件烫烫烫烫名称";
        RepairResult marked = TextRepairer.Repair(Marked);
        Assert.Same(Marked, marked.Text);
        Assert.True(marked.Lossy);
        Assert.Contains(marked.Edits, e => e.Kind == RepairKind.LossMarker && e.Start == 2 && e.Length == 4);
    }

    [Fact]
    public void TextAnalyzer_ReportsSuspectedMojibakeWithPositions()
    {
        string garbled = "正常文字。" + Garble("打开远程文件服务中的文件", "utf-8", "gbk");
        TextReport report = TextAnalyzer.Analyze(garbled);
        Assert.Contains(report.SuspectedDamage, d => d.Kind == DamageKind.Mojibake && d.Start == 5);
    }
}
