using System.Globalization;
using System.Text.Json.Nodes;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// The run report's Plotly figures: accuracy and loss against step, one small chart per progress measure, the
/// training phases and Fourier spectra where known, all on a log-step axis with the memorization and grokking
/// steps marked.
/// </summary>
sealed class RunFigures
{
    const string GapFill = "rgba(124, 58, 237, 0.08)";

    readonly IReadOnlyList<MetricRecord> _points;
    readonly long? _memorizedAt;
    readonly long? _grokkedAt;

    RunFigures(IReadOnlyList<MetricRecord> points, long? memorizedAt, long? grokkedAt, bool droppedStepZero, RunPhases? phases)
    {
        _points = points;
        _memorizedAt = memorizedAt;
        _grokkedAt = grokkedAt;
        DroppedStepZero = droppedStepZero;
        Phases = phases;
    }

    /// <summary>True when the metrics held a step-0 record, which a log axis cannot show.</summary>
    public bool DroppedStepZero { get; }

    /// <summary>The training phases, when the analysis can tell them.</summary>
    public RunPhases? Phases { get; }

    public static RunFigures For(RunReport report)
    {
        // A resumed run may repeat the steps after its last checkpoint: the later record wins, as on resume.
        var byStep = report.Metrics
            .GroupBy(record => record.Step)
            .Select(group => group.Last())
            .OrderBy(record => record.Step)
            .ToList();
        var plottable = byStep.Where(record => record.Step > 0).ToList();
        var threshold = ConfigurationKeys.Number(ConfigurationKeys.Flatten(report.Configuration), "Training.MemorizationThreshold") ?? 0.99;
        var phases = plottable.Count == 0 ? null : RunPhases.Of(byStep, plottable[0].Step, threshold);
        return new RunFigures(
            plottable,
            report.Summary?.MemorizedAtStep,
            report.Summary?.GrokkedAtStep,
            droppedStepZero: byStep.Count > plottable.Count,
            phases);
    }

    public string StepAxisCaption
    {
        get
        {
            var axis = DroppedStepZero
                ? "Steps are on a log axis, which cannot show step 0: the step-0 record is left out of the charts."
                : "Steps are on a log axis.";
            axis += " The controls above the charts switch it to linear and smooth the curves; the wide pale line is train, under test.";
            return _memorizedAt is null && _grokkedAt is null
                ? axis
                : axis + " Dashed lines mark the steps at which the run memorized and grokked; the shaded band between them is the grokking gap.";
        }
    }

    public IReadOnlyList<ReportFigure> Main() =>
    [
        new("chart-accuracy", "Accuracy", Figure(
            [
                FigureStyle.Line("train", FigureStyle.TrainColor, _points.Select(p => (p.Step, (double?)p.TrainAccuracy)), "%{y:.2%}",
                    width: FigureStyle.UnderlayWidth, opacity: FigureStyle.UnderlayOpacity),
                .. EvaluationLines(p => p.TestAccuracy, split => split.Accuracy, "%{y:.2%}", positiveOnly: false),
            ],
            new JsonObject { ["title"] = FigureStyle.Title("accuracy"), ["tickformat"] = ".0%", ["range"] = new JsonArray(-0.02, 1.04) },
            height: 380, labelMarkers: true, showLegend: true)),
        new("chart-loss", "Loss", Figure(
            [
                FigureStyle.Line("train", FigureStyle.TrainColor, _points.Select(p => (p.Step, (double?)p.TrainLoss)), "%{y:.4g}", positiveOnly: true,
                    width: FigureStyle.UnderlayWidth, opacity: FigureStyle.UnderlayOpacity),
                .. EvaluationLines(p => p.TestLoss, split => split.Loss, "%{y:.4g}", positiveOnly: true),
            ],
            new JsonObject { ["title"] = FigureStyle.Title("loss"), ["type"] = "log", ["exponentformat"] = "power" },
            height: 380, labelMarkers: true, showLegend: true)),
    ];

    // The test line, or, where the dataset names its evaluation splits ("in-distribution", "generalization"), one line per
    // split in the order the records list them; the first is the test split, in the test colour.
    IEnumerable<JsonObject> EvaluationLines(Func<MetricRecord, double?> test, Func<SplitMetrics, double> ofSplit, string hover, bool positiveOnly)
    {
        var names = _points.SelectMany(p => p.Splits?.Keys ?? Enumerable.Empty<string>()).Distinct().ToList();
        if (names.Count == 0) return [FigureStyle.Line("test", FigureStyle.TestColor, _points.Select(p => (p.Step, test(p))), hover, positiveOnly: positiveOnly)];
        return names.Select((name, index) => FigureStyle.Line(
            name,
            index == 0 ? FigureStyle.TestColor : FigureStyle.SeriesColor(index),
            _points.Select(p => (p.Step, p.Splits is { } splits && splits.TryGetValue(name, out var split) ? ofSplit(split) : (double?)null)),
            hover, positiveOnly: positiveOnly));
    }

