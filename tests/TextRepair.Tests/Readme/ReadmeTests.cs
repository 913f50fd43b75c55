namespace TextRepair.Tests;

/// <summary>
/// Keeps the README's C# examples and <c>ReadmeExamples.cs</c> (where they run, with their results checked) the same
/// text, so an example in the README cannot stop compiling or start lying without a test failing.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly string s_data = Path.Combine(AppContext.BaseDirectory, "Data");

    [Fact]
    public void EveryCSharpBlockOfTheReadme_IsAnExampleThatRuns()
    {
        List<string> regions = Regions(File.ReadAllLines(Path.Combine(s_data, "ReadmeExamples.cs.txt")), out HashSet<string> usings);
        List<string> blocks = CSharpBlocks(File.ReadAllLines(Path.Combine(s_data, "README.md")));

        Assert.NotEmpty(blocks);
        foreach (string block in blocks)
        {
            string[] lines = block.Split('\n');
            int body = 0;
            while (body < lines.Length && (lines[body].StartsWith("using ", StringComparison.Ordinal) || lines[body].Length == 0))
            {
                Assert.True(lines[body].Length == 0 || usings.Contains(lines[body]), $"README example needs '{lines[body]}', which ReadmeExamples.cs does not have");
                body++;
            }

            string code = string.Join('\n', lines[body..]);
            Assert.True(regions.Contains(code), "This README example is not a region of ReadmeExamples.cs (so it is not compiled or run):\n" + code);
        }

        foreach (string region in regions)
        {
            Assert.True(blocks.Any(block => block.EndsWith(region, StringComparison.Ordinal)), "This region of ReadmeExamples.cs is not in the README:\n" + region);
        }
    }

    [Fact]
    public void TheFirstCommandsOfTheReadme_AreTheMainJobAndTheTests()
    {
        string[] readme = File.ReadAllLines(Path.Combine(s_data, "README.md"));
        int fence = Array.IndexOf(readme, "```sh");

        Assert.InRange(fence, 1, 3);
        Assert.StartsWith("dotnet run --project src/TextRepair.Cli -c Release -- repair seeds/000_fd27bc0d7b45cc12.txt ", readme[fence + 1], StringComparison.Ordinal);
        Assert.StartsWith("dotnet test -c Release ", readme[fence + 2], StringComparison.Ordinal);
    }

    /// <summary>The ```csharp blocks of a Markdown file, lines joined with '\n'.</summary>
    internal static List<string> CSharpBlocks(string[] markdown)
    {
        var blocks = new List<string>();
        for (int i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] != "```csharp")
            {
                continue;
            }

            int end = Array.IndexOf(markdown, "```", i + 1);
            Assert.True(end > i, $"README.md line {i + 1}: unterminated code block");
            blocks.Add(string.Join('\n', markdown[(i + 1)..end]));
            i = end;
        }

        return blocks;
    }

    /// <summary>The text between "#region README" and "#endregion", each dedented by the region marker's indentation.</summary>
    internal static List<string> Regions(string[] source, out HashSet<string> usings)
    {
        usings = [.. source.Where(line => line.StartsWith("using ", StringComparison.Ordinal))];
        var regions = new List<string>();
        for (int i = 0; i < source.Length; i++)
        {
            string trimmed = source[i].TrimStart();
            if (trimmed != "#region README")
            {
                continue;
            }

            int indent = source[i].Length - trimmed.Length;
            int end = Array.FindIndex(source, i + 1, line => line.TrimStart() == "#endregion");
            Assert.True(end > i, $"ReadmeExamples.cs line {i + 1}: unterminated region");
            regions.Add(string.Join('\n', source[(i + 1)..end].Select(line => line.Length >= indent ? line[indent..] : line.TrimStart())));
            i = end;
        }

        return regions;
    }
}
