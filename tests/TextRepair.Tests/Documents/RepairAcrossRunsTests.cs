using TextRepair.Documents;
using TextRepair.Repair.Decoding;

namespace TextRepair.Tests.Documents;

/// <summary>
/// Repair mode joins the runs of a paragraph (text split by inline markup) and repairs them as one text, then shares
/// each edit out to the runs it covers. An encoding repair is cut where the original characters' bytes meet a run
/// boundary, so each run keeps its own characters; before, the whole repair went to the run where it started and the
/// later runs were emptied (<c>&lt;p&gt;中文测试&lt;i&gt;&lt;/i&gt;&lt;/p&gt;</c>, found by session 27's hostile tester).
/// </summary>
public sealed class RepairAcrossRunsTests
{
    private static readonly DocumentConverter s_repair = new(RepairOptions.Default);

    [Fact]
    public void Html_Utf8ReadAsWindows1252_SplitByATag_EachRunKeepsItsCharacters()
    {
        Assert.Equal("<p>中文<i>测试</i></p>", s_repair.Convert("<p>ä¸\u00ADæ–‡<i>æµ‹è¯•</i></p>", DocumentFormat.Html));
    }

    [Fact]
    public void Html_GbkReadAsLatin1_SplitByATag_EachRunKeepsItsCharacters()
    {
        Assert.Equal("<p><b>中文</b>测试</p>", s_repair.Convert("<p><b>ÖÐÎÄ</b>²âÊÔ</p>", DocumentFormat.Html));
    }

    [Fact]
    public void Html_SeveralTags_EachRunKeepsItsCharacters()
    {
        // 这是一个测试 split 这是 | 一 | 个测 | 试 (UTF-8 read as windows-1252).
        Assert.Equal(
            "<p>这是<b>一</b><a href=\"/x\">个测</a>试</p>",
            s_repair.Convert("<p>è¿™æ˜¯<b>ä¸€</b><a href=\"/x\">ä¸ªæµ‹</a>è¯•</p>", DocumentFormat.Html));
    }

    [Fact]
    public void Markdown_Emphasis_EachRunKeepsItsCharacters()
    {
        Assert.Equal("**中文**测试\n", s_repair.Convert("**ä¸\u00ADæ–‡**æµ‹è¯•\n", DocumentFormat.Markdown));
    }

    [Fact]
    public void Subtitles_CueTags_EachRunKeepsItsCharacters()
    {
        Assert.Equal(
            "1\n00:00:01,000 --> 00:00:02,000\n<i>中文</i>测试\n",
            s_repair.Convert("1\n00:00:01,000 --> 00:00:02,000\n<i>ä¸\u00ADæ–‡</i>æµ‹è¯•\n", DocumentFormat.Srt));
        Assert.Equal(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<b>中文</b>测试\n",
            s_repair.Convert("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<b>ä¸\u00ADæ–‡</b>æµ‹è¯•\n", DocumentFormat.WebVtt));
    }

    [Fact]
    public void Office_WordRuns_EachRunKeepsItsCharacters()
    {
        // EPUB content documents go through the HTML path above; Office parts through the XML scanner.
        Assert.Equal(
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>中文</w:t></w:r><w:r><w:t>测试</w:t></w:r></w:p>",
            s_repair.ConvertXml("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>ä¸\u00ADæ–‡</w:t></w:r><w:r><w:t>æµ‹è¯•</w:t></w:r></w:p>", XmlProfiles.Word));
    }

    [Fact]
    public void ScriptRepair_SplitByATag_SharedOutByCodePoints()
    {
        // A script edit has no chain; it is one for one, so each run keeps as many characters as it had.
        var hans = new DocumentConverter(new RepairOptions { Target = ScriptTarget.Hans });
        Assert.Equal("<p>软<i>体</i>测试</p>", hans.Convert("<p>軟<i>體</i>測試</p>", DocumentFormat.Html));
    }