    /// <summary>
    /// The measures' small charts (<see cref="MeasurePanels"/>), sorted by heading. Spectrum keys are drawn as heatmaps
    /// instead (<see cref="FourierSpectra"/>); a chart with several series has a legend.
    /// </summary>
    public IReadOnlyList<ReportFigure> Measures()
    {
        var keys = _points
            .SelectMany(p => p.Measures?.Keys ?? Enumerable.Empty<string>())
            .Distinct()
            .Where(key => !FourierSpectra.IsSpectrumKey(key))
            .Order(StringComparer.Ordinal)
            .ToList();
        return
        [
            .. MeasurePanels.Of(keys)
                // The key is a user string: it goes into the JSON (escaped there) and the heading, never into the id.
                .Select((panel, index) => new ReportFigure(
                    $"chart-measure-{index.ToString(CultureInfo.InvariantCulture)}",
                    panel.Title,
                    Figure(
                        [
                            .. panel.Series.Select((series, number) => FigureStyle.Line(
                                series.Name,
                                panel.Series.Count == 1 ? FigureStyle.MeasureColor : FigureStyle.SeriesColor(number),
                                _points.Select(p => (p.Step, MeasureValue(p, series.Key))), "%{y:.4g}")),
                        ],
                        new JsonObject { ["title"] = FigureStyle.Title(panel.YAxis), ["exponentformat"] = "power" },
                        height: panel.Series.Count > 1 ? 300 : 240, labelMarkers: false, showLegend: panel.Series.Count > 1, shadePhases: true))),
        ];
    }

    /// <summary>The Fourier-spectrum heatmaps, when the measures carry spectrum keys.</summary>
    public IReadOnlyList<ReportFigure> Spectra() => FourierSpectra.Heatmaps(_points);

    public string SpectrumCaption => FourierSpectra.Caption(_points);

    static double? MeasureValue(MetricRecord record, string key) =>
        record.Measures is not null && record.Measures.TryGetValue(key, out var value) ? value : null;

    RawHtml Figure(JsonObject[] traces, JsonObject yAxis, int height, bool labelMarkers, bool showLegend, bool shadePhases = false) =>
        FigureStyle.Figure(traces, FigureStyle.Layout(height, FigureStyle.LogStepAxis(), yAxis, showLegend, MarkerShapes(labelMarkers, shadePhases)));

    // Shapes take data coordinates on a log axis (annotations would want log10 of them), so the markers and
    // their labels are shapes. Markers at step 0 or below cannot be drawn on the log axis and are left out.
    // Panels that shade the phases leave the gap out: two translucent layers over one range read as mud.
    JsonArray MarkerShapes(bool labelled, bool shadePhases)
    {
        var shapes = new JsonArray();
        if (shadePhases && Phases is not null)
        {
            foreach (var phase in Phases.Shading()) shapes.Add(phase);
        }
        else if (_memorizedAt is { } memorized && memorized > 0 && _grokkedAt is { } grokked && grokked > memorized)
        {
            var gap = FigureStyle.Span(memorized, grokked, GapFill);
            if (labelled)
                gap["label"] = new JsonObject
                {
                    ["text"] = $"gap {Formats.Steps(grokked - memorized)} steps",
                    ["textposition"] = "bottom center",
                    ["font"] = new JsonObject { ["size"] = 11, ["color"] = "#6d28d9" },
                };
            shapes.Add(gap);
        }
        if (_memorizedAt is { } memorizedAt && memorizedAt > 0)
            shapes.Add(FigureStyle.MarkerLine(memorizedAt, FigureStyle.MemorizedColor, labelled ? $"memorized {Formats.Steps(memorizedAt)}" : null, "right"));
        if (_grokkedAt is { } grokkedAt && grokkedAt > 0)
            shapes.Add(FigureStyle.MarkerLine(grokkedAt, FigureStyle.GrokkedColor, labelled ? $"grokked {Formats.Steps(grokkedAt)}" : null, "left"));
        return shapes;
    }
}
