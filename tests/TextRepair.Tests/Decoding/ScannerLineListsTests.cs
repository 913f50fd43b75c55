using System.Text;
using TextRepair.Analysis.Decoding;

namespace TextRepair.Tests.Decoding;

/// <summary>
/// The scanner's per-line lists (<see cref="EncodingScanner.LineLists"/>, session 37) are kept from line to line of a
/// text: a line scanned with the lists an earlier, longer line used finds, marks and learns exactly what it does with
/// lists of its own.
/// </summary>
public sealed class ScannerLineListsTests
{
    static ScannerLineListsTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public void LinesScannedWithKeptLists_FindWhatFreshListsFind()
    {
        string text = Lines();
        (List<EncodingFinding> fresh, List<bool> freshDamaged, int freshChains) = Scan(text, keep: false);
        (List<EncodingFinding> kept, List<bool> keptDamaged, int keptChains) = Scan(text, keep: true);

        Assert.Equal(fresh, kept);
        Assert.Equal(freshDamaged, keptDamaged);
        Assert.Equal(freshChains, keptChains);

        // The lines hold restorations, losses (U+FFFD, '?') and damaged lines shorter than one before them.
        Assert.Contains(fresh, f => !f.Lossy);
        Assert.Contains(fresh, f => f.Lossy);
        Assert.True(freshDamaged.Count(d => d) >= 4, $"{freshDamaged.Count(d => d)} damaged lines");
    }

    [Fact]
    public void Covered_IsAllFalse_AfterALongerLineSetFlags()
    {
        var lists = new EncodingScanner.LineLists();
        lists.Covered(40).Fill(true);
        Span<bool> next = lists.Covered(25);
        Assert.Equal(25, next.Length);
        Assert.True(next.IndexOf(true) < 0);
        Assert.True(lists.Covered(100).IndexOf(true) < 0);
    }

    // Lines of the zh-cn corpus written in UTF-8 and read as GBK, longest first, with lost bytes (U+FFFD) and question
    // marks where characters were lost, and a clean line between them.
    private static string Lines()
    {
        string[] clean = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Mojibake", "zh-cn.txt"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Length >= 8).Take(40).OrderByDescending(l => l.Length).ToArray();
        Encoding gbk = Encoding.GetEncoding(936);
        var lines = new List<string>();
        for (int i = 0; i < clean.Length; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(clean[i]);
            string garbled = gbk.GetString(i % 3 == 0 ? bytes[..^1] : bytes);
            lines.Add(i % 4 == 1 ? garbled.Replace('\uFFFD', '?') : garbled);
            lines.Add(i % 5 == 2 ? clean[i] : "\uFFFD" + garbled[..Math.Min(6, garbled.Length)]);
        }

        return string.Join('\n', lines);
    }

    // Every line as FindByTokens visits it, with one set of lists kept for the text or new ones for each line.
    private static (List<EncodingFinding> Findings, List<bool> Damaged, int Chains) Scan(string text, bool keep)
    {
        var known = new KnownChains();
        var findings = new List<EncodingFinding>();
        var damaged = new List<bool>();
        var tokens = new List<(int Start, int End)>();
        var kept = new EncodingScanner.LineLists();
        for (int lineStart = 0; lineStart <= text.Length;)
        {
            int lineEnd = text.AsSpan(lineStart).IndexOf('\n');
            lineEnd = lineEnd < 0 ? text.Length : lineStart + lineEnd;
            if (!EncodingScanner.IsQuiet(text, lineStart, lineEnd, known, tokens))
            {
                damaged.Add(EncodingScanner.FindInLine(text, lineStart, lineEnd, tokens, findings, known, lists: keep ? kept : new EncodingScanner.LineLists()));
            }

            lineStart = lineEnd + 1;
        }

        return (findings, damaged, known.Steps.Count);
    }
}
