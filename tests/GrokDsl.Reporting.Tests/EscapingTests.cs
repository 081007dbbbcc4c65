using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

public sealed class EscapingTests
{
    const string Attack = "<script>alert(1)</script>";

    static RunReport HostileReport() => new(
        ExperimentId: Attack,
        RunId: "run\"><img src=x onerror=alert(2)>",
        Source: Attack,
        Configuration: $$"""{ "description": "{{Attack}}" }""",
        Summary: new RunSummary
        {
            ExperimentId = Attack,
            RunId = "r",
            Status = RunStatus.Failed,
            FinalStep = 10,
            FinalTrainAccuracy = 0.5,
            FinalTestAccuracy = 0.1,
            WallSeconds = 1,
            StepsPerSecond = 10,
            Device = Attack,
            Error = Attack,
        },
        Metrics:
        [
            new MetricRecord(1, 1.0, 0.5, 1.1, 0.1, 0.1, new Dictionary<string, double> { [Attack] = 1.0 }),
            new MetricRecord(10, 0.5, 0.6, 1.0, 0.2, 1.0, new Dictionary<string, double> { [Attack] = 2.0 }),
        ],
        SkippedMetricLines: 0,
        Plugins: new Dictionary<string, string> { [Attack] = Attack },
        ReproduceCommand: "grokdsl run '" + Attack + "'",
        GeneratedAt: Fixture.GeneratedAt,
        GrokDslVersion: Attack);

    [Fact]
    public void User_strings_render_as_text_and_never_raw()
    {
        var html = RunReportWriter.Render(HostileReport());
        var page = ReportHtml.WithoutPlotly(html);

        Assert.Equal(0, ReportHtml.Count(html, Attack));
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        // Only the writer's own scripts: plotly.js, one JSON block per figure (2 main + 1 measure), the bootstrap.
        Assert.Equal(5, ReportHtml.Count(html, "<script"));
        Assert.Equal(5, ReportHtml.Count(html, "</script"));
    }

    [Fact]
    public void Strings_inside_figure_json_cannot_close_the_script_and_survive_intact()
    {
        var html = ReportHtml.RenderPage(HostileReport());

        var measure = ReportHtml.Figure(html, "chart-measure-0");

        Assert.Equal(Attack, (string?)measure["data"]![0]!["name"]);
    }

    [Fact]
    public void User_templates_escape_by_default_too()
    {
        using var runs = new TempRuns();
        var template = Path.Combine(runs.Root, "mine.sbn-html");
        File.WriteAllText(template, "<h1>{{ ExperimentId }}</h1><p>{{ Source }}</p>");

        var html = RunReportWriter.Render(HostileReport(), template);

        Assert.Equal("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
    }
}
