namespace TextRepair.Tests.Documents;

/// <summary>
/// The human-readable fields of an ASS/SSA file's <c>[Script Info]</c> (the title and credits) are text: they are
/// converted and repaired like the dialogue; the fields a player reads (ScriptType, PlayResX, WrapStyle, Synch Point,
/// ...) and <c>;</c> comments are not. Before session 41 the whole header was left as it was.
/// </summary>
public sealed class AssHeaderTests
{
    private const string Header = "[Script Info]\n; 脚本由 Aegisub 生成\nTitle: 简体字幕\nOriginal Script: 张三\nOriginal Translation:  李四 翻译\n"
        + "Original Editing: 王五\nOriginal Timing: 赵六\nSynch Point: 0\nScript Updated By: 钱七\nUpdate Details: 修改了时间轴\nScriptType: v4.00+\n"
        + "Collisions: Normal\nPlayResX: 1920\nWrapStyle: 0\n\n[V4+ Styles]\nFormat: Name, Fontname\nStyle: 简体,微软雅黑\n\n[Events]\n"
        + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,简体,说话人,0,0,0,,发现\n";

    [Fact]
    public void TextFields_AreConverted_OthersKept()
    {
        string converted = new DocumentConverter(ChineseConverter.Get("s2t")).Convert(Header, DocumentFormat.Ass);
        Assert.Equal(
            "[Script Info]\n; 脚本由 Aegisub 生成\nTitle: 簡體字幕\nOriginal Script: 張三\nOriginal Translation:  李四 翻譯\n"
                + "Original Editing: 王五\nOriginal Timing: 趙六\nSynch Point: 0\nScript Updated By: 錢七\nUpdate Details: 修改了時間軸\nScriptType: v4.00+\n"
                + "Collisions: Normal\nPlayResX: 1920\nWrapStyle: 0\n\n[V4+ Styles]\nFormat: Name, Fontname\nStyle: 简体,微软雅黑\n\n[Events]\n"
                + "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,简体,说话人,0,0,0,,發現\n",
            converted);
    }

    [Fact]
    public void FindRanges_CoverTheValuesOnly()
    {
        string document = "[Script Info]\r\nTitle:  标题\r\nScriptType: v4.00+\r\n[Events]\r\n";
        Range range = Assert.Single(DocumentText.FindRanges(document, DocumentFormat.Ass));
        Assert.Equal("标题", document[range]);
    }

    [Fact]
    public void GarbledTitle_IsRepaired_AndReported()
    {
        // 今天天气很好 in UTF-8 read as windows-1252.
        string document = "[Script Info]\nTitle: ä»Šå¤©å¤©æ°”å¾ˆå¥½\nPlayResX: 1920\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";
        RepairResult result = new DocumentConverter(RepairOptions.Default).Repair(document, DocumentFormat.Ass);
        Assert.Equal("[Script Info]\nTitle: 今天天气很好\nPlayResX: 1920\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n", result.Text);
        Assert.NotEmpty(result.Edits);
    }

    [Fact]
    public void FieldsOutsideScriptInfo_AreNotText()
    {
        string document = "[V4+ Styles]\nTitle: 简体\n[Events]\n";
        Assert.Empty(DocumentText.FindRanges(document, DocumentFormat.Ass));
    }
}
