using System.Text;

namespace TextRepair.Cli.Tests;

/// <summary>
/// Short Windows-1250 files through the tool, which runs with invariant globalization: before session 26 the
/// detector folded Latin Extended-A letters with string.Normalize, which does nothing there, and read these as
/// Windows-1252 or Windows-1251 with confidence 1.
/// </summary>
public sealed class AutoEncodingCentralEuropeanTests
{
    static AutoEncodingCentralEuropeanTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Theory]
    [InlineData("cs.txt", "Příliš žluťoučký kůň úpěl ďábelské ódy.\n")]
    [InlineData("hu.txt", "Árvíztűrő tükörfúrógép\n")]
    [InlineData("pl.txt", "Zażółć gęślą jaźń\n")]
    public async Task EncodingAndRepairAuto_ShortWindows1250_AreWindows1250(string name, string text)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File(name), Encoding.GetEncoding(1250).GetBytes(text));

        ToolResult detected = await Tool.RunAsync(["encoding", dir.File(name)]);
        ToolResult repaired = await Tool.RunAsync(["repair", "--encoding", "auto", dir.File(name)]);

        Assert.Equal(0, detected.ExitCode);
        Assert.Contains(": windows-1250 (confidence", detected.Text, StringComparison.Ordinal);
        Assert.Equal(0, repaired.ExitCode);
        Assert.Equal(text, repaired.Text);
    }
}
