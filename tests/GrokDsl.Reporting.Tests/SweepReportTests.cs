using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

public sealed class SweepReportTests : IDisposable
{
    readonly TempRuns _runs = new();
    readonly string _sweep;
    readonly SweepReport _report;

    public SweepReportTests()
    {
        _sweep = SweepFixture.Create(_runs.Root);
        _report = SweepReport.Load(_sweep, "grokdsl run modular-sweep", "Power et al. 2022", Fixture.GeneratedAt, "0.0.0-test");
    }

    [Fact]
    public void Axes_are_the_keys_that_differ_and_the_seed_is_the_replicate_axis()
    {
        Assert.Equal(
            [("Data.TrainFraction", false, "0.3,0.5"), ("Optimizer.WeightDecay", false, "0.1,1"), ("Seed", true, "0,1,2")],
            _report.Axes.Select(axis => (axis.Key, axis.IsReplicate, string.Join(",", axis.Values))));
        Assert.All(_report.Axes, axis => Assert.True(axis.IsNumeric));
    }

    [Fact]
    public void Settings_aggregate_seeds_with_censoring()
    {
        var settings = _report.Settings.ToDictionary(setting => string.Join("|", setting.Values));

        Assert.Equal(["0.3|0.1", "0.3|1", "0.5|0.1", "0.5|1"], _report.Settings.Select(setting => string.Join("|", setting.Values)));
        Assert.Equal(6000, settings["0.3|1"].MedianGrokkingStep);
        Assert.Equal(2000, settings["0.5|1"].MedianGrokkingStep);
        Assert.False(settings["0.5|1"].MedianCensored);
        foreach (var censored in new[] { "0.3|0.1", "0.5|0.1" })
        {
            Assert.True(settings[censored].MedianCensored);
            Assert.Null(settings[censored].MedianGrokkingStep);
            Assert.Equal(SweepFixture.Budget, settings[censored].CensoredAtStep);
        }
        Assert.Equal(1.0 / 3, settings["0.5|0.1"].Statistics!.FractionGrokked, 9);
        Assert.Equal(0, settings["0.3|0.1"].Statistics!.Grokked);
        // The diverged seed counts as never grokking (censored at the horizon), not as missing.
        Assert.Equal(3, settings["0.3|0.1"].Statistics!.Runs);
        Assert.Equal("Data.TrainFraction=0.3 · Optimizer.WeightDecay=1", settings["0.3|1"].Label);
    }

    [Fact]
    public void Run_table_has_one_row_per_run_with_status_values_and_key_numbers()
    {
        var html = ReportHtml.WithoutPlotly(SweepReportWriter.Render(_report));
        var rows = TableRows(html, "runs-table");

        Assert.Equal(12, rows.Count);
        Assert.Equal(
            ["Run", "Status", "TrainFraction", "WeightDecay", "Seed", "t_mem", "t_grok", "Gap", "Train acc.", "Test acc.", "Last step", "Wall time"],
            Headers(html, "runs-table"));
        var diverged = Assert.Single(rows, row => row[0] == SweepFixture.RunId("0.3", "0.1", 0));
        Assert.Equal(["diverged", "0.3", "0.1", "0", "200", "—", "—"], diverged[1..8]);
        Assert.Equal("500", diverged[10]);
        var grokked = Assert.Single(rows, row => row[0] == SweepFixture.RunId("0.5", "1", 1));
        Assert.Equal(["grokked", "0.5", "1", "1", "200", "2,000", "1,800", "100.0 %", "99.0 %", "10,000"], grokked[1..11]);
        Assert.Equal(3, rows.Count(row => row[1] == "grokked" && row[3] == "1" && row[2] == "0.5"));
        Assert.Contains("""<td data-sort="2000" class="num">2,000</td>""", html);
        Assert.Contains("""<span class="badge status-censored">censored</span>""", html);
        Assert.Contains("""title="Optimizer.WeightDecay"><button class="sort" type="button">WeightDecay</button>""", html);
    }

