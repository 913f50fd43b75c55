using System.Text.RegularExpressions;

namespace TextRepair.Tests.Documents;

/// <summary>
/// Repair writes plain text into a document's source: an edit that would write markup (a restored &lt; in HTML) is not
/// applied, so every tag survives. The input is the one FsCheck's Repair_Html_KeepsEveryTag found (a UTF-16 reading
/// of 鲎䌼 restores 慈&lt;C).
/// </summary>
public sealed partial class RepairMarkupTests
{
    private const string Found = "<a href=\"/软件\"><span class=\"发布\"><a href=\"/软件\">⿾鈴\uD87E\uDD15<i></a><i><span class=\"发布\"><span class=\"发布\"><span class=\"发布\"><a href=\"/软件\"><!-- 鼠标 -->訊雜☺️「岂鲎䌼\n镘炙騤\n薫門德爾松䞓結核參差\uD84A\uDCED蝹鴔\uFFFF漁\uFEFF浒舖鯿謊瀰吉列爾莫·奥顔<b><i></i></a></b></a></b></span></span><span class=\"发布\"><span class=\"发布\"><!-- 鼠标 --><span class=\"发布\"><b></a><a href=\"/软件\"><span class=\"发布\"><!-- 鼠标 --><i><!-- 鼠标 --><span class=\"发布\"><a href=\"/软件\">";

    [Fact]
    public void AnEditThatWouldWriteMarkup_IsNotApplied()
    {
        string output = new DocumentConverter(RepairOptions.Default).Convert(Found, DocumentFormat.Html);
        Assert.Equal(Tag().Matches(Found).Select(m => m.Value), Tag().Matches(output).Select(m => m.Value));
        Assert.Contains("鲎䌼", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameTextAsPlainText_IsStillRepaired()
    {
        // Outside a document nothing is markup: the engine's reading stands (this keeps the test above meaningful).
        string text = Found[Found.IndexOf("訊雜", StringComparison.Ordinal)..Found.IndexOf('\n', StringComparison.Ordinal)];
        Assert.DoesNotContain("鲎䌼", TextRepairer.Repair(text).Text, StringComparison.Ordinal);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
