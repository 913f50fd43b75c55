using System.Text.Json;

namespace TextRepair.Cli.Tests;

public sealed class DetectCommandTests
{
    [Fact]
    public async Task Writes_one_json_report_per_input()
    {
        using var directory = new TempDirectory();
        string seed = Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt");
        File.WriteAllText(directory.File("clean.txt"), "这是简体中文。\n");

        ToolResult result = await Tool.RunAsync(["detect", seed, directory.File("clean.txt")]);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using JsonDocument damaged = JsonDocument.Parse(lines[0]);
        using JsonDocument clean = JsonDocument.Parse(lines[1]);
        Assert.Equal(seed, damaged.RootElement.GetProperty("file").GetString());
        Assert.NotEqual(0, damaged.RootElement.GetProperty("annotations").GetArrayLength());
        Assert.Equal(TextAnalyzer.Analyze(File.ReadAllText(seed)).Annotations.Count, damaged.RootElement.GetProperty("annotations").GetArrayLength());
        Assert.Equal("simplified", clean.RootElement.GetProperty("script").GetString());
        Assert.Equal(0, clean.RootElement.GetProperty("annotations").GetArrayLength());
    }

    [Fact]
    public async Task Stdin_has_a_null_file_name()
    {
        ToolResult result = await Tool.RunAsync("detect", string.Empty);

        Assert.Equal(0, result.ExitCode);
        using JsonDocument report = JsonDocument.Parse(result.Text);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("file").ValueKind);
        Assert.Equal("none", report.RootElement.GetProperty("script").GetString());
    }
}