    [Fact]
    public void Phase_diagram_cells_hold_median_grokking_times_and_mark_censored_medians()
    {
        var html = ReportHtml.WithoutPlotly(SweepReportWriter.Render(_report));
        var data = PhaseDiagramData(html);

        Assert.Equal(["Data.TrainFraction", "Optimizer.WeightDecay"], data["axes"]!.AsArray().Select(axis => (string)axis!["key"]!));
        var cells = data["cells"]!.AsArray().ToDictionary(cell => string.Join("|", cell!["values"]!.AsArray().Select(v => (string)v!)), cell => cell!);
        Assert.Equal(4, cells.Count);

        Assert.Equal(2000, (double)cells["0.5|1"]["medianGrokkingStep"]!);
        Assert.Equal(Math.Log10(2000), (double)cells["0.5|1"]["grokking"]!["z"]!, 9);
        Assert.Equal("2,000<br>3/3", (string)cells["0.5|1"]["grokking"]!["label"]!);
        Assert.Equal(6000, (double)cells["0.3|1"]["medianGrokkingStep"]!);
        Assert.Equal("6,000<br>2/3", (string)cells["0.3|1"]["grokking"]!["label"]!);
        Assert.False((bool)cells["0.3|1"]["censored"]!);

        foreach (var censored in new[] { "0.3|0.1", "0.5|0.1" })
        {
            Assert.True((bool)cells[censored]["censored"]!);
            Assert.Null(cells[censored]["medianGrokkingStep"]);
            Assert.Null(cells[censored]["grokking"]!["z"]);
            Assert.StartsWith("censored > 10,000", (string)cells[censored]["grokking"]!["label"]!);
        }
        Assert.Equal("1/3", (string)cells["0.5|0.1"]["fraction"]!["label"]!);
        Assert.Equal(1.0 / 3, (double)cells["0.5|0.1"]["fraction"]!["z"]!, 9);
        Assert.Equal(0.99, (double)cells["0.5|1"]["accuracy"]!["z"]!, 9);
        Assert.Contains("""<select id="phase-diagram-x"></select>""", html);
    }

    [Fact]
    public void Fraction_grokked_curves_step_up_at_each_grokking()
    {
        var html = ReportHtml.WithoutPlotly(SweepReportWriter.Render(_report));
        var traces = ReportHtml.Figure(html, "chart-fraction-grokked")["data"]!.AsArray();

        var fast = Assert.Single(traces, trace => (string?)trace!["name"] == "Data.TrainFraction=0.5 · Optimizer.WeightDecay=1")!;
        Assert.Equal([10L, 1000L, 2000L, 4000L], fast["x"]!.AsArray().Select(x => (long)(double)x!));
        Assert.Equal(new[] { 0, 1.0 / 3, 2.0 / 3, 1 }, fast["y"]!.AsArray().Select(y => (double)y!), new RoundedComparer());
        Assert.Equal("hv", (string?)fast["line"]!["shape"]);
        Assert.Equal(4, traces.Count);
    }

    [Fact]
    public void Test_accuracy_across_seeds_carries_each_run_forward_and_has_median_and_mean_views()
    {
        var html = ReportHtml.WithoutPlotly(SweepReportWriter.Render(_report));
        var figure = ReportHtml.Figure(html, "chart-test-accuracy");

        // Four settings × (band + line) × (median view, mean view); the buttons switch between the views.
        Assert.Equal(16, figure["data"]!.AsArray().Count);
        var buttons = figure["layout"]!["updatemenus"]![0]!["buttons"]!.AsArray();
        Assert.Equal(["median · IQR", "mean ± 1 sd"], buttons.Select(button => (string)button!["label"]!));

        var fast = _report.Settings.Single(setting => setting.Values.SequenceEqual(["0.5", "1"]));
        var rows = AccuracyAcrossSeeds.Of(fast.Runs).ToDictionary(row => row.Step);
        Assert.Equal(0.99, rows[4000].Median, 9);
        Assert.Equal(3, rows[4000].Runs);
        // At step 1,000 one of three seeds has grokked, at 2,000 two.
        Assert.True(rows[1000].Median < 0.5);
        Assert.Equal(0.99, rows[2000].Median, 9);
        Assert.True(rows[2000].Q1 < rows[2000].Median);
    }

