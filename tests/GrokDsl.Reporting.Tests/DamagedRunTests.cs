namespace GrokDsl.Reporting.Tests;

public sealed class DamagedRunTests
{
    [Fact]
    public void Run_without_summary_and_with_a_torn_metrics_line_renders_with_notes()
    {
        using var runs = new TempRuns();
        var run = runs.NewRun();
        run.WriteConfiguration("""{ "seed": 0 }""");
        File.WriteAllText(run.MetricsPath,
            """
            {"step":0,"trainLoss":4.6,"trainAccuracy":0.01,"testLoss":4.6,"testAccuracy":0.01,"wallSeconds":0}
            {"step":10,"trainLoss":3.9,"trainAccuracy":0.2,"wallSeconds":0.1}
            {"step":20,"trainLoss":3.1,"trainAccuracy":0.4,"testLoss":4.5,"testAccuracy":0.02,"wallSeconds":0.2}
            {"step":30,"trainLo
            """);

        // No source and default timestamp/version: the optional parts of the page must cope with absence too.
        var report = RunReport.Load(run, Fixture.ReproduceCommand);
        var html = ReportHtml.RenderPage(report);

        Assert.Null(report.Summary);
        Assert.Equal(3, report.Metrics.Count);
        Assert.Equal(1, report.SkippedMetricLines);
        Assert.Equal("modular-addition", report.ExperimentId);
        Assert.Equal("0a1b2c3d4e5f", report.RunId);
        Assert.Contains("""<span class="badge status-in-progress">in progress</span>""", html);
        Assert.Contains("No summary: the run is still in progress", html);
        Assert.Contains("1 metrics line could not be parsed (torn by a crash, or still being written) and was skipped.", html);
        Assert.Contains("<td>20</td>", html); // last recorded step
        Assert.DoesNotContain("class=\"source\"", html);
        Assert.Equal([10L, 20L], ReportHtml.Figure(html, "chart-accuracy")["data"]![0]!["x"]!.AsArray().Select(x => (long)x!));
    }

    [Fact]
    public void Empty_run_directory_still_renders_and_says_what_is_missing()
    {
        using var runs = new TempRuns();
        var run = runs.NewRun();

        var html = ReportHtml.RenderPage(Fixture.Load(run));

        Assert.Contains("config.json is missing", html);
        Assert.Contains("metrics.jsonl is missing", html);
        Assert.Contains("No metric records: the charts are empty.", html);
        Assert.Contains("Not available.", html);
    }

    [Fact]
    public void Unreadable_summary_and_truncated_configuration_become_notes()
    {
        using var runs = new TempRuns();
        var run = runs.NewRun();
        File.WriteAllText(run.SummaryPath, """{ "experimentId": "modular-add""");
        File.WriteAllText(run.ConfigurationPath, """{ "seed": 0, "data": { "modu""");

        var report = Fixture.Load(run);
        var html = ReportHtml.RenderPage(report);

        Assert.Null(report.Summary);
        Assert.Contains("summary.json could not be read", html);
        Assert.Contains("config.json is not valid JSON (truncated?); it is shown as found.", html);
        Assert.Contains("{ &quot;seed&quot;: 0, &quot;data&quot;: { &quot;modu", html);
    }
}
