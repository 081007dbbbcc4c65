using System.Text.Json.Nodes;
using GrokDsl.Runs;
using GrokDsl.Tests.Browser;
using Xunit.Abstractions;

namespace GrokDsl.Reporting.Tests.Browser;

/// <summary>
/// Opens rendered reports in a real headless Chromium, offline: the page must draw every chart (Plotly's
/// <c>svg.main-svg</c> in each plot), log no errors, request nothing from the network, and its scripts must work
/// (the phase diagram's axes and metric, table sorting). Screenshots land in <c>browser-screenshots/</c> of the test
/// output folder. Skipped, with the reason, where Chromium is missing and cannot be installed (see <see cref="Chromium"/>).
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output) : IDisposable
{
    static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "browser-screenshots");
    static readonly TimeSpan PageBudget = TimeSpan.FromSeconds(60);

    readonly TempRuns _runs = new();

    [SkippableFact]
    public async Task Run_report_draws_every_chart_offline_without_errors()
    {
        var executable = RequireChromium();
        var run = _runs.CopyOfFixture();
        var report = Fixture.Load(run) with { Metrics = WithSpectrumAndPhaseMeasures(Fixture.Load(run).Metrics) };
        RunReportWriter.WriteTo(run, report);

        var plots = await VisitAsync(executable, run.ReportPath, "run-report.png", async (page, cancellation) =>
        {
            // The step-axis switch turns every chart against step linear, and back.
            const string StepAxes = "[...document.querySelectorAll('div.plot')].filter(d => d.layout.xaxis.title && d.layout.xaxis.title.text === 'step').map(d => d.layout.xaxis.type)";
            Assert.All((await page.Session.EvaluateAsync(StepAxes, cancellation))!.AsArray(), type => Assert.Equal("log", (string)type!));
            await page.Session.EvaluateAsync("(() => { const s = document.querySelector('select.step-axis'); s.value = 'linear'; s.dispatchEvent(new Event('change')); })()", cancellation);
            Assert.All((await page.Session.EvaluateAsync(StepAxes, cancellation))!.AsArray(), type => Assert.Equal("linear", (string)type!));

            // Smoothing replaces the drawn train accuracy by its moving average; back at 0 the recorded values return.
            const string TrainAccuracy = "document.getElementById('chart-accuracy').data[0].y";
            var recorded = (await page.Session.EvaluateAsync(TrainAccuracy, cancellation))!.ToJsonString();
            const string Smooth = "(v => { const s = document.querySelector('input.smoothing'); s.value = v; s.dispatchEvent(new Event('input')); })";
            await page.Session.EvaluateAsync(Smooth + "('0.9')", cancellation);
            var smoothed = (await page.Session.EvaluateAsync(TrainAccuracy, cancellation))!.AsArray();
            Assert.NotEqual(recorded, smoothed.ToJsonString());
            Assert.Equal(JsonNode.Parse(recorded)!.AsArray().Count, smoothed.Count);
            await page.Session.EvaluateAsync(Smooth + "('0')", cancellation);
            Assert.Equal(recorded, (await page.Session.EvaluateAsync(TrainAccuracy, cancellation))!.ToJsonString());
            await page.Session.EvaluateAsync("(() => { const s = document.querySelector('select.step-axis'); s.value = 'log'; s.dispatchEvent(new Event('change')); })()", cancellation);
        });

        Assert.Contains("chart-phases", plots.Keys);
        Assert.Contains("chart-spectrum-0", plots.Keys);
        Assert.Equal(2 + 1 + 1 + 5, plots.Count); // main, phases, spectrum, measure panels
    }

    [SkippableFact]
    public async Task Sweep_report_draws_and_its_phase_diagram_and_sorting_work()
    {
        var executable = RequireChromium();
        var sweep = SweepFixture.Create(_runs.Root);
        var path = SweepReportWriter.WriteTo(SweepReport.Load(sweep, "grokdsl run modular-sweep", "Power et al. 2022"));

        var plots = await VisitAsync(executable, path, "sweep-report.png", async (page, cancellation) =>
        {
            // x = Data.TrainFraction (0.3, 0.5), y = Optimizer.WeightDecay (0.1, 1): WeightDecay 0.1 is censored.
            var z = await page.Session.EvaluateAsync("document.getElementById('phase-diagram').data[0].z", cancellation);
            Assert.Equal("[[null,null],[" + Json(Math.Log10(6000)) + "," + Json(Math.Log10(2000)) + "]]", z!.ToJsonString());
            var text = await page.Session.EvaluateAsync("document.getElementById('phase-diagram').data[0].text[0][0]", cancellation);
            Assert.StartsWith("censored > 10,000", (string)text!);
            // The censored row is drawn again, grey with dark text, over the uncoloured cells only.
            var overlay = await page.Session.EvaluateAsync(
                "(() => { const d = document.getElementById('phase-diagram').data[1]; return [d.z[0][0], d.z[0][1], d.z[1][0], d.textfont.color]; })()", cancellation);
            Assert.Equal("[0,0,null,\"#1f2937\"]", overlay!.ToJsonString());

            var fractions = await page.Session.EvaluateAsync(
                """(() => { const s = document.getElementById('phase-diagram-metric'); s.value = 'fraction'; s.dispatchEvent(new Event('change')); return document.getElementById('phase-diagram').data[0].z; })()""",
                cancellation);
            Assert.Equal("[[0,0.3333333333333333],[0.6666666666666666,1]]", fractions!.ToJsonString());

            var sorted = await page.Session.EvaluateAsync(
                """(() => { const t = document.getElementById('runs-table'); const column = [...t.tHead.rows[0].cells].findIndex(c => c.textContent.trim() === 't_grok'); t.tHead.rows[0].cells[column].querySelector('button').click(); return [...t.tBodies[0].rows].map(r => r.cells[column].textContent.trim()); })()""",
                cancellation);
            Assert.Equal(["1,000", "2,000", "3,000", "4,000", "6,000", "8,000", "—", "—", "—", "—", "—", "—"],
                sorted!.AsArray().Select(cell => (string)cell!));
        });

        Assert.Equal(["phase-diagram", "chart-fraction-grokked", "chart-test-accuracy"], plots.Keys);
    }

    [SkippableFact]
    public async Task Compare_report_draws_every_overlay()
    {
        var executable = RequireChromium();
        var sweep = SweepFixture.Create(_runs.Root);
        var runs = new[] { ("0.5", "1", 0), ("0.5", "0.1", 0), ("0.3", "1", 1) }
            .Select(r => new RunDirectory(Path.Combine(sweep, SweepFixture.RunId(r.Item1, r.Item2, r.Item3))));
        var path = CompareReportWriter.WriteTo(CompareReport.Load(runs), Path.Combine(_runs.Root, "compare.html"));

        var plots = await VisitAsync(executable, path, "compare-report.png", async (page, cancellation) =>
        {
            var legend = await page.Session.EvaluateAsync("document.querySelectorAll('#chart-accuracy .legend .traces').length", cancellation);
            Assert.Equal(3, (int)legend!);
        });

        Assert.Equal(["chart-accuracy", "chart-loss"], plots.Keys);
    }

    async Task<IReadOnlyDictionary<string, int>> VisitAsync(
        string executable, string htmlPath, string screenshot, Func<PageVisit, CancellationToken, Task> check)
    {
        using var budget = new CancellationTokenSource(PageBudget);
        await using var browser = await HeadlessChromium.StartAsync(executable, budget.Token);
        var page = await PageVisit.OpenAsync(browser, htmlPath, budget.Token);
        await using (page.Session)
        {
            var plots = await page.PlotsAsync(budget.Token);
            output.WriteLine($"{Path.GetFileName(htmlPath)}: {string.Join(", ", plots.Select(p => $"{p.Key}={p.Value} svg"))}");
            Assert.All(plots, plot => Assert.True(plot.Value > 0, $"{plot.Key} has no svg.main-svg"));
            Assert.Equal(false, (bool?)(await page.Session.EvaluateAsync("document.documentElement.classList.contains('no-plotly')", budget.Token)));

            await check(page, budget.Token);

            var shot = Path.Combine(Screenshots, screenshot);
            await page.ScreenshotAsync(shot, budget.Token);
            output.WriteLine($"screenshot: {shot}");
            Assert.Empty(page.Errors());
            Assert.Empty(page.NonLocalRequests());
            return plots;
        }
    }

    string RequireChromium() => Chromium.Require(output.WriteLine);

    // A modular run as the measures plugins would record it: the embedding's Fourier spectrum over p = 23 (11
    // frequencies) concentrating on k = 4 and 9 as the run groks, the key frequencies once found, and the excluded
    // and restricted losses that place Nanda et al.'s phases.
    static IReadOnlyList<MetricRecord> WithSpectrumAndPhaseMeasures(IReadOnlyList<MetricRecord> metrics) =>
    [
        .. metrics.Select(record =>
        {
            if (record.Measures is not { } measures) return record;
            var progress = measures["fourier-gini"];
            var extended = new Dictionary<string, double>(measures)
            {
                ["excluded-loss.loss"] = record.Step <= 500 ? record.TrainLoss + 0.01 : 0.01 + record.Step / 2000.0,
                ["restricted-loss.loss"] = record.TestLoss is { } test ? test * 0.8 : 1,
            };
            for (var k = 1; k <= 11; k++)
                extended[$"fourier.spectrum.{k}"] = (1 - progress) * (1 + 0.1 * k) + progress * (k is 4 or 9 ? 12 : 0.3);
            if (progress > 0.5)
                foreach (var k in new[] { 4, 9 }) extended[$"fourier.key_frequency.k{k}"] = 0.5;
            return record with { Measures = extended };
        }),
    ];

    static string Json(double value) => JsonValue.Create(value).ToJsonString();

    public void Dispose() => _runs.Dispose();
}
