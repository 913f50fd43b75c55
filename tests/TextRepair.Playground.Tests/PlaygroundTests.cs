using System.Text;
using Microsoft.Playwright;

namespace TextRepair.Playground.Tests;

/// <summary>
/// The published playground in headless Debian Chromium, checked against the library running in this process.
/// Each test saves a screenshot (docs/images when PLAYGROUND_SCREENSHOTS points there).
/// </summary>
public sealed class PlaygroundTests(PlaygroundSite site)
{
    private const string SimplifiedSentence = "鼠标里面的硅二极管坏了，我们去软件商店买一个新的打印机。";
    private const string TraditionalSentence = "滑鼠裡面的矽二極體壞了，我們去軟體商店買一個新的印表機。";

    private static readonly string[] s_allKinds = ["annotation", "script", "punctuation", "encoding", "loss"];

    static PlaygroundTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [Fact]
    public async Task Page_loads_from_a_plain_static_server_and_the_library_arrives()
    {
        await using Session session = await Browser.OpenAsync(site, precompressed: false);
        IPage page = session.Page;
        await Browser.WaitReadyAsync(page);

        Assert.Equal("TextRepair playground", await page.Locator("h1").TextContentAsync());
        Assert.Equal("true", await page.ByTestId("tab-convert").GetAttributeAsync("aria-selected"));
        string shown = await page.ByTestId("convert-input").InputValueAsync();
        Assert.NotEqual("", shown);
        await Browser.WaitForTextAsync(page, "convert-output", ChineseConverter.Get("s2t").Convert(shown));
        Assert.Empty(session.Errors);
        Assert.All(session.Server.Encodings.Values, encoding => Assert.Equal("identity", encoding));
        await Browser.ScreenshotAsync(site, page, "playground-loaded.png");
    }

    [Fact]
    public async Task Converting_a_sentence_gives_the_library_output_for_each_config_tried()
    {
        await using Session session = await Browser.OpenAsync(site);
        IPage page = session.Page;
        await Browser.WaitReadyAsync(page);

        string[] values = await page.ByTestId("convert-config").Locator("option")
            .EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(ChineseConverter.Configs, values);

        // Each config's label names its BCP-47 aliases.
        string[] labels = await page.ByTestId("convert-config").Locator("option")
            .EvaluateAllAsync<string[]>("options => options.map(o => o.textContent)");
        foreach ((string alias, string config) in ChineseConverter.ConfigAliases)
        {
            Assert.Contains($"{alias}", labels[Array.IndexOf(values, config)], StringComparison.Ordinal);
        }

        int marked = 0;
        (string Config, string Text)[] cases =
        [
            ("s2t", SimplifiedSentence), ("tw2sp", TraditionalSentence), ("t2jp", TraditionalSentence), ("s2twp", SimplifiedSentence),
        ];
        foreach (var (config, text) in cases)
        {
            await page.ByTestId("convert-config").SelectOptionAsync(config);
            await page.ByTestId("convert-input").FillAsync(text);
            var reported = new List<ConversionAmbiguity>();
            string expected = ChineseConverter.Get(config).Convert(text, reported);
            await Browser.WaitForTextAsync(page, "convert-output", expected);

            // Each place the library reports a guess is marked once, with its alternatives (a later stage of a
            // chained config may report a place again; the page marks it once).
            string[] expectedMarks = Marks(expected, reported);
            string[] shown = await page.Locator("[data-testid=convert-output] mark[data-ambiguity]")
                .EvaluateAllAsync<string[]>("marks => marks.map(m => m.textContent + ':' + m.dataset.alternatives)");
            Assert.Equal(expectedMarks, shown);
            marked += shown.Length;
        }

        Assert.True(marked > 0, "no conversion marked a guess");
        Assert.Empty(session.Errors);
        await Browser.ScreenshotAsync(site, page, "playground-convert.png");
    }

