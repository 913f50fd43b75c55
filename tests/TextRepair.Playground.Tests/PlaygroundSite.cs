using System.Diagnostics;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(TextRepair.Playground.Tests.PlaygroundSite))]

namespace TextRepair.Playground.Tests;

/// <summary>
/// The published playground and one headless Debian Chromium for all browser tests. The site is the wwwroot named by
/// PLAYGROUND_SITE (tools/ci/playground.sh publishes it first) or, when that is unset, published here with
/// <c>dotnet publish -c Release</c>. Without /usr/bin/chromium (or PLAYGROUND_CHROMIUM) every test is skipped with a
/// message saying how to run them; no browser is ever downloaded. Under CI (CI=true) without PLAYGROUND_SITE they are
/// skipped too: CI runs them once, in tools/ci/playground.sh, against the site it has just published.
/// </summary>
public sealed class PlaygroundSite : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    // Publishing the playground (restore, build, trim) took 55-75 s on the 2-core VM; 10 minutes allows a loaded machine.
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(10);

    private string _skipReason = "";

    /// <summary>Chromium's path, or null when it is not installed.</summary>
    public string? Chromium { get; private set; }

    /// <summary>The published wwwroot folder.</summary>
    public string WwwRoot { get; private set; } = "";

    /// <summary>The repository root (holds TextRepair.sln).</summary>
    public string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Where screenshots go: PLAYGROUND_SCREENSHOTS, else screenshots/ beside the test binary.</summary>
    public string ScreenshotDir { get; private set; } = "";

    public IPlaywright? Playwright { get; private set; }

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        string chromium = Environment.GetEnvironmentVariable("PLAYGROUND_CHROMIUM") ?? DefaultChromium;
        string? site = Environment.GetEnvironmentVariable("PLAYGROUND_SITE");
        if (!File.Exists(chromium))
        {
            _skipReason = $"Browser tests skipped: no Chromium at {chromium} (install it with `apt-get install chromium`, "
                + "or set PLAYGROUND_CHROMIUM; CI runs them through tools/ci/playground.sh).";
            return;
        }

        if (string.IsNullOrEmpty(site) && Environment.GetEnvironmentVariable("CI") == "true")
        {
            _skipReason = "Browser tests skipped in the solution-wide CI run: CI runs them in tools/ci/playground.sh "
                + "against the site it publishes (PLAYGROUND_SITE).";
            return;
        }

        Chromium = chromium;
        ScreenshotDir = Environment.GetEnvironmentVariable("PLAYGROUND_SCREENSHOTS") is { Length: > 0 } shots
            ? Path.GetFullPath(shots)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(ScreenshotDir);
        WwwRoot = string.IsNullOrEmpty(site) ? await PublishAsync() : Path.GetFullPath(site);
        if (!File.Exists(Path.Combine(WwwRoot, "index.html")))
        {
            throw new InvalidOperationException($"No published playground at {WwwRoot} (index.html missing).");
        }

        // Never fetch a browser: the system Chromium is launched by path. Playwright gives each launch a fresh, temporary
        // user-data-dir of its own (it refuses a --user-data-dir argument) and deletes it on close.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH", Path.Combine(Path.GetTempPath(), "no-playwright-browsers"));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
    }

    /// <summary>Skips the calling test with a clear message when Chromium is not installed (or under CI, see above).</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is null)
        {
            Assert.Skip(_skipReason);
        }

        return Browser;
    }

    private async Task<string> PublishAsync()
    {
        string output = Path.Combine(AppContext.BaseDirectory, "playground-site");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        string project = Path.Combine(RepoRoot, "samples", "TextRepair.Playground");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_publishTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the playground failed:\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "wwwroot");
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextRepair.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TextRepair.sln not found above " + AppContext.BaseDirectory);
    }
}
