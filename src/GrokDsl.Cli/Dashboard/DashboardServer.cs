using System.Net;
using System.Net.Sockets;
using GrokDsl.Reporting;
using GrokDsl.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrokDsl.Cli.Dashboard;

/// <summary>
/// The live dashboard over one runs folder: Kestrel on the loopback addresses only (the runs' configurations and
/// sources are nobody else's business), serving the dashboard page, its event stream, the runs folder's reports and
/// the comparison view. Everything the page loads comes from this server: it works offline.
/// </summary>
sealed class DashboardServer : IAsyncDisposable
{
    // Each open page re-reads the listing this often: quick enough to feel live, light on a folder of thousands of runs.
    static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    readonly WebApplication _app;

    DashboardServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>http://localhost:PORT/</summary>
    public string Url { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0: a free one).</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<DashboardServer> StartAsync(string runsRoot, int port)
    {
        var root = Path.GetFullPath(runsRoot);
        SharedPlotly.Place(root, root);
        if (port == 0) port = FreeLoopbackPort();
        // An empty content root and no args: nothing from the working folder (appsettings.json) configures the server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port));
        var app = builder.Build();
        Map(app, root);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new DashboardServer(app, $"http://localhost:{port}/");
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    static void Map(WebApplication app, string root)
    {
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.MapGet("/", () => Results.Content(DashboardAssets.Page, "text/html; charset=utf-8"));
        app.MapGet(DashboardUrls.Script, () => Results.Content(DashboardAssets.Script, "text/javascript; charset=utf-8"));
        app.MapGet(DashboardUrls.Store, () => Results.Json(StoreSnapshot.Read(root, DateTime.UtcNow), RunJson.Indented));
        app.MapGet(DashboardUrls.Events, async (HttpContext context) =>
        {
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await new LiveEvents(root, Poll).StreamAsync(context.Response, ended.Token);
        });
        app.MapGet(DashboardUrls.Compare, (HttpRequest request) => CompareView.Render(root, request.Query["run"].ToArray(), request.Query["sweep"].ToArray()));
        // Dot files (this server's discovery file) stay private: the provider's default exclusions.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = DashboardUrls.RunsPrefix });
    }

    static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