    [Fact]
    public void Across_seeds_a_run_that_stopped_keeps_its_last_value()
    {
        using var runs = new TempRuns();
        var early = LoadedRunWith(runs, "early", [new(10, 1, 0.5, 1, 0.2, 1), new(20, 1, 0.9, 1, 0.96, 2)]);
        var late = LoadedRunWith(runs, "late", [new(10, 1, 0.5, 1, 0.1, 1), new(20, 1, 0.9, 1, 0.2, 2), new(40, 1, 1, 1, 0.4, 4)]);

        var rows = AccuracyAcrossSeeds.Of([early, late]);

        Assert.Equal([10L, 20L, 40L], rows.Select(row => row.Step));
        Assert.Equal(2, rows[2].Runs);
        Assert.Equal((0.96 + 0.4) / 2, rows[2].Mean, 9);
    }

    [Fact]
    public void Failed_runs_are_left_out_and_diverged_runs_count_as_never_grokking()
    {
        var run = new LoadedRun
        {
            Directory = new RunDirectory("/nowhere/x/y"),
            ExperimentId = "x",
            RunId = "y",
            Configuration = [],
            Metrics = [new MetricRecord(100, 1, 0.5, 1, 0.1, 1)],
            Summary = new RunSummary
            {
                ExperimentId = "x", RunId = "y", Status = RunStatus.Failed, FinalStep = 100, FinalTrainAccuracy = 0.5,
                FinalTestAccuracy = 0.1, WallSeconds = 1, StepsPerSecond = 1, Device = "cpu",
            },
        };

        Assert.Null(SweepSetting.OutcomeOf(run, horizon: 10_000));
        Assert.Equal(new Analysis.GrokkingTime(10_000, false),
            SweepSetting.OutcomeOf(run with { Summary = run.Summary! with { Status = RunStatus.Diverged } }, horizon: 10_000));
        Assert.Equal(new Analysis.GrokkingTime(100, false), SweepSetting.OutcomeOf(run with { Summary = null }, horizon: 10_000));
    }

    [Fact]
    public void Finished_sweep_does_not_refresh_and_in_progress_sweep_does()
    {
        var finished = ReportHtml.WithoutPlotly(SweepReportWriter.Render(_report));
        Assert.DoesNotContain("http-equiv=\"refresh\"", finished);
        Assert.Contains("""<span class="badge status-finished">finished</span>""", finished);

        SweepFixture.WriteRun(_runs.Root, "0.5", "1", seed: 3, grokkedAt: 500, finished: false);
        var report = SweepReport.Load(_sweep, "grokdsl run modular-sweep");
        var live = ReportHtml.WithoutPlotly(SweepReportWriter.Render(report));

        Assert.True(report.InProgress);
        Assert.Contains($"""<meta http-equiv="refresh" content="{LiveRefresh.Seconds}">""", live);
        Assert.Contains("""<span class="badge status-in-progress">in progress</span>""", live);
        Assert.Contains("this page reloads every 30 s", live);
        Assert.Contains("1 run has no summary yet", live);
        // The unfinished run is analysed from its metrics: it already crossed the grokking threshold at step 500.
        Assert.Equal(500, report.Runs.Single(run => !run.HasEnded).GrokkedAtStep);
    }

    [Fact]
    public void Write_to_puts_report_html_in_the_sweep_directory_linking_each_run()
    {
        var fast = new RunDirectory(Path.Combine(_sweep, SweepFixture.RunId("0.5", "1", 0)));
        RunReportWriter.WriteTo(fast, RunReport.Load(fast, "grokdsl run modular-sweep"));
        var report = SweepReport.Load(_sweep, "grokdsl run modular-sweep");

        var path = SweepReportWriter.WriteTo(report);

        Assert.Equal(Path.Combine(_sweep, "report.html"), path);
        var html = File.ReadAllText(path);
        Assert.Contains($"""<a href="{fast.Path[(_sweep.Length + 1)..]}/report.html">""", html);
        Assert.DoesNotContain(Directory.GetFiles(_sweep), file => file.EndsWith(".tmp", StringComparison.Ordinal));
        // The sweep's own report.html does not make the folder look like a run.
        Assert.Equal(ReportTargetKind.Sweep, ReportTargets.Detect(_sweep));
    }

