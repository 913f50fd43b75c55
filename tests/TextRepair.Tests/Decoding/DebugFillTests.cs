namespace TextRepair.Tests.Decoding;

/// <summary>
/// Lines of a log that show a debugger's fill of uninitialised memory (MSVC's 0xCC read as GBK is 烫, 0xCD is 屯) are
/// clean text as far as encodings go: no reading of them is more likely. A reading that wrote a run of private use
/// characters for the run of 烫 was scored as a repeat, paying once for the run, and won (session 40,
/// <c>TextLikelihood.CharClasses</c>: private use is no repeat).
/// </summary>
public sealed class DebugFillTests
{
    private static readonly RepairOptions s_keep = new() { Target = ScriptTarget.Keep };

    [Theory]
    [InlineData("buffer = 烫烫烫烫烫烫烫烫")]
    [InlineData("读取到的文件名：屯屯屯屯屯屯")]
    public void DebugFillRuns_AreKept(string line)
    {
        RepairResult result = TextRepairer.Repair(line, s_keep);

        Assert.Equal(line, result.Text);
        Assert.DoesNotContain(result.Text, c => c is >= '\uE000' and <= '\uF8FF');
    }
}
