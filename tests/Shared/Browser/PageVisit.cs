using System.Text.Json.Nodes;

namespace GrokDsl.Tests.Browser;

/// <summary>A report page loaded in a <see cref="HeadlessChromium"/> tab, with what happened while it loaded.</summary>
sealed class PageVisit(DevToolsSession session)
{
    public DevToolsSession Session => session;

    /// <summary>Navigates to <paramref name="url"/> and waits for the load event.</summary>
    public static async Task<PageVisit> LoadAsync(HeadlessChromium browser, Uri url, CancellationToken cancellation)
    {
        var session = await browser.NewPageAsync(cancellation);
        await session.SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, cancellation);
        await session.WaitForEventAsync("Page.loadEventFired", cancellation);
        return new PageVisit(session);
    }

    /// <summary>Navigates to a file and waits for the load event and for every <c>div.plot</c> to hold a Plotly SVG.</summary>
    public static async Task<PageVisit> OpenAsync(HeadlessChromium browser, string htmlPath, CancellationToken cancellation)
    {
        var visit = await LoadAsync(browser, new Uri(htmlPath), cancellation);
        while (true)
        {
            var plots = await visit.PlotsAsync(cancellation);
            if (plots.Count > 0 && plots.Values.All(svgs => svgs > 0)) break;
            await Task.Delay(100, cancellation);
        }
        return visit;
    }

    /// <summary>Each <c>div.plot</c>'s id with the number of <c>svg.main-svg</c> elements Plotly drew in it.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PlotsAsync(CancellationToken cancellation)
    {
        var value = await session.EvaluateAsync(
            "Array.from(document.querySelectorAll('div.plot')).map(d => [d.id, d.querySelectorAll('svg.main-svg').length])",
            cancellation);
        return value!.AsArray().ToDictionary(pair => (string)pair![0]!, pair => (int)pair![1]!);
    }

    /// <summary>Uncaught exceptions, console errors and assertion failures, and browser log entries at error level.</summary>
    public IReadOnlyList<string> Errors() =>
    [
        .. session.Events.Select(e => ((string?)e["method"], e["params"])).SelectMany(e => e switch
        {
            ("Runtime.exceptionThrown", { } p) => [$"exception: {p["exceptionDetails"]?.ToJsonString()}"],
            ("Runtime.consoleAPICalled", { } p) when (string?)p["type"] is "error" or "assert" => [$"console.{p["type"]}: {p["args"]?.ToJsonString()}"],
            ("Log.entryAdded", { } p) when (string?)p["entry"]?["level"] == "error" => [$"log: {p["entry"]?.ToJsonString()}"],
            _ => Array.Empty<string>(),
        }),
    ];

    /// <summary>Polls <paramref name="expression"/> until it is true; fails naming <paramref name="what"/> when <paramref name="cancellation"/> ends first.</summary>
    public async Task WaitUntilAsync(string what, string expression, CancellationToken cancellation)
    {
        try
        {
            while (await session.EvaluateAsync(expression, cancellation) is not JsonValue value || !value.TryGetValue<bool>(out var holds) || !holds)
                await Task.Delay(100, cancellation);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"timed out waiting for {what} (`{expression}`); page errors: {string.Join(" | ", Errors())}");
        }
    }

    /// <summary>Every request the page made to something other than a local file, inline data or a server on this machine.</summary>
    public IReadOnlyList<string> NonLocalRequests() =>
    [
        .. session.Events
            .Where(e => (string?)e["method"] == "Network.requestWillBeSent")
            .Select(e => (string)e["params"]!["request"]!["url"]!)
            .Where(url => !url.StartsWith("file:", StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal)
                          && !url.StartsWith("blob:", StringComparison.Ordinal) && !url.StartsWith("about:", StringComparison.Ordinal)
                          && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback)),
    ];

    /// <summary>A PNG of the whole page (not just the window), saved to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellation)
    {
        var metrics = await session.SendAsync("Page.getLayoutMetrics", cancellation: cancellation);
        var height = Math.Ceiling((double)metrics["cssContentSize"]!["height"]!);
        var shot = await session.SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = HeadlessChromium.Width, ["height"] = height, ["scale"] = 1 },
        }, cancellation);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot["data"]!), cancellation);
    }
}
