using System.Text.Json.Nodes;

namespace GrokDsl.Reporting;

/// <summary>
/// The look every report chart shares (fonts, grid, margins, the log-step axis, the toolbar), so run, sweep and
/// comparison pages read alike, and the traces they are drawn with.
/// </summary>
static class FigureStyle
{
    public const string TrainColor = "#2563eb";
    public const string TestColor = "#e11d48";
    public const string MeasureColor = "#0f766e";
    public const string MemorizedColor = "#d97706";
    public const string GrokkedColor = "#059669";
    public const string GridColor = "#e5e7eb";
    public const string TextColor = "#1f2937";

    /// <summary>
    /// The train line of a run is drawn wide and translucent under the test line: where the two coincide (both at
    /// 100 % once a run has grokked) the test line shows on a visible train halo instead of hiding it.
    /// </summary>
    public const double UnderlayWidth = 4.5;
    public const double UnderlayOpacity = 0.45;
    public const string FontFamily = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

    /// <summary>
    /// Colours for runs and settings drawn side by side: Tableau 10, distinguishable with the common colour-vision
    /// deficiencies and in greyscale print. Beyond ten series the colours repeat (the legend still tells them apart).
    /// </summary>
    static readonly string[] Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    public static string SeriesColor(int index) => Palette[index % Palette.Length];

    /// <summary>
    /// The width of series <paramref name="index"/> of <paramref name="count"/> drawn over one another: the first (drawn
    /// lowest) widest, down to 1.5 for the last, so that series which coincide (two settings both at 0 % grokked, runs
    /// that all reach 100 %) show as nested bands of their colours instead of the last one hiding the rest.
    /// </summary>
    public static double SeriesWidth(int index, int count) =>
        count <= 1 ? 2 : Math.Round(1.5 + 3.0 * (count - 1 - index) / (count - 1), 2);

    /// <summary>The same colour with opacity, for bands around a line.</summary>
    public static string Translucent(string hexColor, double alpha) =>
        FormattableString.Invariant(
            $"rgba({Convert.ToInt32(hexColor[1..3], 16)}, {Convert.ToInt32(hexColor[3..5], 16)}, {Convert.ToInt32(hexColor[5..7], 16)}, {alpha})");

    public static JsonObject LogStepAxis() => new()
    {
        ["type"] = "log",
        ["title"] = Title("step"),
        ["gridcolor"] = GridColor,
        ["zeroline"] = false,
        ["hoverformat"] = ",d",
    };

    /// <summary>A chart's layout: transparent paper on the card, white plot area, the shared font and margins.</summary>
    public static JsonObject Layout(int height, JsonObject xAxis, JsonObject yAxis, bool showLegend, JsonArray? shapes = null)
    {
        yAxis["gridcolor"] ??= GridColor;
        yAxis["zeroline"] ??= false;
        var layout = new JsonObject
        {
            ["height"] = height,
            ["margin"] = new JsonObject { ["l"] = 64, ["r"] = 24, ["t"] = 16, ["b"] = 48 },
            ["font"] = new JsonObject { ["family"] = FontFamily, ["size"] = 12, ["color"] = TextColor },
            ["paper_bgcolor"] = "rgba(0,0,0,0)",
            ["plot_bgcolor"] = "#ffffff",
            ["hovermode"] = "x unified",
            ["showlegend"] = showLegend,
            ["xaxis"] = xAxis,
            ["yaxis"] = yAxis,
            ["shapes"] = shapes ?? [],
        };
        if (showLegend)
            layout["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0, ["y"] = 1.0, ["yanchor"] = "bottom" };
        return layout;
    }

    /// <summary>The figure JSON for a <c>&lt;script type="application/json"&gt;</c> block.</summary>
    public static RawHtml Figure(IEnumerable<JsonObject> traces, JsonObject layout) =>
        FigureJson.ToScriptContent(new JsonObject
        {
            ["data"] = new JsonArray([.. traces]),
            ["layout"] = layout,
            ["config"] = new JsonObject
            {
                ["responsive"] = true,
                ["displaylogo"] = false,
                ["modeBarButtonsToRemove"] = new JsonArray("lasso2d", "select2d"),
            },
        });

    /// <summary>
    /// A line through the points that have a value (a metric not evaluated at a step has none there). Non-finite
    /// values, and with <paramref name="positiveOnly"/> values ≤ 0 (a log axis), become gaps.
    /// </summary>
    public static JsonObject Line(
        string name, string color, IEnumerable<(long Step, double? Value)> points, string valueFormat,
        bool positiveOnly = false, string? dash = null, double width = 2, double opacity = 1)
    {
        var x = new JsonArray();
        var y = new JsonArray();
        foreach (var (step, value) in points)
        {
            if (value is not { } known) continue;
            x.Add(step);
            y.Add(FigureJson.Number(known, positiveOnly));
        }
        var line = new JsonObject { ["color"] = color, ["width"] = width };
        if (dash is not null) line["dash"] = dash;
        var trace = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "lines",
            ["name"] = name,
            ["x"] = x,
            ["y"] = y,
            ["line"] = line,
            ["hovertemplate"] = valueFormat,
        };
        if (opacity < 1) trace["opacity"] = opacity;
        return trace;
    }

