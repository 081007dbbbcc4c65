using System.Net;
using System.Net.Sockets;
using GrokDsl.Cli.Dashboard;
using GrokDsl.Tests.Browser;
using Xunit.Abstractions;

namespace GrokDsl.Cli.Tests;

/// <summary>
/// <c>grokdsl serve</c> as a user meets it: a real server process over a runs folder, its page in headless Chromium
/// (which may reach nothing but this machine), and a real <c>grokdsl run</c> started while the page is open, which
/// must appear in the list and whose curve must grow. Skipped, with the reason, where Chromium cannot be had.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DashboardTests(ITestOutputHelper output)
{
    // Learns nothing (a tiny learning rate) and never stops by itself: the test watches it train, then stops it.
    const string Experiment = """
        namespace Lab;

        [Experiment("watched")]
        public sealed partial record Watched
        {
            public ModularArithmetic Data { get; init; } = new() { Modulus = 23, TrainFraction = 0.5 };
            public Mlp Model { get; init; } = new() { EmbeddingWidth = 16, HiddenWidth = 32 };
            public AdamW Optimizer { get; init; } = new() { LearningRate = 1e-9, WeightDecay = 1.0 };
            public Training Training { get; init; } = new() { EvaluateEvery = 10, MeasureEvery = 100000 };
            public Stopping Stopping { get; init; } = new() { MaxSteps = 1000000, StopAfterGrokking = false };
        }
        """;

    // The number of points in the first live chart's train trace (0 before there is one).
    const string TrainPoints = "(() => { const d = document.querySelector('#live div.plot'); return d && d.data ? d.data[0].x.length : 0; })()";

    [SkippableFact]
    public async Task A_run_started_while_the_page_is_open_appears_and_its_curve_grows()
    {
        var executable = Chromium.Require(output.WriteLine);
        using var cli = new CliHarness();
        Directory.CreateDirectory(cli.Runs);
        using var serve = new GrokdslProcess(cli, "serve", "--runs", cli.Runs, "--port", "0");
        serve.WaitFor("the dashboard to listen", () => DashboardDiscovery.RunningUrl(cli.Runs) is not null, seconds: 60);
        var url = DashboardDiscovery.RunningUrl(cli.Runs)!;
        Assert.StartsWith("http://localhost:", url);

        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using (var browser = await HeadlessChromium.StartAsync(executable, budget.Token, NetworkAccess.LoopbackOnly))
        {
            var page = await PageVisit.LoadAsync(browser, new Uri(url), budget.Token);
            await using (page.Session)
            {
                await page.WaitUntilAsync("the event stream", "document.getElementById('connection').textContent === 'live'", budget.Token);
                Assert.Equal(0, (int)(await page.Session.EvaluateAsync("document.querySelectorAll('#runs tbody tr').length", budget.Token))!);

                using var run = new GrokdslProcess(cli, "run", cli.WriteFile("Watched.cs", Experiment), "--runs", cli.Runs);
                await page.WaitUntilAsync("the run listed as running",
                    "[...document.querySelectorAll('#runs tbody tr')].some(r => r.cells[0].textContent === 'watched' && r.cells[2].textContent === 'running')",
                    budget.Token);
                await page.WaitUntilAsync("its live chart's first points", $"{TrainPoints} > 0", budget.Token);
                var first = (int)(await page.Session.EvaluateAsync(TrainPoints, budget.Token))!;
                await page.WaitUntilAsync("its curve to grow", $"{TrainPoints} > {first}", budget.Token);
                output.WriteLine($"train points: {first} at first, then {await page.Session.EvaluateAsync(TrainPoints, budget.Token)}");

                Assert.Contains($"dashboard: {url}", run.Output);
                await page.ScreenshotAsync(Path.Combine(AppContext.BaseDirectory, "browser-screenshots", "dashboard.png"), budget.Token);
                Assert.True(page.Errors().Count == 0, string.Join("\n", page.Errors()));
                Assert.Empty(page.NonLocalRequests());
                run.Signal(GrokdslProcess.SigTerm);
                run.WaitForExit();
            }
        }

        serve.Signal(GrokdslProcess.SigTerm);
        serve.WaitForExit(seconds: 30);
        Assert.Equal(ExitCodes.Ok, serve.ExitCode);
        Assert.False(File.Exists(DashboardDiscovery.PathIn(cli.Runs)), "serve left its discovery file behind");
    }

    [Fact]
    public void Serve_refuses_a_missing_runs_folder_and_a_taken_port_naming_them()
    {
        using var cli = new CliHarness();
        var missing = cli.Invoke("serve", "--runs", Path.Combine(cli.Folder, "no-runs-here"));
        Assert.Equal(ExitCodes.InvalidExperiment, missing.ExitCode);
        Assert.Contains("no-runs-here' does not exist", missing.Error);

        Directory.CreateDirectory(cli.Runs);
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var refused = cli.Invoke("serve", "--runs", cli.Runs, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(ExitCodes.InvalidExperiment, refused.ExitCode);
            Assert.Contains($"cannot listen on localhost port {port}", refused.Error);
            Assert.False(File.Exists(DashboardDiscovery.PathIn(cli.Runs)));
        }
        finally
        {
            taken.Stop();
        }
    }
}
