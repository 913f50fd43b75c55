using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The text's vote (EncodingScanner.ElectChain): the chain a text's first damaged tokens support together is tried on
/// every token first, and a token it reads exactly but not well enough on its own evidence follows it. Lists of short
/// lines (subtitles, a file list) are where a token alone cannot tell its chain. The texts are written for these tests,
/// not taken from the evaluation sets.
/// </summary>
public sealed class ChainVoteTests
{
    private static readonly string[] s_korean = ["안녕", "가자", "잠깐만", "왜요", "괜찮아", "고마워", "빨리", "잘 가", "좋아", "걱정 마"];

    private static readonly string[] s_japanese = ["こんにちは", "行こう", "ちょっと待って", "なぜ", "大丈夫", "ありがとう", "早く", "さようなら", "いいよ", "心配しないで"];

    private static readonly string[] s_chinese = ["你好", "我们走吧", "等一下", "为什么", "没关系", "谢谢你", "快点", "再见了", "好的", "别担心"];

    static ChainVoteTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Each line written by <paramref name="writer"/> and read by <paramref name="reader"/> (the framework's code pages).</summary>
    internal static string Garble(IEnumerable<string> lines, string writer, string reader) =>
        string.Join("\n", lines.Select(l => Encoding.GetEncoding(reader).GetString(Encoding.GetEncoding(writer).GetBytes(l))));

    [Fact]
    public void KoreanSubtitleLines_ReadAsWindows1252_ElectEucKr()
    {
        // "¾È³ç" alone reads 照括 by EUC-JP 2 nats better than 안녕 by EUC-KR, and as the first token decided it set
        // EUC-JP for the whole text: every line became kanji. Together the lines support EUC-KR.
        string text = Garble(s_korean, "euc-kr", "windows-1252");
        LayerStep[]? elected = EncodingScanner.ElectChain(text, []);

        Assert.NotNull(elected);
        Assert.Equal(new LayerStep(Codec.EucKr, Codec.Windows1252, false), Assert.Single(elected));

        // 잠깐만 and 괜찮아 (lines 2 and 4) read below the fluency floor (the Korean model knows them little) while
        // another chain clears it: those two lines take that chain's reading, as before.
        string[] lines = EncodingRepairTests.Repair(text).Text.Split('\n');
        foreach (int k in new[] { 0, 1, 3, 5, 6, 7, 8, 9 })
        {
            Assert.Equal(s_korean[k], lines[k]);
        }
    }

    [Fact]
    public void JapaneseLines_ReadAsGbk_AllFollowTheElectedChain()
    {
        // 側偤 (なぜ read as GBK) reads as なぜ by Shift-JIS without clearing the thresholds alone; the text's other lines
        // elected Shift-JIS, so it follows.
        string text = Garble(s_japanese, "shift_jis", "gbk");

        Assert.Equal(string.Join("\n", s_japanese), EncodingRepairTests.Repair(text).Text);
    }

    [Fact]
    public void ChineseLines_ReadAsBig5_AllFollowTheElectedChain()
    {
        // 斕疑 (你好), 辦萸 (快点) and 疑腔 (好的) were left alone: two characters are too little to show GBK read as Big5.
        string text = Garble(s_chinese, "gbk", "big5");

        Assert.Equal(string.Join("\n", s_chinese), EncodingRepairTests.Repair(text).Text);
    }

    [Fact]
    public void KoreanListReadAsGbk_HanThatLooksClean_FollowsTheElectedChain()
    {
        // 康备 (영구) and 昏力 (삭제) are common Han characters that look like clean Chinese, so no pre-scan hands their
        // lines to the engine; after lines damaged by the elected chain, they are read too and follow it.
        string[] words = ["파일을", "저장합니다", "영구", "삭제", "문서를", "열기", "확인"];
        string text = Garble(words, "euc-kr", "gbk");

        Assert.Equal(string.Join("\n", words), EncodingRepairTests.Repair(text).Text);
    }

    [Fact]
    public void CleanLatinAndPunctuationBesideAnElectedChain_DoNotFollowIt()
    {
        // A token that looks clean follows the elected chain only when it is made of CJK letters: "über" read by
        // Shift-JIS read as cp437 is "｜er", a clean 「 read by Big5 read as GBK is ☆.
        string text = string.Join("\n", Garble(s_japanese[..4], "shift_jis", "cp437"), "Sie können es über das Menü öffnen.");
        Assert.EndsWith("\nSie können es über das Menü öffnen.", EncodingRepairTests.Repair(text).Text, StringComparison.Ordinal);

        string big5 = string.Join("\n", Garble(["你好嗎", "我們走吧", "等一下", "為什麼"], "big5", "gbk"), "則會顯示「超出範圍」而不是變數值。");
        Assert.EndsWith("\n則會顯示「超出範圍」而不是變數值。", EncodingRepairTests.Repair(big5).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void KanaThatGbkReadsAlike_StillVotesForEucJp()
    {
        // をクリックします。 reads alike by EUC-JP and GBK (the same kana rows), so its search keeps one chain's reading;
        // the vote replays the other chain on it, or GBK would win the text and turn 外枠 into 嘲先.
        string text = Encoding.GetEncoding(866).GetString(Encoding.GetEncoding("euc-jp").GetBytes("ダイアログで、外枠 をクリックします。"));

        Assert.Equal("ダイアログで、外枠 をクリックします。", EncodingRepairTests.Repair(text).Text);
    }

    [Fact]
    public void OneDamagedToken_ElectsNothing()
    {
        // One token is its own evidence, which the scan weighs anyway.
        string text = "Hello " + Encoding.GetEncoding("windows-1252").GetString(Encoding.UTF8.GetBytes("中文")) + " world";

        Assert.Null(EncodingScanner.ElectChain(text, []));
        Assert.Equal("Hello 中文 world", EncodingRepairTests.Repair(text).Text);
    }

    [Fact]
    public void TokensRepeated_VoteOnce()
    {
        // The same token ten times is one piece of evidence: no chain is elected on it, and it is one voter (the scan
        // reuses it; none when the clean-token cache knows it clean).
        string field = Encoding.GetEncoding("windows-1252").GetString(Encoding.GetEncoding("euc-kr").GetBytes("안녕"));
        string text = string.Join("\n", Enumerable.Repeat(field, 10));
        var searched = new Dictionary<int, TokenReading>();

        Assert.Null(EncodingScanner.ElectChain(text, searched));
        Assert.InRange(searched.Count, 0, 1);
    }

    [Fact]
    public void CleanLinesBesideAnElectedChain_StayUnchanged()
    {
        // Clean Chinese, Japanese and Korean lines in a text whose other lines elect a chain that reads them exactly:
        // following asks the reading to read at least as well as the line stands, which clean text never does.
        string garbled = Garble(s_chinese[..4], "gbk", "big5");
        string[] clean = ["我們今天去公園散步。", "東京は今日も晴れです。", "오늘은 날씨가 좋습니다.", "天气很好"];
        string text = string.Join("\n", clean.Zip(garbled.Split('\n'), (c, g) => c + "\n" + g));

        string[] lines = EncodingRepairTests.Repair(text).Text.Split('\n');
        Assert.Equal(clean, (string[])[lines[0], lines[2], lines[4], lines[6]]);
        Assert.Equal(s_chinese[..4], (string[])[lines[1], lines[3], lines[5], lines[7]]);
    }
    [Fact]
    public void AChainOnlyALaterTokenSupports_IsStillWeighed()
    {
        // unzip's listing of GBK names on a Russian-locale system (cp866). 资料 and 第1章 are box drawings alike in
        // cp437 and cp866, so the first tokens propose cp437's readings, which they do not support (the box drawings
        // read better as they stand), and eight such proposals pushed cp866, which only the third token proposes and
        // every later one supports, out of the chains weighed: nothing was elected, and 资料.zip stayed garbled.
        string[] names = ["资料.zip", "第1章 简介.docx", "第2章/图片1.png", "报告2020.xlsx"];
        string text = "Archive:  " + Garble(names[..1], "gbk", "cp866") + "\n  Length      Date    Time    Name\n"
            + string.Concat(names[1..].Select(n => "     2048  2021-03-05 10:22   " + Garble([n], "gbk", "cp866") + "\n"));

        LayerStep[]? elected = EncodingScanner.ElectChain(text, []);
        Assert.NotNull(elected);
        Assert.Equal(new LayerStep(Codec.Gbk, Codec.Cp866, false), Assert.Single(elected));
        Assert.StartsWith("Archive:  资料.zip\n", EncodingRepairTests.Repair(text).Text, StringComparison.Ordinal);
    }
    [Fact]
    public void KatakanaWithTheLongVowelMark_ReadAsGbk_FollowTheElectedChain()
    {
        // EUC-JP's ー (A1 BC) is GBK's 〖, and the kana rows are the same: "メ〖ルアドレス" looks like clean kana with a
        // bracket and was not searched. Beside lines of kanji that elect EUC-JP read as GBK, such a line now follows the
        // chain (a CJK symbol among CJK letters is what a double-byte decoder writes from its symbol rows).
        string[] words = ["設定を保存", "メールアドレス", "検索結果", "ホームページ", "表示方法", "データベース"];
        string text = Garble(words, "euc-jp", "gbk");

        Assert.Equal(string.Join("\n", words), EncodingRepairTests.Repair(text).Text);
    }
    [Fact]
    public void FirstLineBeforeTheDamage_FollowsTheElectedChain()
    {
        // Lines beyond ASCII were looked at only after a line found damaged, so a clean-looking first line of a list
        // (角青窍, common Han characters, is 실행하 written in EUC-KR and read as GBK) was never read, though the vote had
        // elected the list's chain: the text's start now counts as such a line.
        string[] words = ["실행하", "파일을 열어", "확인", "변경하", "닫기"];
        string text = Garble(words, "euc-kr", "gbk");

        Assert.Equal(string.Join("\n", words), EncodingRepairTests.Repair(text).Text);
    }
}
