using System.Globalization;
using System.Text.Json.Nodes;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// The comparison's overlays: accuracy and loss of every run in one chart each (test solid, train dotted, one colour
/// per run, its grokking step marked ◆ on its test curve), and one chart per progress measure with a line per run.
/// </summary>
static class CompareFigures
{
    public static IReadOnlyList<ReportFigure> Main(IReadOnlyList<LoadedRun> runs, IReadOnlyList<string> labels) =>
    [
        new("chart-accuracy", "Accuracy", FigureStyle.Figure(
            Overlay(runs, labels, r => r.TrainAccuracy, r => r.TestAccuracy, "%{y:.2%}", positiveOnly: false),
            FigureStyle.Layout(460, FigureStyle.LogStepAxis(),
                new JsonObject { ["title"] = FigureStyle.Title("accuracy"), ["tickformat"] = ".0%", ["range"] = new JsonArray(-0.02, 1.04) },
                showLegend: true))),
        new("chart-loss", "Loss", FigureStyle.Figure(
            Overlay(runs, labels, r => r.TrainLoss, r => r.TestLoss, "%{y:.4g}", positiveOnly: true),
            FigureStyle.Layout(460, FigureStyle.LogStepAxis(),
                new JsonObject { ["title"] = FigureStyle.Title("loss"), ["type"] = "log", ["exponentformat"] = "power" },
                showLegend: true))),
    ];

    public static IReadOnlyList<ReportFigure> Measures(IReadOnlyList<LoadedRun> runs, IReadOnlyList<string> labels) =>
    [
        .. runs
            .SelectMany(run => run.Metrics)
            .SelectMany(record => record.Measures?.Keys ?? Enumerable.Empty<string>())
            .Distinct()
            .Where(key => !FourierSpectra.IsSpectrumKey(key) && !FourierSpectra.IsKeyFrequencyKey(key))
            .Order(StringComparer.Ordinal)
            .Select((key, index) => new ReportFigure(
                $"chart-measure-{index.ToString(CultureInfo.InvariantCulture)}",
                key,
                FigureStyle.Figure(
                    runs.Select((run, i) => Grouped(FigureStyle.Line(
                        labels[i], FigureStyle.SeriesColor(i),
                        run.Metrics.Where(r => r.Step > 0).Select(r => (r.Step, Measure(r, key))), "%{y:.4g}"), labels[i], legend: false)),
                    FigureStyle.Layout(260, FigureStyle.LogStepAxis(), new JsonObject { ["exponentformat"] = "power" }, showLegend: false)))),
    ];

    static IEnumerable<JsonObject> Overlay(
        IReadOnlyList<LoadedRun> runs, IReadOnlyList<string> labels,
        Func<MetricRecord, double?> train, Func<MetricRecord, double?> test, string format, bool positiveOnly)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            var color = FigureStyle.SeriesColor(i);
            var points = runs[i].Metrics.Where(r => r.Step > 0).ToList();
            // Wider for earlier runs and slightly translucent: where runs coincide their colours show side by side.
            yield return Grouped(FigureStyle.Line(labels[i], color, points.Select(r => (r.Step, test(r))), format + " test", positiveOnly,
                width: FigureStyle.SeriesWidth(i, runs.Count), opacity: 0.8), labels[i], legend: true);
            yield return Grouped(FigureStyle.Line(labels[i] + " (train)", color, points.Select(r => (r.Step, train(r))), format + " train", positiveOnly, dash: "dot", width: 1.5), labels[i], legend: false);
            if (runs[i].GrokkedAtStep is { } grokked && points.LastOrDefault(r => r.Step <= grokked && test(r) is not null) is { } at)
                yield return Grouped(new JsonObject
                {
                    ["type"] = "scatter",
                    ["mode"] = "markers",
                    ["name"] = labels[i] + " grokked",
                    ["x"] = new JsonArray(grokked),
                    ["y"] = new JsonArray(FigureJson.Number(test(at)!.Value, positiveOnly)),
                    ["marker"] = new JsonObject { ["symbol"] = "diamond", ["size"] = 10, ["color"] = color, ["line"] = new JsonObject { ["color"] = "#ffffff", ["width"] = 1 } },
                    ["hovertemplate"] = $"grokked at {Formats.Steps(grokked)}",
                }, labels[i], legend: false);
        }
    }

    static JsonObject Grouped(JsonObject trace, string label, bool legend)
    {
        trace["legendgroup"] = label;
        trace["showlegend"] = legend;
        return trace;
    }

    static double? Measure(MetricRecord record, string key) =>
        record.Measures is not null && record.Measures.TryGetValue(key, out var value) ? value : null;
}
