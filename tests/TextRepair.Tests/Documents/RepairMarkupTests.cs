using System.Text;
using System.Text.RegularExpressions;

namespace TextRepair.Tests.Documents;

/// <summary>
/// Repair writes plain text into a document's source: an edit that would write markup (a restored &lt; in HTML) is not
/// applied, so every tag survives. FsCheck's Repair_Html_KeepsEveryTag first found this with a random string the
/// engine read as UTF-16 (鲎䌼 as 慈&lt;C); since unseen ideographs are scored by their Good-Turing estimate, that
/// string is no longer read at all, so the input here is real mojibake: UTF-8 text with a tag, read as UTF-16LE.
/// </summary>
public sealed partial class RepairMarkupTests
{
    private const string Original = "这是一个测试<br>";

    private static readonly string s_garbled = Encoding.Unicode.GetString(Encoding.UTF8.GetBytes(Original));

    private static string Document => $"<html><body><p>{s_garbled}</p><p>鼠标</p></body></html>";

    [Fact]
    public void AnEditThatWouldWriteMarkup_IsNotApplied()
    {
        string output = new DocumentConverter(RepairOptions.Default).Convert(Document, DocumentFormat.Html);
        Assert.Equal(Tag().Matches(Document).Select(m => m.Value), Tag().Matches(output).Select(m => m.Value));
        Assert.Contains(s_garbled, output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameTextAsPlainText_IsStillRepaired()
    {
        // Outside a document nothing is markup: the engine's reading stands (this keeps the test above meaningful).
        Assert.Equal(Original, TextRepairer.Repair(s_garbled, new RepairOptions { Target = ScriptTarget.Keep }).Text);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