    [Fact]
    public void TagBetweenTheBytesOfOneCharacter_ThatCharacterIsLeftAlone()
    {
        // ä¸\u00AD is 中: the tag cuts its bytes after ä¸. Writing 中 into either run would move text across the tag
        // (up to session 33 the later run lost its \u00AD), so that character's repair is not applied; the others are.
        Assert.Equal("<p>ä¸<b>\u00AD文</b>测试</p>", s_repair.Convert("<p>ä¸<b>\u00ADæ–‡</b>æµ‹è¯•</p>", DocumentFormat.Html));
    }

    [Fact]
    public void TagBetweenTheBytesOfOneCharacter_ElementIsNotEmptied()
    {
        // Session 33's hostile tester: é (C3 A9 read as Ã©) split by <b>; it became <p>café<b></b></p>.
        Assert.Equal("<p>cafÃ<b>©</b></p>", s_repair.Convert("<p>cafÃ<b>©</b></p>", DocumentFormat.Html));
        Assert.Equal("cafÃ**©**\n", s_repair.Convert("cafÃ**©**\n", DocumentFormat.Markdown));
        Assert.Equal("caf**é**\n", s_repair.Convert("caf**Ã©**\n", DocumentFormat.Markdown)); // not split: repaired
        Assert.Equal("cafÃ*©*\n", s_repair.Convert("cafÃ*©*\n", DocumentFormat.Markdown));
    }

    [Fact]
    public void AnyTagPlacement_MarkupUnchanged_NoTextNodeEmptied()
    {
        // Property over every placement of <b>…</b> in a mojibake paragraph (UTF-8 read as windows-1252): repair keeps
        // the tags where they are and never empties a text node that had text.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string mojibake = System.Text.Encoding.GetEncoding(1252).GetString(System.Text.Encoding.UTF8.GetBytes("这是一个测试，中文网页"));
        for (int i = 0; i < mojibake.Length; i++)
        {
            for (int j = i + 1; j <= mojibake.Length; j++)
            {
                string[] parts = [mojibake[..i], mojibake[i..j], mojibake[j..]];
                string input = $"<p>{parts[0]}<b>{parts[1]}</b>{parts[2]}</p>";
                string output = s_repair.Convert(input, DocumentFormat.Html);
                string[] outParts = output.Split(["<p>", "<b>", "</b>", "</p>"], StringSplitOptions.None);
                Assert.True(outParts.Length == 5, $"markup changed: {input} -> {output}");
                for (int k = 0; k < 3; k++)
                {
                    Assert.True(parts[k].Length == 0 || outParts[k + 1].Length > 0, $"text node emptied: {input} -> {output}");
                }
            }
        }
    }

    [Fact]
    public void EditAlignment_EncodingRepair_CutsBetweenOriginalCharacters()
    {
        var edit = new RepairEdit(0, 6, "中文", RepairKind.Encoding) { Chain = "utf-8 decoded as windows-1252" };
        (int[] source, int[] replacement) = EditAlignment.Cuts("ä¸\u00ADæ–‡", edit);
        Assert.Equal([0, 3, 6], source);
        Assert.Equal([0, 1, 2], replacement);
    }

    [Fact]
    public void EditAlignment_ChainThatDoesNotGiveTheReplacement_OnlyTheEnds()
    {
        var edit = new RepairEdit(0, 6, "中文字", RepairKind.Encoding) { Chain = "utf-8 decoded as windows-1252" };
        (int[] source, int[] replacement) = EditAlignment.Cuts("ä¸\u00ADæ–‡", edit);
        Assert.Equal([0, 6], source);
        Assert.Equal([0, 3], replacement);
    }

    [Fact]
    public void Conversion_PhrasesSplitByTags_AlreadyKeepEachRunsCharacters()
    {
        // Conversion shares a group's output by code points (docs/documents.md), so runs keep their characters.
        var s2twp = new DocumentConverter(ChineseConverter.Get("s2twp"));
        Assert.Equal("<p>軟體<i>測試</i></p>", s2twp.Convert("<p>软件<i>测试</i></p>", DocumentFormat.Html));
        Assert.Equal("<p>軟<i>體</i>測試</p>", s2twp.Convert("<p>软<i>件</i>测试</p>", DocumentFormat.Html));
    }
}
