using System.Text.Json.Nodes;

namespace GrokDsl.Reporting;

/// <summary>
/// The sweep report's curves, one colour per setting: the fraction of seeds grokked against step (one minus the
/// Kaplan–Meier survival curve) and test accuracy across seeds (median with the interquartile band, or mean ± one
/// standard deviation, switched by buttons on the chart).
/// </summary>
static class SweepFigures
{
    public static ReportFigure FractionGrokked(IReadOnlyList<SweepSetting> settings)
    {
        var traces = new List<JsonObject>();
        var first = settings.SelectMany(s => s.Runs).SelectMany(r => r.Metrics).Where(m => m.Step > 0).Select(m => m.Step).DefaultIfEmpty(1).Min();
        for (var i = 0; i < settings.Count; i++)
        {
            if (settings[i].Statistics is not { } statistics) continue;
            // A step function: 0 until the first grokking, up by each event, flat through censored times to the last.
            var x = new JsonArray(first);
            var y = new JsonArray(0.0);
            foreach (var point in statistics.Survival.Points.Where(p => p.Step > 0))
            {
                x.Add(point.Step);
                y.Add(1 - point.Survival);
            }
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines",
                ["name"] = settings[i].Label,
                ["legendgroup"] = settings[i].Label,
                ["x"] = x,
                ["y"] = y,
                ["line"] = new JsonObject { ["color"] = FigureStyle.SeriesColor(i), ["width"] = FigureStyle.SeriesWidth(i, settings.Count), ["shape"] = "hv" },
                ["hovertemplate"] = "%{y:.0%} grokked",
            });
        }
        var yAxis = new JsonObject { ["title"] = FigureStyle.Title("fraction of seeds grokked"), ["tickformat"] = ".0%", ["range"] = new JsonArray(-0.02, 1.04) };
        return new ReportFigure("chart-fraction-grokked", "Fraction grokked", FigureStyle.Figure(traces, Layout(yAxis, settings.Count)));
    }

    public static ReportFigure TestAccuracy(IReadOnlyList<SweepSetting> settings)
    {
        var median = new List<JsonObject>();
        var mean = new List<JsonObject>();
        for (var i = 0; i < settings.Count; i++)
        {
            var color = FigureStyle.SeriesColor(i);
            var label = settings[i].Label;
            var rows = AccuracyAcrossSeeds.Of(settings[i].Runs);
            median.Add(Grouped(FigureStyle.Band(label + " IQR", color, [.. rows.Select(r => (r.Step, r.Q1, r.Q3))]), label, visible: true));
            median.Add(Grouped(FigureStyle.Line(label, color, rows.Select(r => (r.Step, (double?)r.Median)), "%{y:.1%} median", width: FigureStyle.SeriesWidth(i, settings.Count)), label, visible: true));
            mean.Add(Grouped(FigureStyle.Band(label + " ±1 sd", color, [.. rows.Select(r => (r.Step, r.Mean - r.StandardDeviation, r.Mean + r.StandardDeviation))]), label, visible: false));
            mean.Add(Grouped(FigureStyle.Line(label, color, rows.Select(r => (r.Step, (double?)r.Mean)), "%{y:.1%} mean", width: FigureStyle.SeriesWidth(i, settings.Count)), label, visible: false));
        }
        var yAxis = new JsonObject { ["title"] = FigureStyle.Title("test accuracy"), ["tickformat"] = ".0%", ["range"] = new JsonArray(-0.02, 1.04) };
        var layout = Layout(yAxis, settings.Count);
        var showMedian = new JsonArray([.. median.Select(_ => JsonValue.Create(true)), .. mean.Select(_ => JsonValue.Create(false))]);
        var showMean = new JsonArray([.. median.Select(_ => JsonValue.Create(false)), .. mean.Select(_ => JsonValue.Create(true))]);
        layout["updatemenus"] = new JsonArray(new JsonObject
        {
            ["type"] = "buttons",
            ["direction"] = "left",
            ["showactive"] = true,
            // Top left, inside the plot: before memorization test accuracy is low, so that corner is empty.
            ["x"] = 0.01,
            ["xanchor"] = "left",
            ["y"] = 0.98,
            ["yanchor"] = "top",
            ["pad"] = new JsonObject { ["r"] = 4, ["b"] = 4 },
            ["bgcolor"] = "#ffffff",
            ["bordercolor"] = FigureStyle.GridColor,
            ["font"] = new JsonObject { ["size"] = 11 },
            ["buttons"] = new JsonArray(
                new JsonObject { ["label"] = "median · IQR", ["method"] = "restyle", ["args"] = new JsonArray("visible", showMedian) },
                new JsonObject { ["label"] = "mean ± 1 sd", ["method"] = "restyle", ["args"] = new JsonArray("visible", showMean) }),
        });
        return new ReportFigure("chart-test-accuracy", "Test accuracy across seeds", FigureStyle.Figure([.. median, .. mean], layout));
    }

    static JsonObject Grouped(JsonObject trace, string label, bool visible)
    {
        trace["legendgroup"] = label;
        trace["visible"] = visible;
        return trace;
    }

    static JsonObject Layout(JsonObject yAxis, int settings)
    {
        var layout = FigureStyle.Layout(420, FigureStyle.LogStepAxis(), yAxis, showLegend: true);
        // Many settings: the legend goes to the right, one per line, instead of wrapping over the plot.
        if (settings > 4)
        {
            layout["legend"] = new JsonObject { ["orientation"] = "v", ["x"] = 1.02, ["y"] = 1, ["yanchor"] = "top", ["font"] = new JsonObject { ["size"] = 11 } };
            layout["margin"]!["r"] = 12;
        }
        return layout;
    }
}
