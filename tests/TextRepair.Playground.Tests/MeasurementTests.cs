using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace TextRepair.Playground.Tests;

/// <summary>
/// Measures a cold page load as served with the publish's brotli/gzip files: bytes sent before the first render and
/// for the lazily loaded library, and the times (from navigation start, by the page's own clock) to the first render,
/// to the library being ready and to the first conversion on screen. The numbers go to playground-metrics.json
/// (PLAYGROUND_METRICS, else beside the test binary); the test checks what was shown, never a time. It runs alone
/// (no other browser test at the same time) so the times are the page's own.
/// </summary>
[Collection(nameof(MeasurementTests))]
public sealed class MeasurementTests(PlaygroundSite site)
{
    // Records, by performance.now(), when the input first exists and when the output first holds text.
    private const string Probe = """
        window.__marks = {};
        new MutationObserver(() => {
            const m = window.__marks, now = performance.now();
            if (!m.firstRender && document.querySelector('[data-testid="convert-input"]')) m.firstRender = now;
            if (!m.libraryReady && document.querySelector('[data-testid="library-status"][data-ready="true"]')) m.libraryReady = now;
            const out = document.querySelector('[data-testid="convert-output"]');
            if (!m.firstConversion && out && out.textContent.length > 0) m.firstConversion = now;
        }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        """;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    [Fact]
    public async Task Cold_load_size_and_time_to_first_conversion()
    {
        await using Session session = await Browser.OpenAsync(site, initScript: Probe);
        StaticServer server = session.Server;
        IPage page = session.Page;

        string input = await page.ByTestId("convert-input").InputValueAsync();
        await Browser.WaitForTextAsync(page, "convert-output", ChineseConverter.Get("s2t").Convert(input));
        JsonElement marks = await page.EvaluateAsync<JsonElement>("() => window.__marks");

        long lazy = server.Sent.Where(p => IsLazy(p.Key)).Sum(p => p.Value);
        long total = server.Sent.Values.Sum();
        var metrics = new Dictionary<string, object>
        {
            ["encodings"] = string.Join(",", server.Encodings.Values.Distinct().Order()),
            ["bytesTotal"] = total,
            ["bytesBeforeLazy"] = total - lazy,
            ["bytesLazy"] = lazy,
            ["requests"] = server.Sent.Count,
            ["msFirstRender"] = Math.Round(marks.GetProperty("firstRender").GetDouble()),
            ["msLibraryReady"] = Math.Round(marks.GetProperty("libraryReady").GetDouble()),
            ["msFirstConversion"] = Math.Round(marks.GetProperty("firstConversion").GetDouble()),
            ["loadAverage"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "",
            ["utc"] = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
        };
        string path = Environment.GetEnvironmentVariable("PLAYGROUND_METRICS") is { Length: > 0 } named
            ? named
            : Path.Combine(AppContext.BaseDirectory, "playground-metrics.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(metrics, s_indented),
            TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(File.ReadAllText(path));
        foreach (var (file, bytes) in server.Sent.OrderByDescending(p => p.Value))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"{bytes,10} {server.Encodings[file],-8} {file}");
        }

        Assert.True(lazy > 0, "the lazy assemblies were not downloaded");
        Assert.True(marks.GetProperty("firstRender").GetDouble() <= marks.GetProperty("libraryReady").GetDouble());
        Assert.Empty(session.Errors);
    }

    [CollectionDefinition(nameof(MeasurementTests), DisableParallelization = true)]
    public sealed class Alone;

    /// <summary>Whether a published file is one of the lazily loaded assemblies (the library, the code pages).</summary>
    public static bool IsLazy(string path)
    {
        string name = Path.GetFileName(path);
        return (name.StartsWith("TextRepair.", StringComparison.Ordinal) && !name.StartsWith("TextRepair.Playground.", StringComparison.Ordinal))
            || name.StartsWith("System.Text.Encoding.CodePages.", StringComparison.Ordinal);
    }
}
