using Microsoft.Playwright;

namespace TextRepair.Playground.Tests;

/// <summary>Opening the playground in a fresh browser context, waiting for exact text, and screenshots.</summary>
internal static class Browser
{
    // A cold start to the first conversion took 24 s in headless Chromium on the 2-core VM at load average 36
    // (MeasurementTests, docs/playground.md); waits allow 120 s so a heavily loaded machine fails only on a real hang.
    public const float TimeoutMs = 120_000;

    /// <summary>
    /// Serves the site (precompressed files or plain ones; <paramref name="hold"/> holds back matching files until
    /// released) and opens it in a fresh context. Skips the test when there is no browser.
    /// </summary>
    public static async Task<Session> OpenAsync(
        PlaygroundSite site, bool precompressed = true, int width = 1280, int height = 900, string? initScript = null,
        Func<string, bool>? hold = null)
    {
        IBrowser browser = site.RequireBrowser();
        var server = new StaticServer(site.WwwRoot, precompressed) { Hold = hold };
        IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(TimeoutMs);
        var session = new Session(context, page, server);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => session.Errors.Add(error);
        if (initScript is not null)
        {
            await page.AddInitScriptAsync(initScript);
        }

        await page.GotoAsync(server.BaseUrl);
        return session;
    }

    public static Task WaitReadyAsync(IPage page) =>
        page.Locator("[data-testid=library-status][data-ready=true]").WaitForAsync();

    public static ILocator ByTestId(this IPage page, string id) => page.Locator($"[data-testid=\"{id}\"]");

    /// <summary>Waits until the element's textContent is exactly <paramref name="expected"/>; on timeout, compares for a readable diff.</summary>
    public static async Task WaitForTextAsync(IPage page, string testId, string expected)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "([id, text]) => document.querySelector(`[data-testid=\"${id}\"]`)?.textContent === text",
                new[] { testId, expected },
                new PageWaitForFunctionOptions { Timeout = TimeoutMs });
        }
        catch (TimeoutException)
        {
            string actual = await page.ByTestId(testId).TextContentAsync() ?? "";
            Assert.Equal(expected, actual);
            throw;
        }
    }

    public static async Task ScreenshotAsync(PlaygroundSite site, IPage page, string name, bool fullPage = false)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, name), FullPage = fullPage });
    }
}

/// <summary>One page in its own browser context (fresh cache and storage).</summary>
internal sealed class Session(IBrowserContext context, IPage page, StaticServer server) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public StaticServer Server { get; } = server;

    /// <summary>Console errors and uncaught exceptions seen on the page.</summary>
    public List<string> Errors { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await context.CloseAsync();
        Server.Dispose();
    }
}