    [Fact]
    public void Targets_tell_runs_from_sweeps()
    {
        Assert.Equal(ReportTargetKind.Run, ReportTargets.Detect(Path.Combine(_sweep, SweepFixture.RunId("0.3", "1", 0))));
        Assert.Equal(ReportTargetKind.Sweep, ReportTargets.Detect(_sweep));
        Assert.Equal(ReportTargetKind.Unknown, ReportTargets.Detect(Directory.CreateDirectory(Path.Combine(_runs.Root, "empty")).FullName));
        Assert.Equal(ReportTargetKind.Missing, ReportTargets.Detect(Path.Combine(_runs.Root, "no-such")));

        var damaged = Path.Combine(_runs.Root, "other", "only-metrics");
        Directory.CreateDirectory(damaged);
        File.WriteAllText(Path.Combine(damaged, "metrics.jsonl"), "");
        Assert.Equal(ReportTargetKind.Run, ReportTargets.Detect(damaged));
    }

    [Fact]
    public void User_strings_in_swept_values_are_escaped()
    {
        using var runs = new TempRuns();
        foreach (var (name, value) in new[] { ("a", "<script>alert(1)</script>"), ("b", "plain") })
        {
            var run = runs.NewRun("hostile", name);
            run.WriteConfiguration($$"""{ "Model": { "Id": {{System.Text.Json.JsonSerializer.Serialize(value)}} }, "Seed": 0 }""");
            File.WriteAllText(run.MetricsPath, """{"step":10,"trainLoss":1,"trainAccuracy":0.5,"testLoss":1,"testAccuracy":0.1,"wallSeconds":1}""" + "\n");
        }

        var html = SweepReportWriter.Render(SweepReport.Load(Path.Combine(runs.Root, "hostile"), "grokdsl run hostile"));
        var page = ReportHtml.WithoutPlotly(html);

        Assert.Equal(0, ReportHtml.Count(html, "<script>alert(1)"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Equal("<script>alert(1)</script>", (string?)PhaseDiagramData(page)["axes"]![0]!["values"]![0]);
    }

    static JsonObject PhaseDiagramData(string html)
    {
        var match = Regex.Match(html, """<script type="application/json" id="phase-diagram-data">(.*?)</script>""", RegexOptions.Singleline);
        Assert.True(match.Success, "no phase diagram data");
        return JsonNode.Parse(match.Groups[1].Value)!.AsObject();
    }

    static IReadOnlyList<string> Headers(string html, string tableId) =>
        [.. Regex.Matches(Table(html, tableId), """<th scope="col"[^>]*><button class="sort" type="button">(.*?)</button></th>""").Select(m => m.Groups[1].Value)];

    static List<string[]> TableRows(string html, string tableId)
    {
        var body = Table(html, tableId);
        body = body[body.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return
        [
            .. Regex.Matches(body, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
                .Select(row => Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
                    .Select(cell => Regex.Replace(cell.Groups[1].Value, "<[^>]+>", "").Trim())
                    .ToArray()),
        ];
    }

    static string Table(string html, string tableId)
    {
        var start = html.IndexOf($"""<table class="data sortable" id="{tableId}">""", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {tableId}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    static LoadedRun LoadedRunWith(TempRuns runs, string id, IReadOnlyList<MetricRecord> metrics)
    {
        var run = runs.NewRun("across", id);
        File.WriteAllLines(run.MetricsPath, metrics.Select(m => System.Text.Json.JsonSerializer.Serialize(m, RunJson.Line)));
        return LoadedRun.Load(run);
    }

    sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }

    public void Dispose() => _runs.Dispose();
}
