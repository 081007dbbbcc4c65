using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

public sealed class CompareReportTests : IDisposable
{
    readonly TempRuns _runs = new();
    readonly IReadOnlyList<RunDirectory> _compared;

    public CompareReportTests()
    {
        SweepFixture.Create(_runs.Root);
        _compared =
        [
            new(Path.Combine(_runs.Root, SweepFixture.ExperimentId, SweepFixture.RunId("0.5", "1", 0))),
            new(Path.Combine(_runs.Root, SweepFixture.ExperimentId, SweepFixture.RunId("0.5", "0.1", 0))),
            new(Path.Combine(_runs.Root, SweepFixture.ExperimentId, SweepFixture.RunId("0.3", "1", 1))),
        ];
    }

    [Fact]
    public void Overlays_every_run_labelled_by_what_differs()
    {
        var report = CompareReport.Load(_compared, Fixture.GeneratedAt, "0.0.0-test");
        var html = ReportHtml.WithoutPlotly(CompareReportWriter.Render(report));

        Assert.Equal(["Data.TrainFraction", "Optimizer.WeightDecay", "Seed"], report.Differences.Select(axis => axis.Key));
        string[] labels =
        [
            "tf05-wd1-s0 · Data.TrainFraction=0.5 · Optimizer.WeightDecay=1 · Seed=0",
            "tf05-wd01-s0 · Data.TrainFraction=0.5 · Optimizer.WeightDecay=0.1 · Seed=0",
            "tf03-wd1-s1 · Data.TrainFraction=0.3 · Optimizer.WeightDecay=1 · Seed=1",
        ];
        Assert.Equal(labels, report.Labels());
        foreach (var chart in new[] { "chart-accuracy", "chart-loss" })
        {
            var traces = ReportHtml.Figure(html, chart)["data"]!.AsArray();
            // One legend entry (the test curve) per run; its train curve and grokking marker share its legend group.
            Assert.Equal(labels, traces.Where(trace => (bool)trace!["showlegend"]!).Select(trace => (string)trace!["name"]!));
            Assert.Equal(labels, traces.Where(trace => ((string)trace!["name"]!).EndsWith(" (train)", StringComparison.Ordinal))
                .Select(trace => ((string)trace!["name"]!)[..^" (train)".Length]));
        }
        var markers = ReportHtml.Figure(html, "chart-accuracy")["data"]!.AsArray().Where(trace => (string?)trace!["mode"] == "markers").ToList();
        Assert.Equal([1000L, 8000L, 6000L], markers.Select(marker => (long)marker!["x"]![0]!));
        Assert.Equal(3, ReportHtml.Count(html, "<tr class=\"status-row-"));
        Assert.Contains("""<h1>3 runs <span class="run-id">of modular-sweep</span></h1>""", html);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html);
    }

    [Fact]
    public void Write_to_writes_the_page_where_asked_with_links_relative_to_it()
    {
        RunReportWriter.WriteTo(_compared[0], RunReport.Load(_compared[0], "grokdsl run modular-sweep"));
        var output = Path.Combine(_runs.Root, "comparisons", "wd.html");

        var path = CompareReportWriter.WriteTo(CompareReport.Load(_compared), output);

        Assert.Equal(output, path);
        Assert.Contains($"""<a href="../{SweepFixture.ExperimentId}/tf05-wd1-s0/report.html">""", File.ReadAllText(path));
    }

    [Fact]
    public void Comparing_nothing_is_an_error_and_one_run_a_note()
    {
        Assert.Throws<ArgumentException>(() => CompareReport.Load([]));
        Assert.Contains("Only one run was given", string.Join(" ", CompareReport.Load([_compared[0]]).LoadNotes));
    }

    public void Dispose() => _runs.Dispose();
}
