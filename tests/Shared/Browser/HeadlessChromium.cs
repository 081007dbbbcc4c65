using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GrokDsl.Tests.Browser;

/// <summary>What the pages of a <see cref="HeadlessChromium"/> may reach.</summary>
enum NetworkAccess
{
    /// <summary>Nothing: for report files, which must work offline.</summary>
    None,

    /// <summary>Only servers on this machine (127.0.0.1, ::1, localhost): for the dashboard, which must need nothing else.</summary>
    LoopbackOnly,
}

/// <summary>
/// A headless Chromium with its own throw-away profile, driven over the DevTools protocol. The network is cut,
/// so a page that tried to fetch anything would fail to draw instead of quietly working: every HTTP(S) request goes
/// to a dead proxy (loopback too, unless <see cref="NetworkAccess.LoopbackOnly"/>), each page of
/// <see cref="NetworkAccess.None"/> is put offline through DevTools, and background services are switched off.
/// </summary>
sealed class HeadlessChromium : IAsyncDisposable
{
    public const int Width = 1400;
    public const int Height = 1800;

    readonly Process _process;
    readonly string _profile;
    readonly HttpClient _http;

    readonly NetworkAccess _access;

    HeadlessChromium(Process process, string profile, HttpClient http, NetworkAccess access)
    {
        _process = process;
        _profile = profile;
        _http = http;
        _access = access;
    }

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellation, NetworkAccess access = NetworkAccess.None)
    {
        var profile = Directory.CreateTempSubdirectory("grokdsl-chromium-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--disable-default-apps", "--no-first-run", "--no-default-browser-check", "--mute-audio",
            // Chromium bypasses the proxy for loopback by default; "<-loopback>" sends loopback to the dead proxy too.
            "--proxy-server=127.0.0.1:9", access == NetworkAccess.None ? "--proxy-bypass-list=<-loopback>" : "--proxy-bypass-list=<loopback>",
            "--allow-file-access-from-files", $"--window-size={Width},{Height}",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        // Chromium is chatty on stderr (dbus, GPU); drained so it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Chromium writes the port it picked (first line) to DevToolsActivePort in the profile.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (process.HasExited) throw new InvalidOperationException($"chromium exited with {process.ExitCode} before opening DevTools.");
            await Task.Delay(50, cancellation);
        }
        var port = int.Parse(File.ReadAllLines(portFile)[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        return new HeadlessChromium(process, profile, http, access);
    }

    /// <summary>Opens a new tab (offline unless the browser may reach loopback) at the browser's window size, with console, log and network events on.</summary>
    public async Task<DevToolsSession> NewPageAsync(CancellationToken cancellation)
    {
        using var response = await _http.PutAsync("json/new?about:blank", null, cancellation);
        response.EnsureSuccessStatusCode();
        var target = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!;
        var session = await DevToolsSession.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), cancellation);
        foreach (var domain in new[] { "Runtime.enable", "Log.enable", "Network.enable", "Page.enable" })
            await session.SendAsync(domain, cancellation: cancellation);
        if (_access == NetworkAccess.None)
            await session.SendAsync("Network.emulateNetworkConditions", new JsonObject
            {
                ["offline"] = true, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
            }, cancellation);
        await session.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = Width, ["height"] = Height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        }, cancellation);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium's last writes may race the delete; a temp folder left behind is harmless.
        }
    }
}
