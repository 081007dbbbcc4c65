using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrokDsl.Runs;

namespace GrokDsl.Reporting;

/// <summary>
/// Heatmaps of a modular model's Fourier spectrum over training, read from progress-measure keys (see the
/// project README, "Fourier spectrum convention"):
/// <list type="bullet">
/// <item><c>fourier.spectrum.&lt;k&gt;</c>: the embedding's norm (or energy) at frequency k = 1, 2, … ⌊p/2⌋;</item>
/// <item><c>fourier.&lt;component&gt;.spectrum.&lt;k&gt;</c>: the same for another component (e.g. <c>unembedding</c>), one heatmap each;</item>
/// <item><c>fourier.key_frequency.k&lt;k&gt;</c>: present for each key frequency k (its score), as the fourier measure writes it.</item>
/// </list>
/// Each step's column is drawn as shares of that step's total, so the picture shows where the spectrum
/// concentrates, not how the overall norm shrinks under weight decay (the hover shows the raw value too).
/// </summary>
static partial class FourierSpectra
{
    const string KeyFrequencyColor = "#e11d48";

    /// <summary>A spectrum key; such keys get a heatmap instead of one chart per frequency.</summary>
    public static bool IsSpectrumKey(string key) => SpectrumKey().IsMatch(key);

    /// <summary>A key-frequency score key; these share one chart instead of one each.</summary>
    public static bool IsKeyFrequencyKey(string key) => KeyFrequencyKey().IsMatch(key);

    /// <summary>One heatmap per component that has spectrum keys, embedding first; empty when there are none.</summary>
    public static IReadOnlyList<ReportFigure> Heatmaps(IReadOnlyList<MetricRecord> points)
    {
        var keyFrequencies = LatestKeyFrequencies(points);
        var components = points
            .SelectMany(point => point.Measures ?? new Dictionary<string, double>())
            .Select(measure => SpectrumKey().Match(measure.Key))
            .Where(match => match.Success)
            .Select(match => match.Groups["component"].Value)
            .Distinct()
            .OrderBy(component => component.Length == 0 ? "" : "~" + component, StringComparer.Ordinal)
            .ToList();
        return
        [
            .. components.Select((component, index) => new ReportFigure(
                $"chart-spectrum-{index.ToString(CultureInfo.InvariantCulture)}",
                component.Length == 0 ? "Fourier spectrum of the embedding" : $"Fourier spectrum: {component}",
                Heatmap(points, component, keyFrequencies.Frequencies))),
        ];
    }

    /// <summary>What the heatmaps show, and the key frequencies with the step they were last found at.</summary>
    public static string Caption(IReadOnlyList<MetricRecord> points)
    {
        var (step, frequencies) = LatestKeyFrequencies(points);
        var keys = frequencies.Count == 0
            ? "No key frequencies were recorded."
            : $"Key frequencies (marked ◀) at step {Formats.Steps(step)}: {string.Join(", ", frequencies)}.";
        return "Each column is one measured step; colour is each frequency's share of that step's total, so a column " +
               "that concentrates on a few frequencies has found its Fourier features. " + keys;
    }

