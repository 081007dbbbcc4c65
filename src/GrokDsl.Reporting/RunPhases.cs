using System.Globalization;
using System.Text.Json.Nodes;
using GrokDsl.Analysis;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// The run's memorization, circuit formation and cleanup phases (<see cref="Phases.Segment"/>) as the report shows
/// them: a timeline under the main charts, shading in the progress-measure panels, and a table. Phases are "known"
/// once the run memorized and its test loss was measured after that; before then there is nothing to segment.
/// </summary>
sealed class RunPhases
{
    static readonly IReadOnlyDictionary<TrainingPhase, (string Name, string Color)> Looks = new Dictionary<TrainingPhase, (string, string)>
    {
        [TrainingPhase.Memorization] = ("memorization", "#d97706"),
        [TrainingPhase.CircuitFormation] = ("circuit formation", "#7c3aed"),
        [TrainingPhase.Cleanup] = ("cleanup", "#059669"),
    };

    readonly PhaseSegmentation _segmentation;
    readonly bool _fromPass;
    readonly long _firstStep;
    readonly long _lastStep;

    RunPhases(PhaseSegmentation segmentation, long firstStep, long lastStep, bool fromPass)
    {
        _fromPass = fromPass;
        _segmentation = segmentation;
        _firstStep = firstStep;
        _lastStep = lastStep;
    }

    /// <summary>The phases of <paramref name="metrics"/> (step-0 records included), or null when they are not known.</summary>
    /// <param name="firstPlottedStep">The first step the log-step charts show (&gt; 0).</param>
    public static RunPhases? Of(IReadOnlyList<MetricRecord> metrics, long firstPlottedStep, double memorizationThreshold)
    {
        if (metrics.Count == 0 || !metrics.Any(record => record.TestLoss is { } loss && double.IsFinite(loss))) return null;
        var segmentation = Phases.Segment(metrics, new PhaseOptions { MemorizationThreshold = memorizationThreshold });
        if (segmentation.Phases.Count < 2) return null; // never memorized: the whole run is "memorization so far"
        return new RunPhases(segmentation, firstPlottedStep, segmentation.Phases[^1].EndStep, metrics.Any(record => record.Pass is not null));
    }

    public string Caption
    {
        get
        {
            var last = Looks[_segmentation.Phases[^1].Phase].Name;
            var ending = _segmentation.Complete
                ? $"Cleanup ended at step {Formats.Steps(_segmentation.Phases[^1].EndStep)}."
                : $"The run ended inside {last}.";
            var signature = _segmentation.MatchesNandaSignature switch
            {
                true => " The excluded loss and weight norm moved as Nanda et al. describe.",
                false => " The excluded loss or weight norm did not move as Nanda et al. describe: read the phases with care.",
                null => "",
            };
            return "Phases by the rule of Nanda et al. 2023 (arXiv:2301.05217, §5.2) as GrokDsl.Analysis makes it exact: " +
                   "memorization ends at the smallest excluded loss after train accuracy is reached, cleanup starts when the " +
                   "test loss has fallen 10 % of its log-space way from its peak and ends at 90 %. " + ending + signature +
                   (_fromPass ? " Measures come from the post-hoc pass (grokdsl measure) where it has them: key frequencies of the final checkpoint, fixed for every checkpoint." : "");
        }
    }

    public IReadOnlyList<PhaseRow> Rows() =>
    [
        .. _segmentation.Phases.Select(span => new PhaseRow(
            Looks[span.Phase].Name,
            "phase-" + span.Phase.ToString().ToLowerInvariant(),
            span.EndStep > span.StartStep ? $"{Formats.Steps(span.StartStep)} – {Formats.Steps(span.EndStep)}" : "empty",
            Change(span.TestLossChange),
            Change(span.ExcludedLossChange),
            Change(span.RestrictedLossChange),
            Change(span.WeightNormChange))),
    ];

    /// <summary>A strip with one labelled band per phase, on the same log-step axis as the charts above it.</summary>
    public ReportFigure Timeline()
    {
        var shapes = new JsonArray();
        foreach (var (phase, from, to) in Drawable())
        {
            var band = FigureStyle.Span(from, to, FigureStyle.Translucent(Looks[phase].Color, 0.28), y0: 0.1, y1: 0.9);
            band["layer"] = "above";
            band["label"] = new JsonObject
            {
                ["text"] = Looks[phase].Name,
                ["textposition"] = "middle center",
                ["font"] = new JsonObject { ["size"] = 12, ["color"] = FigureStyle.TextColor },
            };
            shapes.Add(band);
        }
        var xAxis = FigureStyle.LogStepAxis();
        // A figure of shapes alone has no data to range over: the axis spans the plotted steps, as the charts do.
        xAxis["range"] = new JsonArray(Math.Log10(_firstStep), Math.Log10(Math.Max(_lastStep, _firstStep + 1)));
        var yAxis = new JsonObject { ["visible"] = false, ["range"] = new JsonArray(0, 1), ["fixedrange"] = true };
        var layout = FigureStyle.Layout(height: 130, xAxis, yAxis, showLegend: false, shapes);
        layout["hovermode"] = false;
        return new ReportFigure("chart-phases", "Training phases", FigureStyle.Figure([], layout));
    }

    /// <summary>Light full-height shading of each phase, for the progress-measure panels.</summary>
    public IEnumerable<JsonObject> Shading() =>
        Drawable().Select(phase => FigureStyle.Span(phase.From, phase.To, FigureStyle.Translucent(Looks[phase.Phase].Color, 0.09)));

    // A log axis cannot draw step 0: a phase starting there starts at the first plotted step instead.
    IEnumerable<(TrainingPhase Phase, long From, long To)> Drawable() =>
        _segmentation.Phases
            .Select(span => (span.Phase, From: Math.Max(span.StartStep, _firstStep), To: span.EndStep))
            .Where(span => span.To > span.From);

    static string Change(double? change) =>
        change is { } value && double.IsFinite(value)
            ? (value > 0 ? "+" : value < 0 ? "−" : "") + Math.Abs(value).ToString("G3", CultureInfo.InvariantCulture)
            : Formats.Unknown;
}