    /// <summary>A filled band between each point's lower and upper value, drawn as one closed polygon.</summary>
    public static JsonObject Band(string name, string color, IReadOnlyList<(long Step, double Lower, double Upper)> points)
    {
        var x = new JsonArray();
        var y = new JsonArray();
        foreach (var point in points)
        {
            x.Add(point.Step);
            y.Add(FigureJson.Number(point.Upper));
        }
        for (var i = points.Count - 1; i >= 0; i--)
        {
            x.Add(points[i].Step);
            y.Add(FigureJson.Number(points[i].Lower));
        }
        return new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "lines",
            ["name"] = name,
            ["x"] = x,
            ["y"] = y,
            ["fill"] = "toself",
            ["fillcolor"] = Translucent(color, 0.16),
            ["line"] = new JsonObject { ["width"] = 0, ["color"] = color },
            ["hoverinfo"] = "skip",
            ["showlegend"] = false,
        };
    }

    public static JsonObject Title(string text) => new() { ["text"] = text };

    /// <summary>A vertical dashed line across the plot at <paramref name="step"/>, optionally labelled at the top.</summary>
    public static JsonObject MarkerLine(long step, string color, string? label, string labelSide)
    {
        var line = new JsonObject
        {
            ["type"] = "line",
            ["xref"] = "x",
            ["yref"] = "paper",
            ["x0"] = step,
            ["x1"] = step,
            ["y0"] = 0,
            ["y1"] = 1,
            ["line"] = new JsonObject { ["color"] = color, ["width"] = 1.5, ["dash"] = "dash" },
        };
        if (label is not null)
            line["label"] = new JsonObject
            {
                ["text"] = label,
                ["textposition"] = "end",
                ["textangle"] = 0,
                ["xanchor"] = labelSide,
                ["yanchor"] = "top",
                ["padding"] = 6,
                ["font"] = new JsonObject { ["size"] = 11, ["color"] = color },
            };
        return line;
    }

    /// <summary>A full-height shaded step range [<paramref name="from"/>, <paramref name="to"/>] below the data.</summary>
    public static JsonObject Span(long from, long to, string fill, double y0 = 0, double y1 = 1) => new()
    {
        ["type"] = "rect",
        ["xref"] = "x",
        ["yref"] = "paper",
        ["x0"] = from,
        ["x1"] = to,
        ["y0"] = y0,
        ["y1"] = y1,
        ["fillcolor"] = fill,
        ["line"] = new JsonObject { ["width"] = 0 },
        ["layer"] = "below",
    };
}