    static RawHtml Heatmap(IReadOnlyList<MetricRecord> points, string component, IReadOnlyList<int> keyFrequencies)
    {
        var columns = points
            .Select(point => (point.Step, Spectrum: SpectrumOf(point, component)))
            .Where(column => column.Spectrum.Count > 0)
            .ToList();
        var frequencies = columns.SelectMany(column => column.Spectrum.Keys).Distinct().Order().ToList();

        var z = new JsonArray();
        var raw = new JsonArray();
        foreach (var k in frequencies)
        {
            var shares = new JsonArray();
            var values = new JsonArray();
            foreach (var (step, spectrum) in columns)
            {
                var total = spectrum.Values.Where(double.IsFinite).Sum();
                var value = spectrum.TryGetValue(k, out var v) ? v : double.NaN;
                shares.Add(total > 0 ? FigureJson.Number(value / total) : null);
                values.Add(new JsonArray(FigureJson.Number(value), step));
            }
            z.Add(shares);
            raw.Add(values);
        }

        var heatmap = new JsonObject
        {
            ["type"] = "heatmap",
            ["name"] = "spectrum",
            ["x"] = new JsonArray([.. BrickEdges([.. columns.Select(column => column.Step)]).Select(edge => JsonValue.Create(edge))]),
            ["y"] = new JsonArray([.. frequencies.Select(k => JsonValue.Create(k))]),
            ["z"] = z,
            ["customdata"] = raw,
            ["zmin"] = 0,
            ["colorscale"] = "Viridis",
            ["colorbar"] = new JsonObject { ["title"] = FigureStyle.Title("share"), ["tickformat"] = ".0%", ["thickness"] = 12 },
            ["hovertemplate"] = "step %{customdata[1]:,d}<br>k = %{y}<br>share %{z:.1%}<br>value %{customdata[0]:.4g}<extra></extra>",
        };
        var traces = new List<JsonObject> { heatmap };
        var marked = keyFrequencies.Where(frequencies.Contains).ToList();
        if (marked.Count > 0 && columns.Count > 0)
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "markers",
                ["name"] = "key frequency",
                ["x"] = new JsonArray([.. marked.Select(_ => JsonValue.Create(columns[^1].Step))]),
                ["y"] = new JsonArray([.. marked.Select(k => JsonValue.Create(k))]),
                ["marker"] = new JsonObject
                {
                    ["symbol"] = "triangle-left",
                    ["size"] = 11,
                    ["color"] = KeyFrequencyColor,
                    ["line"] = new JsonObject { ["color"] = "#ffffff", ["width"] = 1 },
                },
                ["cliponaxis"] = false,
                ["hovertemplate"] = "key frequency k = %{y}<extra></extra>",
            });

        var yAxis = new JsonObject
        {
            ["title"] = FigureStyle.Title("frequency k"),
            ["dtick"] = frequencies.Count <= 30 ? 1 : 5,
            ["showgrid"] = false,
        };
        var layout = FigureStyle.Layout(Math.Clamp(120 + 7 * frequencies.Count, 280, 560), FigureStyle.LogStepAxis(), yAxis, showLegend: false);
        layout["hovermode"] = "closest";
        layout["margin"]!["r"] = 36;
        return FigureStyle.Figure(traces, layout);
    }

    /// <summary>
    /// Column boundaries for a heatmap on a log axis: Plotly centres bricks on their x values in linear terms, which
    /// on a log axis makes the first brick reach far left and shifts every edge. Given as n + 1 edges instead, at the
    /// geometric midpoints, each step's column sits centred on it as the eye reads a log axis.
    /// </summary>
    static IReadOnlyList<double> BrickEdges(IReadOnlyList<long> steps)
    {
        if (steps.Count == 0) return [];
        if (steps.Count == 1) return [steps[0] / Math.Sqrt(2), steps[0] * Math.Sqrt(2)];
        var edges = new List<double> { steps[0] / Math.Sqrt((double)steps[1] / steps[0]) };
        for (var i = 1; i < steps.Count; i++) edges.Add(Math.Sqrt((double)steps[i - 1] * steps[i]));
        edges.Add(steps[^1] * Math.Sqrt((double)steps[^1] / steps[^2]));
        return edges;
    }

    static Dictionary<int, double> SpectrumOf(MetricRecord point, string component)
    {
        var spectrum = new Dictionary<int, double>();
        foreach (var (key, value) in point.Measures ?? new Dictionary<string, double>())
        {
            var match = SpectrumKey().Match(key);
            if (match.Success && match.Groups["component"].Value == component)
                spectrum[int.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture)] = value;
        }
        return spectrum;
    }

    static (long Step, IReadOnlyList<int> Frequencies) LatestKeyFrequencies(IReadOnlyList<MetricRecord> points)
    {
        for (var i = points.Count - 1; i >= 0; i--)
        {
            var frequencies = (points[i].Measures ?? new Dictionary<string, double>()).Keys
                .Select(key => KeyFrequencyKey().Match(key))
                .Where(match => match.Success)
                .Select(match => int.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture))
                .Order()
                .ToList();
            if (frequencies.Count > 0) return (points[i].Step, frequencies);
        }
        return (0, []);
    }

    [GeneratedRegex(@"^fourier(?:\.(?<component>[^.]+))?\.spectrum\.(?<k>\d{1,6})$")]
    private static partial Regex SpectrumKey();

    [GeneratedRegex(@"^fourier\.key_frequency\.k(?<k>\d{1,6})$")]
    private static partial Regex KeyFrequencyKey();
}
