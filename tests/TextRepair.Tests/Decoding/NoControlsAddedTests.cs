namespace TextRepair.Tests.Decoding;

/// <summary>
/// A repair never writes a control character its input did not hold, nor adds a line (NeverText.AddsControls): a
/// reading through UTF-16 in the wrong place pairs a space or a letter with a zero byte. Found by the session-35 hostile
/// test: "é¥•å›“å¡• é¥•å›“å¡•" became "列iOgc \0列iOgc" (a whole-field UTF-16 reading), and 60,000 lines of random
/// mojibake pairs came out as 60,047 lines with 273 NULs (a known chain through UTF-16 replayed on later tokens, which
/// the lattice's filter did not see).
/// </summary>
public sealed class NoControlsAddedTests
{
    [Theory]
    [InlineData("é¥•å›“å¡• é¥•å›“å¡•")]
    [InlineData("é¥•å›“å¡•")]
    public void AFieldReadAsUtf16_GetsNoControl(string input)
    {
        string output = EncodingRepairTests.Repair(input).Text;

        Assert.Equal(-1, IndexOfAddedControl(output, input));
    }

    [Fact]
    public void ChainsReplayedOnRandomMojibake_AddNoControlAndNoLine()
    {
        // 188 lines cut from the hostile test's 60,000 (random Han written in UTF-8, GBK or Big5 and read by a wrong
        // decoder, each token twice): neither half alone makes the NUL, the chains its earlier lines show do.
        string input = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Fuzz", "controls", "random-mojibake-pairs.txt"));

        string output = TextRepairer.Repair(input).Text;

        Assert.Equal(-1, IndexOfAddedControl(output, input));
        Assert.Equal(input.Count(c => c == '\n'), output.Count(c => c == '\n'));
    }

    // A long token (over CandidateSearch.ProbeLength characters) is read by the chains its windows' lattices find,
    // replayed on the whole token, and those replays were not checked: a Korean sentence written in UTF-8 and read as
    // UTF-16LE, then garbled twice more with bytes lost (a random chain of EncodingProperties, which failed one run in
    // a few), was read back by "utf-8 decoded as utf-16le" with a U+0005.
    [Fact]
    public void LongTokenReadByItsWindowsChains_GetsNoControl()
    {
        const string Input =
            "\u3F3F\u3F3F\u3F3F\u3F3F\u203F\u3F3F\u3F3F\uD03F\u74B2\u3F3F\u203F\u3F3F\u3F3F\uB2D0\uE278\u9988"
            + "\u88D1\u3F3F\u203F\u3F3F\u3F3F\uB2D0\uE278\u9988\u88D1\u3F20\u3F3F\u3F3F\u3F3F\u3F3F\u3F20\uD03F"
            + "\u74B2\u3F3F\u3F3F\u3F3F\u3F3F\u3F3F\u3F3F\u202E\u3F3F\u3F3F\u3F3F\u3F20\u3F3F\u3F20\u3F3F\u3F3F"
            + "\u203F\u3F3F\u3F3F\uB2D0\uE278\u9988\u88D1\u94D0\u3F3F\u3F3F\u3F3F\u3F20\u3F3F\u3F20\u3F3F\u3F3F"
            + "\u3F3F\uE23F\u0588\u85D1\u3F20\u3F3F\u3F3F\u3F3F\u3F3F\u3F20\u3F3F\u3F20\u3F3F\u3F3F\u88E2\uD199"
            + "\u3F8B\u3F3F\u3F3F\u3A3F\u2220\u3F3F\u3F3F\uD03F\u74B2\uE23F\u9988\u88D1\u223F\u202C\u3F22\uB2D0"
            + "\uE27B\u9988\u85D1\u3F3F\u223F\u3F20\u3F3F\u2220\u5153\u224C\u3F20\u3F3F\u3F3F\u203F\u5153\u284C"
            + "\u614E\u6974\u6576\u2E29";

        string output = EncodingRepairTests.Repair(Input).Text;

        Assert.Equal(-1, IndexOfAddedControl(output, Input));
    }

    // The index of the first control of output (C0 but tab, line feed and carriage return; DEL; C1; U+2028, U+2029) that
    // input does not hold, or -1.
    internal static int IndexOfAddedControl(string output, string input)
    {
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            bool control = (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029';
            if (control && !input.Contains(c, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