    [Fact]
    public async Task Repairing_the_seed_shows_the_reference_repair_with_each_edit_highlighted_by_kind()
    {
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.txt"));
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "000_fd27bc0d7b45cc12.expected.txt"));
        await using Session session = await Browser.OpenAsync(site);
        IPage page = session.Page;
        await Browser.WaitReadyAsync(page);
        await page.ByTestId("tab-repair").ClickAsync();
        await page.ByTestId("sample-seed").ClickAsync();

        Assert.Equal(seed, await page.ByTestId("repair-input").InputValueAsync());
        await Browser.WaitForTextAsync(page, "repair-output", expected);
        RepairResult library = TextRepairer.Repair(seed);
        await AssertEditsShownAsync(page, seed, library);
        Assert.Contains(library.Edits, e => e.Kind == RepairKind.Annotation);
        Assert.Contains(library.Edits, e => e.Kind == RepairKind.Script);

        // Focusing an edit shows what was there and why (generated content, so the output's text stays the repair).
        ILocator first = page.Locator("[data-testid=repair-output] mark[data-edit-kind=annotation]").First;
        await first.FocusAsync();
        string tip = await first.EvaluateAsync<string>("m => getComputedStyle(m, '::after').content");
        Assert.Contains("annotation", tip, StringComparison.Ordinal);
        Assert.Contains(await first.GetAttributeAsync("data-removed") ?? "<none>", tip, StringComparison.Ordinal);
        await Browser.ScreenshotAsync(site, page, "playground-repair.png");

        await page.ByTestId("mode-side").CheckAsync();
        await Browser.WaitForTextAsync(page, "repair-original", seed);
        await Browser.WaitForTextAsync(page, "repair-output", expected);
        await Browser.ScreenshotAsync(site, page, "playground-repair-side.png");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Mojibake_samples_are_repaired_as_the_library_does()
    {
        (string Sample, string Kind)[] samples =
            [("utf8-gbk", "encoding"), ("utf8-1252", "encoding"), ("gbk-latin1", "encoding"), ("big5-gbk", "encoding"), ("loss", "loss")];
        await using Session session = await Browser.OpenAsync(site);
        IPage page = session.Page;
        await Browser.WaitReadyAsync(page);
        await page.ByTestId("tab-repair").ClickAsync();
        foreach (var (sample, kind) in samples)
        {
            await page.ByTestId("sample-" + sample).ClickAsync();
            string damaged = await page.ByTestId("repair-input").InputValueAsync();
            RepairResult library = TextRepairer.Repair(damaged);
            await Browser.WaitForTextAsync(page, "repair-output", library.Text);
            await AssertEditsShownAsync(page, damaged, library);
            int shown = await page.Locator($"[data-testid=repair-output] [data-edit-kind={kind}]").CountAsync();
            Assert.True(shown > 0, $"sample {sample}: no {kind} edit shown");
            if (sample == "utf8-gbk")
            {
                await Browser.ScreenshotAsync(site, page, "playground-repair-mojibake.png");
            }
        }

        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_dropped_GBK_file_is_detected_and_decoded_right_and_any_candidate_can_be_chosen()
    {
        string text = SimplifiedSentence + "\n第二行：编码检测。";
        byte[] gbk = Encoding.GetEncoding("gb18030").GetBytes(text);
        await using Session session = await Browser.OpenAsync(site);
        IPage page = session.Page;
        await page.ByTestId("tab-bytes").ClickAsync();

        // The choices are detection plus exactly the detector's candidates, so any candidate shown can be picked.
        string[] choices = await page.ByTestId("bytes-encoding").Locator("option")
            .EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal("auto", choices[0]);
        Assert.Equal(EncodingDetector.CandidateNames.Order(StringComparer.Ordinal), choices.Skip(1).Order(StringComparer.Ordinal));

        await page.ByTestId("bytes-file").SetInputFilesAsync(new FilePayload { Name = "gbk.txt", MimeType = "text/plain", Buffer = gbk });

        // Default: the library's detection decides, says so, and lists the candidates it weighed, best first.
        await Browser.WaitForTextAsync(page, "bytes-output", text);
        string status = await page.ByTestId("bytes-status").TextContentAsync() ?? "";
        Assert.Contains("(detected, confidence", status, StringComparison.Ordinal);
        Assert.Contains("GB18030", status, StringComparison.Ordinal);
        string[] candidates = await page.ByTestId("bytes-candidates").Locator("li")
            .EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.encoding)");
        Assert.Equal(EncodingDetector.Detect(gbk).Name, candidates[0]);
        Assert.Equal("gb18030", candidates[0]);
        Assert.True(candidates.Length > 1);
        await Browser.ScreenshotAsync(site, page, "playground-bytes.png");

        // A chosen encoding is used as it is, invalid sequences visible as U+FFFD; the candidates stay listed.
        await page.ByTestId("bytes-encoding").SelectOptionAsync("utf-8");
        await Browser.WaitForTextAsync(page, "bytes-output", Encoding.UTF8.GetString(gbk));
        Assert.Contains("(chosen; detection says GB18030", await page.ByTestId("bytes-status").TextContentAsync(), StringComparison.Ordinal);
        await page.ByTestId("bytes-encoding").SelectOptionAsync("auto");
        await Browser.WaitForTextAsync(page, "bytes-output", text);

        await Browser.WaitReadyAsync(page);
        await page.ByTestId("bytes-repair").ClickAsync();
        Assert.Equal("true", await page.ByTestId("tab-repair").GetAttributeAsync("aria-selected"));
        Assert.Equal(text, await page.ByTestId("repair-input").InputValueAsync());
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_page_is_usable_before_the_library_arrives()
    {
        await using Session session = await Browser.OpenAsync(site, hold: MeasurementTests.IsLazy);
        StaticServer server = session.Server;
        IPage page = session.Page;
        await server.HeldRequestArrived.Task.WaitAsync(TimeSpan.FromMilliseconds(Browser.TimeoutMs), TestContext.Current.CancellationToken);

        // The library and the code pages are still on their way: the page is up, takes input, and says it is loading.
        await page.ByTestId("convert-input").FillAsync(SimplifiedSentence);
        Assert.Equal("false", await page.ByTestId("library-status").GetAttributeAsync("data-ready"));
        Assert.True(await page.ByTestId("convert-config").IsDisabledAsync());
        Assert.Equal("", await page.ByTestId("convert-output").TextContentAsync());
        await page.ByTestId("tab-repair").ClickAsync();
        await page.ByTestId("tab-convert").ClickAsync();

        server.Release();
        await Browser.WaitForTextAsync(page, "convert-output", ChineseConverter.Get("s2t").Convert(SimplifiedSentence));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Keyboard_reaches_every_view_and_each_edit_shows_its_reason_on_focus()
    {
        await using Session session = await Browser.OpenAsync(site);
        IPage page = session.Page;
        await Browser.WaitReadyAsync(page);

        await TabUntilAsync(page, "tab-repair");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await page.ByTestId("tab-repair").GetAttributeAsync("aria-selected"));
        await TabUntilAsync(page, "sample-loss");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=repair-output] mark").First.WaitForAsync();
        // The sample's first edits undo the encoding; Tab goes on from mark to mark until the loss marker's.
        const int MaxMarks = 20;
        string focused = await TabUntilAsync(page, null, "MARK");
        for (int i = 0; i < MaxMarks && !focused.EndsWith("|loss", StringComparison.Ordinal); i++)
        {
            focused = await TabUntilAsync(page, null, "MARK");
        }

        Assert.EndsWith("|loss", focused, StringComparison.Ordinal);
        string outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task On_a_phone_sized_screen_nothing_scrolls_sideways()
    {
        await using Session session = await Browser.OpenAsync(site, width: 390, height: 844);
        IPage page = session.Page;
        await Browser.WaitReadyAsync(page);
        await page.ByTestId("tab-repair").ClickAsync();
        await page.ByTestId("sample-seed").ClickAsync();
        await page.Locator("[data-testid=repair-output] mark").First.WaitForAsync();

        int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 390px screen");
        await page.ByTestId("repair-summary").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => window.scrollBy(0, document.querySelector('[data-testid=repair-summary]').getBoundingClientRect().top - 8)");
        await Browser.ScreenshotAsync(site, page, "playground-phone.png");
        Assert.Empty(session.Errors);
    }

    private static async Task AssertEditsShownAsync(IPage page, string input, RepairResult library)
    {
        string[] kinds = await page.Locator("[data-testid=repair-output] [data-edit-kind]")
            .EvaluateAllAsync<string[]>("marks => marks.map(m => m.dataset.editKind)");
        string[] removed = await page.Locator("[data-testid=repair-output] [data-edit-kind]")
            .EvaluateAllAsync<string[]>("marks => marks.map(m => m.dataset.removed ?? '')");
        string[] tips = await page.Locator("[data-testid=repair-output] [data-edit-kind]")
            .EvaluateAllAsync<string[]>("marks => marks.map(m => m.dataset.tip ?? '')");
        Assert.Equal(library.Edits.Count, kinds.Length);
        for (int i = 0; i < kinds.Length; i++)
        {
            RepairEdit edit = library.Edits[i];
            Assert.Equal(KindName(edit.Kind), kinds[i]);
            Assert.Equal(input.Substring(edit.Start, edit.Length), removed[i]);
            if (edit.Chain is not null)
            {
                // An encoding or loss edit says which chain it undid or lost text in ("utf-8 decoded as gbk").
                Assert.Contains(edit.Chain, tips[i], StringComparison.Ordinal);
            }
        }

        Assert.All(kinds, kind => Assert.Contains(kind, s_allKinds));
    }

    private static string[] Marks(string output, List<ConversionAmbiguity> reported)
    {
        var marks = new List<string>();
        int end = 0;
        foreach (ConversionAmbiguity a in reported.OrderBy(a => a.OutputStart))
        {
            if (a.OutputStart >= end && a.OutputLength > 0)
            {
                marks.Add($"{output.AsSpan(a.OutputStart, a.OutputLength)}:{string.Join(" ", a.Alternatives)}");
                end = a.OutputStart + a.OutputLength;
            }
        }

        return [.. marks];
    }

    private static string KindName(RepairKind kind) => kind switch
    {
        RepairKind.Annotation => "annotation",
        RepairKind.Script => "script",
        RepairKind.Punctuation => "punctuation",
        RepairKind.Encoding => "encoding",
        RepairKind.LossMarker => "loss",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // Presses Tab until the focused element has the test id (or tag); returns its description. Bounded, so a
    // missing tab stop fails instead of looping.
    private static async Task<string> TabUntilAsync(IPage page, string? testId, string? tag = null)
    {
        const int MaxTabs = 60;
        for (int i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            string description = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return `${e.tagName}|${e.dataset.testid ?? ''}|${e.dataset.editKind ?? ''}`; }");
            string[] parts = description.Split('|');
            if ((testId is not null && parts[1] == testId) || (tag is not null && parts[0] == tag))
            {
                return description;
            }
        }

        Assert.Fail($"Tab never reached {testId ?? tag} in {MaxTabs} presses.");
        return "";
    }
}
