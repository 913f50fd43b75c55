using System.Text;

namespace TextRepair.Tests;

/// <summary>The encoding engine through <see cref="TextRepairer.Repair(string, RepairOptions?)"/>: chains undone, clean text and loss markers left alone.</summary>
public sealed class EncodingRepairTests
{
    static EncodingRepairTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    internal static string Garble(string text, string writer, string reader) =>
        Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(text));

    internal static RepairResult Repair(string text) => TextRepairer.Repair(text, new RepairOptions { Target = ScriptTarget.Keep });

    /// <summary>
    /// Asserts that the repair of <paramref name="garbled"/> invented no character: each character of
    /// <paramref name="repaired"/> is a loss marker (U+FFFD), a character of <paramref name="original"/>, or one the input
    /// already had.
    /// </summary>
    internal static void AssertInventsNoCharacter(string original, string garbled, string repaired) =>
        Assert.All(repaired, c => Assert.True(
            c == '\uFFFD' || original.Contains(c, StringComparison.Ordinal) || garbled.Contains(c, StringComparison.Ordinal),
            $"{c} is in neither {original} nor {garbled}: {repaired}"));

    /// <summary>Asserts that <see cref="Repair(string)"/> of <paramref name="garbled"/> is <paramref name="expected"/>, flagged lossy or not as <paramref name="lossy"/> says.</summary>
    internal static void AssertRepairedAs(string garbled, string expected, bool lossy)
    {
        RepairResult result = Repair(garbled);

        Assert.Equal(expected, result.Text);
        Assert.Equal(lossy, result.Lossy);
    }

    /// <summary>
    /// Asserts that <paramref name="original"/>, written in UTF-8 and read by code page <paramref name="reader"/>, is
    /// garbled by that, and that <see cref="Repair(string)"/> restores it exactly, not flagged lossy.
    /// </summary>
    internal static void AssertRestoredFromUtf8ReadAs(string original, int reader)
    {
        string garbled = Encoding.GetEncoding(reader).GetString(Encoding.UTF8.GetBytes(original));
        Assert.NotEqual(original, garbled);

        AssertRepairedAs(garbled, original, lossy: false);
    }

    /// <summary>Asserts that <see cref="Repair(string)"/> returns <paramref name="text"/> itself, not flagged lossy.</summary>
    internal static void AssertUntouched(string text)
    {
        RepairResult result = Repair(text);

        Assert.Same(text, result.Text);
        Assert.False(result.Lossy);
    }

    // Clean text: returned as the same instance, and not flagged lossy.
    internal static void AssertLeftAlone(string text)
    {
        RepairResult result = Repair(text);
        Assert.Same(text, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("ä¸­æ–‡", "中文")]
    [InlineData("\u6D93\uE15F\u6783", "中文")]
    [InlineData("ÖÐÎÄ±àÂë", "中文编码")]
    [InlineData("╬─╝■", "文件")]
    [InlineData("╥⌠└╓", "音乐")] // gbk decoded as cp437: box-drawing neighbours that do not join (BoxDrawing)
    [InlineData("║╕│╗", "보내")] // euc-kr decoded as cp437
    public void KnownMojibake_GivesOriginal(string garbled, string expected)
    {
        Assert.Equal(expected, Repair(garbled).Text);
    }

    [Fact]
    public void ByteLostInsideACharacter_TheRestOfItsBytesAreTheSameLostCharacter()
    {
        // 安装包下载失败 in UTF-8, read by a GBK decoder that writes U+FFFD for a lead byte with an invalid trail and reads
        // the trail as the next lead (Python's, Windows'): 装's middle byte is lost, its last byte is half of 呭.
        RepairResult result = Repair("瀹夎\uFFFD呭寘涓嬭浇澶辫触");
        Assert.Equal("安\uFFFD包下载失败", result.Text);
        Assert.True(result.Lossy);
    }

    [Fact]
    public void AChainFoundEarlier_DoesNotSettleATokenItReadsOnlyInPart()
    {
        // cp437 and cp866 share their box drawing: the first line reads alike by both, and the chain found there
        // (gbk decoded as cp437) has no "и" (cp866's 0xA8) for the second line's 建 and 定.
        RepairResult result = Repair("╬─╝■\n╨┬╜и╬─╝■╝╨\n╧╡═│╒╥▓╗╡╜╓╕╢и╡─┬╖╛╢бг");
        Assert.Equal("文件\n新建文件夹\n系统找不到指定的路径。", result.Text);
        Assert.Contains(result.Edits, e => e.Chain == "gbk decoded as cp866");
    }

    [Fact]
    public void OfTwoSiblingCodePages_TheOneThatReadsTheWholeTokenWins()
    {
        // gbk decoded as cp437 reads 新 and 文件夹 but not "╜и"; gbk decoded as cp866 reads all of it.
        Assert.Equal("新建文件夹", Repair("╨┬╜и╬─╝■╝╨").Text);
    }

    [Fact]
    public void ByteOrderMarkAtTheStart_IsKeptAndDoesNotHoldTheReadingBack()
    {
        // UTF-8 with a BOM (EF BB BF) read as GBK: the BOM's bytes are half of 锘 and 夸.
        string garbled = Garble("\uFEFF中文内容说明书", "utf-8", "gbk");
        RepairResult result = Repair(garbled);
        Assert.Equal("\uFEFF中文内容说明书", result.Text);
    }

    [Theory]
    [InlineData("utf-8", "windows-1252", "utf-8 decoded as windows-1252")]
    [InlineData("utf-8", "ibm437", "utf-8 decoded as cp437")]
    [InlineData("utf-8", "gbk", "utf-8 decoded as gbk")]
    [InlineData("gbk", "windows-1252", "gbk decoded as windows-1252")]
    [InlineData("gbk", "ibm866", "gbk decoded as cp866")]
    [InlineData("gbk", "ibm850", "gbk decoded as cp850")]
    [InlineData("gbk", "big5", "gbk decoded as big5")]
    public void EachChain_GivesOriginalAndNamesTheChain(string writer, string reader, string chain)
    {
        const string Text = "选择菜单中的命令然后点击确定按钮保存文档";
        string garbled = Garble(Text, writer, reader);
        RepairResult result = Repair(garbled);
        Assert.Equal(Text, result.Text);
        Assert.False(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.Encoding && e.Chain == chain);
    }

    [Theory]
    [InlineData("第一章────正文")]
    [InlineData("════")]
    [InlineData("││")]
    [InlineData("░░░░")]
    [InlineData("±±")]
    [InlineData("¥¥¥¥")]
    [InlineData("ÀÁÂÃÄÅÆÇÈÉÊË")]
    [InlineData("───────────────────────")]
    [InlineData("┌──────┐\n│ 标题 │\n└──────┘")]
    [InlineData("加载箭头样式文»¶:")]
    [InlineData("ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ")] // found by the property below: mac-roman of shift_jis "ттттттттт"
    [InlineData("第一章ÑÑÑÑÑÑÑÑÑÑÑÑ第一章")]
    [InlineData("ÀÁÀÁÀÁÀÁÀÁÀÁÀÁÀÁ")]
    [InlineData("ÀÁÂÃÄÅ")] // the example: was read as 懒旅呐 (gbk decoded as windows-1252)
    [InlineData("ÀÁÂÃ")]
    [InlineData("ÂÃÄÅÆÇ")]
    [InlineData("ÊËÌÍÎÏÐÑ")]
    [InlineData("ÓÔÕÖ×ØÙÚÛÜÝÞ")]
    [InlineData("字母表：ÀÁÂÃÄÅÆÇ")]
    [InlineData("┌──┬──┐")]
    [InlineData("├─┼─┤")]
    [InlineData("╔══╦══╗\n║ 姓名 ║ 年龄 ║\n╠══╬══╣\n╚══╩══╝")]
    [InlineData("├── src\n│   └── main.cs\n└── README.md")]
    [InlineData("╭─╮\n╰─╯")]
    public void SymbolRuns_NeverChange(string text)
    {
        RepairResult result = Repair(text);
        Assert.Same(text, result.Text);
        Assert.False(result.Lossy);
        Assert.Empty(result.Edits);
    }

    [Theory]
    [InlineData("錕\n東\n梁\n維")]
    [InlineData("強\n調")]
    [InlineData("\u00A0梁維東強(qiáng)調(diào),要堅(jiān)持以習(xí)近平新時(shí)代中國特色社會(huì)主義思想為指導(dǎo)")]
    [InlineData("市委“兩新”工委書記")]
    [InlineData("Zhōngguó rénmín yínháng")]
    [InlineData("\u00A0")]
    public void CleanLookalikes_NeverChange(string text)
    {
        // One character per line (two bytes decode as some character by chance), pinyin tone letters and a no-break
        // space (each a character a wrong decoder could have produced, but each alone in clean text). Annotation and
        // punctuation repairs may apply; encoding repair must not.
        RepairResult result = Repair(text);
        Assert.False(result.Lossy);
        Assert.DoesNotContain(result.Edits, e => e.Kind is RepairKind.Encoding or RepairKind.LossMarker);
    }

    [Theory]
    [InlineData("你好????─────")]
    [InlineData("敓????─")]
    public void OverlappingEditInputs_DoNotThrow(string text)
    {
        RepairResult result = Repair(text);
        Assert.Equal(text, result.Text);
    }

    [Theory]
    [InlineData("乱码里常见的“锟斤拷”是怎么来的")]
    [InlineData("乱码里常见的锟斤拷是怎么来的？")]
    [InlineData("调试时看到“烫烫烫”，说明读到了未初始化的栈内存。")]
    [InlineData("堆内存没有初始化时会显示屯屯屯屯。")]
    [InlineData("替换字符“�”表示解码失败。")]
    [InlineData("加载箭头样式文件:")]
    public void LossMarkersNamedInProse_AreLeftAloneAndNotFlagged(string text)
    {
        AssertLeftAlone(text);
    }

    [Theory]
    [InlineData("오늘 날씨 좋다ㅋㅋㅋ")]
    [InlineData("ㅋㅎㅋㅎ 진짜 웃기다")]
    [InlineData("ㅎㅇ 반가워")]
    [InlineData("ㅋㅋ진짜")]
    [InlineData("ㅠㅠ 너무 슬퍼")]
    [InlineData("ㅇㅋ 알겠어")]
    public void KoreanChatJamo_IsLeftAlone(string text)
    {
        // Jamo written alone score as the syllables they are read as (ㅋ as 크); as unseen characters, any reading of the
        // line beat them ("좋다ㅋㅋㅋ" became "瞬e房0[0[0").
        AssertLeftAlone(text);
    }

    [Fact]
    public void ReplacementCharacterRuns_AreNeverShortened()
    {
        string text = "文件名" + new string('\uFFFD', 12) + ".txt";
        RepairResult result = Repair(text);
        Assert.Equal(text, result.Text);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker);
    }

    [Fact]
    public void LossMarkerInDamagedContext_IsReported()
    {
        // UTF-8 text with a lost character (U+FFFD), read as GBK: 锟斤拷 is the GBK reading of U+FFFD's bytes. The
        // last byte of 钮 has no partner in GBK: the decoder writes '?' for it, so 钮 is lost too.
        const string Original = "选择菜单中的命令\uFFFD然后点击确定按钮";
        string garbled = Garble(Original, "utf-8", "gbk");
        Assert.EndsWith("?", garbled, StringComparison.Ordinal);
        RepairResult result = Repair(garbled);
        Assert.Equal("选择菜单中的命令\uFFFD然后点击确定按\uFFFD", result.Text);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker);
    }

    [Theory]
    [InlineData("文件下载失败")]
    [InlineData("驱动器 C 中的卷没有标签。")]
    [InlineData("卷的序列号是 1234-5678")]
    [InlineData("系统找不到指定的文件。")]
    public void LossMarkerPieces_AreDamageWithoutAnotherSign(string original)
    {
        // GBK text read as UTF-8 (a U+FFFD for each invalid sequence), written as UTF-8 and read as GBK: whole 锟斤拷 and
        // pieces of it (锟侥, 硷拷) with no fluent reading anywhere on the line. The pieces show the damage: the line is
        // flagged and the GBK layer undone, down to the losses of the first layer.
        string lossy = Encoding.UTF8.GetString(Encoding.GetEncoding("gbk").GetBytes(original));
        string garbled = Garble(lossy, "utf-8", "gbk");
        Assert.Contains('\u951F', garbled);
        RepairResult result = Repair(garbled);
        Assert.True(result.Lossy);
        Assert.DoesNotContain('\u951F', result.Text);
        Assert.Contains('\uFFFD', result.Text);
    }

    [Theory]
    [InlineData("锟斤拷锟斤拷")]
    [InlineData("日志里全是锟斤拷锟斤拷，说明编码错了")]
    public void WholeLossMarkers_AloneOrInProse_AreLeftAlone(string text)
    {
        AssertLeftAlone(text);
    }

    [Fact]
    public void QuestionMarkForALostByte_OnALineDamagedByItsChain_IsALoss()
    {
        // EUC-KR cut one byte short and read as GBK: the lone lead byte at the end comes out as '?'. The chain is found
        // on the first token; the last token follows it, and its '?' is read as the loss it stands for.
        byte[] bytes = Encoding.GetEncoding("euc-kr").GetBytes("Title is: 슬라이드 삭제");
        string garbled = Encoding.GetEncoding("gbk").GetString(bytes, 0, bytes.Length - 1);
        Assert.EndsWith("?", garbled, StringComparison.Ordinal);
        RepairResult result = Repair(garbled);
        Assert.Equal("Title is: 슬라이드 삭\uFFFD", result.Text);
        Assert.True(result.Lossy);
    }

    [Fact]
    public void QuestionMarksNextToCjkLetters_OnADamagedLine_AreLosses()
    {
        // '?' is what an encoder writes for a character its code page lacks; next to CJK letters on a line damaged
        // otherwise, a run of them is a loss marker like U+FFFD, one marker for each '?'.
        const string Text = "选择菜单中的命令然后点击确定";
        RepairResult result = Repair(Garble(Text, "utf-8", "windows-1252") + " 文件??已保存");
        Assert.Equal(Text + " 文件\uFFFD\uFFFD已保存", result.Text);
        Assert.True(result.Lossy);
        Assert.Contains(result.Edits, e => e.Kind == RepairKind.LossMarker && e.Length == 2);
    }

    [Theory]
    [InlineData("이것은 무엇입니까? 저것은 책입니다.", "euc-kr")]
    [InlineData("파일을 저장할까요? 예", "euc-kr")]
    [InlineData("ファイルを保存しますか? はい", "shift-jis")]
    public void QuestionMarksAfterAQuestion_OnALosslessLine_StayQuestionMarks(string original, string writer)
    {
        // The '?' is ASCII in every encoding here, so the garbled line has it too, next to a garbled word; it reads well
        // after the repaired question's last word (EncodingDecision.QuestionMarkLossCost).
        RepairResult result = Repair(Garble(original, writer, "gbk"));
        Assert.Equal(original, result.Text);
        Assert.False(result.Lossy);
    }

    [Theory]
    [InlineData("文件??已保存")]
    [InlineData("真的吗??")]
    public void QuestionMarks_AsTheOnlySignOfDamage_AreLeftAlone(string text)
    {
        AssertLeftAlone(text);
    }

    [Fact]
    public void MixedLine_OnlyTheBrokenPartChanges()
    {
        const string Clean = "打开文件";
        const string Text = "选择菜单中的命令然后点击确定按钮保存文档";
        string input = Clean + " " + Garble(Text, "utf-8", "windows-1252") + " ok";
        RepairResult result = Repair(input);
        Assert.Equal(Clean + " " + Text + " ok", result.Text);
        Assert.All(result.Edits, e => Assert.True(e.Start > Clean.Length));
    }

    [Fact]
    public void TwoLayers_AreUndone()
    {
        const string Text = "选择菜单中的命令然后点击确定按钮保存文档";
        string once = Garble(Text, "utf-8", "gbk");
        string twice = Garble(once, "utf-8", "windows-1252");
        RepairResult result = Repair(twice);
        Assert.Equal(Text, result.Text);
        Assert.Contains(result.Edits, e => e.Chain == "utf-8 decoded as gbk, then utf-8 decoded as windows-1252");
    }
}
