using System.Text.Json.Nodes;
using GrokDsl.Runs;

namespace GrokDsl.Reporting.Tests;

public sealed class FigureTests
{
    static readonly string Html = ReportHtml.RenderPage(Fixture.Load());

    [Fact]
    public void Steps_are_on_a_log_axis_without_step_zero_and_the_caption_says_so()
    {
        foreach (var id in new[] { "chart-accuracy", "chart-loss", "chart-measure-0" })
        {
            var figure = ReportHtml.Figure(Html, id);
            Assert.Equal("log", (string?)figure["layout"]!["xaxis"]!["type"]);
            Assert.All(figure["data"]!.AsArray(), trace => Assert.All(trace!["x"]!.AsArray(), x => Assert.True((long)x! > 0)));
        }
        Assert.Equal("log", (string?)ReportHtml.Figure(Html, "chart-loss")["layout"]!["yaxis"]!["type"]);
        Assert.Contains("the step-0 record is left out of the charts", Html);
    }

    [Fact]
    public void Memorization_and_grokking_are_marked_and_the_gap_shaded()
    {
        foreach (var id in new[] { "chart-accuracy", "chart-loss" })
        {
            var shapes = ReportHtml.Figure(Html, id)["layout"]!["shapes"]!.AsArray().Select(shape => shape!.AsObject()).ToList();

            var gap = Assert.Single(shapes, shape => (string?)shape["type"] == "rect");
            Assert.Equal((200L, 5000L), ((long)gap["x0"]!, (long)gap["x1"]!));
            var lines = shapes.Where(shape => (string?)shape["type"] == "line").ToList();
            Assert.Equal([200L, 5000L], lines.Select(line => (long)line["x0"]!));
            Assert.Equal(["memorized 200", "grokked 5,000"], lines.Select(line => (string?)line["label"]!["text"]));
        }
    }

    [Fact]
    public void Per_parameter_weight_norms_share_a_chart_with_a_legend_and_measure_charts_name_their_y_axis()
    {
        var report = Fixture.Load();
        var perParameter = new Dictionary<string, double>
        {
            ["weight-norm.norm.embed.weight"] = 3, ["weight-norm.norm.unembed.weight"] = 4,
            ["weight-norm.sum_sq.embed.weight"] = 9, ["weight-norm.sum_sq.unembed.weight"] = 16,
        };
        var html = ReportHtml.RenderPage(report with
        {
            Metrics = [.. report.Metrics.Select(r => r.Measures is null ? r : r with { Measures = new Dictionary<string, double>(r.Measures.Concat(perParameter)) })],
        });

        // fourier-gini, weight-norm.total, then the two per-parameter families: four charts, not six.
        Assert.Contains("data-plot=\"chart-measure-3\"", html);
        Assert.DoesNotContain("data-plot=\"chart-measure-4\"", html);
        var norms = ReportHtml.Figure(html, "chart-measure-2");
        Assert.Contains("<h3>weight-norm: L2 norm per parameter</h3>", html);
        Assert.Equal(["embed.weight", "unembed.weight"], norms["data"]!.AsArray().Select(trace => (string?)trace!["name"]));
        Assert.Equal(true, (bool?)norms["layout"]!["showlegend"]);
        Assert.Equal("L2 norm", (string?)norms["layout"]!["yaxis"]!["title"]!["text"]);
        Assert.Equal("sum of squares", (string?)ReportHtml.Figure(html, "chart-measure-3")["layout"]!["yaxis"]!["title"]!["text"]);
        Assert.Equal("total", (string?)ReportHtml.Figure(html, "chart-measure-1")["layout"]!["yaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void One_chart_per_progress_measure()
    {
        Assert.Contains("<h3>fourier-gini</h3>", Html);
        Assert.Contains("<h3>weight-norm.total</h3>", Html);
        Assert.Equal("fourier-gini", (string?)ReportHtml.Figure(Html, "chart-measure-0")["data"]![0]!["name"]);
    }

    [Fact]
    public void Non_finite_and_non_positive_values_become_gaps()
    {
        var report = Fixture.Load() with
        {
            Metrics =
            [
                new MetricRecord(1, 2.0, 0.1, 2.0, 0.1, 0.1),
                new MetricRecord(2, double.NaN, 0.2, 0.0, 0.1, 0.2),
                new MetricRecord(3, double.PositiveInfinity, 0.3, 1.0, 0.1, 0.3),
            ],
        };

        var loss = ReportHtml.Figure(ReportHtml.RenderPage(report), "chart-loss")["data"]!.AsArray();

        Assert.Equal([2.0, null, null], loss[0]!["y"]!.AsArray().Select(y => (double?)y));
        Assert.Equal([2.0, null, 1.0], loss[1]!["y"]!.AsArray().Select(y => (double?)y));
    }

    [Fact]
    public void Named_splits_get_one_curve_each_in_place_of_the_test_curve()
    {
        var splits = new Dictionary<string, SplitMetrics> { ["generalization"] = new(2.0, 0.1), ["in-distribution"] = new(0.5, 0.9) };
        var report = Fixture.Load() with
        {
            Metrics =
            [
                new MetricRecord(1, 1.0, 0.5, 2.0, 0.1, 0.1) { Splits = splits },
                new MetricRecord(2, 0.8, 0.7, 1.5, 0.2, 0.2) { Splits = splits },
            ],
        };
        var html = ReportHtml.RenderPage(report);

        var accuracy = ReportHtml.Figure(html, "chart-accuracy")["data"]!.AsArray();
        var loss = ReportHtml.Figure(html, "chart-loss")["data"]!.AsArray();

        Assert.Equal(["train", "generalization", "in-distribution"], accuracy.Select(trace => (string?)trace!["name"]));
        Assert.Equal(["train", "generalization", "in-distribution"], loss.Select(trace => (string?)trace!["name"]));
        Assert.Equal([0.9, 0.9], accuracy[2]!["y"]!.AsArray().Select(y => (double?)y));
        Assert.Equal([0.5, 0.5], loss[2]!["y"]!.AsArray().Select(y => (double?)y));
    }

    [Fact]
    public void Key_numbers_come_from_the_summary()
    {
        Assert.Contains("""<span class="badge status-grokked">grokked</span>""", Html);
        foreach (var (label, value) in new[]
        {
            ("Memorized at step", "200"), ("Grokked at step", "5,000"), ("Gap (t_grok − t_mem)", "4,800 steps"),
            ("Ratio t_grok / t_mem", "25.00×"), ("Final train accuracy", "100.0 %"), ("Final test accuracy", "99.9 %"),
            ("Steps per second", "162.9"), ("Wall time", "1 min 01 s"), ("Device", "cpu (2 threads)"),
        })
            Assert.Contains($"""<tr><th scope="row">{label}</th><td>{value}</td></tr>""", Html);
    }
}
