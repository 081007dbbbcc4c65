using System.Text.Json.Nodes;

namespace GrokDsl.Reporting;

/// <summary>
/// The data behind the sweep report's phase diagram: one cell per setting with its value on every non-replicate
/// axis and, ready to draw, the three quantities the page can colour by. The page's script only places cells on
/// the two axes the reader picks (fixing any other axis at a chosen value); every number and label is made here.
/// </summary>
static class PhaseDiagram
{
    /// <summary>The quantities a cell can be coloured by, as the page's metric selector lists them.</summary>
    public static readonly IReadOnlyList<(string Id, string Label)> Metrics =
    [
        ("grokking", "median grokking step"),
        ("accuracy", "final test accuracy (median over seeds)"),
        ("fraction", "fraction of seeds grokked"),
    ];

    /// <summary>
    /// <c>{ axes: [{ key, values }], cells: [{ values, runs, grokking: { z, label }, accuracy: {…}, fraction: {…}, censored, hover }] }</c>.
    /// Grokking cells are coloured by log10 of the median step (grokking times span decades); a censored median
    /// (more than half the seeds never grokked) has no colour and the label "censored &gt; N".
    /// </summary>
    public static RawHtml Json(IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepSetting> settings)
    {
        var settingAxes = axes.Where(axis => !axis.IsReplicate).ToList();
        var data = new JsonObject
        {
            ["axes"] = new JsonArray([.. settingAxes.Select(axis => (JsonNode)new JsonObject
            {
                ["key"] = axis.Key,
                ["values"] = new JsonArray([.. axis.Values.Select(value => JsonValue.Create(value))]),
            })]),
            ["metrics"] = new JsonArray([.. Metrics.Select(metric => (JsonNode)new JsonObject { ["id"] = metric.Id, ["label"] = metric.Label })]),
            ["cells"] = new JsonArray([.. settings.Select(Cell)]),
            ["grokkingTicks"] = GrokkingTicks(settings),
        };
        return FigureJson.ToScriptContent(data);
    }

    // The colour bar of the grokking view is in log10(step); its ticks read as steps (1, 2, 5 × 10^n).
    static JsonObject GrokkingTicks(IReadOnlyList<SweepSetting> settings)
    {
        var logs = settings.Select(s => s.MedianGrokkingStep).OfType<double>().Where(m => m > 0).Select(Math.Log10).ToList();
        var ticks = logs.Count == 0 ? [] : StepTicks(logs.Min(), logs.Max()).ToList();
        if (logs.Count > 0 && ticks.Count < 2) ticks = [logs.Min(), logs.Max()];
        return new JsonObject
        {
            ["values"] = new JsonArray([.. ticks.Distinct().Select(t => JsonValue.Create(t))]),
            ["labels"] = new JsonArray([.. ticks.Distinct().Select(t => JsonValue.Create(Formats.Steps((long)Math.Round(Math.Pow(10, t)))))]),
        };
    }

    static JsonNode Cell(SweepSetting setting)
    {
        var statistics = setting.Statistics;
        var runs = statistics?.Runs ?? 0;
        var grokked = statistics?.Grokked ?? 0;
        var median = setting.MedianGrokkingStep;
        var grokkingLabel = statistics is null ? "no runs"
            : setting.MedianCensored ? $"censored > {Steps(setting.CensoredAtStep)}"
            : Steps(median);
        var interval = statistics?.MedianGrokkingStep;
        var hover = statistics is null
            ? "no run counts (failed, or no metrics)"
            : $"median grokking step {grokkingLabel}" +
              (interval is { Lower: { } lower } ? $" (95 % CI {Steps(lower)} – {(interval.Upper is { } upper ? Steps(upper) : "unknown")})" : "") +
              $"<br>{grokked}/{runs} seeds grokked<br>final test accuracy {Formats.Percent(setting.MedianFinalTestAccuracy)} (median)";
        return new JsonObject
        {
            ["values"] = new JsonArray([.. setting.Values.Select(value => JsonValue.Create(value))]),
            ["runs"] = runs,
            ["grokked"] = grokked,
            ["medianGrokkingStep"] = median,
            ["censored"] = setting.MedianCensored,
            ["grokking"] = Quantity(median is { } m && m > 0 ? Math.Log10(m) : null, grokkingLabel + $"<br>{grokked}/{runs}"),
            ["accuracy"] = Quantity(setting.MedianFinalTestAccuracy, Formats.Percent(setting.MedianFinalTestAccuracy)),
            ["fraction"] = Quantity(statistics?.FractionGrokked, $"{grokked}/{runs}"),
            ["hover"] = hover,
        };
    }

    static JsonObject Quantity(double? z, string label) => new() { ["z"] = z is { } value ? FigureJson.Number(value) : null, ["label"] = label };

    static string Steps(double? step) =>
        step is { } value && double.IsFinite(value) ? Formats.Steps((long)Math.Round(value)) : Formats.Unknown;

    /// <summary>Colour-bar ticks for log10 steps between <paramref name="min"/> and <paramref name="max"/>: 1, 2, 5 × 10^n.</summary>
    static IEnumerable<double> StepTicks(double min, double max)
    {
        for (var exponent = (int)Math.Floor(min); exponent <= (int)Math.Ceiling(max); exponent++)
            foreach (var mantissa in new[] { 1, 2, 5 })
            {
                var tick = Math.Log10(mantissa) + exponent;
                if (tick >= min - 1e-9 && tick <= max + 1e-9) yield return tick;
            }
    }
}
